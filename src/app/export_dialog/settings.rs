//! The user's export choices: output size preset, custom sizes, DPI, format, locale,
//! background and value labels, and the [`Size`] they give.

use crate::chart::Locale;
use crate::export::pptx::ChartMode;
use crate::export::{self, Background, Format, Size, TextInk, size};
use crate::i18n::Msg;
use crate::model::Lang;
use serde::{Deserialize, Serialize};

/// Resolutions offered for centimetre sizes.
pub const DPI_CHOICES: [u32; 3] = [96, 150, 300];

/// Output size choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Preset {
    /// 16:9 slide, 33.867 × 19.05 cm at the chosen DPI.
    #[default]
    Slide16x9,
    /// 4:3 slide, 25.4 × 19.05 cm at the chosen DPI.
    Slide4x3,
    /// Half an A4 sheet in landscape, 21 × 14.85 cm at the chosen DPI.
    HalfA4,
    /// Square, 19.05 × 19.05 cm at the chosen DPI.
    Square,
    /// 3840 × 2160 px.
    FourK,
    /// [`ExportSettings::custom_px`].
    CustomPx,
    /// [`ExportSettings::custom_cm`] at the chosen DPI.
    CustomCm,
}

impl Preset {
    /// All choices, in menu order.
    pub const ALL: [Preset; 7] = [
        Preset::Slide16x9,
        Preset::Slide4x3,
        Preset::HalfA4,
        Preset::Square,
        Preset::FourK,
        Preset::CustomPx,
        Preset::CustomCm,
    ];

    /// Label in the dialog.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Preset::Slide16x9 => Msg::Slide169.get(lang),
            Preset::Slide4x3 => Msg::Slide43.get(lang),
            Preset::HalfA4 => Msg::HalfA4Landscape.get(lang),
            Preset::Square => Msg::Square.get(lang),
            Preset::FourK => "4K (3840 × 2160)",
            Preset::CustomPx => Msg::CustomPx.get(lang),
            Preset::CustomCm => Msg::CustomCm.get(lang),
        }
    }

    /// Name understood by [`size::parse`], for the named presets.
    fn preset_name(self) -> Option<&'static str> {
        match self {
            Preset::Slide16x9 => Some("slide-16x9"),
            Preset::Slide4x3 => Some("slide-4x3"),
            Preset::HalfA4 => Some("half-a4"),
            Preset::Square => Some("square"),
            Preset::FourK => Some("4k"),
            Preset::CustomPx | Preset::CustomCm => None,
        }
    }

    /// Whether the size is given in centimetres (so the DPI choice applies).
    pub fn uses_dpi(self) -> bool {
        !matches!(self, Preset::FourK | Preset::CustomPx)
    }
}

/// What the user chose; the app may keep it between two openings of the dialog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportSettings {
    /// File format.
    pub format: Format,
    /// Size choice.
    pub preset: Preset,
    /// Width and height for [`Preset::CustomPx`].
    pub custom_px: (u32, u32),
    /// Width and height in centimetres for [`Preset::CustomCm`].
    pub custom_cm: (f64, f64),
    /// Resolution of centimetre sizes (one of [`DPI_CHOICES`]).
    pub dpi: u32,
    /// Language and number format of labels.
    pub locale: Locale,
    /// Background (always white for PDF and PowerPoint).
    pub background: Background,
    /// PowerPoint: native editable charts or pictures.
    #[serde(default)]
    pub pptx_charts: ChartMode,
    /// Print the value on each bar and point.
    pub value_labels: bool,
    /// Dark or light text (light for a transparent image on a dark slide template).
    #[serde(default)]
    pub text: TextInk,
}

impl Default for ExportSettings {
    /// PNG, 16:9 slide at 150 DPI, en-GB, white, no value labels.
    fn default() -> Self {
        ExportSettings {
            format: Format::Png,
            preset: Preset::Slide16x9,
            custom_px: (1600, 900),
            custom_cm: (20.0, 12.0),
            dpi: size::DEFAULT_DPI,
            locale: Locale::EnGb,
            background: Background::White,
            pptx_charts: ChartMode::Native,
            value_labels: false,
            text: TextInk::Dark,
        }
    }
}

impl ExportSettings {
    /// Whether a transparent background is possible in the chosen format (PNG and SVG).
    pub fn transparent_allowed(&self) -> bool {
        !matches!(self.format, Format::Pdf | Format::Pptx)
    }

    /// The output size, or why it is not valid.
    pub fn size(&self) -> Result<Size, export::SizeError> {
        match self.preset {
            Preset::FourK => size::parse("4k", None),
            Preset::CustomPx => Size::px(self.custom_px.0, self.custom_px.1),
            Preset::CustomCm => Size::cm(self.custom_cm.0, self.custom_cm.1, self.dpi),
            named => size::parse(named.preset_name().unwrap_or("slide-16x9"), Some(self.dpi)),
        }
    }
}

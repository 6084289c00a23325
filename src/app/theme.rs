/*!
Fonts, light and dark themes, and presentation mode (full screen, larger text).
*/

use super::App;
use eframe::egui::{self, Color32};
use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};

/// Zoom applied in presentation mode.
pub const PRESENTATION_ZOOM: f32 = 1.35;

/// Adds DejaVu Sans as a fallback for both families: egui's default fonts lack the narrow
/// no-break space of French numbers (`12,5 %`) and many letters of region aliases.
pub fn install_fonts(ctx: &egui::Context) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families,
    ));
}

/// Applies the theme and presentation mode of `app` when they changed.
pub fn apply(app: &mut App, ctx: &egui::Context) {
    let want = (app.state.dark, app.ui.presentation);
    if app.applied_style == Some(want) {
        return;
    }
    let was_presenting = app.applied_style.is_some_and(|(_, p)| p);
    app.applied_style = Some(want);
    ctx.set_theme(if app.state.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    let zoom = if app.ui.presentation {
        PRESENTATION_ZOOM
    } else {
        1.0
    };
    if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(zoom);
    }
    if app.ui.presentation != was_presenting {
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(app.ui.presentation));
    }
}

/// Background of the error banner.
pub fn error_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x5a, 0x1e, 0x1e)
    } else {
        Color32::from_rgb(0xfb, 0xe3, 0xe0)
    }
}

/// Background of comparability warnings.
pub fn warning_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x4a, 0x3b, 0x10)
    } else {
        Color32::from_rgb(0xff, 0xf4, 0xd6)
    }
}

/// A region colour from the palette.
pub fn rgb(c: [u8; 3]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

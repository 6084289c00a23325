/*!
How a dataset asks to be shown, written in its catalogue rather than in code: a region's
colour ([`Colour`], `"#rrggbb"` in the file) and the view a new workspace opens on
([`DefaultView`]: regions, indicators, the indicators added when a chart kind needs more
than one, and the region practices are transferred to). Both are optional, so files written
before they existed load unchanged; the bundled benchmark states its own in
`data/benchmark/catalog.ron`.
*/

use super::dataset::Dataset;
use super::ids::{IndicatorId, RegionId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An sRGB colour, written `"#rrggbb"` (case-insensitive) in dataset files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour(pub [u8; 3]);

/// A colour text that is not `#rrggbb`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("found the colour `{found}`; expected `#rrggbb` (six hexadecimal digits after #)")]
pub struct ColourError {
    /// The text as written.
    pub found: String,
}

impl Colour {
    /// Parses `#rrggbb` (case-insensitive, surrounding blanks ignored).
    pub fn parse(text: &str) -> Result<Colour, ColourError> {
        let bad = || ColourError {
            found: text.to_owned(),
        };
        let digits = text.trim().strip_prefix('#').ok_or_else(bad)?;
        if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let v = u32::from_str_radix(digits, 16).map_err(|_| bad())?;
        Ok(Colour([(v >> 16) as u8, (v >> 8) as u8, v as u8]))
    }
}

impl TryFrom<String> for Colour {
    type Error = ColourError;
    fn try_from(text: String) -> Result<Colour, ColourError> {
        Colour::parse(&text)
    }
}

impl From<Colour> for String {
    fn from(c: Colour) -> String {
        c.to_string()
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// The view a new workspace opens on, and the dataset's choices that used to be fixed in
/// code. Ids that the dataset does not define are passed over where they are used.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DefaultView {
    /// Regions selected at first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<RegionId>,
    /// Indicators selected at first (the first one alone when the chart shows one).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorId>,
    /// Indicators added, in this order, when a chart kind needs more than one (a scatter
    /// two, a radar four).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<IndicatorId>,
    /// The region "what to transfer" proposes practices for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_to: Option<RegionId>,
}

/// The view of a dataset that states none.
static NO_VIEW: DefaultView = DefaultView {
    regions: Vec::new(),
    indicators: Vec::new(),
    profile: Vec::new(),
    transfer_to: None,
};

impl Dataset {
    /// The default view its metadata states (an empty one when it states none).
    pub fn default_view(&self) -> &DefaultView {
        self.meta().default_view.as_ref().unwrap_or(&NO_VIEW)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_strictly_and_print_back() {
        assert_eq!(Colour::parse(" #D55E00 "), Ok(Colour([0xD5, 0x5E, 0x00])));
        assert_eq!(Colour([0xD5, 0x5E, 0x00]).to_string(), "#d55e00");
        for bad in ["d55e00", "#d55e0", "#d55e00f", "#g55e00", ""] {
            assert_eq!(
                Colour::parse(bad),
                Err(ColourError {
                    found: bad.to_owned()
                })
            );
        }
    }
}

/*!
The app's words come from the one catalogue, [`crate::i18n`]: [`Msg`] entries in English and
French. This file only adds what is specific to the app's panels.
*/

pub use crate::i18n::{Msg, system_lang};

use crate::model::Lang;

/// Adoption level 0–3 in words (`None`: not given).
pub fn adoption(level: Option<u8>, lang: Lang) -> &'static str {
    match level {
        Some(0) => Msg::AdoptionAbsent,
        Some(1) => Msg::AdoptionEmerging,
        Some(2) => Msg::AdoptionCommon,
        Some(_) => Msg::AdoptionWidespread,
        None => Msg::Unknown,
    }
    .get(lang)
}

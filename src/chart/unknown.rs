/*!
Warnings about ids of a chart description that the dataset does not know: one warning per
kind of id, naming the first few and counting the rest, so a description listing a million
unknown regions still gives one short line under the chart and in messages.
*/

use crate::i18n::Msg;
use crate::model::Lang;

/// Unknown ids named in one warning at most.
pub const UNKNOWN_IDS_SHOWN: usize = 5;

/// One warning for the unknown ids of one kind (`what`: "region", "région"…): the first
/// [`UNKNOWN_IDS_SHOWN`] distinct ids, each cut to
/// [`MAX_SHOWN_CHARS`](crate::model::text::MAX_SHOWN_CHARS), then how many more; `None`
/// when there are none. Linear in the number of ids.
pub fn unknown_ids_warning(ids: &[&str], what: &str, lang: Lang) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    let distinct: Vec<&str> = ids.iter().copied().filter(|id| seen.insert(*id)).collect();
    let first = distinct.first()?;
    // written for the reader of the chart: what was not found, and that it is left out
    let quote = |id: &str| {
        let id = crate::model::text::shorten(id);
        Msg::QuotedName.fill(lang, &[&id])
    };
    if distinct.len() == 1 {
        return Some(Msg::NotFoundOne.fill(lang, &[&what, &quote(first)]));
    }
    let shown: Vec<String> = distinct
        .iter()
        .take(UNKNOWN_IDS_SHOWN)
        .map(|id| quote(id))
        .collect();
    let more = distinct.len().saturating_sub(UNKNOWN_IDS_SHOWN);
    let list = shown.join(", ");
    let plural = plural(what);
    Some(match more {
        0 => Msg::NotFoundMany.fill(lang, &[&plural, &list]),
        1 => Msg::NotFoundManyOneMore.fill(lang, &[&plural, &list]),
        m => Msg::NotFoundManyMore.fill(lang, &[&plural, &list, &m]),
    })
}

/// Plural of the English or French word for a kind of id (`canal` → `canaux`).
fn plural(what: &str) -> String {
    if what == "canal" {
        "canaux".to_owned()
    } else {
        format!("{what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_ids_are_reported_in_reader_wording() {
        assert_eq!(
            unknown_ids_warning(&["fr"], "region", Lang::En).as_deref(),
            Some("Not found in the data: region “fr” (left out of the chart).")
        );
        let fr = unknown_ids_warning(&["a", "b"], "canal", Lang::Fr).unwrap_or_default();
        assert_eq!(
            fr,
            "Introuvables dans les données\u{a0}: canaux «\u{a0}a\u{a0}», «\u{a0}b\u{a0}» (hors du graphique)."
        );
        for w in [fr.as_str(), "Not found"] {
            assert!(!w.contains('`') && !w.contains("ignored"), "{w}");
        }
    }
}

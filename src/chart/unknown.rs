/*!
Warnings about ids of a chart description that the dataset does not know: one warning per
kind of id, naming the first few and counting the rest, so a description listing a million
unknown regions still gives one short line under the chart and in messages.
*/

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
    let fr = lang == Lang::Fr;
    let quote = |id: &str| {
        let id = crate::model::text::shorten(id);
        if fr {
            format!("« {id} »")
        } else {
            format!("`{id}`")
        }
    };
    if distinct.len() == 1 {
        return Some(if fr {
            format!("{what} inconnu ignoré\u{a0}: {}", quote(first))
        } else {
            format!("Unknown {what} ignored: {}", quote(first))
        });
    }
    let shown: Vec<String> = distinct
        .iter()
        .take(UNKNOWN_IDS_SHOWN)
        .map(|id| quote(id))
        .collect();
    let more = distinct.len().saturating_sub(UNKNOWN_IDS_SHOWN);
    let list = shown.join(", ");
    Some(match (fr, more) {
        (true, 0) => format!("Identifiants inconnus ignorés ({what})\u{a0}: {list}"),
        (true, m) => format!("Identifiants inconnus ignorés ({what})\u{a0}: {list} et {m} autres"),
        (false, 0) => format!("Unknown {what}s ignored: {list}"),
        (false, m) => format!("Unknown {what}s ignored: {list} and {m} more"),
    })
}

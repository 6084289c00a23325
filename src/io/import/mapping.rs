/*!
The column mapping: how a table's columns become observations. A [`Mapping`] is plain
serde data, saved as RON next to the data file (`<file>.mapping.ron`, see
[`mapping_path`]) so the next import needs no questions; the command line takes the same
file with `--mapping`. [`Mapping::guess`] proposes one from the header row (English and
French names, the Our World in Data grapher layout), and [`suggest_region`] proposes known
regions for an unknown name.
*/

use super::text::{normalise, slug};
use crate::model::{Dataset, Grade, Indicator, Period, Region, RegionId, RegionKind, Source};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How observations are laid out in the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// One row per region / channel / indicator / period with a value column.
    #[default]
    Long,
    /// One column per period (`2014`, `2015`, …); rows name region (channel, indicator).
    WideYears,
    /// One column per indicator; rows name region (channel) and period.
    WideIndicators,
    /// Our World in Data grapher CSV: `Entity,Code,Year,<indicator>...`.
    Owid,
    /// One row per survey answer (0–10 likelihood to recommend and/or 1–5 satisfaction),
    /// turned into NPS and CSAT per region / channel / period.
    SurveyAnswers,
    /// One row per contact (queue time, handling time, outcome, optional customer key),
    /// turned into ASA, AHT, abandonment, service level and FCR per region / channel /
    /// period.
    ContactLog,
}

/// What to do with a name that matches nothing known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unknown {
    /// Stop with an error listing every unknown name, with suggestions.
    #[default]
    Error,
    /// Create a new record with a slug id (regions: a country when a code is given,
    /// otherwise a group; indicators: unit from the header, direction neutral).
    Create,
}

/// Header names of the columns holding each role (matched ignoring case, accents and
/// punctuation). `None` when the file has no such column.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Columns {
    /// Region name, id or code.
    pub region: Option<String>,
    /// ISO code of the region (used before the name when both are present).
    pub code: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// Indicator (long layout).
    pub indicator: Option<String>,
    /// Period (`2016`, `2016-Q3`, …).
    pub period: Option<String>,
    /// Value (long layout).
    pub value: Option<String>,
    /// Source id of each row (default: the import's own source).
    pub source: Option<String>,
    /// Grade of each row: `Measured`, `Estimated`, `Illustrative` (also French `mesuré`,
    /// `estimé`, `illustratif`); an empty cell takes the mapping's `grade`.
    pub grade: Option<String>,
    /// Sample size of each row.
    pub sample_size: Option<String>,
    /// Margin of error of each row.
    pub margin: Option<String>,
    /// Free note of each row.
    pub note: Option<String>,
    /// Survey: likelihood to recommend, 0–10.
    pub recommend: Option<String>,
    /// Survey: satisfaction, 1–5.
    pub satisfaction: Option<String>,
    /// Contact log: seconds in queue before answer or abandonment.
    pub queue_s: Option<String>,
    /// Contact log: handling seconds (talk + after-contact work).
    pub service_s: Option<String>,
    /// Contact log: `answered` / `abandoned` (also French `répondu` / `abandonné`).
    pub outcome: Option<String>,
    /// Contact log: customer key, to find repeat contacts.
    pub customer: Option<String>,
    /// Contact log: date and time of the contact.
    pub timestamp: Option<String>,
}

/// Values used when the table has no column for a role.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Constants {
    /// Region name or id for every row.
    pub region: Option<String>,
    /// Channel name or id for every row.
    pub channel: Option<String>,
    /// Indicator name or id for every row.
    pub indicator: Option<String>,
    /// Period for every row.
    pub period: Option<Period>,
}

/// How to read one table. See `docs/import.md` for a full example.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mapping {
    /// Table layout.
    pub layout: Layout,
    /// Sheet of a workbook (default: the first).
    pub sheet: Option<String>,
    /// 1-based row holding the headers (default 1); rows above it are ignored.
    pub header_row: Option<u32>,
    /// Column of each role, by header name.
    pub columns: Columns,
    /// Values for roles without a column.
    pub constants: Constants,
    /// Wide layouts: the value columns (default: every period header for `WideYears`,
    /// every column without a role for `WideIndicators` and `Owid`).
    pub value_columns: Vec<String>,
    /// Names used in the file → indicator ids (`"Taux de décroché": "answer_30s_pct"`).
    pub indicators: BTreeMap<String, String>,
    /// Indicators the file introduces (same form as in dataset files).
    pub new_indicators: Vec<Indicator>,
    /// What to do with an indicator name that matches nothing.
    pub unknown_indicators: Unknown,
    /// Names used in the file → region ids (`"Royaume-Uni": "uk"`).
    pub regions: BTreeMap<String, String>,
    /// Regions the file introduces (same form as in dataset files).
    pub new_regions: Vec<Region>,
    /// What to do with a region name that matches nothing.
    pub unknown_regions: Unknown,
    /// Names used in the file → channel ids (`"Tél.": "phone"`).
    pub channels: BTreeMap<String, String>,
    /// Force the decimal separator (`true`: comma); default: comma when the delimiter is
    /// `;` or tab, point otherwise.
    pub decimal_comma: Option<bool>,
    /// Source attached to every observation (default: a new `OwnData` source named after
    /// the file).
    pub source: Option<Source>,
    /// Grade of every observation (default: `Measured`).
    pub grade: Grade,
    /// Contact log: a call answered within this many seconds counts for the service level.
    pub service_level_s: u32,
    /// Contact log: a contact from the same customer within this many days after another
    /// is a repeat contact (first-contact resolution).
    pub fcr_window_days: u32,
}

impl Default for Mapping {
    fn default() -> Self {
        Self {
            layout: Layout::Long,
            sheet: None,
            header_row: None,
            columns: Columns::default(),
            constants: Constants::default(),
            value_columns: Vec::new(),
            indicators: BTreeMap::new(),
            new_indicators: Vec::new(),
            unknown_indicators: Unknown::Error,
            regions: BTreeMap::new(),
            new_regions: Vec::new(),
            unknown_regions: Unknown::Error,
            channels: BTreeMap::new(),
            decimal_comma: None,
            source: None,
            grade: Grade::Measured,
            service_level_s: 20,
            fcr_window_days: 7,
        }
    }
}

/// Header names recognised for each role, in normalised form (see [`normalise`]).
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "region",
        &[
            "region",
            "regions",
            "pays",
            "country",
            "entity",
            "zone",
            "territoire",
            "marche",
            "market",
            "entite",
        ],
    ),
    (
        "code",
        &["code", "iso", "iso code", "code iso", "iso3", "iso2"],
    ),
    (
        "channel",
        &["channel", "canal", "canaux", "channels", "media"],
    ),
    (
        "indicator",
        &[
            "indicator",
            "indicateur",
            "kpi",
            "metric",
            "mesure",
            "measure",
            "indicateurs",
        ],
    ),
    (
        "period",
        &[
            "period",
            "periode",
            "year",
            "annee",
            "date",
            "an",
            "mois",
            "month",
            "quarter",
            "trimestre",
        ],
    ),
    (
        "value",
        &["value", "valeur", "val", "montant", "score", "taux"],
    ),
    ("source", &["source"]),
    (
        "grade",
        &["grade", "qualite", "quality", "statut de la donnee"],
    ),
    (
        "sample_size",
        &[
            "sample size",
            "sample",
            "n",
            "echantillon",
            "taille echantillon",
            "base",
            "effectif",
        ],
    ),
    (
        "margin",
        &[
            "margin",
            "marge",
            "marge d erreur",
            "margin of error",
            "moe",
        ],
    ),
    (
        "note",
        &["note", "notes", "comment", "commentaire", "remarque"],
    ),
    (
        "recommend",
        &[
            "recommend",
            "likelihood to recommend",
            "recommandation",
            "recommander",
            "ltr",
            "nps score",
            "note recommandation",
        ],
    ),
    (
        "satisfaction",
        &[
            "satisfaction",
            "csat",
            "satisfaction 1 5",
            "note satisfaction",
        ],
    ),
    (
        "queue_s",
        &[
            "queue s",
            "queue time",
            "wait s",
            "wait time",
            "attente",
            "temps d attente",
            "attente s",
            "queue",
        ],
    ),
    (
        "service_s",
        &[
            "service s",
            "service time",
            "handling time",
            "handle time",
            "talk time",
            "duree",
            "duree de traitement",
            "aht",
            "traitement s",
        ],
    ),
    (
        "outcome",
        &["outcome", "result", "status", "statut", "resultat", "issue"],
    ),
    (
        "customer",
        &[
            "customer",
            "customer id",
            "client",
            "id client",
            "customer key",
            "numero client",
        ],
    ),
    (
        "timestamp",
        &[
            "timestamp",
            "datetime",
            "date heure",
            "start",
            "started at",
            "horodatage",
            "debut",
        ],
    ),
];

fn role_of(header: &str) -> Option<&'static str> {
    let n = normalise(header);
    SYNONYMS
        .iter()
        .find(|(_, names)| names.contains(&n.as_str()))
        .map(|(role, _)| *role)
}

impl Mapping {
    /// Proposes a mapping from a header row: the OWID grapher layout when the headers are
    /// `Entity, Code, Year, ...`; otherwise roles from common English and French header
    /// names ("Région", "Pays", "Canal", "Indicateur", "Année", "Période", "Valeur", …),
    /// a wide-years layout when headers are periods, a survey or contact-log layout when
    /// the answer or queue-time columns are present.
    pub fn guess(headers: &[String], catalog: &Dataset) -> Mapping {
        let mut m = Mapping::default();
        let norm: Vec<String> = headers.iter().map(|h| normalise(h)).collect();
        if norm.len() >= 4 && norm[0] == "entity" && norm[1] == "code" && norm[2] == "year" {
            m.layout = Layout::Owid;
            m.columns.region = Some(headers[0].clone());
            m.columns.code = Some(headers[1].clone());
            m.columns.period = Some(headers[2].clone());
            m.unknown_regions = Unknown::Create;
            m.unknown_indicators = Unknown::Create;
            return m;
        }
        let mut period_headers = 0usize;
        let mut unassigned = Vec::new();
        for h in headers {
            if Period::parse(h).is_ok() {
                period_headers += 1;
                continue;
            }
            let slot = match role_of(h) {
                Some("region") => &mut m.columns.region,
                Some("code") => &mut m.columns.code,
                Some("channel") => &mut m.columns.channel,
                Some("indicator") => &mut m.columns.indicator,
                Some("period") => &mut m.columns.period,
                Some("value") => &mut m.columns.value,
                Some("source") => &mut m.columns.source,
                Some("grade") => &mut m.columns.grade,
                Some("sample_size") => &mut m.columns.sample_size,
                Some("margin") => &mut m.columns.margin,
                Some("note") => &mut m.columns.note,
                Some("recommend") => &mut m.columns.recommend,
                Some("satisfaction") => &mut m.columns.satisfaction,
                Some("queue_s") => &mut m.columns.queue_s,
                Some("service_s") => &mut m.columns.service_s,
                Some("outcome") => &mut m.columns.outcome,
                Some("customer") => &mut m.columns.customer,
                Some("timestamp") => &mut m.columns.timestamp,
                _ => {
                    unassigned.push(h.clone());
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(h.clone());
            } else {
                unassigned.push(h.clone());
            }
        }
        m.layout = if m.columns.queue_s.is_some() {
            Layout::ContactLog
        } else if m.columns.recommend.is_some() && m.columns.value.is_none() {
            Layout::SurveyAnswers
        } else if m.columns.value.is_some() {
            Layout::Long
        } else if period_headers > 0 {
            Layout::WideYears
        } else if !unassigned.is_empty() {
            Layout::WideIndicators
        } else {
            Layout::Long
        };
        if m.layout == Layout::WideIndicators {
            // write the catalogue indicator each column denotes into the mapping, so the
            // saved file shows (and lets the user change) how headers were understood
            for h in &unassigned {
                if let Some(ix) = find_indicator(h, catalog) {
                    m.indicators
                        .insert(h.clone(), catalog.indicators.at(ix).id.to_string());
                }
            }
        }
        m
    }

    /// Parses a mapping file's text (RON, `implicit_some` on).
    pub fn from_ron(text: &str) -> Result<Mapping, ron::error::SpannedError> {
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .from_str(text)
    }

    /// The mapping as pretty RON.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let pretty = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .extensions(Extensions::IMPLICIT_SOME);
        ron::Options::default()
            .with_default_extension(Extensions::IMPLICIT_SOME)
            .to_string_pretty(self, pretty)
    }

    /// Reads a mapping file.
    pub fn load(path: &Path) -> Result<Mapping, super::ImportError> {
        let text =
            crate::io::read::read_limited(path, crate::io::read::MAX_SPEC_BYTES).map_err(|e| {
                super::ImportError::Mapping {
                    path: path.to_owned(),
                    message: e.to_string(),
                }
            })?;
        let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text);
        let text = std::str::from_utf8(text).map_err(|e| {
            let (line, column) = crate::io::read::utf8_error_position(text, e.valid_up_to());
            super::ImportError::Mapping {
                path: path.to_owned(),
                message: format!(
                    "{line}:{column}: the file is not valid UTF-8 text (save it as UTF-8)"
                ),
            }
        })?;
        Mapping::from_ron(text).map_err(|e| super::ImportError::Mapping {
            path: path.to_owned(),
            message: crate::io::read::cap_message(&format!(
                "{}:{}: {}",
                e.span.start.line, e.span.start.col, e.code
            ))
            .into_owned(),
        })
    }

    /// The mapping saved beside `data_path` ([`mapping_path`]), if there is one.
    pub fn load_beside(data_path: &Path) -> Result<Option<Mapping>, super::ImportError> {
        let p = mapping_path(data_path);
        // anything there but a regular file (a FIFO, a device) is refused by `load`
        if p.exists() {
            Mapping::load(&p).map(Some)
        } else {
            Ok(None)
        }
    }

    /// Saves the mapping beside `data_path` atomically (an explicit user action);
    /// returns the mapping file's path.
    pub fn save_beside(
        &self,
        data_path: &Path,
        overwrite: bool,
    ) -> Result<PathBuf, super::ImportError> {
        let p = mapping_path(data_path);
        self.save(&p, overwrite)?;
        Ok(p)
    }

    /// Saves the mapping to `path` atomically.
    pub fn save(&self, path: &Path, overwrite: bool) -> Result<(), super::ImportError> {
        let text = self.to_ron().map_err(|e| super::ImportError::Mapping {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        crate::io::atomic::write_atomic(path, text.as_bytes(), overwrite).map_err(|e| {
            super::ImportError::Mapping {
                path: path.to_owned(),
                message: e.to_string(),
            }
        })
    }
}

/// Where the mapping of `data_path` is saved: the file name plus `.mapping.ron`
/// (`sales.csv` → `sales.csv.mapping.ron`).
pub fn mapping_path(data_path: &Path) -> PathBuf {
    let mut name = data_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".mapping.ron");
    data_path.with_file_name(name)
}

/// Names longer than this (in bytes, normalised) get no fuzzy suggestion: similarity costs
/// the product of the two lengths.
const MAX_FUZZY_BYTES: usize = 128;

/// Finds the region a name denotes exactly: its id, ISO code, an alias or its English or
/// French name (ignoring case, accents and punctuation).
pub fn find_region(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.regions.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    if n.is_empty() {
        return None;
    }
    catalog
        .regions
        .iter()
        .position(|r| {
            normalise(r.id.as_str()) == n
                || r.iso.as_deref().is_some_and(|c| normalise(c) == n)
                || normalise(&r.name.en) == n
                || normalise(&r.name.fr) == n
                || r.aliases.iter().any(|a| normalise(a) == n)
        })
        .map(|i| i as u32)
}

/// Finds the channel a name denotes: id, alias or name (ignoring case and accents).
pub fn find_channel(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.channels.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    catalog
        .channels
        .iter()
        .position(|c| {
            normalise(c.id.as_str()) == n
                || normalise(&c.name.en) == n
                || normalise(&c.name.fr) == n
                || c.aliases.iter().any(|a| normalise(a) == n)
        })
        .map(|i| i as u32)
}

/// Finds the indicator a name denotes: id or English or French name.
pub fn find_indicator(name: &str, catalog: &Dataset) -> Option<u32> {
    if let Some(ix) = catalog.indicators.ix(name) {
        return Some(ix);
    }
    let n = normalise(name);
    catalog
        .indicators
        .iter()
        .position(|i| {
            normalise(i.id.as_str()) == n
                || normalise(&i.name.en) == n
                || normalise(&i.name.fr) == n
        })
        .map(|i| i as u32)
}

/// Known regions a name may denote, best first, with a score in 0–1 (1: exact match on
/// id, ISO code, alias or name; below: fuzzy similarity of the names). A group that
/// contains a matched country is proposed after it ("Maroc" → morocco, then maghreb).
pub fn suggest_region(name: &str, catalog: &Dataset) -> Vec<(RegionId, f64)> {
    let n = normalise(name);
    let mut scored: Vec<(u32, f64)> = Vec::new();
    if n.is_empty() {
        return Vec::new();
    }
    for (ix, r) in catalog.regions.iter().enumerate() {
        let names = std::iter::once(r.id.as_str())
            .chain(r.iso.as_deref())
            .chain([r.name.en.as_str(), r.name.fr.as_str()])
            .chain(r.aliases.iter().map(String::as_str));
        let mut best = 0.0f64;
        for cand in names {
            let c = normalise(cand);
            if c.is_empty() {
                continue;
            }
            let s = if c == n {
                1.0
            } else if c.len() > 3 && n.len() > 3 && (c.contains(&n) || n.contains(&c)) {
                0.85
            } else if c.len() <= 3
                || n.len() <= 3
                || n.len() > MAX_FUZZY_BYTES
                || c.len() > MAX_FUZZY_BYTES
            {
                0.0 // codes only match exactly; long names are not compared fuzzily
            } else {
                strsim::jaro_winkler(&c, &n)
            };
            best = best.max(s);
        }
        if best >= 0.8 {
            scored.push((ix as u32, best));
        }
    }
    // groups containing a matched region
    let matched: Vec<(u32, f64)> = scored.clone();
    for (ix, s) in matched {
        let id = &catalog.regions.at(ix).id;
        for (gix, g) in catalog.regions.iter().enumerate() {
            if g.kind == RegionKind::Group && g.members.contains(id) {
                let gs = s * 0.9;
                match scored.iter_mut().find(|(i, _)| *i == gix as u32) {
                    Some(e) => e.1 = e.1.max(gs),
                    None => scored.push((gix as u32, gs)),
                }
            }
        }
    }
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(5);
    scored
        .into_iter()
        .map(|(ix, s)| (catalog.regions.at(ix).id.clone(), s))
        .collect()
}

/// A free region id built from `name` (slug, suffixed when taken).
pub fn free_region_id(name: &str, ds: &Dataset) -> RegionId {
    let base = slug(name);
    if ds.regions.ix(&base).is_none() {
        return RegionId::new(base);
    }
    (2..)
        .map(|k| format!("{base}_{k}"))
        .find(|c| ds.regions.ix(c).is_none())
        .map(RegionId::new)
        .unwrap_or_else(|| RegionId::new(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn guesses_french_long_and_owid() {
        let cat = Dataset::default();
        let m = Mapping::guess(
            &h(&["Région", "Canal", "Indicateur", "Année", "Valeur"]),
            &cat,
        );
        assert_eq!(m.layout, Layout::Long);
        assert_eq!(m.columns.region.as_deref(), Some("Région"));
        assert_eq!(m.columns.period.as_deref(), Some("Année"));
        assert_eq!(m.columns.value.as_deref(), Some("Valeur"));
        let m = Mapping::guess(&h(&["Entity", "Code", "Year", "Share (%)"]), &cat);
        assert_eq!(m.layout, Layout::Owid);
        let m = Mapping::guess(&h(&["Pays", "Indicateur", "2014", "2015"]), &cat);
        assert_eq!(m.layout, Layout::WideYears);
        let m = Mapping::guess(&h(&["Pays", "Année", "nps", "fcr_pct"]), &cat);
        assert_eq!(m.layout, Layout::WideIndicators);
    }

    #[test]
    fn mapping_round_trips_as_ron() -> Result<(), Box<dyn std::error::Error>> {
        let mut m = Mapping::default();
        m.columns.region = Some("Pays".into());
        m.regions.insert("Royaume-Uni".into(), "uk".into());
        m.constants.period = Some(Period::year(2016));
        let text = m.to_ron()?;
        assert_eq!(Mapping::from_ron(&text)?, m);
        assert_eq!(
            mapping_path(Path::new("/a/b.csv")),
            PathBuf::from("/a/b.csv.mapping.ron")
        );
        Ok(())
    }
}

/*!
`servicescope list regions|channels|indicators|practices|sources`.
*/

use super::{CliError, Exit};
use crate::model::{Direction, Lang, RegionKind};
use std::path::PathBuf;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// Regions with names, kind and members.
    Regions,
    /// Channels.
    Channels,
    /// Indicators with unit and direction.
    Indicators,
    /// Practices with regions, theme and source.
    Practices,
    /// Sources with publisher, date and address.
    Sources,
}

/// Arguments of `list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to list.
    #[arg(value_enum)]
    pub what: What,
    /// Dataset files (default: the bundled benchmark).
    #[arg(long = "data", value_name = "FILE")]
    pub data: Vec<PathBuf>,
}

/// Runs `list`.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    let ds = super::dataset(&args.data)?;
    let (header, rows): (Vec<&str>, Vec<Vec<String>>) = match args.what {
        What::Regions => (
            vec!["id", "name (en)", "name (fr)", "kind", "members / parent"],
            ds.regions()
                .iter()
                .map(|r| {
                    let rel = match r.kind {
                        RegionKind::Group => r
                            .members
                            .iter()
                            .map(|m| m.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => r.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                    };
                    vec![
                        r.id.to_string(),
                        r.name.en.clone(),
                        r.name.fr.clone(),
                        format!("{:?}", r.kind).to_lowercase(),
                        rel,
                    ]
                })
                .collect(),
        ),
        What::Channels => (
            vec!["id", "name (en)", "name (fr)"],
            ds.channels()
                .iter()
                .map(|c| vec![c.id.to_string(), c.name.en.clone(), c.name.fr.clone()])
                .collect(),
        ),
        What::Indicators => (
            vec!["id", "name (en)", "unit", "direction", "per channel"],
            ds.indicators()
                .iter()
                .map(|i| {
                    let dir = match i.direction {
                        Direction::HigherIsBetter => "higher is better",
                        Direction::LowerIsBetter => "lower is better",
                        Direction::Neutral => "neutral",
                    };
                    vec![
                        i.id.to_string(),
                        i.name.en.clone(),
                        crate::chart::format::unit_label(&i.unit, Lang::En),
                        dir.into(),
                        if i.channel_specific {
                            "yes".into()
                        } else {
                            "no".into()
                        },
                    ]
                })
                .collect(),
        ),
        What::Practices => (
            vec!["id", "regions", "theme", "adoption", "year", "source"],
            ds.practices()
                .iter()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        p.regions
                            .iter()
                            .map(|r| r.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                        p.theme.label(Lang::En).into(),
                        p.adoption
                            .map(|a| a.to_string())
                            .unwrap_or_else(|| "-".into()),
                        p.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into()),
                        p.source.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
        What::Sources => (
            vec!["id", "publisher", "date", "title", "address"],
            ds.sources()
                .iter()
                .map(|s| {
                    vec![
                        s.id.to_string(),
                        s.publisher.clone(),
                        s.date.clone(),
                        s.title.clone(),
                        s.address.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        ),
    };
    super::write_table(out, &header, &rows)?;
    Ok(Exit::Success)
}

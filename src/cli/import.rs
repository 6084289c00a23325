/*!
`servicescope import FILE [--sheet NAME] [--mapping MAP.ron] --out OUT.ron [--force]`:
imports a CSV/TSV or XLSX/ODS table on top of the bundled catalogue, validates it, and saves
only the imported records (its source, new regions and indicators, the observations) as
RON, atomically. Without `--mapping`, the mapping saved beside the file
(`FILE.mapping.ron`) is used, else one is guessed from the headers; `--write-mapping` saves
the mapping used (or guessed) beside the file after a successful import, or as a draft
(`FILE.mapping.draft.ron`, never used by itself) when the import fails, to edit and pass with
`--mapping`.
*/

use super::{CliError, Exit, term};
use crate::io::atomic::{self, WriteError};
use crate::io::{self, import};
use std::path::{Path, PathBuf};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Table to import (.csv, .tsv, .txt, .xlsx, .xls, .ods).
    pub file: PathBuf,
    /// Sheet of a workbook (default: the mapping's, else the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Mapping file (RON); default: FILE.mapping.ron when present, else a guess.
    #[arg(long, value_name = "MAP.ron")]
    pub mapping: Option<PathBuf>,
    /// Where to save the imported records (RON).
    #[arg(long, value_name = "OUT.ron")]
    pub out: PathBuf,
    /// Overwrite OUT (and FILE.mapping.ron or its draft with --write-mapping) if it exists.
    #[arg(long)]
    pub force: bool,
    /// Save the mapping used (or guessed) as FILE.mapping.ron after a successful import, or as
    /// FILE.mapping.draft.ron when it fails, to edit and pass with --mapping.
    #[arg(long)]
    pub write_mapping: bool,
}

/// Runs `import`. Every output (`--out`, and the mapping beside the file with
/// `--write-mapping`) is checked first: it must not be an input (the table, the mapping
/// read), and without `--force` it must not exist; then the table is imported, and only
/// then is anything written. Exit codes as in [`super::exit`]: 1 when the file cannot be
/// imported, 3 when an output is refused.
pub fn run(args: &Args, out: &mut dyn std::io::Write) -> Result<Exit, CliError> {
    // inputs: the table, the mapping given, or the one saved beside the table
    let beside = import::mapping_path(&args.file);
    let mut inputs: Vec<&Path> = vec![&args.file];
    match &args.mapping {
        Some(m) => inputs.push(m),
        None if beside.is_file() => inputs.push(&beside),
        None => {}
    }
    atomic::refuse_inputs(&args.out, &inputs)?;
    // a failed import saves its mapping as a draft, which no command picks up by itself
    let draft = draft_path(&args.file);
    // the draft given back with --mapping is not written again: it is already there
    let draft_given = args.mapping.as_deref() == Some(draft.as_path());
    if args.write_mapping {
        // the mapping written may replace the one read (that is its purpose), never the
        // table or the output
        atomic::refuse_inputs(&beside, &[&args.file, &args.out])?;
        atomic::refuse_inputs(&draft, &[&args.file, &args.out])?;
    }
    let mut outputs: Vec<&Path> = vec![&args.out];
    if args.write_mapping {
        outputs.push(&beside);
        if !draft_given {
            outputs.push(&draft);
        }
    }
    if !args.force
        && let Some(taken) = outputs.iter().find(|p| atomic::name_taken(p))
    {
        return Err(WriteError::Exists {
            path: taken.to_path_buf(),
        }
        .into());
    }
    let base = io::benchmark::catalog()?;
    let mapping = match &args.mapping {
        Some(p) => Some(import::Mapping::load(p).map_err(|e| e.into_load_error(p))?),
        None => None,
    };
    // the mapping to save with --write-mapping: the one used, or the guess
    let to_save = if args.write_mapping {
        Some(match &mapping {
            Some(m) => m.clone(),
            None => match import::Mapping::load_beside(&args.file)
                .map_err(|e| e.into_load_error(&args.file))?
            {
                Some(m) => m,
                None => {
                    let p = import::preview(&args.file, args.sheet.as_deref(), 0, &base)
                        .map_err(|e| e.into_load_error(&args.file))?;
                    let mut g = p.guess;
                    g.sheet = p.sheet;
                    g
                }
            },
        })
    } else {
        None
    };
    let save_mapping = |out: &mut dyn std::io::Write| -> Result<(), CliError> {
        if let Some(m) = &to_save {
            let path = m
                .save_beside(&args.file, args.force)
                .map_err(|e| e.into_load_error(&args.file))?;
            writeln!(out, "mapping written to {}", path.display())?;
        }
        Ok(())
    };
    let options = import::ImportOptions {
        mapping: mapping.as_ref(),
        sheet: args.sheet.as_deref(),
    };
    let imported = match import::import_path(&base, &args.file, options, None) {
        Ok(i) => i,
        Err(e) => {
            let e = e.into_load_error(&args.file);
            writeln!(out, "{}", term::shown_lines(&e.to_string()))?;
            if super::exit::of_load(&e) == Exit::Io {
                return Ok(Exit::Io);
            }
            // the mapping is how such a failure gets fixed (unknown names, columns): save it
            // as a draft to edit and pass with --mapping; not beside the table, where later
            // commands would silently use a mapping that does not work
            if let Some(m) = to_save.as_ref().filter(|_| !draft_given) {
                m.save(&draft, args.force)
                    .map_err(|e| e.into_load_error(&args.file))?;
                writeln!(
                    out,
                    "the import failed: the mapping is saved as a draft in {d}; edit it (for \
                     example map the unknown names) and run again with --mapping {d}",
                    d = draft.display()
                )?;
            }
            return Ok(Exit::Invalid);
        }
    };
    imported
        .save_ron(&args.out, args.force)
        .map_err(|e| match e {
            io::ron_file::SaveError::Write(w) => CliError::Write(w),
            io::ron_file::SaveError::Ron(r) => CliError::Usage(format!("cannot write RON: {r}")),
        })?;
    save_mapping(out)?;
    let s = imported.stats;
    writeln!(
        out,
        "{}: {} rows read, {} observations ({} missing values), {} new region(s), {} new indicator(s), source `{}` → {}",
        args.file.display(),
        s.rows,
        s.observations,
        s.missing_values,
        imported.new_regions.len(),
        imported.new_indicators.len(),
        term::shown(imported.source.as_str()),
        args.out.display()
    )?;
    match imported.mapping.to_ron() {
        Ok(text) => writeln!(out, "mapping used:\n{text}")?,
        Err(e) => writeln!(out, "(the mapping used cannot be shown: {e})")?,
    }
    if s.skipped_rows > 0 {
        writeln!(
            out,
            "{} malformed row(s) skipped (bad_rows: Skip):",
            s.skipped_rows
        )?;
        for cell in &imported.skipped {
            writeln!(out, "  {cell}")?;
        }
        if s.skipped_rows > imported.skipped.len() {
            writeln!(
                out,
                "  … and {} more",
                s.skipped_rows - imported.skipped.len()
            )?;
        }
    }
    Ok(Exit::Success)
}

/// Where `import --write-mapping` saves the mapping of a failed import: `<file>.mapping.draft.ron`
/// beside the table (never loaded automatically, unlike `<file>.mapping.ron`).
pub fn draft_path(table: &Path) -> std::path::PathBuf {
    let mut name = table.file_name().unwrap_or_default().to_os_string();
    name.push(".mapping.draft.ron");
    table.with_file_name(name)
}

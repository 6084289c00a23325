/*!
The exit codes of every command, in one table (also in the README, "Exit codes"):

| code | meaning |
|---|---|
| 0 | success |
| 1 | invalid input: a file given (dataset, table, mapping, chart description, deck) is not valid, `validate` found problems, or a chart matches no value |
| 2 | usage: an argument is missing, unknown, out of range or conflicts with another (clap's own errors use 2 too) |
| 3 | refused to write: an output exists and `--force` is absent, or an output is one of the command's inputs; nothing was written |
| 4 | a file cannot be read or written (missing, permission, disk full), or another failure outside the input (an image too large to allocate, an internal error) |

A Rust panic would exit with 101; no input should cause one.
*/

use super::CliError;
use crate::export::ExportError;
use crate::io::LoadError;
use crate::io::atomic::WriteError;

/// The exit code of a command (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Exit {
    /// 0: success.
    Success,
    /// 1: invalid input, or a chart that matches no value.
    Invalid,
    /// 2: wrong arguments.
    Usage,
    /// 3: an output exists (without `--force`) or is an input; nothing written.
    Refused,
    /// 4: a file cannot be read or written, or another failure outside the input.
    Io,
}

impl Exit {
    /// The process exit status.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Invalid => 1,
            Exit::Usage => 2,
            Exit::Refused => 3,
            Exit::Io => 4,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(e: Exit) -> Self {
        std::process::ExitCode::from(e.code())
    }
}

/// Exit code of a failed load: unreadable files are [`Exit::Io`], everything else about the
/// file's content (syntax, size, values, type) is [`Exit::Invalid`].
pub fn of_load(e: &LoadError) -> Exit {
    match e {
        LoadError::Io { .. } => Exit::Io,
        _ => Exit::Invalid,
    }
}

/// Exit code of a failed write.
pub fn of_write(e: &WriteError) -> Exit {
    match e {
        WriteError::Exists { .. } | WriteError::IsInput { .. } => Exit::Refused,
        WriteError::Io { .. } => Exit::Io,
    }
}

/// Exit code of a failed export.
pub fn of_export(e: &ExportError) -> Exit {
    match e {
        ExportError::Write(w) => of_write(w),
        ExportError::Size(_) => Exit::Usage,
        ExportError::Deck { .. } | ExportError::DeckEntry { .. } => Exit::Invalid,
        ExportError::InDeck { source, .. } => of_export(source),
        ExportError::Svg(_)
        | ExportError::Pixmap { .. }
        | ExportError::Png(_)
        | ExportError::Pdf(_)
        | ExportError::Pptx(_) => Exit::Io,
        ExportError::Template(_) => Exit::Invalid,
    }
}

impl CliError {
    /// The exit code this error ends the command with.
    pub fn exit(&self) -> Exit {
        match self {
            CliError::Load(e) => of_load(e),
            CliError::Write(e) => of_write(e),
            CliError::Export(e) => of_export(e),
            CliError::Usage(_) => Exit::Usage,
            CliError::Invalid(_) => Exit::Invalid,
            CliError::Output(_) | CliError::Json(_) | CliError::Csv(_) => Exit::Io,
        }
    }
}

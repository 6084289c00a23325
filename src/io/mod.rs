/*!
Reading and writing datasets.

- [`ron_file`]: the servicescope RON format ([`DatasetFile`]), parse with file:line:column
  errors, pretty save.
- [`ron_fast`]: fast path for large plain `observations` lists (falls back to `ron`).
- [`ron_stream`]: streaming load of large files (observations read chunk by chunk).
- [`validate`]: turns a parsed file into a consistent [`crate::model::Dataset`] (optionally on
  top of a base such as the bundled catalogue), reporting every semantic problem at once.
- [`benchmark`]: the bundled UK / Maghreb / Québec / France benchmark, embedded in the binary.
- [`atomic`]: atomic file writes (temporary file in the same directory, then rename).
- [`error`]: [`LoadError`], the typed error of every loader.
- [`load`]: load any supported file by extension.
- [`read`]: bounded reading of every input file (regular files only, size limits) and the
  cap on message length.
- [`import`]: CSV/TSV and XLSX/ODS import with column mapping, OWID files, survey answers
  and contact logs turned into indicators.
*/

pub mod atomic;
pub mod benchmark;
pub mod error;
pub mod import;
pub mod load;
pub mod read;
pub mod ron_fast;
pub mod ron_file;
pub mod ron_stream;
pub mod syntax;
pub mod validate;

pub use error::LoadError;
pub use ron_file::DatasetFile;
pub use validate::{Problem, ProblemKind, ValidationReport};

/// Version of the RON dataset format written and read by this program (defined next to
/// [`crate::model::Meta`], which records it).
pub use crate::model::SCHEMA_VERSION;

/// Largest dataset file accepted, in bytes (256 MiB): above that a file is refused before
/// it is read, so a wrong file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Deepest nesting accepted in a RON file.
pub const MAX_NESTING: usize = 64;

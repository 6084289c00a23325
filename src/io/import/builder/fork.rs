//! Splitting one import over worker threads: a worker gets a [`Builder::fork`] (same
//! resolved columns, names and rules, empty accumulators), pushes the rows of its chunks,
//! hands each chunk's result over as a [`Part`], and the main builder
//! [`absorbs`](Builder::absorb) the parts in file order, renumbering rows and lines, so the
//! result (figures, problems, skipped rows, unknown names) is the one a single pass gives.

use super::*;

/// What a worker found in one chunk: its aggregates and every problem, with row numbers and
/// lines counted from the chunk's start (row 1, line 1).
pub(crate) struct Part {
    aggregates: Option<Box<Aggregates>>,
    problems: Vec<CellError>,
    problems_total: usize,
    skipped: Vec<CellError>,
    unresolved: Vec<(&'static str, UnresolvedName)>,
    stats: ImportStats,
}

impl<'m> ImportBuilder<'m> {
    /// Whether rows can be pushed by forks in parallel: aggregated layouts (survey answers,
    /// contact logs) whose rows never create catalogue records, so every fork resolves a
    /// name to the same index.
    pub(crate) fn can_fork(&self) -> bool {
        let m = self.mapping;
        self.aggregates.is_some()
            && self.events.is_none()
            && m.unknown_regions != Unknown::Create
            && m.unknown_segments != Unknown::Create
            && m.unknown_indicators != Unknown::Create
    }

    /// A builder for a worker: the same plan and caches, no rows, nothing found yet.
    pub(crate) fn fork(&self) -> ImportBuilder<'m> {
        let mut f = self.clone();
        f.reset();
        f
    }

    fn reset(&mut self) {
        self.aggregates = self.aggregates.as_ref().map(|a| Box::new(a.empty_like()));
        self.problems.clear();
        self.problems_total = 0;
        self.skipped.clear();
        self.unresolved.clear();
        self.unresolved_seen.clear();
        self.stats = ImportStats::default();
        self.line = None;
    }

    /// Hands over what the rows pushed since the last call found, and starts afresh.
    pub(crate) fn take_part(&mut self) -> Part {
        let part = Part {
            aggregates: self.aggregates.take(),
            problems: std::mem::take(&mut self.problems),
            problems_total: self.problems_total,
            skipped: std::mem::take(&mut self.skipped),
            unresolved: std::mem::take(&mut self.unresolved),
            stats: self.stats,
        };
        self.aggregates = part.aggregates.as_ref().map(|a| Box::new(a.empty_like()));
        self.reset();
        part
    }

    /// Adds a chunk's part. `rows_before`: data rows (records) of the file before the
    /// chunk, as numbered by the reader; `lines_before`: line breaks before the chunk's
    /// first byte.
    pub(crate) fn absorb(&mut self, part: Part, rows_before: usize, lines_before: usize) {
        let shift = |mut c: CellError| {
            c.row += rows_before;
            c.line = c.line.map(|l| l + lines_before);
            c
        };
        let limit = super::super::MAX_LISTED_PROBLEMS;
        self.problems_total += part.problems_total;
        for p in part.problems {
            if self.problems.len() < limit {
                self.problems.push(shift(p));
            }
        }
        for s in part.skipped {
            if self.skipped.len() < limit {
                self.skipped.push(shift(s));
            }
        }
        for (what, u) in part.unresolved {
            self.unresolved_name(what, &u.name, shift(u.first_seen));
        }
        let s = part.stats;
        self.stats.rows += s.rows;
        self.stats.observations += s.observations;
        self.stats.missing_values += s.missing_values;
        self.stats.skipped_rows += s.skipped_rows;
        self.stats.excluded_rows += s.excluded_rows;
        if let (Some(a), Some(later)) = (self.aggregates.as_mut(), part.aggregates) {
            a.absorb(*later);
        }
    }
}

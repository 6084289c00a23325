//! The table's columns as the mapping's roles name them: a header matched exactly, else
//! ignoring case, accents and punctuation; a name the header row lacks is an error listing
//! the headers, a role that needs a column and has none another.

use super::text;
use crate::io::import::ImportError;

/// The header row of a table, to find the columns of the mapping's roles.
#[derive(Clone, Copy)]
pub(crate) struct RoleColumns<'h>(pub(crate) &'h [String]);

impl RoleColumns<'_> {
    /// The column headed `name`: the exact header first, then the same once folded.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        let n = text::fold_name(name);
        let headers = self.0;
        headers
            .iter()
            .position(|h| h == name)
            .or_else(|| headers.iter().position(|h| text::fold_name(h) == n))
    }

    /// The column headed `name` for `role`; an error naming the headers when there is none.
    pub(crate) fn named(&self, role: &'static str, name: &str) -> Result<usize, ImportError> {
        self.position(name)
            .ok_or_else(|| ImportError::UnknownColumn {
                role,
                name: name.to_owned(),
                headers: self.0.to_vec(),
            })
    }

    /// The column the mapping gives `role`, if it gives one (`""`: the mapping says there
    /// is no such column, and none is guessed).
    pub(crate) fn find(
        &self,
        role: &'static str,
        name: &Option<String>,
    ) -> Result<Option<usize>, ImportError> {
        match name.as_deref() {
            None | Some("") => Ok(None),
            Some(n) => self.named(role, n).map(Some),
        }
    }

    /// The column of a role that needs one; an error when the mapping gives none.
    pub(crate) fn need(
        &self,
        role: &'static str,
        name: &Option<String>,
    ) -> Result<usize, ImportError> {
        self.find(role, name)?
            .ok_or_else(|| ImportError::missing_column(role, self.0))
    }
}

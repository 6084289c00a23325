/*!
Typed indices into the tables of a [`crate::model::Dataset`].

An [`Ix<T>`] is the position of a record in a [`crate::model::Table<T>`]: a region index
cannot be used on the channel table, and a bare number cannot be turned into an index
outside this module (only a table hands indices out: [`crate::model::Table::push`],
[`crate::model::Table::ix`], [`crate::model::Table::indices`], [`crate::model::Table::ix_at`]).
An index of one dataset used on another dataset's table of the same kind is not a panic:
[`crate::model::Table::at`] returns `None` when the position does not exist there.

The index is a `u32` stored plus one in a [`NonZeroU32`], so `Option<Ix<T>>` takes 4 bytes
like `Ix<T>` itself (the channel and segment columns of a million observations hold
`Option`s, with no `u32::MAX` "none" marker).
*/

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::num::NonZeroU32;

use super::catalog::{Channel, Indicator, Practice, Region, Segment, Source};

/// Position of a record in a [`crate::model::Table<T>`].
pub struct Ix<T> {
    /// Position plus one.
    slot: NonZeroU32,
    of: PhantomData<fn() -> T>,
}

/// Index into the region table.
pub type RegionIx = Ix<Region>;
/// Index into the channel table.
pub type ChannelIx = Ix<Channel>;
/// Index into the segment table.
pub type SegmentIx = Ix<Segment>;
/// Index into the indicator table.
pub type IndicatorIx = Ix<Indicator>;
/// Index into the source table.
pub type SourceIx = Ix<Source>;
/// Index into the practice table.
pub type PracticeIx = Ix<Practice>;

impl<T> Ix<T> {
    /// The index of position `position`; `None` past `u32::MAX - 1`. Only tables of the
    /// model make indices.
    #[inline]
    pub(in crate::model) fn from_position(position: usize) -> Option<Self> {
        let raw = u32::try_from(position).ok()?.checked_add(1)?;
        NonZeroU32::new(raw).map(|slot| Ix {
            slot,
            of: PhantomData,
        })
    }

    /// The position in its table (0 for the first record).
    #[inline]
    pub fn position(self) -> usize {
        (self.slot.get() - 1) as usize
    }
}

impl<T> Clone for Ix<T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Ix<T> {}

impl<T> PartialEq for Ix<T> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.slot == other.slot
    }
}
impl<T> Eq for Ix<T> {}

impl<T> PartialOrd for Ix<T> {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Ix<T> {
    #[inline]
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.slot.cmp(&other.slot)
    }
}

impl<T> Hash for Ix<T> {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.slot.hash(state);
    }
}

impl<T> fmt::Debug for Ix<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Ix({})", self.position())
    }
}

#[cfg(test)]
impl<T> Ix<T> {
    /// An index at `position`, for unit tests that build tables by hand.
    pub(crate) fn for_test(position: usize) -> Self {
        match Self::from_position(position) {
            Some(ix) => ix,
            None => panic!("test index {position} out of range"),
        }
    }
}

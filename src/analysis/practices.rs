/*!
Practices: where a practice is present, and "What to transfer" — practices found elsewhere and
absent from a region. A practice the source article presents as a counter-example
([`Stance::Avoid`]) is never proposed for transfer.
*/

use crate::model::{Dataset, Practice, RegionId, Stance};

/// Whether `p` is present in region `r` (listed there and not marked absent or rejected).
pub fn present_in(p: &Practice, r: &RegionId) -> bool {
    p.regions.contains(r) && p.adoption != Some(0)
}

/// Whether `p` may be proposed as a practice to copy: anything but a counter-example.
pub fn transferable(p: &Practice) -> bool {
    p.stance != Some(Stance::Avoid)
}

/// Practices present in `from` (or in any region other than `to` when `from` is `None`), not
/// present in `to`, and not counter-examples, in dataset order.
pub fn to_transfer<'d>(
    ds: &'d Dataset,
    to: &RegionId,
    from: Option<&RegionId>,
) -> Vec<&'d Practice> {
    ds.practices()
        .iter()
        .filter(|p| transferable(p))
        .filter(|p| !present_in(p, to))
        .filter(|p| match from {
            Some(f) => present_in(p, f),
            None => p.regions.iter().any(|r| r != to && present_in(p, r)),
        })
        .collect()
}

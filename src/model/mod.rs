/*!
The data model: what a dataset holds, independent of how it is stored or drawn.

- [`ids`]: string newtypes for region, channel, indicator, source and practice ids.
- [`index`]: typed indices into the tables ([`Ix`]: [`RegionIx`], [`ChannelIx`], …), handed
  out only by a [`Table`]; `Option<Ix<_>>` takes 4 bytes.
- [`text`]: bilingual labels ([`Text`]) and the interface language ([`Lang`]).
- [`period`]: a year, or a year with a half, quarter or month ([`Period`]).
- [`catalog`]: the described things: [`Source`], [`Region`], [`Channel`], [`Segment`], [`Indicator`]
  (with [`Unit`] and [`Direction`]) and [`Practice`].
- [`observations`]: the columnar [`ObservationTable`]; a missing value is `None`, never 0.
- [`dataset`]: [`Dataset`], the catalogue tables plus observations, with id look-ups; fields
  private, observations added through [`Dataset::push_observation`], which checks indices.
- [`presentation`]: how a dataset asks to be shown: a region's [`Colour`] and the
  [`DefaultView`] a new workspace opens on.
- [`survey`]: the definitions of indicators computed from raw records: NPS and CSAT from
  survey answers, contact-centre metrics from a contact log (used by `io::import`).
- [`threads`]: first responses of message threads, ticket response and resolution times.
- [`SCHEMA_VERSION`]: version of the RON dataset format.
*/

pub mod catalog;
pub mod dataset;
pub mod ids;
pub mod index;
pub mod observations;
pub mod period;
pub mod presentation;
pub mod survey;
pub mod text;
pub mod threads;

pub use catalog::SCHEMA_VERSION;
pub use catalog::{
    Channel, Direction, Indicator, IndicatorGroup, Meta, Practice, PracticeTheme, Region,
    RegionKind, Segment, SegmentKind, Source, SourceKind, Stance, Unit,
};
pub use dataset::{Dataset, PushError, Table, UnknownIndex};
pub use ids::{ChannelId, IndicatorId, PracticeId, RegionId, SegmentId, SourceId};
pub use index::{ChannelIx, IndicatorIx, Ix, PracticeIx, RegionIx, SegmentIx, SourceIx};
pub use observations::{Grade, Observation, ObservationRecord, ObservationTable};
pub use period::{Period, PeriodError, PeriodPart};
pub use presentation::{Colour, ColourError, DefaultView};
pub use text::{Lang, Text};

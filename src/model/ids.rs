/*!
Identifier newtypes. Ids are lowercase slugs (`uk`, `phone`, `nps`) that stay stable across
files, so chart descriptions and saved views can refer to them.
*/

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Wraps a string as an id.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

id_type!(
    /// Id of a [`crate::model::Region`] (`uk`, `maghreb`, `quebec`, `france`, …).
    RegionId
);
id_type!(
    /// Id of a [`crate::model::Channel`] (`phone`, `email`, `twitter`, …).
    ChannelId
);
id_type!(
    /// Id of an [`crate::model::Indicator`] (`nps`, `asa_s`, …).
    IndicatorId
);
id_type!(
    /// Id of a [`crate::model::Segment`] (a company, brand or sector: `retail_banking`, …).
    SegmentId
);
id_type!(
    /// Id of a [`crate::model::Source`].
    SourceId
);
id_type!(
    /// Id of a [`crate::model::Practice`].
    PracticeId
);

/// True when `id` is a valid slug: non-empty, lowercase ASCII letters, digits, `_` or `-`.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

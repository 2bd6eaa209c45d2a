//! Newtype indices into a [`Problem`](crate::Problem)'s tables, and season weeks.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! index_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the problem's table.
            pub const fn index(self) -> usize {
                self.0 as usize
            }

            pub(crate) fn from_index(index: usize) -> Self {
                Self(u32::try_from(index).expect("tables hold fewer than 2^32 rows"))
            }
        }
    };
}

index_newtype!(
    /// A team of the problem.
    TeamId
);
index_newtype!(
    /// A venue (gym) of the problem.
    VenueId
);
index_newtype!(
    /// A pool (division) of the problem.
    PoolId
);
index_newtype!(
    /// An institution (school, university) owning teams.
    InstitutionId
);
index_newtype!(
    /// A match to plan (generated from the pools, minus those replaced by fixed matches).
    MatchId
);
index_newtype!(
    /// A fixed match: already played or imposed; never moved.
    FixedMatchId
);

/// A week of the season grid, numbered from 1 (not an ISO week).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Week(pub u16);

impl Week {
    /// The week number.
    pub const fn number(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "week {}", self.0)
    }
}

//! Newtype ids of the rows.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! db_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

db_id!(
    /// A project (one season of one sport).
    ProjectId
);
db_id!(
    /// A team row.
    DbTeamId
);
db_id!(
    /// A venue row.
    DbVenueId
);
db_id!(
    /// A match row.
    DbMatchId
);
db_id!(
    /// A solve run.
    SolveRunId
);

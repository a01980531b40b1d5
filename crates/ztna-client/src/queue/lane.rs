//! Lanes and the internal priority slots.

/// The priority lane of a call. Strict priority: every waiting Interactive call goes before
/// any Background call, which goes before any Bulk call (token fetches go before all).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lane {
    /// A person is waiting for the answer.
    #[default]
    Interactive,
    /// Periodic refreshes, health polling.
    Background,
    /// Long jobs (bulk changes, exports).
    Bulk,
}

impl Lane {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Interactive => "interactive",
            Self::Background => "background",
            Self::Bulk => "bulk",
        }
    }
}

/// A queue slot: the token call first, then the three lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Slot {
    Token,
    Lane(Lane),
}

impl Slot {
    pub const COUNT: usize = 4;
    pub const ALL: [Slot; Self::COUNT] = [
        Slot::Token,
        Slot::Lane(Lane::Interactive),
        Slot::Lane(Lane::Background),
        Slot::Lane(Lane::Bulk),
    ];

    pub fn index(self) -> usize {
        match self {
            Slot::Token => 0,
            Slot::Lane(Lane::Interactive) => 1,
            Slot::Lane(Lane::Background) => 2,
            Slot::Lane(Lane::Bulk) => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Slot::Token => "token",
            Slot::Lane(l) => l.as_str(),
        }
    }
}

impl From<Lane> for Slot {
    fn from(l: Lane) -> Self {
        Slot::Lane(l)
    }
}

//! Timestamp helpers.
//!
//! The reference uses two ISO-8601 flavours: whole seconds for connector and key dates
//! (`2025-07-28T13:34:24Z`) and milliseconds for health `last_seen`
//! (`2019-02-24T12:05:51.000Z`). Both are reproduced exactly, always in UTC.

use std::sync::OnceLock;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

const SECONDS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
const MILLIS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");

/// `last_seen` of a connector that never talked to the cloud, as the real tenant sends it.
pub(crate) const NEVER_SEEN: &str = "1901-01-01T00:00:00.000Z";

pub(crate) fn iso_seconds(t: OffsetDateTime) -> String {
    // Formatting a valid UTC date with a fixed description cannot fail; an empty string is a
    // harmless fallback that keeps us free of panics.
    t.to_offset(UtcOffset::UTC)
        .format(SECONDS)
        .unwrap_or_default()
}

pub(crate) fn iso_millis(t: OffsetDateTime) -> String {
    t.to_offset(UtcOffset::UTC)
        .format(MILLIS)
        .unwrap_or_default()
}

pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

pub(crate) fn epoch_millis(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// The instant every seeded timestamp is relative to: the first time any emulator in this
/// process was built, truncated to whole seconds. Sharing it makes two emulators with the same
/// seed produce byte-identical dates, while keeping the data "recent".
pub(crate) fn anchor() -> OffsetDateTime {
    static ANCHOR: OnceLock<OffsetDateTime> = OnceLock::new();
    *ANCHOR.get_or_init(|| {
        let t = now();
        t.replace_nanosecond(0).unwrap_or(t)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats_like_the_reference() {
        let t = datetime!(2019-02-24 12:05:51.5 UTC);
        assert_eq!(iso_seconds(t), "2019-02-24T12:05:51Z");
        assert_eq!(iso_millis(t), "2019-02-24T12:05:51.500Z");
        assert_eq!(epoch_millis(datetime!(1970-01-01 00:00:01 UTC)), 1000);
    }
}

//! Times as people read them, formatted once on the server so that the server render
//! and the hydrated page show the same text.

use crate::model::When;
use time::{Duration, OffsetDateTime};

pub fn when(at: OffsetDateTime, now: OffsetDateTime) -> When {
    When {
        relative: relative(at, now),
        exact: exact(at),
    }
}

pub fn exact(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} UTC",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// "just now", "5 min ago", "in 3 h", "12 days ago".
pub fn relative(at: OffsetDateTime, now: OffsetDateTime) -> String {
    let delta: Duration = now - at;
    let future = delta.is_negative();
    let secs = delta.whole_seconds().unsigned_abs();
    let text = if secs < 60 {
        return "just now".to_string();
    } else if secs < 3600 {
        format!("{} min", secs / 60)
    } else if secs < 86_400 {
        format!("{} h", secs / 3600)
    } else {
        let days = secs / 86_400;
        format!("{days} day{}", if days == 1 { "" } else { "s" })
    };
    if future {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn relative_times() {
        let now = datetime!(2026-12-03 12:00 UTC);
        assert_eq!(relative(now - Duration::seconds(5), now), "just now");
        assert_eq!(relative(now - Duration::minutes(5), now), "5 min ago");
        assert_eq!(relative(now + Duration::hours(23), now), "in 23 h");
        assert_eq!(relative(now - Duration::days(1), now), "1 day ago");
        assert_eq!(relative(now - Duration::days(12), now), "12 days ago");
        assert_eq!(exact(now), "2026-12-03 12:00 UTC");
    }
}

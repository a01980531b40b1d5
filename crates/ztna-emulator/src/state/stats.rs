//! Request counters, served at `/_emulator/stats` and by [`crate::Emulator::stats`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Counters over the emulated API (`/v1`, `/v2` and unknown paths; never `/_emulator`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Every request to the emulated API, whatever its outcome.
    pub requests_total: u64,
    /// 429 responses sent (rate limit or injected fault).
    pub throttled_total: u64,
    /// Calls to `POST /v1/oauth/token`, successful or not.
    pub token_requests: u64,
    /// Access tokens issued.
    pub tokens_issued: u64,
    /// 401 responses sent.
    pub unauthorized_total: u64,
    /// Responses replaced by an injected fault.
    pub faults_injected: u64,
    /// Requests per `"METHOD /path"`, with UUID segments written as `{id}`.
    pub by_route: BTreeMap<String, u64>,
    /// Responses per status code.
    pub by_status: BTreeMap<String, u64>,
    /// Responses per operation (`"METHOD /route/{template}"`, as routed; `"METHOD
    /// (unmatched)"` for unknown paths) and status code.
    #[serde(default)]
    pub by_operation: BTreeMap<String, BTreeMap<String, u64>>,
    /// Most API requests seen within one wall-clock second.
    #[serde(default)]
    pub peak_requests_per_second: u64,
    /// Connections closed without an answer (`/_emulator/drop`).
    #[serde(default)]
    pub dropped_total: u64,
    /// Responses replaced by a random error (`/_emulator/error-rate`).
    #[serde(default)]
    pub random_errors_total: u64,
    /// The second being counted for the peak, and its count so far.
    #[serde(skip)]
    current_second: (u64, u64),
}

/// Stops a client probing random paths from growing the route map without bound.
const MAX_ROUTES: usize = 500;

impl Stats {
    pub(crate) fn record(
        &mut self,
        method: &str,
        path: &str,
        operation: Option<&str>,
        status: u16,
    ) {
        self.requests_total += 1;
        let second = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if self.current_second.0 == second {
            self.current_second.1 += 1;
        } else {
            self.current_second = (second, 1);
        }
        self.peak_requests_per_second = self.peak_requests_per_second.max(self.current_second.1);
        let operation = format!("{method} {}", operation.unwrap_or("(unmatched)"));
        *self
            .by_operation
            .entry(operation)
            .or_default()
            .entry(status.to_string())
            .or_default() += 1;
        if status == 429 {
            self.throttled_total += 1;
        }
        if status == 401 {
            self.unauthorized_total += 1;
        }
        if path == "/v1/oauth/token" {
            self.token_requests += 1;
        }
        let route = format!("{method} {}", normalize(path));
        let key = if self.by_route.len() < MAX_ROUTES || self.by_route.contains_key(&route) {
            route
        } else {
            "other".to_owned()
        };
        *self.by_route.entry(key).or_default() += 1;
        *self.by_status.entry(status.to_string()).or_default() += 1;
    }
}

fn normalize(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.len() == 36 && uuid::Uuid::try_parse(segment).is_ok() {
                "{id}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_by_route() {
        let mut stats = Stats::default();
        stats.record(
            "GET",
            "/v2/sites/6fd0a892-8b70-471a-9dd7-bf374b07451f/status",
            Some("/v2/sites/{id}/status"),
            200,
        );
        stats.record("POST", "/v1/oauth/token", Some("/v1/oauth/token"), 429);
        assert_eq!(stats.requests_total, 2);
        assert_eq!(stats.throttled_total, 1);
        assert_eq!(stats.token_requests, 1);
        assert_eq!(stats.by_route.get("GET /v2/sites/{id}/status"), Some(&1));
        assert_eq!(stats.by_status.get("429"), Some(&1));
        assert_eq!(
            stats.by_operation["POST /v1/oauth/token"].get("429"),
            Some(&1)
        );
        assert!(stats.peak_requests_per_second >= 1);
    }
}

//! Prometheus metrics of the upstream traffic (names as in the console contract;
//! prometheus-client adds `_total` to counters itself).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(crate) struct RequestLabels {
    pub operation: String,
    pub status: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(crate) struct LaneLabels {
    pub lane: String,
}

fn wait_histogram() -> Histogram {
    // 5 ms .. ~41 s
    Histogram::new(exponential_buckets(0.005, 2.0, 14))
}

/// The client's metrics; clones share the same series.
#[derive(Clone, Debug)]
pub(crate) struct Metrics {
    pub requests: Family<RequestLabels, Counter>,
    pub throttled: Counter,
    pub queue_wait: Family<LaneLabels, Histogram, fn() -> Histogram>,
    pub queue_depth: Family<LaneLabels, Gauge>,
    pub cache_hits: Counter,
}

impl Metrics {
    pub fn new() -> Self {
        Self {
            requests: Family::default(),
            throttled: Counter::default(),
            queue_wait: Family::new_with_constructor(wait_histogram),
            queue_depth: Family::default(),
            cache_hits: Counter::default(),
        }
    }

    pub fn lane(lane: &str) -> LaneLabels {
        LaneLabels {
            lane: lane.to_owned(),
        }
    }

    /// Counts one upstream exchange; `status` is the HTTP code, or `None` for a transport
    /// error or timeout (label `error`).
    pub fn request(&self, operation: &str, status: Option<u16>) {
        self.requests
            .get_or_create(&RequestLabels {
                operation: operation.to_owned(),
                status: status.map_or_else(|| "error".to_owned(), |s| s.to_string()),
            })
            .inc();
    }

    pub fn register(&self, registry: &mut Registry) {
        registry.register(
            "upstream_requests",
            "Calls sent to the tenant API, by operation and HTTP status (or error)",
            self.requests.clone(),
        );
        registry.register(
            "upstream_throttled",
            "429 answers received from the tenant API",
            self.throttled.clone(),
        );
        registry.register(
            "upstream_queue_wait_seconds",
            "Time calls waited in the tenant queue before being sent, by lane",
            self.queue_wait.clone(),
        );
        registry.register(
            "upstream_queue_depth",
            "Calls waiting in the tenant queue, by lane",
            self.queue_depth.clone(),
        );
        registry.register(
            "upstream_cache_hits",
            "GET calls answered from the short-lived read cache",
            self.cache_hits.clone(),
        );
    }
}

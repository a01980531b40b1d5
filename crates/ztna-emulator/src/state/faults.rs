//! Injected failures: "the next N requests under this path fail with this status".

use serde::{Deserialize, Serialize};

/// A pending fault, as posted to `POST /_emulator/faults`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// HTTP status to answer with (400..=599).
    pub status: u16,
    /// How many matching requests still fail.
    #[serde(default = "one")]
    pub count: u32,
    /// Only requests whose path starts with this fail; all emulated API paths when missing.
    #[serde(default)]
    pub path_prefix: Option<String>,
    /// The error body's `message`; a realistic one for the status when missing.
    #[serde(default)]
    pub message: Option<String>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    pending: Vec<Fault>,
}

impl FaultQueue {
    pub fn push(&mut self, fault: Fault) {
        if fault.count > 0 {
            self.pending.push(fault);
        }
    }

    pub fn clear(&mut self) {
        self.pending.clear();
    }

    pub fn pending(&self) -> Vec<Fault> {
        self.pending.clone()
    }

    /// Consumes one use of the first fault matching `path`, oldest first.
    pub fn take(&mut self, path: &str) -> Option<Fault> {
        let index = self.pending.iter().position(|f| {
            f.path_prefix
                .as_deref()
                .is_none_or(|prefix| path.starts_with(prefix))
        })?;
        let fault = self.pending.get_mut(index)?;
        fault.count = fault.count.saturating_sub(1);
        let taken = fault.clone();
        if fault.count == 0 {
            self.pending.remove(index);
        }
        Some(taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_match_by_prefix_and_run_out() {
        let mut queue = FaultQueue::default();
        queue.push(Fault {
            status: 503,
            count: 2,
            path_prefix: Some("/v2/sites".into()),
            message: None,
        });
        assert!(queue.take("/v2/connectors").is_none());
        assert_eq!(queue.take("/v2/sites/x").map(|f| f.status), Some(503));
        assert_eq!(queue.take("/v2/sites").map(|f| f.status), Some(503));
        assert!(queue.take("/v2/sites").is_none());
        assert!(queue.pending().is_empty());
    }
}

//! A queued call's place in line.

use super::state::Shared;
use crate::error::ApiError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::oneshot;

/// A call waiting for its permit. Dropping it before the grant removes the call from the
/// queue (it is never sent and spends no budget).
pub(crate) struct Ticket {
    shared: Arc<Shared>,
    id: u64,
    rx: oneshot::Receiver<Duration>,
    done: bool,
}

impl Ticket {
    pub(super) fn new(shared: Arc<Shared>, id: u64, rx: oneshot::Receiver<Duration>) -> Self {
        Self {
            shared,
            id,
            rx,
            done: false,
        }
    }

    /// The waiter's id in the queue (for [`super::Queue::promote`]).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// Waits for the permit to send now; returns how long the call waited in its lane.
    pub async fn granted(mut self) -> Result<Duration, ApiError> {
        let r = (&mut self.rx).await;
        self.done = true;
        r.map_err(|_| ApiError::Cancelled)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.done {
            self.shared.cancel(self.id);
        }
    }
}

//! A queued call's place in line.

use super::lane::Slot;
use super::state::Shared;
use crate::error::ApiError;
use std::sync::Arc;
use tokio::sync::oneshot;

/// A call waiting for its permit. Dropping it before the grant removes the call from the
/// queue (it is never sent and spends no budget).
pub(crate) struct Ticket {
    shared: Arc<Shared>,
    slot: Slot,
    id: u64,
    rx: oneshot::Receiver<()>,
    done: bool,
}

impl Ticket {
    pub(super) fn new(shared: Arc<Shared>, slot: Slot, id: u64, rx: oneshot::Receiver<()>) -> Self {
        Self {
            shared,
            slot,
            id,
            rx,
            done: false,
        }
    }

    /// Waits for the permit to send now.
    pub async fn granted(mut self) -> Result<(), ApiError> {
        let r = (&mut self.rx).await;
        self.done = true;
        r.map_err(|_| ApiError::Cancelled)
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if !self.done {
            self.shared.cancel(self.slot, self.id);
        }
    }
}

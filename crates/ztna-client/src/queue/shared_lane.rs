//! The lane of a call that several callers share (a merged GET). It only ever rises: when a
//! caller on a higher-priority lane joins, the call's waiting ticket is promoted to that lane,
//! and its later attempts (retries) are queued there too.

use super::lane::Slot;
use super::state::Queue;
use super::ticket::Ticket;
use crate::error::ApiError;
use std::sync::{Mutex, MutexGuard};

struct Current {
    slot: Slot,
    /// The id of the call's ticket while it may still wait in the queue.
    waiting: Option<u64>,
}

pub(crate) struct SharedLane {
    current: Mutex<Current>,
}

impl SharedLane {
    pub fn new(slot: Slot) -> Self {
        Self {
            current: Mutex::new(Current {
                slot,
                waiting: None,
            }),
        }
    }

    // Lock order: this lock, then the queue's (never the reverse).
    fn lock(&self) -> MutexGuard<'_, Current> {
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues one attempt of the call on its current lane (see [`Queue::enqueue`]) and keeps
    /// the ticket's id so that [`SharedLane::raise`] can move it.
    pub fn enqueue(&self, queue: &Queue, retry: bool) -> Result<Ticket, ApiError> {
        let mut cur = self.lock();
        let ticket = queue.enqueue(cur.slot, retry)?;
        cur.waiting = Some(ticket.id());
        Ok(ticket)
    }

    /// The attempt was granted (or given up): nothing of it waits in the queue any more.
    pub fn sent(&self) {
        self.lock().waiting = None;
    }

    /// A caller on `slot` joined the call: if `slot` outranks the call's lane, the call moves
    /// to it, the waiting attempt included. A lower or equal lane changes nothing.
    pub fn raise(&self, queue: &Queue, slot: Slot) {
        let mut cur = self.lock();
        if slot >= cur.slot {
            return;
        }
        cur.slot = slot;
        if let Some(id) = cur.waiting {
            queue.promote(id, slot);
        }
    }
}

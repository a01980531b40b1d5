//! The per-tenant request queue: one dispatcher task hands out permits to send, at most
//! `rate_per_second` per second (GCRA, burst 1: a steady spacing), strictly by priority
//! (token call, Interactive, Background, Bulk), pausing entirely after a 429.
//!
//! A caller takes a [`Ticket`] ([`Queue::enqueue`]), awaits [`Ticket::granted`], then sends.
//! Dropping the ticket before the grant removes the call: it is never sent and spends no
//! budget. A merged call's [`SharedLane`] promotes its waiting ticket when a caller on a
//! higher-priority lane joins it.

mod clock;
mod dispatcher;
mod lane;
mod shared_lane;
mod state;
mod ticket;

pub use lane::Lane;
pub(crate) use lane::Slot;
pub(crate) use shared_lane::SharedLane;
pub(crate) use state::Queue;
#[cfg(test)]
pub(crate) use ticket::Ticket;

#[cfg(test)]
mod tests;

//! The per-tenant request queue: one dispatcher task hands out permits to send, at most
//! `rate_per_second` per second (GCRA, burst 1: a steady spacing), strictly by priority
//! (token call, Interactive, Background, Bulk), pausing entirely after a 429.
//!
//! A caller takes a [`Ticket`] ([`Queue::enqueue`]), awaits [`Ticket::granted`], then sends.
//! Dropping the ticket before the grant removes the call: it is never sent and spends no
//! budget.

mod clock;
mod dispatcher;
mod lane;
mod state;
mod ticket;

pub use lane::Lane;
pub(crate) use lane::Slot;
pub(crate) use state::Queue;
#[cfg(test)]
pub(crate) use ticket::Ticket;

#[cfg(test)]
mod tests;

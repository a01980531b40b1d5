//! Client tests against a tiny fake upstream (axum on 127.0.0.1:0).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod calls;
mod errors;
mod fake;
mod operations;
mod queueing;
mod walkers;
mod writes;

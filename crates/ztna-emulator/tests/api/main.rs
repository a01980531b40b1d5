//! Integration tests of the emulated tenant API, in one test binary (one link on slow
//! machines). Most tests drive the router in-process with `tower::ServiceExt::oneshot`; the
//! rate-limit tests use a spawned server on port 0 and reqwest, as real clients do.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod common;
mod connectors;
mod controls;
mod rate_limit;
mod registration_keys;
mod seed;
mod sites;

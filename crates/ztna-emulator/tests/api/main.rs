//! Integration tests of the emulated tenant API, in one test binary (one link on slow
//! machines). Most tests drive the router in-process with `tower::ServiceExt::oneshot`; the
//! rate-limit tests use a spawned server on port 0 and reqwest, as real clients do.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod access_common;
mod access_seed;
mod applications;
mod auth;
mod collections;
mod common;
mod connectors;
mod controls;
mod dns;
mod identities;
mod life;
mod logs;
mod policies;
mod rate_limit;
mod reference_examples;
mod registration_keys;
mod replay;
mod replay_b;
mod replay_b_examples;
mod role_bindings;
mod scim;
mod seed;
mod sites;
mod ssh_cloud;
mod startup;

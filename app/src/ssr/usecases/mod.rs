//! Use cases: what a server function does once the caller is authorized.

pub mod account;
pub mod jobs;
pub mod sites;

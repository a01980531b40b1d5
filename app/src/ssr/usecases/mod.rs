//! Use cases: what a server function does once the caller is authorized.

pub mod account;
pub mod sites;

//! Use cases: what a server function does once the caller is authorized.

pub mod account;
pub mod connectors;
pub mod jobs;
pub mod regions;
pub mod registration_keys;
pub mod site_health;
pub mod sites;
pub mod users;

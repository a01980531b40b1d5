//! The console's backend-for-frontend: an axum server that renders the Leptos app,
//! runs its server functions, signs people in, and is the only thing that talks to the
//! tenant (through the one rate-limited queue inside `ztna_client::TenantClient`).

pub mod actions;
pub mod actions_users;
pub mod auth;
pub mod config;
pub mod csrf;
pub mod demo;
pub mod headers;
pub mod health;
pub mod metrics;
pub mod secret_pages;
pub mod session_user;
pub mod startup;
pub mod state;
pub mod throttle;

pub use startup::Application;

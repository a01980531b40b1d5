//! The console's user interface and its server functions.
//!
//! Compiled twice: with `ssr` into the axum BFF (where server functions run and the
//! `ssr` module holds the use cases, the authorization layer and the tenant client), and
//! with `hydrate` into the browser bundle (where server functions are only HTTP stubs).
//! Only view models (`model`) and user-facing errors (`error`) cross that boundary.

#![recursion_limit = "512"]

pub mod api;
pub mod components;
pub mod error;
pub mod model;
pub mod pages;
mod routes;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use routes::{shell, App};

//! Server functions: thin, typed entry points from the pages to the server.
//!
//! Each one only authorizes and delegates to a use case in `ssr::usecases`; the body is
//! compiled into the server only (in the browser bundle a server function is an HTTP
//! call). One file per resource.

pub mod account;
pub mod connectors;
pub mod jobs;
pub mod regions;
pub mod registration_keys;
pub mod sites;
pub mod users;

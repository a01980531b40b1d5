//! Server-only code: state, the authorization layer, the one error mapping and the
//! use cases behind the server functions.

pub mod audit;
pub mod authz;
pub mod errors;
pub mod format;
pub mod forms;
pub mod jobs;
pub mod state;
pub mod usecases;

//! One file per page.

pub mod account;
pub mod jobs;
pub mod login;
pub mod not_found;
pub mod site_detail;
pub mod sites;

//! One file per page.

pub mod account;
pub mod connector;
pub mod connector_new;
pub mod jobs;
pub mod login;
pub mod not_found;
pub mod site_detail;
pub mod site_health;
pub mod site_keys;
pub mod site_new;
pub mod sites;
pub mod user_block;
pub mod user_detail;
pub mod users;
pub mod users_blocked;

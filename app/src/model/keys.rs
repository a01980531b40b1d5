//! Registration keys of site-mode sites (metadata only: a key is shown once, at rotation,
//! through `model::deploy::NewRegistrationKey`).

use crate::model::When;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationKeyRow {
    pub id: String,
    pub created: Option<When>,
    pub last_used: Option<When>,
    pub expires: Option<When>,
    pub status: String,
    /// The primary key (the newest); a second one is the old key in its grace period.
    pub primary: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegistrationKeys {
    pub site_id: String,
    pub site_name: String,
    pub keys: Vec<RegistrationKeyRow>,
    pub can_manage: bool,
}

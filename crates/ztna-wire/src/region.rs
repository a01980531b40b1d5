//! Connectivity regions.

use crate::lenient::{flex_bool, flex_string};
use serde::{Deserialize, Serialize};

/// A connectivity region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_default: bool,
}

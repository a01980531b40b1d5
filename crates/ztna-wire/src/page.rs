//! The page envelope of paginated lists (`page`, `size`, `sort`, `filter`).

use crate::lenient::{flex_bool, flex_i64, null_default};
use serde::{Deserialize, Serialize};

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct Page<T> {
    #[serde(default = "Vec::new", deserialize_with = "null_default")]
    pub content: Vec<T>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub first: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub last: bool,
    /// Maximum number of elements per page.
    #[serde(default, deserialize_with = "flex_i64")]
    pub size: i64,
    #[serde(rename = "totalElements", default, deserialize_with = "flex_i64")]
    pub total_elements: i64,
    #[serde(rename = "totalPages", default, deserialize_with = "flex_i64")]
    pub total_pages: i64,
    /// This page's number (0-based).
    #[serde(default, deserialize_with = "flex_i64")]
    pub number: i64,
    #[serde(rename = "numberOfElements", default, deserialize_with = "flex_i64")]
    pub number_of_elements: i64,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            content: Vec::new(),
            first: false,
            last: false,
            size: 0,
            total_elements: 0,
            total_pages: 0,
            number: 0,
            number_of_elements: 0,
        }
    }
}

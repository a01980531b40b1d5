//! The page envelopes of paginated lists: `page`/`size` ([`Page`]), identity users and groups
//! (`pageOffset`/`perPage`/`nextPage`: [`IdentityPage`]) and SCIM lists
//! (`startIndex`/`itemsPerPage`/`totalResults`: [`ScimPage`]).

use crate::lenient::{flex_bool, flex_i64, null_default};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

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

/// The `pageOffset`/`nextPage` cursor of identity lists: a number or an opaque string,
/// passed back exactly as received.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PageCursor {
    Number(serde_json::Number),
    Text(String),
}

impl PageCursor {
    /// The text for the `pageOffset` query parameter.
    pub fn as_query(&self) -> String {
        match self {
            Self::Number(n) => n.to_string(),
            Self::Text(s) => s.clone(),
        }
    }

    fn from_value(v: Value) -> Option<Self> {
        match v {
            Value::Number(n) => Some(Self::Number(n)),
            Value::String(s) if !s.trim().is_empty() => Some(Self::Text(s)),
            _ => None,
        }
    }
}

impl fmt::Display for PageCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_query())
    }
}

impl From<u64> for PageCursor {
    fn from(n: u64) -> Self {
        Self::Number(n.into())
    }
}

impl From<&str> for PageCursor {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl Serialize for PageCursor {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(n) => n.serialize(s),
            Self::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for PageCursor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::from_value(Value::deserialize(d)?)
            .ok_or_else(|| serde::de::Error::custom("a page cursor is a number or a string"))
    }
}

/// `null`, missing, `""`, objects and arrays are "no cursor".
fn cursor_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PageCursor>, D::Error> {
    Ok(PageCursor::from_value(Value::deserialize(d)?))
}

/// A page of users or groups: `nextPage` is the cursor for the next call (`None` when the
/// answer has none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct IdentityPage<T> {
    #[serde(default = "Vec::new", deserialize_with = "null_default")]
    pub content: Vec<T>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub first: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub last: bool,
    #[serde(default, deserialize_with = "flex_i64")]
    pub size: i64,
    #[serde(rename = "totalElements", default, deserialize_with = "flex_i64")]
    pub total_elements: i64,
    #[serde(rename = "perPage", default, deserialize_with = "flex_i64")]
    pub per_page: i64,
    #[serde(
        rename = "nextPage",
        default,
        deserialize_with = "cursor_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub next_page: Option<PageCursor>,
}

impl<T> Default for IdentityPage<T> {
    fn default() -> Self {
        Self {
            content: Vec::new(),
            first: false,
            last: false,
            size: 0,
            total_elements: 0,
            per_page: 0,
            next_page: None,
        }
    }
}

/// A page of a SCIM list. This API calls the items `content`; the SCIM standard's
/// `Resources` is accepted too. `startIndex` is 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>", serialize = "T: Serialize"))]
pub struct ScimPage<T> {
    #[serde(
        alias = "Resources",
        default = "Vec::new",
        deserialize_with = "null_default"
    )]
    pub content: Vec<T>,
    #[serde(rename = "itemsPerPage", default, deserialize_with = "flex_i64")]
    pub items_per_page: i64,
    #[serde(default, deserialize_with = "null_default")]
    pub schemas: Vec<String>,
    #[serde(rename = "startIndex", default, deserialize_with = "flex_i64")]
    pub start_index: i64,
    #[serde(rename = "totalResults", default, deserialize_with = "flex_i64")]
    pub total_results: i64,
}

impl<T> Default for ScimPage<T> {
    fn default() -> Self {
        Self {
            content: Vec::new(),
            items_per_page: 0,
            schemas: Vec::new(),
            start_index: 0,
            total_results: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Eq, Deserialize)]
    struct User {}

    #[test]
    fn cursors_are_kept_as_received() {
        let p: IdentityPage<User> = serde_json::from_value(json!({"nextPage": 2})).unwrap();
        assert_eq!(p.next_page.as_ref().unwrap().as_query(), "2");
        let p: IdentityPage<User> =
            serde_json::from_value(json!({"nextPage": "eyJvZmZzZXQiOjI1fQ=="})).unwrap();
        assert_eq!(
            p.next_page,
            Some(PageCursor::Text("eyJvZmZzZXQiOjI1fQ==".into()))
        );
        for none in [json!(null), json!(""), json!({})] {
            let p: IdentityPage<User> = serde_json::from_value(json!({"nextPage": none})).unwrap();
            assert!(p.next_page.is_none());
        }
        let p: IdentityPage<User> = serde_json::from_value(json!({})).unwrap();
        assert!(p.next_page.is_none() && p.content.is_empty());
        assert_eq!(serde_json::to_value(PageCursor::from(3)).unwrap(), json!(3));
    }
}

//! Collections (groups of resources that admin roles are scoped to) and their links to sites.

use crate::lenient::{flex_i64, flex_string, flex_string_opt, null_default};
use serde::{Deserialize, Serialize};

/// A collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Collection {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub parent_id: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_i64")]
    pub count_resources: i64,
    #[serde(default, deserialize_with = "flex_i64")]
    pub count_linked_sites: i64,
    /// The authorisation FQDN.
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub fqdn: Option<String>,
}

/// The body of create collection (`id` optional) and, with `id: None`, of update.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCollection {
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
}

impl NewCollection {
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            id: None,
            name: name.into(),
        }
    }
}

impl From<&Collection> for NewCollection {
    /// The update body of a collection: only its name is writable.
    fn from(c: &Collection) -> Self {
        Self::named(c.name.clone())
    }
}

/// A link between a site and a collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionSiteLink {
    #[serde(default, deserialize_with = "flex_string")]
    pub site_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub collection_id: String,
}

/// `{"links": [...]}`: the body and answer of link, and the answer of the links of a
/// collection.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectionSiteLinks {
    #[serde(default, deserialize_with = "null_default")]
    pub links: Vec<CollectionSiteLink>,
}

/// `{"collectionIds": [...]}`: the collections a site is linked to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteCollections {
    #[serde(rename = "collectionIds", default, deserialize_with = "null_default")]
    pub collection_ids: Vec<String>,
}

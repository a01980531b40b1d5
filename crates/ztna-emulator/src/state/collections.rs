//! Collections: the tenant's folders of applications and policies, and their links to the sites
//! that may serve those applications.
//!
//! Rules kept here: every tenant has a root ("default") collection that cannot be deleted;
//! collection names are unique; a link names an existing site and collection and is made once;
//! a site cannot be unlinked from a collection while an application of that collection is bound
//! to it; a collection holding applications or policies cannot be deleted. Site
//! `countCollections` is the number of links of the site and is kept in step on every change
//! (see [`Tenant::sync_site_collections`]); `countResources` and `countLinkedSites` are derived on
//! every read.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use uuid::Uuid;

use super::Tenant;
use crate::error::EmulatorError;

/// The root collection's id: the one the reference's role-binding examples show as a
/// collection that is its own parent.
pub(crate) const ROOT_COLLECTION_ID: Uuid =
    Uuid::from_u128(0xff5e_f47d_3e9c_418b_abfc_a1f7_02fa_0c59);
pub(crate) const ROOT_COLLECTION_NAME: &str = "Default Collection";

const NAME_MIN: usize = 1;
const NAME_MAX: usize = 100;

#[derive(Debug, Clone)]
pub(crate) struct Collection {
    pub id: Uuid,
    pub name: String,
    /// The root's parent is itself, as in the reference.
    pub parent_id: Uuid,
}

/// Collections and site links.
#[derive(Debug, Clone)]
pub(crate) struct Collections {
    pub root: Uuid,
    pub items: BTreeMap<Uuid, Collection>,
    /// `(collection, site)` pairs.
    pub links: BTreeSet<(Uuid, Uuid)>,
}

impl Default for Collections {
    /// Just the root collection, with no links.
    fn default() -> Self {
        let root = Collection {
            id: ROOT_COLLECTION_ID,
            name: ROOT_COLLECTION_NAME.to_owned(),
            parent_id: ROOT_COLLECTION_ID,
        };
        Self {
            root: ROOT_COLLECTION_ID,
            items: BTreeMap::from([(ROOT_COLLECTION_ID, root)]),
            links: BTreeSet::new(),
        }
    }
}

fn validate_name(name: Option<String>) -> Result<String, EmulatorError> {
    let Some(name) = name else {
        return Err(EmulatorError::BadRequest(
            "Invalid request parameters: name is required".into(),
        ));
    };
    let name = name.trim().to_owned();
    let len = name.chars().count();
    if !(NAME_MIN..=NAME_MAX).contains(&len) {
        return Err(EmulatorError::BadRequest(format!(
            "Invalid request parameters: name length must be between {NAME_MIN} and {NAME_MAX} characters (got {len})"
        )));
    }
    Ok(name)
}

impl Tenant {
    pub fn collection(&self, id: Uuid) -> Result<&Collection, EmulatorError> {
        self.collections
            .items
            .get(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Collection {id} was not found")))
    }

    pub fn is_linked(&self, collection: Uuid, site: Uuid) -> bool {
        self.collections.links.contains(&(collection, site))
    }

    /// Sites linked to `collection`, by site id.
    pub fn sites_of_collection(&self, collection: Uuid) -> Vec<Uuid> {
        self.collections
            .links
            .range((collection, Uuid::nil())..=(collection, Uuid::max()))
            .map(|&(_, site)| site)
            .collect()
    }

    /// Collections `site` is linked to, by collection id.
    pub fn collections_of_site(&self, site: Uuid) -> Vec<Uuid> {
        self.collections
            .links
            .iter()
            .filter(|&&(_, s)| s == site)
            .map(|&(c, _)| c)
            .collect()
    }

    /// Applications plus policies held by the collection.
    pub fn collection_resources(&self, collection: Uuid) -> usize {
        let apps = self
            .applications
            .values()
            .filter(|a| a.collection_id == collection)
            .count();
        let policies = self
            .policies
            .values()
            .filter(|p| p.collection_id == collection)
            .count();
        apps + policies
    }

    /// Sets the site's `countCollections` to its number of links.
    pub fn sync_site_collections(&mut self, site: Uuid) {
        let count = self.collections_of_site(site).len();
        if let Some(s) = self.sites.get_mut(&site) {
            s.count_collections = i32::try_from(count).unwrap_or(i32::MAX);
        }
    }

    fn ensure_unique_collection_name(
        &self,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<(), EmulatorError> {
        if self
            .collections
            .items
            .values()
            .any(|c| c.name == name && Some(c.id) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    /// A new collection under the root. The id, when sent, is ignored: the tenant assigns it.
    pub fn create_collection(&mut self, name: Option<String>) -> Result<Uuid, EmulatorError> {
        let name = validate_name(name)?;
        self.ensure_unique_collection_name(&name, None)?;
        let id = Uuid::new_v4();
        self.collections.items.insert(
            id,
            Collection {
                id,
                name,
                parent_id: self.collections.root,
            },
        );
        Ok(id)
    }

    pub fn update_collection(
        &mut self,
        id: Uuid,
        name: Option<String>,
    ) -> Result<(), EmulatorError> {
        self.collection(id)?;
        let name = validate_name(name)?;
        self.ensure_unique_collection_name(&name, Some(id))?;
        if let Some(c) = self.collections.items.get_mut(&id) {
            c.name = name;
        }
        Ok(())
    }

    /// Refused for the root and for collections that still hold applications or policies.
    /// Links and the collection's role bindings go with it.
    pub fn delete_collection(&mut self, id: Uuid) -> Result<(), EmulatorError> {
        let collection = self.collection(id)?;
        if id == self.collections.root {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: the default collection cannot be deleted".into(),
            ));
        }
        let resources = self.collection_resources(id);
        if resources > 0 {
            return Err(EmulatorError::BadRequest(format!(
                "Collection '{}' still holds {resources} application(s) and policies; move or delete them before deleting the collection",
                collection.name
            )));
        }
        let sites = self.sites_of_collection(id);
        self.collections.links.retain(|&(c, _)| c != id);
        for site in sites {
            self.sync_site_collections(site);
        }
        self.role_bindings
            .retain(|_, b| b.scope != super::role_bindings::Scope::Collection(id));
        self.collections.items.remove(&id);
        Ok(())
    }

    /// Links sites to collections, all or nothing: every pair must name an existing site and
    /// collection and must not be linked yet (409).
    pub fn link_sites(&mut self, pairs: &[(Uuid, Uuid)]) -> Result<(), EmulatorError> {
        let mut seen = BTreeSet::new();
        for &(site, collection) in pairs {
            self.site(site)?;
            let c = self.collection(collection)?;
            if self.is_linked(collection, site) || !seen.insert((collection, site)) {
                return Err(EmulatorError::Conflict(format!(
                    "Site {site} is already linked to collection '{}'",
                    c.name
                )));
            }
        }
        for &(site, collection) in pairs {
            self.collections.links.insert((collection, site));
            self.sync_site_collections(site);
        }
        Ok(())
    }

    /// Refused while an application of the collection is bound to the site.
    pub fn unlink_site(&mut self, collection: Uuid, site: Uuid) -> Result<(), EmulatorError> {
        let c = self.collection(collection)?;
        let s = self.site(site)?;
        if !self.is_linked(collection, site) {
            return Err(EmulatorError::NotFound(format!(
                "Site {site} is not linked to collection {collection}"
            )));
        }
        let bound = self
            .applications
            .values()
            .filter(|a| a.collection_id == collection && a.site_id == Some(site))
            .count();
        if bound > 0 {
            return Err(EmulatorError::BadRequest(format!(
                "Site '{}' serves {bound} application(s) of collection '{}'; bind them to another site before unlinking",
                s.name, c.name
            )));
        }
        self.collections.links.remove(&(collection, site));
        self.sync_site_collections(site);
        Ok(())
    }

    /// A site created through the API lands in the root collection.
    pub fn on_site_created(&mut self, site: Uuid) {
        self.collections.links.insert((self.collections.root, site));
        self.sync_site_collections(site);
    }

    /// A deleted site leaves its collections, its applications become unbound, and its role
    /// bindings go.
    pub fn on_site_deleted(&mut self, site: Uuid) {
        self.collections.links.retain(|&(_, s)| s != site);
        for app in self.applications.values_mut() {
            if app.site_id == Some(site) {
                app.site_id = None;
            }
        }
        self.role_bindings
            .retain(|_, b| b.scope != super::role_bindings::Scope::Site(site));
    }
}

/// The `Collection` JSON shape.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CollectionView {
    pub id: String,
    #[serde(rename = "parentId")]
    pub parent_id: String,
    pub name: String,
    #[serde(rename = "countResources")]
    pub count_resources: usize,
    #[serde(rename = "countLinkedSites")]
    pub count_linked_sites: usize,
    /// Authorization FQDN: `r` for the root, `r::<id>` below it.
    pub fqdn: String,
}

impl CollectionView {
    pub fn new(tenant: &Tenant, c: &Collection) -> Self {
        Self {
            id: c.id.to_string(),
            parent_id: c.parent_id.to_string(),
            name: c.name.clone(),
            count_resources: tenant.collection_resources(c.id),
            count_linked_sites: tenant.sites_of_collection(c.id).len(),
            fqdn: collection_fqdn(tenant, c.id),
        }
    }
}

pub(crate) fn collection_fqdn(tenant: &Tenant, id: Uuid) -> String {
    if id == tenant.collections.root {
        "r".to_owned()
    } else {
        format!("r::{id}")
    }
}

/// One `CollectionSiteLink`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteLinkView {
    #[serde(rename = "siteId")]
    pub site_id: String,
    #[serde(rename = "collectionId")]
    pub collection_id: String,
}

impl SiteLinkView {
    pub fn new(collection: Uuid, site: Uuid) -> Self {
        Self {
            site_id: site.to_string(),
            collection_id: collection.to_string(),
        }
    }
}

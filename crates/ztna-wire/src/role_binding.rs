//! Role bindings: an entity (user, group, API client) holds an admin role on the tenant, a
//! collection or a site. Answers say `role.RoleType`, `Collection` (capital C) and
//! `resource.collectionID`; the other spellings are accepted too.

use crate::collection::Collection;
use crate::enums::wire_enum;
use crate::identity::DirectoryEntity;
use crate::lenient::{
    datetime_opt, flex_string, flex_string_opt, null_default, serialize_datetime_opt,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

wire_enum! {
    /// An admin role. The reference's enum lacks `CollectionAdmin`/`CollectionViewer`, yet its
    /// collection-role example sends `CollectionAdmin`: both are known here.
    pub enum RoleType (default RoleType::Other(String::new())) {
        TenantAdmin = "TenantAdmin", label "Tenant admin";
        TenantViewer = "TenantViewer", label "Tenant viewer";
        SiteEditor = "SiteEditor", label "Site editor";
        SiteConnectorDeployer = "SiteConnectorDeployer", label "Site connector deployer";
        ApplicationOwner = "ApplicationOwner", label "Application owner";
        PolicyOwner = "PolicyOwner", label "Policy owner";
        CollectionAdmin = "CollectionAdmin", label "Collection admin";
        CollectionViewer = "CollectionViewer", label "Collection viewer";
    }
}

wire_enum! {
    /// The kind of resource a role is bound to.
    pub enum SubjectType (default SubjectType::Other(String::new())) {
        Site = "Site", label "Site";
        App = "App", label "Application", aliases ["Application"];
        Policy = "Policy", label "Policy";
        Collection = "Collection", label "Collection";
    }
}

/// The role of a binding (`RoleType` capitalised on the wire; `roleType` accepted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(rename = "RoleType", alias = "roleType", alias = "role_type", default)]
    pub role_type: RoleType,
}

/// The resource a binding is scoped to (`collectionID` on the wire; `collectionId` accepted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleResource {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(
        rename = "collectionID",
        alias = "collectionId",
        default,
        deserialize_with = "flex_string_opt"
    )]
    pub collection_id: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub fqdn: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub original_resource_id: Option<String>,
    #[serde(default)]
    pub subject_type: SubjectType,
}

/// A role binding: an entity holds a role on a collection or resource.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleBinding {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(
        rename = "createdAt",
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub created_at: Option<OffsetDateTime>,
    #[serde(default, deserialize_with = "null_default")]
    pub role: Role,
    /// `Collection` (capital C) on the wire; `collection` accepted.
    #[serde(rename = "Collection", alias = "collection", default)]
    pub collection: Option<Collection>,
    #[serde(default, deserialize_with = "null_default")]
    pub entity: DirectoryEntity,
    #[serde(default)]
    pub resource: Option<RoleResource>,
}

/// The answer of the create-role-binding calls.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleBindings {
    #[serde(rename = "roleBindings", default, deserialize_with = "null_default")]
    pub role_bindings: Vec<RoleBinding>,
}

/// Body of `POST /v2/collection/tenant-role-bindings` (`TenantAdmin`/`TenantViewer`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TenantRoleBindingRequest {
    #[serde(default)]
    pub role_type: RoleType,
    #[serde(default, deserialize_with = "null_default")]
    pub entities: Vec<DirectoryEntity>,
}

/// Body of `POST /v2/collection/collection-role-bindings`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionRoleBindingRequest {
    #[serde(default)]
    pub role_type: RoleType,
    #[serde(default, deserialize_with = "flex_string")]
    pub collection_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub entities: Vec<DirectoryEntity>,
}

/// Body of `POST /v2/collection/site-role-bindings` (`SiteEditor`/`SiteConnectorDeployer`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteRoleBindingRequest {
    #[serde(default)]
    pub role_type: RoleType,
    #[serde(default, deserialize_with = "flex_string")]
    pub site_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub entities: Vec<DirectoryEntity>,
}

/// Body of `POST /v2/collection/role-bindings/delete`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleBindingIds {
    #[serde(rename = "roleBindingIds", default, deserialize_with = "null_default")]
    pub role_binding_ids: Vec<String>,
}

//! Role bindings: a directory entity (user, group, API client) holding a role on the tenant,
//! on a collection, or on a site. Also the directory-entity rules policies share.
//!
//! Rules: the role must suit the scope (TenantAdmin/TenantViewer on the tenant;
//! ApplicationOwner/PolicyOwner, and the `CollectionAdmin`/`CollectionViewer` the reference's
//! example and description use, on a collection; SiteEditor/SiteConnectorDeployer on a site);
//! the collection or site must exist (404); every entity must be in the tenant directory when
//! the directory is not empty (404). Creating a binding that already exists returns the
//! existing one instead of a duplicate.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use super::collections::{collection_fqdn, CollectionView};
use super::directory::{SubjectKind, SubjectRef};
use super::Tenant;
use crate::error::EmulatorError;
use crate::timefmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum RoleType {
    TenantAdmin,
    TenantViewer,
    ApplicationOwner,
    PolicyOwner,
    CollectionAdmin,
    CollectionViewer,
    SiteEditor,
    SiteConnectorDeployer,
}

impl RoleType {
    pub const ALL: [Self; 8] = [
        Self::TenantAdmin,
        Self::TenantViewer,
        Self::ApplicationOwner,
        Self::PolicyOwner,
        Self::CollectionAdmin,
        Self::CollectionViewer,
        Self::SiteEditor,
        Self::SiteConnectorDeployer,
    ];
    pub const TENANT: [Self; 2] = [Self::TenantAdmin, Self::TenantViewer];
    pub const COLLECTION: [Self; 4] = [
        Self::ApplicationOwner,
        Self::PolicyOwner,
        Self::CollectionAdmin,
        Self::CollectionViewer,
    ];
    pub const SITE: [Self; 2] = [Self::SiteEditor, Self::SiteConnectorDeployer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::TenantAdmin => "TenantAdmin",
            Self::TenantViewer => "TenantViewer",
            Self::ApplicationOwner => "ApplicationOwner",
            Self::PolicyOwner => "PolicyOwner",
            Self::CollectionAdmin => "CollectionAdmin",
            Self::CollectionViewer => "CollectionViewer",
            Self::SiteEditor => "SiteEditor",
            Self::SiteConnectorDeployer => "SiteConnectorDeployer",
        }
    }

    pub fn display_name(self) -> &'static str {
        match self {
            Self::TenantAdmin => "Tenant Admin",
            Self::TenantViewer => "Tenant Viewer",
            Self::ApplicationOwner => "Application Owner",
            Self::PolicyOwner => "Policy Owner",
            Self::CollectionAdmin => "Collection Admin",
            Self::CollectionViewer => "Collection Viewer",
            Self::SiteEditor => "Site Editor",
            Self::SiteConnectorDeployer => "Site Connector Deployer",
        }
    }

    /// A fixed id per role, as the tenant's built-in roles have.
    pub fn role_id(self) -> Uuid {
        let n: u128 = match self {
            Self::TenantAdmin => 1,
            Self::TenantViewer => 2,
            Self::ApplicationOwner => 3,
            Self::PolicyOwner => 4,
            Self::CollectionAdmin => 5,
            Self::CollectionViewer => 6,
            Self::SiteEditor => 7,
            Self::SiteConnectorDeployer => 8,
        };
        Uuid::from_u128(0x7a3c_0000_0000_4000_8000_0000_0000_0000 | n)
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(raw.trim()))
    }
}

/// What a binding grants its role on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Scope {
    Tenant,
    Collection(Uuid),
    Site(Uuid),
}

/// A directory entity as policies and role bindings store it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entity {
    pub identifier_in_provider: String,
    pub identity_provider_id: String,
    pub identity_provider_type: String,
    /// `User`, `Group` or `ApiClient`.
    pub kind: String,
    pub display_name: String,
}

impl Entity {
    pub fn from_subject(s: &SubjectRef) -> Self {
        Self {
            identifier_in_provider: s.entity_id.clone(),
            identity_provider_id: s.idp_id.clone(),
            identity_provider_type: s.idp_type.clone(),
            kind: kind_str(s.kind).to_owned(),
            display_name: s.display_name.clone(),
        }
    }

    fn same_subject(&self, other: &Self) -> bool {
        self.identity_provider_id
            .eq_ignore_ascii_case(&other.identity_provider_id)
            && self.identifier_in_provider == other.identifier_in_provider
    }
}

pub(crate) fn kind_str(kind: SubjectKind) -> &'static str {
    match kind {
        SubjectKind::User => "User",
        SubjectKind::Group => "Group",
        SubjectKind::ApiClient => "ApiClient",
    }
}

const ENTITY_TYPES: [&str; 3] = ["User", "Group", "ApiClient"];

/// How an unknown entity is reported: policies answer 400, role bindings 404.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Missing {
    BadRequest,
    NotFound,
}

impl Tenant {
    /// Checks a `DirectoryEntity` object as sent by a client. With a directory, the entity must
    /// be in it (matched by identity provider id and entity id) and takes the directory's type
    /// and display name; without one (tiny configurations), it is taken as sent.
    pub fn resolve_entity(
        &self,
        value: &Value,
        at: &str,
        missing: Missing,
    ) -> Result<Entity, EmulatorError> {
        let bad = |m: String| EmulatorError::BadRequest(format!("Invalid request parameters: {m}"));
        let Some(obj) = value.as_object() else {
            return Err(bad(format!("{at} must be an object")));
        };
        let text = |key: &str| -> Result<Option<String>, EmulatorError> {
            match obj.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
                Some(_) => Err(bad(format!("{at}.{key} must be a string"))),
            }
        };
        let Some(entity_id) = text("identifierInProvider")? else {
            return Err(bad(format!("{at}.identifierInProvider is required")));
        };
        let Some(idp_id) = text("identityProviderId")? else {
            return Err(bad(format!("{at}.identityProviderId is required")));
        };
        let kind = match text("type")? {
            None => None,
            Some(raw) => Some(
                ENTITY_TYPES
                    .into_iter()
                    .find(|t| t.eq_ignore_ascii_case(&raw))
                    .ok_or_else(|| {
                        bad(format!(
                            "{at}.type '{raw}' is not one of: {}",
                            ENTITY_TYPES.join(", ")
                        ))
                    })?,
            ),
        };
        if self.directory.is_empty() {
            return Ok(Entity {
                display_name: text("displayName")?.unwrap_or_else(|| entity_id.clone()),
                identity_provider_type: text("identityProviderType")?.unwrap_or_else(|| {
                    if idp_id == "local" {
                        "local".into()
                    } else {
                        "unknown".into()
                    }
                }),
                kind: kind.unwrap_or("User").to_owned(),
                identifier_in_provider: entity_id,
                identity_provider_id: idp_id,
            });
        }
        let found = self
            .directory
            .iter()
            .find(|s| s.idp_id.eq_ignore_ascii_case(&idp_id) && s.entity_id == entity_id)
            .filter(|s| kind.is_none_or(|k| k == kind_str(s.kind)));
        match found {
            Some(subject) => Ok(Entity::from_subject(subject)),
            None => {
                let message = format!(
                    "Directory entity '{entity_id}' of identity provider '{idp_id}' was not found"
                );
                Err(match missing {
                    Missing::BadRequest => bad(message),
                    Missing::NotFound => EmulatorError::NotFound(message),
                })
            }
        }
    }

    pub fn resolve_entities(
        &self,
        value: Option<&Value>,
        key: &str,
        missing: Missing,
    ) -> Result<Vec<Entity>, EmulatorError> {
        match value {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(i, v)| self.resolve_entity(v, &format!("{key}[{i}]"), missing))
                .collect(),
            Some(_) => Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: {key} must be an array"
            ))),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct RoleBinding {
    pub id: Uuid,
    pub created_at: OffsetDateTime,
    pub role: RoleType,
    pub scope: Scope,
    /// The binding's own id for its entity (the `entity.id` of the reference).
    pub entity_binding_id: Uuid,
    pub entity: Entity,
}

/// A create call: tenant, collection or site role bindings.
#[derive(Debug, Clone)]
pub(crate) struct BindingRequest {
    pub role: Option<String>,
    pub scope_id: Option<String>,
    pub entities: Option<Value>,
}

fn bad(message: impl Into<String>) -> EmulatorError {
    EmulatorError::BadRequest(format!("Invalid request parameters: {}", message.into()))
}

/// Which create call: the scope kind decides the allowed roles and the scope id key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Tenant,
    Collection,
    Site,
}

impl Tenant {
    /// Creates one binding per entity; all or nothing. Returns the bindings' ids in the order
    /// of the entities (an existing identical binding is returned instead of a duplicate).
    pub fn create_role_bindings(
        &mut self,
        kind: ScopeKind,
        request: BindingRequest,
        now: OffsetDateTime,
    ) -> Result<Vec<Uuid>, EmulatorError> {
        let (allowed, scope_key): (&[RoleType], &str) = match kind {
            ScopeKind::Tenant => (&RoleType::TENANT, ""),
            ScopeKind::Collection => (&RoleType::COLLECTION, "collectionId"),
            ScopeKind::Site => (&RoleType::SITE, "siteId"),
        };
        let names = || {
            allowed
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(raw_role) = request.role.filter(|r| !r.trim().is_empty()) else {
            return Err(bad(format!("roleType is required (one of: {})", names())));
        };
        let role = RoleType::parse(&raw_role)
            .filter(|r| allowed.contains(r))
            .ok_or_else(|| bad(format!("roleType '{raw_role}' is not one of: {}", names())))?;
        let scope = match kind {
            ScopeKind::Tenant => Scope::Tenant,
            ScopeKind::Collection | ScopeKind::Site => {
                let Some(raw) = request.scope_id.filter(|r| !r.trim().is_empty()) else {
                    return Err(bad(format!("{scope_key} is required")));
                };
                let id = Uuid::try_parse(raw.trim()).map_err(|_| EmulatorError::InvalidId)?;
                if kind == ScopeKind::Collection {
                    self.collection(id)?;
                    Scope::Collection(id)
                } else {
                    self.site(id)?;
                    Scope::Site(id)
                }
            }
        };
        let entities =
            self.resolve_entities(request.entities.as_ref(), "entities", Missing::NotFound)?;
        if entities.is_empty() {
            return Err(bad("entities must name at least one directory entity"));
        }
        let mut ids = Vec::new();
        for entity in entities {
            let existing = self
                .role_bindings
                .values()
                .find(|b| b.role == role && b.scope == scope && b.entity.same_subject(&entity));
            let id = match existing {
                Some(b) => b.id,
                None => {
                    let id = Uuid::new_v4();
                    self.role_bindings.insert(
                        id,
                        RoleBinding {
                            id,
                            created_at: now,
                            role,
                            scope,
                            entity_binding_id: Uuid::new_v4(),
                            entity,
                        },
                    );
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// All or nothing: every id must name a binding (404).
    pub fn delete_role_bindings(&mut self, ids: &[Uuid]) -> Result<(), EmulatorError> {
        if let Some(missing) = ids.iter().find(|id| !self.role_bindings.contains_key(id)) {
            return Err(EmulatorError::NotFound(format!(
                "Role binding {missing} was not found"
            )));
        }
        for id in ids {
            self.role_bindings.remove(id);
        }
        Ok(())
    }

    /// (subject type, subject id, subject name, collection id) of a binding's resource.
    pub fn binding_resource(&self, scope: Scope) -> (&'static str, Uuid, String, Uuid) {
        let root = self.collections.root;
        let collection_name = |id: Uuid| {
            self.collections
                .items
                .get(&id)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        };
        match scope {
            Scope::Tenant => ("Collection", root, collection_name(root), root),
            Scope::Collection(id) => ("Collection", id, collection_name(id), id),
            Scope::Site(id) => (
                "Site",
                id,
                self.sites
                    .get(&id)
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                root,
            ),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoleView {
    pub id: String,
    pub name: &'static str,
    #[serde(rename = "RoleType")]
    pub role_type: &'static str,
}

/// The `DirectoryEntity` JSON shape, with its binding id.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EntityView {
    pub id: String,
    #[serde(rename = "identifierInProvider")]
    pub identifier_in_provider: String,
    #[serde(rename = "identityProviderId")]
    pub identity_provider_id: String,
    #[serde(rename = "identityProviderType")]
    pub identity_provider_type: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "displayName")]
    pub display_name: String,
}

impl EntityView {
    pub fn new(id: Uuid, e: &Entity) -> Self {
        Self {
            id: id.to_string(),
            identifier_in_provider: e.identifier_in_provider.clone(),
            identity_provider_id: e.identity_provider_id.clone(),
            identity_provider_type: e.identity_provider_type.clone(),
            kind: e.kind.clone(),
            display_name: e.display_name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ResourceView {
    pub id: String,
    #[serde(rename = "collectionID")]
    pub collection_id: String,
    pub fqdn: String,
    pub name: String,
    #[serde(rename = "originalResourceId")]
    pub original_resource_id: String,
    #[serde(rename = "subjectType")]
    pub subject_type: &'static str,
}

/// The `RoleBinding` JSON shape: `role.RoleType`, `Collection` with a capital C and
/// `resource.collectionID`, as in the reference.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoleBindingView {
    pub id: String,
    #[serde(rename = "createdAt")]
    pub created_at: String,
    pub role: RoleView,
    #[serde(rename = "Collection")]
    pub collection: Option<CollectionView>,
    pub entity: EntityView,
    pub resource: ResourceView,
}

impl RoleBindingView {
    pub fn new(tenant: &Tenant, b: &RoleBinding) -> Self {
        let (subject_type, subject_id, name, collection_id) = tenant.binding_resource(b.scope);
        let fqdn = match b.scope {
            Scope::Site(_) => "r::site".to_owned(),
            Scope::Tenant | Scope::Collection(_) => collection_fqdn(tenant, collection_id),
        };
        Self {
            id: b.id.to_string(),
            created_at: timefmt::iso_seconds(b.created_at),
            role: RoleView {
                id: b.role.role_id().to_string(),
                name: b.role.display_name(),
                role_type: b.role.as_str(),
            },
            collection: tenant
                .collections
                .items
                .get(&collection_id)
                .map(|c| CollectionView::new(tenant, c)),
            entity: EntityView::new(b.entity_binding_id, &b.entity),
            resource: ResourceView {
                id: subject_id.to_string(),
                collection_id: collection_id.to_string(),
                fqdn,
                name,
                original_resource_id: subject_id.to_string(),
                subject_type,
            },
        }
    }
}

/// The list call's filters and sort.
#[derive(Debug, Clone, Default)]
pub(crate) struct BindingFilter {
    pub entity_id_in_idp: Option<String>,
    pub entity_type: Option<String>,
    pub entity_name: Option<String>,
    pub subject_id: Option<Uuid>,
    pub subject_type: Option<String>,
    pub subject_name: Option<String>,
    pub role: Option<RoleType>,
}

/// Sort keys of the list call. `name` (the reference's own example) means `displayName`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BindingSort {
    DisplayName,
    EntityType,
    Role,
    CreatedAt,
    SubjectType,
}

impl BindingSort {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "" | "displayname" | "name" => Some(Self::DisplayName),
            "entitytype" => Some(Self::EntityType),
            "role" | "roletype" => Some(Self::Role),
            "createdat" => Some(Self::CreatedAt),
            "subjecttype" => Some(Self::SubjectType),
            _ => None,
        }
    }
}

/// Parses the list filters; `undefined` (sent by the reference's example) means "no filter".
pub(crate) fn binding_filter(
    query: &HashMap<String, String>,
) -> Result<BindingFilter, EmulatorError> {
    let get = |key: &str| {
        query
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty() && !v.eq_ignore_ascii_case("undefined"))
            .map(str::to_owned)
    };
    let pick = |key: &str, allowed: &[&str]| -> Result<Option<String>, EmulatorError> {
        match get(key) {
            None => Ok(None),
            Some(v) => allowed
                .iter()
                .find(|a| a.eq_ignore_ascii_case(&v))
                .map(|a| Some((*a).to_owned()))
                .ok_or_else(|| bad(format!("{key} '{v}' is not one of: {}", allowed.join(", ")))),
        }
    };
    let role = match get("roleType") {
        None => None,
        Some(v) => Some(RoleType::parse(&v).ok_or_else(|| {
            bad(format!(
                "roleType '{v}' is not one of: {}",
                RoleType::ALL.map(RoleType::as_str).join(", ")
            ))
        })?),
    };
    let subject_id = match get("subjectId") {
        None => None,
        Some(v) => Some(Uuid::try_parse(&v).map_err(|_| EmulatorError::InvalidId)?),
    };
    Ok(BindingFilter {
        entity_id_in_idp: get("entityIdInIdp"),
        entity_type: pick("entityType", &ENTITY_TYPES)?,
        entity_name: get("entityName").map(|s| s.to_lowercase()),
        subject_id,
        subject_type: pick("subjectType", &["Site", "App", "Policy", "Collection"])?,
        subject_name: get("subjectName").map(|s| s.to_lowercase()),
        role,
    })
}

impl Tenant {
    /// Bindings matching `filter`, sorted (ties by id).
    pub fn list_role_bindings(
        &self,
        filter: &BindingFilter,
        sort: BindingSort,
        descending: bool,
    ) -> Vec<&RoleBinding> {
        let mut rows: Vec<(&RoleBinding, &'static str, Uuid, String)> = self
            .role_bindings
            .values()
            .map(|b| {
                let (subject_type, subject_id, name, _) = self.binding_resource(b.scope);
                (b, subject_type, subject_id, name)
            })
            .filter(|(b, subject_type, subject_id, name)| {
                filter
                    .entity_id_in_idp
                    .as_deref()
                    .is_none_or(|v| b.entity.identifier_in_provider == v)
                    && filter
                        .entity_type
                        .as_deref()
                        .is_none_or(|v| b.entity.kind == v)
                    && filter
                        .entity_name
                        .as_deref()
                        .is_none_or(|v| b.entity.display_name.to_lowercase().contains(v))
                    && filter.subject_id.is_none_or(|v| *subject_id == v)
                    && filter
                        .subject_type
                        .as_deref()
                        .is_none_or(|v| *subject_type == v)
                    && filter
                        .subject_name
                        .as_deref()
                        .is_none_or(|v| name.to_lowercase().contains(v))
                    && filter.role.is_none_or(|r| b.role == r)
            })
            .collect();
        rows.sort_by(|a, b| {
            let ordering = match sort {
                BindingSort::DisplayName => {
                    a.0.entity
                        .display_name
                        .to_lowercase()
                        .cmp(&b.0.entity.display_name.to_lowercase())
                }
                BindingSort::EntityType => a.0.entity.kind.cmp(&b.0.entity.kind),
                BindingSort::Role => a.0.role.as_str().cmp(b.0.role.as_str()),
                BindingSort::CreatedAt => a.0.created_at.cmp(&b.0.created_at),
                BindingSort::SubjectType => a.1.cmp(b.1),
            }
            .then_with(|| a.0.id.cmp(&b.0.id));
            if descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
        rows.into_iter().map(|(b, ..)| b).collect()
    }
}

/// The role binding ids of a delete call.
pub(crate) fn binding_ids(body: &Map<String, Value>) -> Result<Vec<Uuid>, EmulatorError> {
    let Some(list) = body.get("roleBindingIds").and_then(Value::as_array) else {
        return Err(bad("roleBindingIds is required (an array of ids)"));
    };
    if list.is_empty() {
        return Err(bad("roleBindingIds must name at least one role binding"));
    }
    list.iter()
        .map(|v| {
            v.as_str()
                .and_then(|s| Uuid::try_parse(s.trim()).ok())
                .ok_or(EmulatorError::InvalidId)
        })
        .collect()
}

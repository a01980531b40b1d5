//! The seam between the identity resources and everything that points at people:
//! policies and role bindings name their subjects (users, groups, API clients) by
//! identity provider and entity id. The identity seed fills `Tenant::directory` first;
//! later seeds (policies, role bindings) pick their subjects from it.

/// What kind of directory entity a subject is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SubjectKind {
    User,
    Group,
    ApiClient,
}

/// A directory entity that policies and role bindings may name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SubjectRef {
    /// Identity provider id (`local` for the local directory, a UUID otherwise).
    pub idp_id: String,
    /// Identity provider type as the tenant spells it (e.g. `local`, `okta`, `azure`).
    pub idp_type: String,
    pub idp_name: String,
    /// Opaque entity id (`auth0|...`, a UUID, ...).
    pub entity_id: String,
    pub kind: SubjectKind,
    pub display_name: String,
}

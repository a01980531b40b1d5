//! Identity providers, their users and groups, and the tenant's blocked-user list.
//!
//! Ids are opaque strings, as the reference warns: the local directory is `local`, its users
//! look like `auth0|5ac3…` (the reference's examples keep their UUIDs), Okta ids look like
//! `00u…`/`00g…`, Azure AD ids are UUIDs. Users of the Generic SAML provider are the SCIM
//! users (see [`super::scim`]); its groups are the SCIM groups.
//!
//! Paging differs per provider, like on the real tenant: the local and Generic SAML
//! directories page with a page number (`pageOffset=0,1,…`, `nextPage` a number), Okta and
//! Azure AD with opaque string cursors that must be passed back as they came.

use std::collections::BTreeMap;

use base64::Engine;
use rand::Rng;
use time::OffsetDateTime;
use uuid::Uuid;

use super::directory::{SubjectKind, SubjectRef};
use super::{Field, Tenant};
use crate::error::EmulatorError;

/// The local directory's identity provider id.
pub(crate) const LOCAL: &str = "local";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paging {
    /// `pageOffset` is a 0-based page number; `nextPage` is the next number.
    Numeric,
    /// `pageOffset` is an opaque cursor taken from the previous page's `nextPage`.
    Cursor,
}

#[derive(Debug, Clone)]
pub(crate) struct IdentityProvider {
    pub id: String,
    pub name: String,
    /// `local`, `okta`, `azure`, `generic-saml`, …
    pub provider: String,
    pub paging: Paging,
    pub is_authenticator: bool,
    pub is_user_store: bool,
    pub authenticator_id: Option<String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub auth0_connection_id: String,
    pub upn_override_value_data_mapping: Option<String>,
}

impl IdentityProvider {
    /// Users and groups of this provider are kept by the tenant itself (and so may be created
    /// and deleted through the API): the local directory and Generic SAML (SCIM).
    pub fn tenant_managed(&self) -> bool {
        self.provider == LOCAL || self.is_scim()
    }

    pub fn is_scim(&self) -> bool {
        self.provider == "generic-saml"
    }
}

/// SCIM attributes kept for users provisioned through the SCIM API.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ScimAttributes {
    pub external_id: Option<String>,
    pub display_name: Option<String>,
    /// (address, primary)
    pub emails: Vec<(String, bool)>,
    pub target_workstations: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct User {
    pub id: String,
    pub idp_id: String,
    pub username: String,
    pub notification_email: String,
    pub upn: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub last_login: Option<OffsetDateTime>,
    pub logins_count: u32,
    pub is_admin: bool,
    pub has_mfa_secret: bool,
    pub scim: Option<ScimAttributes>,
}

impl User {
    /// "First Last", or the username when the user has no name.
    pub fn display_name(&self) -> String {
        let name = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.username.clone()
        } else {
            name
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub id: String,
    pub idp_id: String,
    pub name: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// Member user ids (same provider), in the order they were added.
    pub members: Vec<String>,
    /// SCIM `externalId`, for groups provisioned through SCIM.
    pub external_id: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Blocked {
    pub idp_id: String,
    pub user_id: String,
    pub created_at: OffsetDateTime,
}

/// Key of users and groups: (provider id, entity id).
pub(crate) type Key = (String, String);

pub(crate) fn key(idp: &str, id: &str) -> Key {
    (idp.to_owned(), id.to_owned())
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    pub providers: Vec<IdentityProvider>,
    pub users: BTreeMap<Key, User>,
    pub groups: BTreeMap<Key, Group>,
    /// In blocking order.
    pub blocked: Vec<Blocked>,
}

impl Store {
    pub fn provider(&self, idp: &str) -> Result<&IdentityProvider, EmulatorError> {
        self.providers.iter().find(|p| p.id == idp).ok_or_else(|| {
            EmulatorError::NotFound(format!("Identity provider {idp} was not found"))
        })
    }

    pub fn user(&self, idp: &str, id: &str) -> Result<&User, EmulatorError> {
        self.provider(idp)?;
        self.users
            .get(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("User {id} was not found")))
    }

    pub fn group(&self, idp: &str, id: &str) -> Result<&Group, EmulatorError> {
        self.provider(idp)?;
        self.groups
            .get(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("Group {id} was not found")))
    }

    pub fn is_blocked(&self, idp: &str, id: &str) -> bool {
        self.blocked
            .iter()
            .any(|b| b.idp_id == idp && b.user_id == id)
    }

    /// Users of a provider in key order.
    pub fn users_of<'a>(&'a self, idp: &'a str) -> impl Iterator<Item = &'a User> + 'a {
        self.users.values().filter(move |u| u.idp_id == idp)
    }

    pub fn groups_of<'a>(&'a self, idp: &'a str) -> impl Iterator<Item = &'a Group> + 'a {
        self.groups.values().filter(move |g| g.idp_id == idp)
    }

    /// Members of a group that still exist, in membership order.
    pub fn members_of<'a>(&'a self, group: &'a Group) -> impl Iterator<Item = &'a User> + 'a {
        group
            .members
            .iter()
            .filter_map(|id| self.users.get(&key(&group.idp_id, id)))
    }

    fn ensure_unique_username(
        &self,
        idp: &str,
        username: &str,
        except: Option<&str>,
    ) -> Result<(), EmulatorError> {
        if self
            .users_of(idp)
            .any(|u| u.username.eq_ignore_ascii_case(username) && Some(u.id.as_str()) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of username '{username}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    pub fn ensure_unique_group_name(
        &self,
        idp: &str,
        name: &str,
        except: Option<&str>,
    ) -> Result<(), EmulatorError> {
        if self
            .groups_of(idp)
            .any(|g| g.name.eq_ignore_ascii_case(name) && Some(g.id.as_str()) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }
}

/// Checks an identity provider id from a path: `local` or a UUID, else 400.
pub(crate) fn check_idp_id(raw: &str) -> Result<(), EmulatorError> {
    if raw == LOCAL || super::parse_id(raw).is_ok() {
        Ok(())
    } else {
        Err(EmulatorError::InvalidId)
    }
}

/// Checks the format of an entity id from a path, where the provider has one: local users
/// are `auth0|<hex>` (or, for old ones, UUIDs), local groups and the Generic SAML and Azure
/// AD entities are UUIDs. Okta ids are opaque.
pub(crate) fn check_entity_id(
    provider: &IdentityProvider,
    kind: SubjectKind,
    raw: &str,
) -> Result<(), EmulatorError> {
    let uuid_ok = super::parse_id(raw).is_ok();
    let ok = match provider.provider.as_str() {
        LOCAL if kind == SubjectKind::User => {
            uuid_ok
                || raw.strip_prefix("auth0|").is_some_and(|hex| {
                    !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit())
                })
        }
        LOCAL | "generic-saml" | "azure" => uuid_ok,
        _ => !raw.trim().is_empty(),
    };
    if ok {
        Ok(())
    } else {
        Err(EmulatorError::InvalidId)
    }
}

/// A fresh local-directory user id, `auth0|` and 24 hex digits.
pub(crate) fn local_user_id(rng: &mut impl Rng) -> String {
    let bytes: [u8; 12] = rng.gen();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("auth0|{hex}")
}

/// The writable properties of a local user (POST and PUT).
#[derive(Debug, Clone, Default)]
pub(crate) struct LocalUserInput {
    pub username: Field<String>,
    pub notification_email: Field<String>,
    pub identity_provider_id: Field<String>,
    pub upn: Field<String>,
    pub first_name: Field<String>,
    pub last_name: Field<String>,
    pub email: Field<String>,
    pub repository_type: Field<String>,
}

fn required_email(field: Field<String>, name: &str) -> Result<String, EmulatorError> {
    let value = field
        .into_option()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            EmulatorError::BadRequest(format!("Invalid request parameters: {name} is required"))
        })?;
    if !looks_like_email(&value) {
        return Err(EmulatorError::BadRequest(format!(
            "Invalid request parameters: {name} must be in the format name@domain (got '{value}')"
        )));
    }
    Ok(value)
}

pub(crate) fn looks_like_email(value: &str) -> bool {
    match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

fn check_local_markers(input: &LocalUserInput) -> Result<(), EmulatorError> {
    if let Some(idp) = input.identity_provider_id.clone().into_option() {
        if idp != LOCAL {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: identity_provider_id must be 'local' (got '{idp}')"
            )));
        }
    }
    if let Some(repo) = input.repository_type.clone().into_option() {
        if repo != LOCAL {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: repository_type must be 'local' (got '{repo}')"
            )));
        }
    }
    Ok(())
}

fn set_optional(target: &mut Option<String>, field: Field<String>) {
    match field {
        Field::Absent => {}
        Field::Null => *target = None,
        Field::Value(v) => *target = Some(v),
    }
}

impl Tenant {
    fn directory_add(&mut self, idp_id: &str, entity_id: &str, kind: SubjectKind, name: String) {
        let (idp_type, idp_name) = self
            .identities
            .provider(idp_id)
            .map(|p| (p.provider.clone(), p.name.clone()))
            .unwrap_or_default();
        self.directory.push(SubjectRef {
            idp_id: idp_id.to_owned(),
            idp_type,
            idp_name,
            entity_id: entity_id.to_owned(),
            kind,
            display_name: name,
        });
    }

    fn directory_remove(&mut self, idp_id: &str, entity_id: &str, kind: SubjectKind) {
        self.directory
            .retain(|s| !(s.idp_id == idp_id && s.entity_id == entity_id && s.kind == kind));
    }

    /// Adds a user (seed and API) and its directory entry.
    pub fn insert_user(&mut self, user: User) {
        let name = user.display_name();
        let (idp, id) = (user.idp_id.clone(), user.id.clone());
        self.identities.users.insert(key(&idp, &id), user);
        self.directory_add(&idp, &id, SubjectKind::User, name);
    }

    /// Adds a group (seed and API) and its directory entry.
    pub fn insert_group(&mut self, group: Group) {
        let (idp, id, name) = (group.idp_id.clone(), group.id.clone(), group.name.clone());
        self.identities.groups.insert(key(&idp, &id), group);
        self.directory_add(&idp, &id, SubjectKind::Group, name);
    }

    /// Removes a user everywhere: directory, group memberships, blocked list.
    pub fn remove_user(&mut self, idp: &str, id: &str) -> Result<User, EmulatorError> {
        let provider = self.identities.provider(idp)?;
        if !provider.tenant_managed() {
            return Err(EmulatorError::BadRequest(format!(
                "Users of identity provider '{}' ({}) are managed by the provider; only local and Generic SAML users can be deleted",
                provider.name, provider.provider
            )));
        }
        let user = self
            .identities
            .users
            .remove(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("User {id} was not found")))?;
        for group in self.identities.groups.values_mut() {
            if group.idp_id == idp {
                group.members.retain(|m| m != id);
            }
        }
        self.identities
            .blocked
            .retain(|b| !(b.idp_id == idp && b.user_id == id));
        self.directory_remove(idp, id, SubjectKind::User);
        Ok(user)
    }

    pub fn remove_group(&mut self, idp: &str, id: &str) -> Result<Group, EmulatorError> {
        let provider = self.identities.provider(idp)?;
        if !provider.tenant_managed() {
            return Err(EmulatorError::BadRequest(format!(
                "Groups of identity provider '{}' ({}) are managed by the provider; only local and Generic SAML groups can be deleted",
                provider.name, provider.provider
            )));
        }
        let group = self
            .identities
            .groups
            .remove(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("Group {id} was not found")))?;
        self.directory_remove(idp, id, SubjectKind::Group);
        Ok(group)
    }

    pub fn create_local_user(
        &mut self,
        input: LocalUserInput,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<String, EmulatorError> {
        check_local_markers(&input)?;
        let username = required_email(input.username, "username")?;
        let notification_email = required_email(input.notification_email, "notification_email")?;
        self.identities
            .ensure_unique_username(LOCAL, &username, None)?;
        let email = input
            .email
            .into_option()
            .filter(|e| !e.trim().is_empty())
            .unwrap_or_else(|| notification_email.clone());
        let id = local_user_id(rng);
        self.insert_user(User {
            id: id.clone(),
            idp_id: LOCAL.to_owned(),
            username,
            notification_email,
            upn: input.upn.into_option(),
            first_name: input.first_name.into_option(),
            last_name: input.last_name.into_option(),
            email,
            created_at: now,
            updated_at: now,
            last_login: None,
            logins_count: 0,
            is_admin: false,
            has_mfa_secret: false,
            scim: None,
        });
        Ok(id)
    }

    /// PUT: `username` and `notification_email` are required; a missing optional property
    /// keeps its value, an explicit `null` clears it.
    pub fn update_local_user(
        &mut self,
        id: &str,
        input: LocalUserInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.identities.user(LOCAL, id)?;
        check_local_markers(&input)?;
        let username = required_email(input.username, "username")?;
        let notification_email = required_email(input.notification_email, "notification_email")?;
        self.identities
            .ensure_unique_username(LOCAL, &username, Some(id))?;
        let user = self
            .identities
            .users
            .get_mut(&key(LOCAL, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("User {id} was not found")))?;
        user.username = username;
        user.notification_email = notification_email;
        set_optional(&mut user.upn, input.upn);
        set_optional(&mut user.first_name, input.first_name);
        set_optional(&mut user.last_name, input.last_name);
        if let Field::Value(email) = input.email {
            user.email = email;
        }
        user.updated_at = now;
        let name = user.display_name();
        if let Some(entry) = self
            .directory
            .iter_mut()
            .find(|s| s.kind == SubjectKind::User && s.idp_id == LOCAL && s.entity_id == id)
        {
            entry.display_name = name;
        }
        Ok(())
    }

    pub fn block_user(
        &mut self,
        idp: &str,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.identities.user(idp, id)?;
        if !self.identities.is_blocked(idp, id) {
            self.identities.blocked.push(Blocked {
                idp_id: idp.to_owned(),
                user_id: id.to_owned(),
                created_at: now,
            });
        }
        Ok(())
    }

    pub fn unblock_user(&mut self, idp: &str, id: &str) -> Result<(), EmulatorError> {
        self.identities.user(idp, id)?;
        self.identities
            .blocked
            .retain(|b| !(b.idp_id == idp && b.user_id == id));
        Ok(())
    }

    pub fn create_group(
        &mut self,
        idp: &str,
        name: Option<String>,
        external_id: Option<String>,
        members: Vec<String>,
        now: OffsetDateTime,
    ) -> Result<String, EmulatorError> {
        let provider = self.identities.provider(idp)?;
        if !provider.tenant_managed() {
            return Err(EmulatorError::BadRequest(format!(
                "Groups of identity provider '{}' ({}) are managed by the provider; groups can be created only in the local directory or a Generic SAML provider",
                provider.name, provider.provider
            )));
        }
        let name = name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                EmulatorError::BadRequest("Invalid request parameters: name is required".into())
            })?;
        self.identities.ensure_unique_group_name(idp, &name, None)?;
        for member in &members {
            self.identities.user(idp, member)?;
        }
        let id = Uuid::new_v4().to_string();
        self.insert_group(Group {
            id: id.clone(),
            idp_id: idp.to_owned(),
            name,
            created_at: now,
            updated_at: now,
            members: dedup(members),
            external_id,
        });
        Ok(id)
    }

    pub fn add_group_member(
        &mut self,
        idp: &str,
        group_id: &str,
        user_id: &str,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.identities.group(idp, group_id)?;
        self.identities.user(idp, user_id)?;
        let group = self
            .identities
            .groups
            .get_mut(&key(idp, group_id))
            .ok_or_else(|| EmulatorError::NotFound(format!("Group {group_id} was not found")))?;
        if !group.members.iter().any(|m| m == user_id) {
            group.members.push(user_id.to_owned());
            group.updated_at = now;
        }
        Ok(())
    }

    pub fn remove_group_member(
        &mut self,
        idp: &str,
        group_id: &str,
        user_id: &str,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.identities.group(idp, group_id)?;
        self.identities.user(idp, user_id)?;
        let group = self
            .identities
            .groups
            .get_mut(&key(idp, group_id))
            .ok_or_else(|| EmulatorError::NotFound(format!("Group {group_id} was not found")))?;
        let before = group.members.len();
        group.members.retain(|m| m != user_id);
        if group.members.len() == before {
            return Err(EmulatorError::NotFound(format!(
                "User {user_id} is not a member of group {group_id}"
            )));
        }
        group.updated_at = now;
        Ok(())
    }
}

/// Keeps the first occurrence of each id.
pub(crate) fn dedup(ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    ids.into_iter()
        .filter(|id| seen.insert(id.clone()))
        .collect()
}

// ---- listing: sort, filter and the two paging styles ----------------------------------------

/// What a user or group list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortBy {
    Email,
    Username,
    Name,
    CreatedAt,
}

/// Parsed `filter`, `email`, `sortBy`, `perPage` and `pageOffset`.
#[derive(Debug, Clone)]
pub(crate) struct IdentityQuery {
    pub filter: Option<String>,
    pub email: Option<String>,
    pub sort: SortBy,
    pub descending: bool,
    pub per_page: usize,
    pub page_offset: Option<String>,
}

pub(crate) const DEFAULT_PER_PAGE: usize = 25;
pub(crate) const MAX_PER_PAGE: usize = 100;

impl IdentityQuery {
    /// `groups`: group lists sort by name (an `email` key, as in the reference's example,
    /// falls back to name).
    pub fn parse(
        query: &std::collections::HashMap<String, String>,
        groups: bool,
    ) -> Result<Self, EmulatorError> {
        let text = |key: &str| {
            query
                .get(key)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let per_page = match text("perPage") {
            None => DEFAULT_PER_PAGE,
            Some(raw) => {
                let n: i64 = raw.parse().map_err(|_| {
                    EmulatorError::BadRequest(
                        "Invalid request parameters: perPage must be an integer".into(),
                    )
                })?;
                if !(1..=MAX_PER_PAGE as i64).contains(&n) {
                    return Err(EmulatorError::BadRequest(format!(
                        "Invalid request parameters: perPage must be between 1 and {MAX_PER_PAGE} (got {n})"
                    )));
                }
                usize::try_from(n).unwrap_or(DEFAULT_PER_PAGE)
            }
        };
        let (sort, descending) = match text("sortBy") {
            None if groups => (SortBy::Name, false),
            None => (SortBy::Email, false),
            Some(raw) => {
                let (field, dir) = raw.split_once(':').unwrap_or((raw.as_str(), "asc"));
                let field = field.trim().to_ascii_lowercase();
                let sort =
                    match field.as_str() {
                        "name" | "displayname" => SortBy::Name,
                        "email" if groups => SortBy::Name,
                        "email" => SortBy::Email,
                        "username" if !groups => SortBy::Username,
                        "created_at" | "createdat" => SortBy::CreatedAt,
                        _ => {
                            return Err(EmulatorError::BadRequest(format!(
                            "Invalid request parameters: unsupported sort key '{field}' (use {})",
                            if groups { "name" } else { "email, username or name" }
                        )))
                        }
                    };
                let descending = match dir.trim().to_ascii_lowercase().as_str() {
                    "asc" | "" => false,
                    "desc" => true,
                    other => {
                        return Err(EmulatorError::BadRequest(format!(
                            "Invalid request parameters: unsupported sort direction '{other}' (use asc or desc)"
                        )))
                    }
                };
                (sort, descending)
            }
        };
        Ok(Self {
            filter: text("filter").map(|f| f.to_lowercase()),
            email: text("email").map(|f| f.to_lowercase()),
            sort,
            descending,
            per_page,
            page_offset: text("pageOffset"),
        })
    }

    pub fn user_key(&self, user: &User) -> String {
        match self.sort {
            SortBy::Email => user.email.to_lowercase(),
            SortBy::Username => user.username.to_lowercase(),
            SortBy::Name => user.display_name().to_lowercase(),
            SortBy::CreatedAt => crate::timefmt::iso_millis(user.created_at),
        }
    }

    pub fn group_key(&self, group: &Group) -> String {
        match self.sort {
            SortBy::CreatedAt => crate::timefmt::iso_millis(group.created_at),
            _ => group.name.to_lowercase(),
        }
    }

    /// "Filter applies for user name only": username, first and last name.
    pub fn matches_user(&self, user: &User) -> bool {
        let name_ok = self.filter.as_deref().is_none_or(|needle| {
            user.username.to_lowercase().contains(needle)
                || user.display_name().to_lowercase().contains(needle)
        });
        let email_ok = self
            .email
            .as_deref()
            .is_none_or(|needle| user.email.to_lowercase().contains(needle));
        name_ok && email_ok
    }

    /// "Filter applies for group name only".
    pub fn matches_group(&self, group: &Group) -> bool {
        self.filter
            .as_deref()
            .is_none_or(|needle| group.name.to_lowercase().contains(needle))
    }

    /// Sorts `(key, id, item)` rows and cuts the requested page out of them.
    pub fn page<T>(
        &self,
        paging: Paging,
        mut rows: Vec<(String, String, T)>,
    ) -> Result<IdentityPage<T>, EmulatorError> {
        rows.sort_by(|a, b| {
            let ord = a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1));
            if self.descending {
                ord.reverse()
            } else {
                ord
            }
        });
        let total = rows.len();
        match paging {
            Paging::Numeric => {
                let page = match self.page_offset.as_deref() {
                    None => 0,
                    Some(raw) => raw.parse::<usize>().map_err(|_| {
                        EmulatorError::BadRequest(format!(
                            "Invalid request parameters: pageOffset must be a page number for this identity provider (got '{raw}')"
                        ))
                    })?,
                };
                let start = page.saturating_mul(self.per_page);
                let content: Vec<T> = rows
                    .into_iter()
                    .skip(start)
                    .take(self.per_page)
                    .map(|(_, _, item)| item)
                    .collect();
                Ok(IdentityPage {
                    first: page == 0,
                    last: start.saturating_add(self.per_page) >= total,
                    content,
                    total,
                    next: NextPage::Number(page + 1),
                })
            }
            Paging::Cursor => {
                let start = match self.page_offset.as_deref() {
                    None => 0,
                    Some(raw) => {
                        let (dir, key, id) = decode_cursor(raw)?;
                        if dir != self.descending {
                            return Err(EmulatorError::BadRequest(
                                "Invalid request parameters: pageOffset belongs to a listing with another sort order".into(),
                            ));
                        }
                        // Keyset paging: everything strictly after the last item handed out,
                        // so deletions and insertions between pages cause neither repeats
                        // nor gaps.
                        rows.partition_point(|(k, i, _)| {
                            let ord = (k.as_str(), i.as_str()).cmp(&(key.as_str(), id.as_str()));
                            if self.descending {
                                ord.is_ge()
                            } else {
                                ord.is_le()
                            }
                        })
                    }
                };
                let rest = total.saturating_sub(start);
                let last = rest <= self.per_page;
                let mut taken: Vec<(String, String, T)> =
                    rows.into_iter().skip(start).take(self.per_page).collect();
                let next = match (last, taken.last()) {
                    (false, Some((k, i, _))) => {
                        NextPage::Cursor(encode_cursor(self.descending, k, i))
                    }
                    _ => NextPage::None,
                };
                Ok(IdentityPage {
                    first: self.page_offset.is_none(),
                    last,
                    content: taken.drain(..).map(|(_, _, item)| item).collect(),
                    total,
                    next,
                })
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NextPage {
    Number(usize),
    Cursor(String),
    None,
}

#[derive(Debug)]
pub(crate) struct IdentityPage<T> {
    pub content: Vec<T>,
    pub first: bool,
    pub last: bool,
    pub total: usize,
    pub next: NextPage,
}

impl<T> IdentityPage<T> {
    /// The same page with each entry turned into its response view.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> IdentityPage<U> {
        IdentityPage {
            content: self.content.into_iter().map(f).collect(),
            first: self.first,
            last: self.last,
            total: self.total,
            next: self.next,
        }
    }
}

const CURSOR_SEPARATOR: char = '\u{1f}';

fn encode_cursor(descending: bool, key: &str, id: &str) -> String {
    let raw = format!(
        "c1{CURSOR_SEPARATOR}{}{CURSOR_SEPARATOR}{key}{CURSOR_SEPARATOR}{id}",
        if descending { "d" } else { "a" }
    );
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

fn decode_cursor(raw: &str) -> Result<(bool, String, String), EmulatorError> {
    let invalid = || {
        EmulatorError::BadRequest(format!(
            "Invalid request parameters: pageOffset '{raw}' is not a valid page cursor for this identity provider; pass back the nextPage value of the previous page"
        ))
    };
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(raw.trim())
        .map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let mut parts = text.splitn(4, CURSOR_SEPARATOR);
    let (Some("c1"), Some(dir), Some(key), Some(id)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(invalid());
    };
    let descending = match dir {
        "a" => false,
        "d" => true,
        _ => return Err(invalid()),
    };
    Ok((descending, key.to_owned(), id.to_owned()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = encode_cursor(true, "a@b.com", "00u123");
        assert_eq!(
            decode_cursor(&c).unwrap(),
            (true, "a@b.com".into(), "00u123".into())
        );
        assert!(decode_cursor("1").is_err());
        assert!(decode_cursor("!!!").is_err());
        assert!(
            decode_cursor(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode("x")).is_err()
        );
    }

    #[test]
    fn emails() {
        assert!(looks_like_email("john.doe@acme.com"));
        assert!(!looks_like_email("john.doe"));
        assert!(!looks_like_email("@acme.com"));
        assert!(!looks_like_email("a b@acme.com"));
    }
}

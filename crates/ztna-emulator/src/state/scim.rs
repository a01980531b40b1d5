//! SCIM 2.0 users and groups of a Generic SAML identity provider. They are the provider's
//! ordinary users and groups (the identity list APIs show them too); SCIM only adds its
//! attributes (`externalId`, `displayName`, emails, target workstations).

use time::OffsetDateTime;
use uuid::Uuid;

use super::identities::{dedup, key, looks_like_email, Group, ScimAttributes, User};
use super::Tenant;
use crate::error::EmulatorError;

/// A SCIM user as sent to POST and PUT (every property; PUT replaces).
#[derive(Debug, Clone, Default)]
pub(crate) struct ScimUserInput {
    pub user_name: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    /// `None` when `name` was missing altogether (it is required).
    pub has_name: bool,
    pub emails: Vec<(String, bool)>,
    pub external_id: Option<String>,
    pub display_name: Option<String>,
    pub target_workstations: Vec<String>,
}

/// A SCIM group as sent to POST and PUT.
#[derive(Debug, Clone, Default)]
pub(crate) struct ScimGroupInput {
    pub display_name: Option<String>,
    pub external_id: Option<String>,
    pub members: Vec<String>,
}

/// One operation of a PATCH, already interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GroupPatch {
    AddMembers(Vec<String>),
    RemoveMembers(Vec<String>),
    RemoveAllMembers,
    ReplaceMembers(Vec<String>),
    ReplaceDisplayName(String),
    ReplaceExternalId(Option<String>),
}

impl Tenant {
    fn scim_provider(&self, idp: &str) -> Result<(), EmulatorError> {
        let provider = self.identities.provider(idp)?;
        if !provider.is_scim() {
            return Err(EmulatorError::BadRequest(format!(
                "Identity provider '{}' ({}) is not a Generic SAML provider; SCIM provisioning is available only for Generic SAML",
                provider.name, provider.provider
            )));
        }
        Ok(())
    }

    fn validated_scim_user(
        &self,
        idp: &str,
        input: ScimUserInput,
        except: Option<&str>,
    ) -> Result<(String, Option<String>, Option<String>, ScimAttributes), EmulatorError> {
        let user_name = input
            .user_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                EmulatorError::BadRequest("Invalid request parameters: userName is required".into())
            })?;
        if !input.has_name {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: name is required".into(),
            ));
        }
        if input.emails.is_empty() {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: emails must hold at least one address".into(),
            ));
        }
        if self
            .identities
            .users_of(idp)
            .any(|u| u.username.eq_ignore_ascii_case(&user_name) && Some(u.id.as_str()) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of userName '{user_name}' is already used by an existing object"
            )));
        }
        Ok((
            user_name,
            input.given_name,
            input.family_name,
            ScimAttributes {
                external_id: input.external_id,
                display_name: input.display_name,
                emails: input.emails,
                target_workstations: input.target_workstations,
            },
        ))
    }

    pub fn create_scim_user(
        &mut self,
        idp: &str,
        input: ScimUserInput,
        now: OffsetDateTime,
    ) -> Result<String, EmulatorError> {
        self.scim_provider(idp)?;
        let (user_name, first, last, scim) = self.validated_scim_user(idp, input, None)?;
        let email = primary_email(&scim, &user_name);
        let id = Uuid::new_v4().to_string();
        self.insert_user(User {
            id: id.clone(),
            idp_id: idp.to_owned(),
            username: user_name,
            notification_email: email.clone(),
            upn: Some(email.clone()),
            first_name: first,
            last_name: last,
            email,
            created_at: now,
            updated_at: now,
            last_login: None,
            logins_count: 0,
            is_admin: false,
            has_mfa_secret: false,
            scim: Some(scim),
        });
        Ok(id)
    }

    pub fn update_scim_user(
        &mut self,
        idp: &str,
        id: &str,
        input: ScimUserInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.scim_provider(idp)?;
        self.identities.user(idp, id)?;
        let (user_name, first, last, scim) = self.validated_scim_user(idp, input, Some(id))?;
        let email = primary_email(&scim, &user_name);
        let user = self
            .identities
            .users
            .get_mut(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("User {id} was not found")))?;
        user.username = user_name;
        user.first_name = first;
        user.last_name = last;
        user.notification_email = email.clone();
        user.upn = Some(email.clone());
        user.email = email;
        user.scim = Some(scim);
        user.updated_at = now;
        let name = user.display_name();
        if let Some(entry) = self
            .directory
            .iter_mut()
            .find(|s| s.idp_id == idp && s.entity_id == id)
        {
            entry.display_name = name;
        }
        Ok(())
    }

    pub fn delete_scim_user(&mut self, idp: &str, id: &str) -> Result<(), EmulatorError> {
        self.scim_provider(idp)?;
        self.remove_user(idp, id)?;
        Ok(())
    }

    fn check_members(&self, idp: &str, members: &[String]) -> Result<(), EmulatorError> {
        for member in members {
            if !self.identities.users.contains_key(&key(idp, member)) {
                return Err(EmulatorError::NotFound(format!(
                    "Member {member} is not a user of identity provider {idp}"
                )));
            }
        }
        Ok(())
    }

    fn scim_group_name(input: Option<String>) -> Result<String, EmulatorError> {
        input
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                EmulatorError::BadRequest(
                    "Invalid request parameters: displayName is required".into(),
                )
            })
    }

    pub fn create_scim_group(
        &mut self,
        idp: &str,
        input: ScimGroupInput,
        now: OffsetDateTime,
    ) -> Result<String, EmulatorError> {
        self.scim_provider(idp)?;
        let name = Self::scim_group_name(input.display_name)?;
        self.check_members(idp, &input.members)?;
        self.create_group(idp, Some(name), input.external_id, input.members, now)
    }

    pub fn update_scim_group(
        &mut self,
        idp: &str,
        id: &str,
        input: ScimGroupInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.scim_provider(idp)?;
        self.identities.group(idp, id)?;
        let name = Self::scim_group_name(input.display_name)?;
        self.identities
            .ensure_unique_group_name(idp, &name, Some(id))?;
        self.check_members(idp, &input.members)?;
        let group = self.group_mut(idp, id)?;
        group.name = name.clone();
        group.external_id = input.external_id;
        group.members = dedup(input.members);
        group.updated_at = now;
        self.rename_directory_group(idp, id, name);
        Ok(())
    }

    pub fn patch_scim_group(
        &mut self,
        idp: &str,
        id: &str,
        ops: Vec<GroupPatch>,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.scim_provider(idp)?;
        self.identities.group(idp, id)?;
        // Validate everything first: a PATCH applies completely or not at all.
        for op in &ops {
            match op {
                GroupPatch::AddMembers(m) | GroupPatch::ReplaceMembers(m) => {
                    self.check_members(idp, m)?;
                }
                GroupPatch::ReplaceDisplayName(name) => {
                    Self::scim_group_name(Some(name.clone()))?;
                    self.identities
                        .ensure_unique_group_name(idp, name, Some(id))?;
                }
                _ => {}
            }
        }
        let mut renamed = None;
        let group = self.group_mut(idp, id)?;
        for op in ops {
            match op {
                GroupPatch::AddMembers(members) => {
                    for m in members {
                        if !group.members.contains(&m) {
                            group.members.push(m);
                        }
                    }
                }
                GroupPatch::RemoveMembers(members) => {
                    group.members.retain(|m| !members.contains(m));
                }
                GroupPatch::RemoveAllMembers => group.members.clear(),
                GroupPatch::ReplaceMembers(members) => group.members = dedup(members),
                GroupPatch::ReplaceDisplayName(name) => {
                    group.name = name.trim().to_owned();
                    renamed = Some(group.name.clone());
                }
                GroupPatch::ReplaceExternalId(external) => group.external_id = external,
            }
        }
        group.updated_at = now;
        if let Some(name) = renamed {
            self.rename_directory_group(idp, id, name);
        }
        Ok(())
    }

    pub fn delete_scim_group(&mut self, idp: &str, id: &str) -> Result<(), EmulatorError> {
        self.scim_provider(idp)?;
        self.remove_group(idp, id)?;
        Ok(())
    }

    fn group_mut(&mut self, idp: &str, id: &str) -> Result<&mut Group, EmulatorError> {
        self.identities
            .groups
            .get_mut(&key(idp, id))
            .ok_or_else(|| EmulatorError::NotFound(format!("Group {id} was not found")))
    }

    fn rename_directory_group(&mut self, idp: &str, id: &str, name: String) {
        if let Some(entry) = self.directory.iter_mut().find(|s| {
            s.idp_id == idp && s.entity_id == id && s.kind == super::directory::SubjectKind::Group
        }) {
            entry.display_name = name;
        }
    }
}

fn primary_email(scim: &ScimAttributes, user_name: &str) -> String {
    scim.emails
        .iter()
        .find(|(_, primary)| *primary)
        .or_else(|| scim.emails.first())
        .map(|(address, _)| address.clone())
        .filter(|a| looks_like_email(a))
        .unwrap_or_else(|| user_name.to_owned())
}

/// A SCIM filter of the form `attribute eq "value"` (the only form identity providers send
/// when they look a user or group up before provisioning it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ScimFilter {
    pub attribute: String,
    pub value: String,
}

impl ScimFilter {
    pub fn parse(raw: &str) -> Result<Self, EmulatorError> {
        let invalid = || {
            EmulatorError::BadRequest(format!(
                "Invalid request parameters: unsupported SCIM filter '{raw}' (use: attribute eq \"value\")"
            ))
        };
        let mut parts = raw.trim().splitn(3, char::is_whitespace);
        let (Some(attribute), Some(op), Some(value)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        if !op.eq_ignore_ascii_case("eq") {
            return Err(invalid());
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .ok_or_else(invalid)?;
        Ok(Self {
            attribute: attribute.to_ascii_lowercase(),
            value: value.to_owned(),
        })
    }

    pub fn matches_user(&self, user: &User) -> bool {
        let scim = user.scim.clone().unwrap_or_default();
        let eq = |v: Option<&str>| v.is_some_and(|v| v.eq_ignore_ascii_case(&self.value));
        match self.attribute.as_str() {
            "username" => eq(Some(&user.username)),
            "externalid" => eq(scim.external_id.as_deref()),
            "displayname" => eq(scim.display_name.as_deref()),
            "emails" | "emails.value" => scim.emails.iter().any(|(a, _)| eq(Some(a))),
            "id" => eq(Some(&user.id)),
            _ => false,
        }
    }

    pub fn matches_group(&self, group: &Group) -> bool {
        let eq = |v: Option<&str>| v.is_some_and(|v| v.eq_ignore_ascii_case(&self.value));
        match self.attribute.as_str() {
            "displayname" => eq(Some(&group.name)),
            "externalid" => eq(group.external_id.as_deref()),
            "id" => eq(Some(&group.id)),
            _ => false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        let f = ScimFilter::parse(r#"userName eq "user3""#).unwrap();
        assert_eq!(f.attribute, "username");
        assert_eq!(f.value, "user3");
        assert!(ScimFilter::parse("userName co \"x\"").is_err());
        assert!(ScimFilter::parse("userName eq x").is_err());
        assert!(ScimFilter::parse("").is_err());
    }
}

//! Users of an identity provider, local users, and blocked users.

use crate::identity::IdentityProviderType;
use crate::lenient::{
    datetime_opt, flex_bool, flex_i64, flex_string, flex_string_opt, serialize_datetime_opt,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A user of an identity provider (get, list, local create/update answers).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub username: String,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub notification_email: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub upn: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub first_name: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub last_name: Option<String>,
    /// Deprecated by the API (use `username` and `notification_email`).
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub email: Option<String>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub created_at: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub updated_at: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub last_login: Option<OffsetDateTime>,
    #[serde(default, deserialize_with = "flex_i64")]
    pub logins_count: i64,
    #[serde(default)]
    pub repository_type: IdentityProviderType,
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_admin: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_deleted: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub blocked: bool,
    #[serde(rename = "hasMfaSecret", default, deserialize_with = "flex_bool")]
    pub has_mfa_secret: bool,
    #[serde(default, deserialize_with = "flex_string")]
    pub identity_provider_id: String,
}

impl User {
    /// A name to show: first and last name, else the username.
    pub fn display_name(&self) -> String {
        let full = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if full.is_empty() {
            self.username.clone()
        } else {
            full
        }
    }
}

/// The body of create and update local user (`repository_type` and `identity_provider_id`
/// are `local`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewLocalUser {
    #[serde(default, deserialize_with = "flex_string")]
    pub username: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub notification_email: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub upn: Option<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub first_name: Option<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_name: Option<String>,
    /// Deprecated by the API; still accepted.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<String>,
    #[serde(default)]
    pub repository_type: IdentityProviderType,
    #[serde(default, deserialize_with = "flex_string")]
    pub identity_provider_id: String,
}

impl NewLocalUser {
    pub fn new(username: impl Into<String>, notification_email: impl Into<String>) -> Self {
        Self {
            username: username.into(),
            notification_email: notification_email.into(),
            repository_type: IdentityProviderType::Local,
            identity_provider_id: "local".into(),
            ..Self::default()
        }
    }
}

impl From<&User> for NewLocalUser {
    /// The update body that keeps a local user as it is.
    fn from(u: &User) -> Self {
        Self {
            username: u.username.clone(),
            notification_email: u.notification_email.clone().unwrap_or_default(),
            upn: u.upn.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            email: u.email.clone(),
            repository_type: IdentityProviderType::Local,
            identity_provider_id: "local".into(),
        }
    }
}

/// An entry of the blocked-users list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlockedUser {
    #[serde(default, deserialize_with = "flex_string")]
    pub identity_provider_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub user_id: String,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub created_at: Option<OffsetDateTime>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn user_display_name() {
        let u: User = serde_json::from_value(json!({"username": "j@x", "first_name": null,
            "last_name": "Doe"}))
        .unwrap();
        assert_eq!(u.display_name(), "Doe");
        let u: User = serde_json::from_value(json!({"username": "j@x"})).unwrap();
        assert_eq!(u.display_name(), "j@x");
    }
}

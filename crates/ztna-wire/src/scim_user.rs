//! SCIM 2.0 users of a Generic SAML identity provider
//! (`/v2/identities/{idp}/scim/users`). One type serves the request bodies and the answers:
//! `id` is left out of bodies when empty.

use crate::lenient::{flex_bool, flex_string, flex_string_opt, null_default, tolerant};
use serde::{Deserialize, Serialize};

/// The SCIM user schema URN.
pub const SCIM_USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimUserName {
    #[serde(default, deserialize_with = "flex_string")]
    pub given_name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub family_name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimEmail {
    #[serde(default, deserialize_with = "flex_string")]
    pub value: String,
    #[serde(default, deserialize_with = "flex_bool")]
    pub primary: bool,
}

/// A SCIM user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimUser {
    #[serde(
        default,
        deserialize_with = "flex_string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub schemas: Vec<String>,
    /// A name of another shape (some providers send a plain string) reads as empty.
    #[serde(default, deserialize_with = "tolerant")]
    pub name: ScimUserName,
    #[serde(default, deserialize_with = "null_default")]
    pub emails: Vec<ScimEmail>,
    #[serde(default, deserialize_with = "flex_string")]
    pub user_name: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub target_workstations: Vec<String>,
}

impl ScimUser {
    /// A body with the user schema, one primary email and the given names.
    pub fn new(
        user_name: impl Into<String>,
        email: impl Into<String>,
        given: &str,
        family: &str,
    ) -> Self {
        Self {
            schemas: vec![SCIM_USER_SCHEMA.to_owned()],
            name: ScimUserName {
                given_name: given.to_owned(),
                family_name: family.to_owned(),
            },
            emails: vec![ScimEmail {
                value: email.into(),
                primary: true,
            }],
            user_name: user_name.into(),
            ..Self::default()
        }
    }

    /// The body of an update: the same user without its id (the id is in the path).
    pub fn to_write(&self) -> Self {
        Self {
            id: String::new(),
            ..self.clone()
        }
    }

    /// The primary email, else the first.
    pub fn primary_email(&self) -> Option<&str> {
        self.emails
            .iter()
            .find(|e| e.primary)
            .or_else(|| self.emails.first())
            .map(|e| e.value.as_str())
    }
}

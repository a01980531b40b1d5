//! Cloud integrations (AWS): `/v2/cloud-integrations/integrations`.

use crate::lenient::{
    datetime_opt, flex_string, flex_string_opt, null_default, serialize_datetime_opt,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A cloud integration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudIntegration {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    /// `amazon` (the only documented provider).
    #[serde(default, deserialize_with = "flex_string")]
    pub provider: String,
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
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub aws_external_id: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub aws_role_arn: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub regions: Vec<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub hostname_tag_name: Option<String>,
    #[serde(default)]
    pub health: Option<CloudIntegrationHealth>,
    /// A number in the example, a string in the table: kept as text.
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub luminate_aws_account_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudIntegrationHealth {
    /// E.g. `Ready` (kept as text).
    #[serde(default, deserialize_with = "flex_string")]
    pub status: String,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub message: Option<String>,
    #[serde(default)]
    pub error: Option<CloudIntegrationError>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudIntegrationError {
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub region: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub provider_err_code: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub provider_description: Option<String>,
}

/// The body of create (no `aws_role_arn` yet) and update (with it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCloudIntegration {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub provider: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub aws_role_arn: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub regions: Vec<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub hostname_tag_name: Option<String>,
}

impl NewCloudIntegration {
    /// An AWS integration over `regions`, hostnames from the `Name` tag.
    pub fn amazon(name: impl Into<String>, regions: Vec<String>) -> Self {
        Self {
            name: name.into(),
            provider: "amazon".into(),
            aws_role_arn: None,
            regions,
            hostname_tag_name: Some("Name".into()),
        }
    }
}

impl From<&CloudIntegration> for NewCloudIntegration {
    /// The update body that keeps an integration as it is.
    fn from(c: &CloudIntegration) -> Self {
        Self {
            name: c.name.clone(),
            provider: c.provider.clone(),
            aws_role_arn: c.aws_role_arn.clone(),
            regions: c.regions.clone(),
            hostname_tag_name: c.hostname_tag_name.clone(),
        }
    }
}

//! Cloud integrations (AWS): the tenant assumes a role in the customer's account to read
//! instance tags. Health follows the role: none yet is `Pending`, a role ARN that cannot be
//! an IAM role is `Error`, a well-formed one is `Ready`.

use rand::Rng;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{Field, Tenant};
use crate::error::EmulatorError;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IntegrationHealth {
    pub status: String,
    pub message: String,
    pub error_message: String,
    pub error_region: String,
    pub provider_err_code: String,
    pub provider_description: String,
}

#[derive(Debug, Clone)]
pub(crate) struct CloudIntegration {
    pub id: String,
    pub name: String,
    pub provider: String,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    pub aws_external_id: String,
    pub aws_role_arn: String,
    pub regions: Vec<String>,
    pub hostname_tag_name: String,
    pub health: IntegrationHealth,
    pub luminate_aws_account_id: u64,
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    /// In creation order.
    pub integrations: Vec<CloudIntegration>,
}

/// The writable properties (POST and PUT).
#[derive(Debug, Clone, Default)]
pub(crate) struct IntegrationInput {
    pub name: Field<String>,
    pub provider: Field<String>,
    pub aws_role_arn: Field<String>,
    pub regions: Field<Vec<String>>,
    pub hostname_tag_name: Field<String>,
}

/// The AWS account the tenant's role assumptions come from.
pub(crate) const LUMINATE_AWS_ACCOUNT_ID: u64 = 12_312_312;

/// Health for a role ARN (empty: not configured yet).
pub(crate) fn health_for(arn: &str, regions: &[String]) -> IntegrationHealth {
    if arn.is_empty() {
        return IntegrationHealth {
            status: "Pending".into(),
            message: "Waiting for the AWS role ARN: create the role with the external id, then update the integration".into(),
            ..IntegrationHealth::default()
        };
    }
    let parts: Vec<&str> = arn.split(':').collect();
    let looks_like_role = parts.len() == 6
        && parts.first() == Some(&"arn")
        && parts.get(2) == Some(&"iam")
        && parts
            .get(4)
            .is_some_and(|a| a.len() == 12 && a.chars().all(|c| c.is_ascii_digit()))
        && parts.get(5).is_some_and(|r| r.starts_with("role/"));
    if looks_like_role {
        IntegrationHealth {
            status: "Ready".into(),
            message: format!("Discovering instances in {} region(s)", regions.len()),
            ..IntegrationHealth::default()
        }
    } else {
        IntegrationHealth {
            status: "Error".into(),
            message: "Cannot assume the configured role".into(),
            error_message: format!("User is not authorized to perform: sts:AssumeRole on resource: {arn}"),
            error_region: regions.first().cloned().unwrap_or_else(|| "us-east-1".into()),
            provider_err_code: "AccessDenied".into(),
            provider_description: "The role ARN is not a valid IAM role ARN, or its trust policy does not allow the tenant's account with the external id".into(),
        }
    }
}

pub(crate) fn external_id(rng: &mut impl Rng) -> String {
    const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..20)
        .map(|_| char::from(ALNUM[rng.gen_range(0..ALNUM.len())]))
        .collect()
}

fn required(field: Field<String>, name: &str) -> Result<String, EmulatorError> {
    field
        .into_option()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            EmulatorError::BadRequest(format!("Invalid request parameters: {name} is required"))
        })
}

fn check_provider(field: Field<String>, required_now: bool) -> Result<String, EmulatorError> {
    let provider = match field.into_option() {
        Some(p) => p,
        None if required_now => {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: provider is required".into(),
            ))
        }
        None => "amazon".into(),
    };
    if provider != "amazon" {
        return Err(EmulatorError::BadRequest(format!(
            "Invalid request parameters: provider '{provider}' is not supported (only amazon)"
        )));
    }
    Ok(provider)
}

impl Tenant {
    pub fn cloud_integration(&self, id: &str) -> Result<&CloudIntegration, EmulatorError> {
        self.cloud_integrations
            .integrations
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Cloud integration {id} was not found")))
    }

    fn ensure_unique_integration_name(
        &self,
        name: &str,
        except: Option<&str>,
    ) -> Result<(), EmulatorError> {
        if self
            .cloud_integrations
            .integrations
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(name) && Some(c.id.as_str()) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    pub fn create_cloud_integration(
        &mut self,
        input: IntegrationInput,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<String, EmulatorError> {
        let name = required(input.name, "name")?;
        let provider = check_provider(input.provider, false)?;
        self.ensure_unique_integration_name(&name, None)?;
        let regions = input.regions.into_option().unwrap_or_default();
        let arn = input.aws_role_arn.into_option().unwrap_or_default();
        let id = Uuid::new_v4().to_string();
        self.cloud_integrations.integrations.push(CloudIntegration {
            id: id.clone(),
            name,
            provider,
            created_at: now,
            updated_at: now,
            aws_external_id: external_id(rng),
            health: health_for(&arn, &regions),
            aws_role_arn: arn,
            regions,
            hostname_tag_name: input
                .hostname_tag_name
                .into_option()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| "Name".into()),
            luminate_aws_account_id: LUMINATE_AWS_ACCOUNT_ID,
        });
        Ok(id)
    }

    /// PUT: name, provider and aws_role_arn are required; missing regions and tag name keep
    /// their values.
    pub fn update_cloud_integration(
        &mut self,
        id: &str,
        input: IntegrationInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        self.cloud_integration(id)?;
        let name = required(input.name, "name")?;
        check_provider(input.provider, true)?;
        let arn = required(input.aws_role_arn, "aws_role_arn")?;
        if !arn.starts_with("arn:") {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: aws_role_arn '{arn}' is not an ARN"
            )));
        }
        self.ensure_unique_integration_name(&name, Some(id))?;
        let integration = self
            .cloud_integrations
            .integrations
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or_else(|| {
                EmulatorError::NotFound(format!("Cloud integration {id} was not found"))
            })?;
        integration.name = name;
        integration.aws_role_arn = arn;
        match input.regions {
            Field::Absent => {}
            Field::Null => integration.regions.clear(),
            Field::Value(regions) => integration.regions = regions,
        }
        if let Some(tag) = input.hostname_tag_name.into_option() {
            if !tag.trim().is_empty() {
                integration.hostname_tag_name = tag;
            }
        }
        integration.health = health_for(&integration.aws_role_arn, &integration.regions);
        integration.updated_at = now;
        Ok(())
    }

    pub fn delete_cloud_integration(&mut self, id: &str) -> Result<(), EmulatorError> {
        self.cloud_integration(id)?;
        self.cloud_integrations.integrations.retain(|c| c.id != id);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_follows_the_role() {
        assert_eq!(health_for("", &[]).status, "Pending");
        assert_eq!(
            health_for("arn:aws:iam::123456789012:role/luminate", &[]).status,
            "Ready"
        );
        let err = health_for("arn:xxx:yyy:zzz", &["eu-west-1".into()]);
        assert_eq!(err.status, "Error");
        assert_eq!(err.error_region, "eu-west-1");
    }
}

//! Cloud integrations: `/v2/cloud-integrations/integrations`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::path::segment;
use crate::TenantClient;
use ztna_wire::{CloudIntegration, NewCloudIntegration, OneOrMany};

const INTEGRATIONS: &str = "/cloud-integrations/integrations";

fn integration_path(id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{INTEGRATIONS}/{}",
        segment("cloud integration id", id)?
    ))
}

impl TenantClient {
    /// `GET /v2/cloud-integrations/integrations`.
    pub async fn list_cloud_integrations(&self) -> Result<Vec<CloudIntegration>, ApiError> {
        let all: OneOrMany<CloudIntegration> = self
            .call(Endpoint::get(
                "list_cloud_integrations",
                Family::CloudIntegrations,
                INTEGRATIONS.into(),
            ))
            .await?;
        Ok(all.0)
    }

    /// `POST /v2/cloud-integrations/integrations`.
    pub async fn create_cloud_integration(
        &self,
        c: &NewCloudIntegration,
    ) -> Result<CloudIntegration, ApiError> {
        self.call(
            Endpoint::post(
                "create_cloud_integration",
                Family::CloudIntegrations,
                INTEGRATIONS.into(),
            )
            .with_json(c)?,
        )
        .await
    }

    /// `GET /v2/cloud-integrations/integrations/{id}`.
    pub async fn get_cloud_integration(&self, id: &str) -> Result<CloudIntegration, ApiError> {
        self.call(Endpoint::get(
            "get_cloud_integration",
            Family::CloudIntegrations,
            integration_path(id)?,
        ))
        .await
    }

    /// `PUT /v2/cloud-integrations/integrations/{id}`.
    pub async fn update_cloud_integration(
        &self,
        id: &str,
        c: &NewCloudIntegration,
    ) -> Result<CloudIntegration, ApiError> {
        self.call(
            Endpoint::put(
                "update_cloud_integration",
                Family::CloudIntegrations,
                integration_path(id)?,
            )
            .with_json(c)?,
        )
        .await
    }

    /// `DELETE /v2/cloud-integrations/integrations/{id}`.
    pub async fn delete_cloud_integration(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_cloud_integration",
            Family::CloudIntegrations,
            integration_path(id)?,
        ))
        .await
    }
}

//! Connectors: `/v2/connectors` (sites family: sites embed their connectors).

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::{query_id, segment};
use crate::query::ListQuery;
use crate::TenantClient;
use ztna_wire::{
    Connector, ConnectorEnvironment, ConnectorVersion, DeploymentCommand, NewConnector, Page,
};

const CONNECTORS: &str = "/connectors";

fn connector_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{CONNECTORS}/{}", segment("connector id", id)?))
}

impl TenantClient {
    /// `GET /v2/connectors?page&size&sort&filter`.
    pub async fn list_connectors(&self, q: &ListQuery) -> Result<Page<Connector>, ApiError> {
        self.call(
            Endpoint::get("list_connectors", Family::Sites, CONNECTORS.into())
                .with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_connectors`] from `q.page` on (at most 100 pages).
    pub async fn all_connectors(&self, q: &ListQuery) -> Result<Vec<Connector>, ApiError> {
        pager::walk(
            q,
            |c: &Connector| c.id.as_str(),
            |q| {
                let this = self.clone();
                async move { this.list_connectors(&q).await }
            },
        )
        .await
    }

    /// `GET /v2/connectors/{id}`.
    pub async fn get_connector(&self, id: &str) -> Result<Connector, ApiError> {
        self.call(Endpoint::get(
            "get_connector",
            Family::Sites,
            connector_path(id)?,
        ))
        .await
    }

    /// `POST /v2/connectors?bind_to_site_id={site_id}`. The answer holds the OTP.
    pub async fn create_connector(
        &self,
        site_id: &str,
        c: &NewConnector,
    ) -> Result<Connector, ApiError> {
        let site_id = query_id("site id", site_id)?;
        self.call(
            Endpoint::post("create_connector", Family::Sites, CONNECTORS.into())
                .with_query(vec![("bind_to_site_id", site_id)])
                .with_json(c)?,
        )
        .await
    }

    /// `DELETE /v2/connectors/{id}`.
    pub async fn delete_connector(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_connector",
            Family::Sites,
            connector_path(id)?,
        ))
        .await
    }

    /// `GET /v2/connectors/{id}/command` (holds the OTP: never cached).
    pub async fn connector_command(&self, id: &str) -> Result<DeploymentCommand, ApiError> {
        let path = format!("{}/command", connector_path(id)?);
        self.call(Endpoint::get("connector_command", Family::Sites, path).uncached())
            .await
    }

    /// `GET /v2/connectors/{id}/environment_variables` (holds the OTP: never cached).
    pub async fn connector_environment(&self, id: &str) -> Result<ConnectorEnvironment, ApiError> {
        let path = format!("{}/environment_variables", connector_path(id)?);
        self.call(Endpoint::get("connector_environment", Family::Sites, path).uncached())
            .await
    }

    /// `GET /v2/connectors/version`.
    pub async fn latest_connector_version(&self) -> Result<ConnectorVersion, ApiError> {
        self.call(Endpoint::get(
            "latest_connector_version",
            Family::Sites,
            format!("{CONNECTORS}/version"),
        ))
        .await
    }
}

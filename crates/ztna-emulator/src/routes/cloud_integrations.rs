//! Cloud integrations: `/v2/cloud-integrations/integrations` (list, create) and
//! `/v2/cloud-integrations/integrations/{id}` (get, update, delete).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::dns::string_list;
use super::{string_field, ApiJson};
use crate::error::ApiError;
use crate::state::cloud_integrations::{CloudIntegration, IntegrationInput};
use crate::state::parse_id;
use crate::timefmt::{self, iso_seconds};
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route(
            "/v2/cloud-integrations/integrations",
            get(list).post(create),
        )
        .route(
            "/v2/cloud-integrations/integrations/{id}",
            get(get_one).put(update).delete(remove),
        )
}

#[derive(Debug, Serialize)]
struct ErrorView {
    message: String,
    region: String,
    provider_err_code: String,
    provider_description: String,
}

#[derive(Debug, Serialize)]
struct HealthView {
    status: String,
    message: String,
    error: ErrorView,
}

#[derive(Debug, Serialize)]
struct IntegrationView {
    name: String,
    provider: String,
    id: String,
    created_at: String,
    updated_at: String,
    aws_external_id: String,
    aws_role_arn: String,
    regions: Vec<String>,
    hostname_tag_name: String,
    health: HealthView,
    luminate_aws_account_id: u64,
}

impl IntegrationView {
    fn new(c: &CloudIntegration) -> Self {
        let h = &c.health;
        Self {
            name: c.name.clone(),
            provider: c.provider.clone(),
            id: c.id.clone(),
            created_at: iso_seconds(c.created_at),
            updated_at: iso_seconds(c.updated_at),
            aws_external_id: c.aws_external_id.clone(),
            aws_role_arn: c.aws_role_arn.clone(),
            regions: c.regions.clone(),
            hostname_tag_name: c.hostname_tag_name.clone(),
            health: HealthView {
                status: h.status.clone(),
                message: h.message.clone(),
                error: ErrorView {
                    message: h.error_message.clone(),
                    region: h.error_region.clone(),
                    provider_err_code: h.provider_err_code.clone(),
                    provider_description: h.provider_description.clone(),
                },
            },
            luminate_aws_account_id: c.luminate_aws_account_id,
        }
    }
}

fn input(obj: &Map<String, Value>) -> Result<IntegrationInput, ApiError> {
    Ok(IntegrationInput {
        name: string_field(obj, "name")?,
        provider: string_field(obj, "provider")?,
        aws_role_arn: string_field(obj, "aws_role_arn")?,
        regions: string_list(obj, "regions")?,
        hostname_tag_name: string_field(obj, "hostname_tag_name")?,
    })
}

async fn list(State(emulator): State<Emulator>) -> Json<Vec<IntegrationView>> {
    let tenant = emulator.tenant();
    Json(
        tenant
            .cloud_integrations
            .integrations
            .iter()
            .map(IntegrationView::new)
            .collect(),
    )
}

async fn create(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<IntegrationView>), ApiError> {
    let input = input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    let id = tenant.create_cloud_integration(input, timefmt::now(), &mut rand::thread_rng())?;
    Ok((
        StatusCode::CREATED,
        Json(IntegrationView::new(tenant.cloud_integration(&id)?)),
    ))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<IntegrationView>, ApiError> {
    parse_id(&id)?;
    let tenant = emulator.tenant();
    Ok(Json(IntegrationView::new(tenant.cloud_integration(&id)?)))
}

async fn update(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<IntegrationView>, ApiError> {
    parse_id(&id)?;
    let input = input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    tenant.update_cloud_integration(&id, input, timefmt::now())?;
    Ok(Json(IntegrationView::new(tenant.cloud_integration(&id)?)))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    parse_id(&id)?;
    emulator.tenant().delete_cloud_integration(&id)?;
    Ok(StatusCode::NO_CONTENT)
}

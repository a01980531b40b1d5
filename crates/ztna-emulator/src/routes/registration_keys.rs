//! Site registration keys: list, rotate (201, the only time a key value is shown) and clean.
//! Sites in connector authentication mode answer 400.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;

use super::{bool_field, ApiJson};
use crate::error::ApiError;
use crate::state::parse_id;
use crate::state::views::RegistrationKeyView;
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/sites/{id}/registration_keys", get(list).delete(clean))
        .route("/v2/sites/{id}/registration_keys/rotate", post(rotate))
}

#[derive(Debug, Serialize)]
struct KeyList {
    registration_keys: Vec<RegistrationKeyView>,
}

#[derive(Debug, Serialize)]
struct RotatedKey {
    registration_key_id: String,
    registration_key: String,
}

async fn list(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<KeyList>, ApiError> {
    let id = parse_id(&id)?;
    let keys = emulator.tenant().registration_keys(id, timefmt::now())?;
    Ok(Json(KeyList {
        registration_keys: keys.iter().map(RegistrationKeyView::new).collect(),
    }))
}

async fn rotate(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<RotatedKey>), ApiError> {
    let id = parse_id(&id)?;
    // The body is optional; `revoke_immediately` defaults to false.
    let revoke = bool_field(&body.object(true)?, "revoke_immediately")?
        .into_option()
        .unwrap_or(false);
    let (key_id, key) = emulator.tenant().rotate_registration_key(
        id,
        revoke,
        timefmt::now(),
        &mut rand::thread_rng(),
    )?;
    Ok((
        StatusCode::CREATED,
        Json(RotatedKey {
            registration_key_id: key_id.to_string(),
            registration_key: key,
        }),
    ))
}

async fn clean(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().clean_registration_keys(id)?;
    Ok(StatusCode::NO_CONTENT)
}

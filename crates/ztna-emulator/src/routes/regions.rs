//! `GET /v2/regions` (a plain array, not paged) and `GET /v2/regions/{region-name}`.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};

use crate::error::ApiError;
use crate::state::views::RegionView;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/regions", get(list))
        .route("/v2/regions/{name}", get(get_one))
}

async fn list(State(emulator): State<Emulator>) -> Json<Vec<RegionView>> {
    Json(
        emulator
            .tenant()
            .regions
            .iter()
            .map(RegionView::new)
            .collect(),
    )
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(name): Path<String>,
) -> Result<Json<RegionView>, ApiError> {
    emulator
        .tenant()
        .region(&name)
        .map(|r| Json(RegionView::new(r)))
        .ok_or_else(|| ApiError::not_found(format!("Region '{name}' was not found")))
}

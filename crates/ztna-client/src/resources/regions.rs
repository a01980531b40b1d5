//! Connectivity regions: `/v2/regions`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::path::segment;
use crate::TenantClient;
use ztna_wire::Region;

const REGIONS: &str = "/regions";

impl TenantClient {
    /// `GET /v2/regions`.
    pub async fn list_regions(&self) -> Result<Vec<Region>, ApiError> {
        self.call(Endpoint::get(
            "list_regions",
            Family::Regions,
            REGIONS.into(),
        ))
        .await
    }

    /// `GET /v2/regions/{name}`.
    pub async fn get_region(&self, name: &str) -> Result<Region, ApiError> {
        let path = format!("{REGIONS}/{}", segment("region name", name)?);
        self.call(Endpoint::get("get_region", Family::Regions, path))
            .await
    }
}

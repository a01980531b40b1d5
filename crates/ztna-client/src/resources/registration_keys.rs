//! Site registration keys: `/v2/sites/{id}/registration_keys` (sites family).

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::path::segment;
use crate::TenantClient;
use ztna_wire::{RegistrationKey, RegistrationKeys, RotateKeyRequest, RotatedKey};

fn keys_path(site_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "/sites/{}/registration_keys",
        segment("site id", site_id)?
    ))
}

/// Suffix of the rotate call. INFERRED (not in the reference; see endpoints.md): change it
/// here only.
const ROTATE_SUFFIX: &str = "/rotate";

impl TenantClient {
    /// `GET /v2/sites/{id}/registration_keys`.
    pub async fn list_registration_keys(
        &self,
        site_id: &str,
    ) -> Result<Vec<RegistrationKey>, ApiError> {
        let keys: RegistrationKeys = self
            .call(Endpoint::get(
                "list_registration_keys",
                Family::Sites,
                keys_path(site_id)?,
            ))
            .await?;
        Ok(keys.registration_keys)
    }

    /// `POST /v2/sites/{id}/registration_keys/rotate` with `{"revoke_immediately": ..}`.
    /// The answer holds the new key, shown once. Never retried on 5xx.
    pub async fn rotate_registration_key(
        &self,
        site_id: &str,
        revoke_immediately: bool,
    ) -> Result<RotatedKey, ApiError> {
        let path = format!("{}{ROTATE_SUFFIX}", keys_path(site_id)?);
        let body = RotateKeyRequest { revoke_immediately };
        self.call(Endpoint::post("rotate_registration_key", Family::Sites, path).with_json(&body)?)
            .await
    }

    /// `DELETE /v2/sites/{id}/registration_keys`.
    pub async fn clean_registration_keys(&self, site_id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "clean_registration_keys",
            Family::Sites,
            keys_path(site_id)?,
        ))
        .await
    }
}

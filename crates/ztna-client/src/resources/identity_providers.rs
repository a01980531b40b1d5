//! Identity providers: `/v2/identities/settings/identity-providers` (identities family).

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::TenantClient;
use ztna_wire::{IdentityProvider, OneOrMany};

impl TenantClient {
    /// `GET /v2/identities/settings/identity-providers?includeLocal=...`.
    pub async fn list_identity_providers(
        &self,
        include_local: bool,
    ) -> Result<Vec<IdentityProvider>, ApiError> {
        let all: OneOrMany<IdentityProvider> = self
            .call(
                Endpoint::get(
                    "list_identity_providers",
                    Family::Identities,
                    "/identities/settings/identity-providers".into(),
                )
                .with_query(vec![("includeLocal", include_local.to_string())]),
            )
            .await?;
        Ok(all.0)
    }
}

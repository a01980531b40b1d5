//! One file per resource; each function is a thin wrapper over the generic call path
//! ([`crate::TenantClient::call`]). Paths are relative to `/v2`, which `ApiOrigin` adds.

mod connectors;
mod regions;
mod registration_keys;
mod sites;

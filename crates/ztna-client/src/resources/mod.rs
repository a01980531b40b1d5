//! One file per resource; each function is a thin wrapper over the generic call path
//! ([`crate::TenantClient::call`]). Paths are relative to `/v2`, which `ApiOrigin` adds.

mod applications;
mod blocked_users;
mod cloud_integrations;
mod collections;
mod connectors;
mod dns_groups;
mod dns_servers;
mod groups;
mod identity_providers;
mod logs;
mod policies;
mod regions;
mod registration_keys;
mod role_bindings;
mod scim_groups;
mod scim_users;
mod sites;
mod ssh_clients;
mod users;

pub use logs::LogKind;

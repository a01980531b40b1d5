//! Role bindings of every role type on the tenant, collections and sites, naming subjects of
//! the tenant directory (none when the directory is empty).

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::open_collections;
use crate::seed::names;
use crate::state::directory::SubjectKind;
use crate::state::role_bindings::{Entity, RoleBinding, RoleType, Scope};
use crate::state::Tenant;

/// Every documented role type comes first, so each appears whatever the size.
const FIRST: [RoleType; 6] = [
    RoleType::TenantAdmin,
    RoleType::TenantViewer,
    RoleType::ApplicationOwner,
    RoleType::PolicyOwner,
    RoleType::SiteEditor,
    RoleType::SiteConnectorDeployer,
];

fn pick_role(rng: &mut ChaCha8Rng, i: usize) -> RoleType {
    if let Some(r) = FIRST.get(i) {
        return *r;
    }
    match rng.gen_range(0..100) {
        0..=9 => RoleType::TenantAdmin,
        10..=24 => RoleType::TenantViewer,
        25..=44 => RoleType::ApplicationOwner,
        45..=59 => RoleType::PolicyOwner,
        60..=84 => RoleType::SiteEditor,
        _ => RoleType::SiteConnectorDeployer,
    }
}

pub(super) fn seed(
    rng: &mut ChaCha8Rng,
    tenant: &mut Tenant,
    total: usize,
    anchor: OffsetDateTime,
) {
    if tenant.directory.is_empty() {
        return;
    }
    let to_add = total.saturating_sub(tenant.role_bindings.len());
    let collections: Vec<Uuid> = open_collections(tenant)
        .into_iter()
        .filter(|c| *c != tenant.collections.root)
        .collect();
    let sites: Vec<Uuid> = tenant.sites.keys().copied().collect();
    let api_clients: Vec<usize> = (0..tenant.directory.len())
        .filter(|&i| {
            tenant
                .directory
                .get(i)
                .is_some_and(|s| s.kind == SubjectKind::ApiClient)
        })
        .collect();

    for i in 0..to_add {
        let role = pick_role(rng, i);
        // A few tries to avoid an exact duplicate; a duplicate is simply not added.
        for _ in 0..4 {
            let scope = match role {
                RoleType::TenantAdmin | RoleType::TenantViewer => Scope::Tenant,
                RoleType::SiteEditor | RoleType::SiteConnectorDeployer => match sites.choose(rng) {
                    Some(s) => Scope::Site(*s),
                    None => Scope::Tenant,
                },
                _ => match collections.choose(rng) {
                    Some(c) => Scope::Collection(*c),
                    None => Scope::Collection(tenant.collections.root),
                },
            };
            // Automation gets some tenant and connector-deployer roles through API clients.
            let use_client = matches!(
                role,
                RoleType::TenantAdmin | RoleType::SiteConnectorDeployer
            ) && rng.gen_bool(0.3);
            let index = if use_client {
                api_clients.choose(rng).copied()
            } else {
                Some(rng.gen_range(0..tenant.directory.len()))
            };
            let Some(subject) = index.and_then(|i| tenant.directory.get(i)) else {
                continue;
            };
            let entity = Entity::from_subject(subject);
            let id = names::uuid(rng);
            let entity_binding_id = names::uuid(rng);
            let created_at = anchor
                - Duration::days(rng.gen_range(1..600))
                - Duration::seconds(rng.gen_range(0..86_400));
            let duplicate = tenant.role_bindings.values().any(|b| {
                b.role == role
                    && b.scope == scope
                    && b.entity.identity_provider_id == entity.identity_provider_id
                    && b.entity.identifier_in_provider == entity.identifier_in_provider
            });
            if duplicate {
                continue;
            }
            tenant.role_bindings.insert(
                id,
                RoleBinding {
                    id,
                    created_at,
                    role,
                    scope,
                    entity_binding_id,
                    entity,
                },
            );
            break;
        }
    }
}

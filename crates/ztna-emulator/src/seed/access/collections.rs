//! Collections beyond the default one, each linked to a handful of sites.

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use uuid::Uuid;

use super::unique_name;
use crate::seed::names;
use crate::state::collections::Collection;
use crate::state::Tenant;

const NAMES: &[&str] = &[
    "Engineering",
    "Finance",
    "Operations",
    "HR Systems",
    "Partners",
    "Security Tools",
    "Sales",
    "Production",
    "Dev and QA",
    "Legacy",
    "Data Platform",
    "Customer Support",
];

pub(super) fn seed(rng: &mut ChaCha8Rng, tenant: &mut Tenant, total: usize) {
    let to_add = total.max(1).saturating_sub(tenant.collections.items.len());
    let mut pool: Vec<&str> = NAMES.to_vec();
    pool.shuffle(rng);
    let sites: Vec<Uuid> = tenant.sites.keys().copied().collect();
    let root = tenant.collections.root;
    for i in 0..to_add {
        let base = pool
            .get(i % pool.len().max(1))
            .copied()
            .unwrap_or("Collection");
        let name = unique_name(base, 100, |n| {
            tenant.collections.items.values().any(|c| c.name == n)
        });
        let id = names::uuid(rng);
        tenant.collections.items.insert(
            id,
            Collection {
                id,
                name,
                parent_id: root,
            },
        );
        if sites.is_empty() {
            continue;
        }
        let count = rng.gen_range(3..=12).min(sites.len());
        let linked: Vec<Uuid> = sites.choose_multiple(rng, count).copied().collect();
        for site in linked {
            tenant.collections.links.insert((id, site));
        }
    }
}

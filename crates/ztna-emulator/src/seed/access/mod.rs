//! The access seed: collections with site links, applications, policies and role bindings,
//! plus (with `reference_examples`) the reference's own example objects under their
//! documented ids.
//!
//! It draws from its own ChaCha8 stream (`config.seed ^ STREAM`), in this fixed order:
//! collections, applications, policies, role bindings. So the sites and connectors seeded
//! before it keep their ids, and the same seed always gives the same data. It runs after the
//! identity seed: policy directory entities and role-binding subjects are picked from
//! `tenant.directory`, and none are seeded when that is empty.

mod applications;
mod collections;
mod examples;
mod policies;
mod role_bindings;

use std::collections::BTreeSet;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::config::EmulatorConfig;
use crate::state::Tenant;

/// Mixed into `config.seed` for this seed's random stream ("access_A").
const STREAM: u64 = 0x6163_6365_7373_5f41;

pub(crate) fn seed(tenant: &mut Tenant, config: &EmulatorConfig, anchor: OffsetDateTime) {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed ^ STREAM);
    let examples = config.reference_examples;

    if examples {
        examples::add_sites(tenant);
    }
    // Every site is in the default collection, so any application of it can be bound.
    let root = tenant.collections.root;
    let sites: Vec<Uuid> = tenant.sites.keys().copied().collect();
    for site in &sites {
        tenant.collections.links.insert((root, *site));
    }
    if examples {
        examples::add_collections(tenant);
    }
    collections::seed(&mut rng, tenant, config.collections);
    for site in sites {
        tenant.sync_site_collections(site);
    }

    if examples {
        examples::add_application(tenant, anchor);
    }
    applications::seed(&mut rng, tenant, config.applications, anchor);

    if examples {
        examples::add_policy(tenant, anchor);
    }
    policies::seed(&mut rng, tenant, config.policies, anchor);

    if examples {
        examples::add_role_binding(tenant, anchor);
    }
    role_bindings::seed(&mut rng, tenant, config.role_bindings, anchor);
}

/// Collections random objects may go to: all but the reference's example collections, which
/// hold only the example objects (so the examples that delete them work as written).
fn open_collections(tenant: &Tenant) -> Vec<Uuid> {
    let reserved: BTreeSet<Uuid> = examples::COLLECTIONS.iter().map(|(id, ..)| *id).collect();
    tenant
        .collections
        .items
        .keys()
        .copied()
        .filter(|id| !reserved.contains(id))
        .collect()
}

/// `name`, or `name 2`, `name 3`… (cut to `max` characters) until `taken` says no.
fn unique_name(name: &str, max: usize, taken: impl Fn(&str) -> bool) -> String {
    let cut = |s: &str| s.chars().take(max).collect::<String>().trim().to_owned();
    let first = cut(name);
    if !taken(&first) {
        return first;
    }
    for n in 2.. {
        let suffix = format!(" {n}");
        let base: String = name
            .chars()
            .take(max.saturating_sub(suffix.len()))
            .collect();
        let candidate = format!("{}{suffix}", base.trim_end());
        if !taken(&candidate) {
            return candidate;
        }
    }
    first
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::state::collections::Collections;

    fn config(seed: u64) -> EmulatorConfig {
        EmulatorConfig {
            seed,
            ..EmulatorConfig::default()
        }
    }

    /// Re-runs this seed alone on a seeded tenant, with or without a directory.
    fn reseed(n: u64, keep_directory: bool) -> Tenant {
        let config = config(n);
        let mut tenant = crate::seed::seed_tenant(&config, crate::timefmt::anchor());
        if !keep_directory {
            tenant.directory.clear();
        }
        tenant.applications.clear();
        tenant.policies.clear();
        tenant.role_bindings.clear();
        tenant.collections = Collections::default();
        for site in tenant.sites.values_mut() {
            site.application_ids.clear();
        }
        super::seed(&mut tenant, &config, crate::timefmt::anchor());
        tenant
    }

    #[test]
    fn without_a_directory_no_subjects_are_seeded() {
        let t = reseed(3, false);
        assert_eq!(t.applications.len(), 400);
        assert_eq!(t.policies.len(), 60);
        // Only the reference's example binding, whose subject is fixed by the reference.
        assert!(t
            .role_bindings
            .keys()
            .all(|id| *id == examples::ROLE_BINDING));
        assert!(t
            .policies
            .values()
            .all(|p| p.directory_entities.is_empty() || p.id == examples::POLICY));
        // With nothing to check against, the example policy keeps the reference's entity.
        let example = t.policies.get(&examples::POLICY).unwrap();
        assert_eq!(example.directory_entities.len(), 1);
    }

    #[test]
    fn deterministic_and_consistent() {
        let a = reseed(11, true);
        let b = reseed(11, true);
        let key = |t: &Tenant| {
            t.applications
                .values()
                .map(|a| (a.id, a.name.clone(), a.site_id, a.collection_id))
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&a), key(&b));
        let pkey = |t: &Tenant| {
            t.policies
                .values()
                .map(|p| {
                    (
                        p.id,
                        p.name.clone(),
                        p.applications.clone(),
                        p.directory_entities
                            .iter()
                            .map(|e| e.id)
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(pkey(&a), pkey(&b));
        let bkey = |t: &Tenant| t.role_bindings.keys().copied().collect::<Vec<_>>();
        assert_eq!(bkey(&a), bkey(&b));
        assert_eq!(a.collections.links, b.collections.links);

        // application_ids and countCollections are true; every binding names a linked site.
        for site in a.sites.values() {
            let bound: Vec<_> = a
                .applications
                .values()
                .filter(|app| app.site_id == Some(site.id))
                .map(|app| app.id)
                .collect();
            let mut listed = site.application_ids.clone();
            listed.sort();
            let mut bound_sorted = bound.clone();
            bound_sorted.sort();
            assert_eq!(listed, bound_sorted, "{}", site.name);
            assert_eq!(
                site.count_collections as usize,
                a.collections_of_site(site.id).len()
            );
            assert!(a.is_linked(a.collections.root, site.id));
        }
        for app in a.applications.values() {
            if let Some(site) = app.site_id {
                assert!(a.is_linked(app.collection_id, site), "{}", app.name);
            }
        }
        // Random objects stay out of the example collections.
        for (id, ..) in examples::COLLECTIONS {
            assert!(a
                .applications
                .values()
                .filter(|x| x.collection_id == id)
                .all(|x| x.id == examples::TEST_APPLICATION));
            assert!(a
                .policies
                .values()
                .filter(|x| x.collection_id == id)
                .all(|x| x.id == examples::POLICY));
        }
    }
}

//! The deterministic demo tenant.
//!
//! Every random choice comes from one ChaCha8 stream seeded with `config.seed`, drawn in a fixed
//! order, so the same seed always yields the same ids, names and layout. Dates are offsets from
//! [`crate::timefmt::anchor`], so they look recent whenever the emulator starts.
//!
//! Layout: the three fixed editor sites (connector mode, 8 connectors covering every
//! deployment type and every state), then places from the catalog. Cloud places use the site
//! authentication mode (at least three site-mode sites when there are enough sites), about one
//! site in eight has no connector, and the remaining connectors are spread with datacenters and
//! clouds getting more.

pub(crate) mod access;
pub(crate) mod catalog;
pub(crate) mod identities;
pub(crate) mod logs;
pub(crate) mod names;
pub(crate) mod people;
pub(crate) mod resources;

use std::collections::{BTreeMap, BTreeSet};

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime};

use crate::config::EmulatorConfig;
use crate::state::model::{
    AuthMode, Connector, DeploymentType, Location, Region, Registration, RegistrationKey, Site,
    UpdateStatus,
};
use crate::state::registration_keys::new_secret;
use crate::state::Tenant;
use catalog::{Kind, Place};

/// The state a seeded connector starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SeedState {
    /// Registered, enabled, up, latest version.
    Up,
    /// Registered and up, on an older version (`UpdateAvailable`).
    Outdated,
    /// Created, not registered: OTP and a future `date_otp_expire`.
    Awaiting,
    /// Registered, enabled, not seen for hours or days.
    Down,
    /// Registered, `enabled: false`.
    Disabled,
    /// Registered and up, last upgrade failed.
    UpdateFailed,
}

/// The fixed sites' connectors: (fixed site index, deployment type, state). Together they
/// cover all four deployment types and every state, whatever the seed and sizes.
const FIXED_CONNECTORS: [(usize, DeploymentType, SeedState); 8] = [
    (0, DeploymentType::Kubernetes, SeedState::Up),
    (0, DeploymentType::Linux, SeedState::Up),
    (0, DeploymentType::DockerCompose, SeedState::Awaiting),
    (1, DeploymentType::Windows, SeedState::Up),
    (1, DeploymentType::Linux, SeedState::Down),
    (2, DeploymentType::DockerCompose, SeedState::Outdated),
    (2, DeploymentType::Kubernetes, SeedState::Disabled),
    (2, DeploymentType::Linux, SeedState::UpdateFailed),
];

/// Most site-mode sites seeded from cloud places, and the least we make sure of.
const MAX_SITE_MODE: usize = 6;
const MIN_SITE_MODE: usize = 3;

struct Seeder {
    rng: ChaCha8Rng,
    anchor: OffsetDateTime,
    latest: String,
    next_seq: u64,
}

pub(crate) fn seed_tenant(config: &EmulatorConfig, anchor: OffsetDateTime) -> Tenant {
    let mut s = Seeder {
        rng: ChaCha8Rng::seed_from_u64(config.seed),
        anchor,
        latest: format!("{}+{}", catalog::LATEST_VERSION, catalog::LATEST_BUILD),
        next_seq: 0,
    };
    let tenant_identifier = format!("{:032x}_{}", s.rng.gen::<u128>(), config.tenant);
    let regions = catalog::REGIONS
        .iter()
        .map(|&(name, is_default, geo, prefix)| Region {
            name: name.to_owned(),
            is_default,
            geo_location: geo.to_owned(),
            external_prefix: prefix.to_owned(),
        })
        .collect();

    let plan = plan_places(&mut s.rng, config.sites);
    let modes = plan_modes(&plan);
    let sites: Vec<Site> = plan
        .iter()
        .zip(&modes)
        .enumerate()
        .map(|(i, ((name, place), mode))| s.site(i, name, place, *mode))
        .collect();
    let counts = plan_counts(&mut s.rng, &plan, config.connectors);

    // What each site gets, then creation dates; a site's connectors are numbered in creation
    // order, so "Connector-1" is the oldest and one awaiting registration comes last.
    let mut specs: Vec<Vec<(DeploymentType, SeedState)>> = vec![Vec::new(); sites.len()];
    for &(site_index, deployment, state) in &FIXED_CONNECTORS {
        if let Some(list) = specs.get_mut(site_index) {
            list.push((deployment, state));
        }
    }
    for (i, site) in sites.iter().enumerate().skip(catalog::FIXED.len()) {
        let count = counts.get(i).copied().unwrap_or(0);
        for _ in 0..count {
            let deployment = s.pick_deployment(site.authentication_mode);
            let state = s.pick_state(site.authentication_mode);
            if let Some(list) = specs.get_mut(i) {
                list.push((deployment, state));
            }
        }
    }
    let mut connectors = Vec::new();
    for ((site, (_, place)), list) in sites.iter().zip(&plan).zip(specs) {
        let mut dated: Vec<_> = list
            .into_iter()
            .map(|(deployment, state)| (s.creation_date(state), deployment, state))
            .collect();
        dated.sort_by_key(|(created, ..)| *created);
        for (k, (created, deployment, state)) in dated.into_iter().enumerate() {
            connectors.push(s.connector(site, place, k + 1, deployment, state, created));
        }
    }

    let mut sites = sites;
    s.add_registration_keys(&mut sites, &counts);

    let mut tenant = Tenant {
        tenant_identifier,
        endpoint_url: format!("{}.luminatesec.com", config.tenant),
        latest_version: catalog::LATEST_VERSION.to_owned(),
        latest_build: catalog::LATEST_BUILD,
        regions,
        fixed_sites: sites
            .iter()
            .take(catalog::FIXED.len())
            .map(|site| site.id)
            .collect(),
        sites: sites.into_iter().map(|site| (site.id, site)).collect(),
        connectors: connectors.into_iter().map(|c| (c.id, c)).collect(),
        next_seq: s.next_seq,
        directory: Vec::new(),
        identities: Default::default(),
        dns: Default::default(),
        ssh_clients: Default::default(),
        cloud_integrations: Default::default(),
        logs: Default::default(),
        applications: Default::default(),
        policies: Default::default(),
        collections: Default::default(),
        role_bindings: Default::default(),
    };
    // Identities first: they fill `tenant.directory`, which the seeds of everything that
    // names people (policies, role bindings) draw from. Each of these seeds has its own
    // ChaCha8 stream derived from `config.seed`, so they never shift the ids above.
    identities::seed(&mut tenant, config, anchor);
    // DNS groups, SSH clients, cloud integrations.
    resources::seed(&mut tenant, config, anchor);
    // Collections, applications, policies, role bindings (and the reference's examples).
    access::seed(&mut tenant, config, anchor);
    // Logs last: they mention users, sites and applications.
    logs::seed(&mut tenant, config, anchor);
    tenant
}

/// Site names and places: the fixed three, then the shuffled pool, cycled with a suffix.
fn plan_places(rng: &mut ChaCha8Rng, sites: usize) -> Vec<(String, Place)> {
    let mut pool: Vec<Place> = catalog::POOL.to_vec();
    pool.shuffle(rng);
    let mut plan: Vec<(String, Place)> = catalog::FIXED
        .iter()
        .map(|p| (p.name.to_owned(), *p))
        .collect();
    let others = sites.saturating_sub(catalog::FIXED.len());
    for (i, place) in pool.iter().cycle().take(others).enumerate() {
        let round = i / pool.len().max(1);
        let name = if round == 0 {
            place.name.to_owned()
        } else {
            format!("{} {}", place.name, round + 1)
        };
        plan.push((name, *place));
    }
    plan
}

/// Cloud places are orchestrated (site mode); if the shuffle left too few of them, the last
/// other sites switch too. The fixed sites always stay in connector mode.
fn plan_modes(plan: &[(String, Place)]) -> Vec<AuthMode> {
    let fixed = catalog::FIXED.len();
    let mut modes = vec![AuthMode::Connector; plan.len()];
    let mut site_mode = 0;
    for (i, (_, place)) in plan.iter().enumerate().skip(fixed) {
        if place.kind == Kind::Cloud && site_mode < MAX_SITE_MODE {
            if let Some(m) = modes.get_mut(i) {
                *m = AuthMode::Site;
                site_mode += 1;
            }
        }
    }
    for m in modes.iter_mut().skip(fixed).rev() {
        if site_mode >= MIN_SITE_MODE {
            break;
        }
        if *m == AuthMode::Connector {
            *m = AuthMode::Site;
            site_mode += 1;
        }
    }
    modes
}

/// Connectors per site for the non-fixed sites: some sites get none, every other site at least
/// one, the rest weighted towards datacenters and clouds.
fn plan_counts(rng: &mut ChaCha8Rng, plan: &[(String, Place)], total: usize) -> Vec<usize> {
    let fixed = catalog::FIXED.len();
    let others: Vec<usize> = (fixed..plan.len()).collect();
    let mut shuffled = others.clone();
    shuffled.shuffle(rng);
    let empty: BTreeSet<usize> = shuffled.into_iter().take(others.len() / 8).collect();
    let bearing: Vec<usize> = others.into_iter().filter(|i| !empty.contains(i)).collect();

    let lottery: Vec<usize> = bearing
        .iter()
        .flat_map(|&i| {
            let weight = match plan.get(i).map(|p| p.1.kind) {
                Some(Kind::Datacenter) => 4,
                Some(Kind::Cloud) => 3,
                _ => 1,
            };
            std::iter::repeat_n(i, weight)
        })
        .collect();

    let mut counts = vec![0usize; plan.len()];
    let remaining = total.saturating_sub(FIXED_CONNECTORS.len());
    for j in 0..remaining {
        let index = match bearing.get(j) {
            Some(&i) => Some(i),
            None => lottery.choose(rng).copied(),
        };
        if let Some(count) = index.and_then(|i| counts.get_mut(i)) {
            *count += 1;
        }
    }
    counts
}

impl Seeder {
    fn seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    fn site(&mut self, index: usize, name: &str, place: &Place, mode: AuthMode) -> Site {
        Site {
            id: names::uuid(&mut self.rng),
            name: name.to_owned(),
            kubernetes_persistent_volume_name: None,
            mute_health_notification: self.rng.gen_bool(0.1),
            region: place.region.to_owned(),
            authentication_mode: mode,
            application_ids: Vec::new(),
            count_collections: 1,
            registration_keys: Vec::new(),
            network: u8::try_from(10 + index % 240).unwrap_or(10),
            location: Some(Location {
                geo_location: place.geo.to_owned(),
                external_prefix: place.ext_prefix.to_owned(),
            }),
        }
    }

    fn pick_deployment(&mut self, mode: AuthMode) -> DeploymentType {
        let roll = self.rng.gen_range(0..100);
        match mode {
            AuthMode::Site if roll < 65 => DeploymentType::Kubernetes,
            AuthMode::Site => DeploymentType::DockerCompose,
            AuthMode::Connector => match roll {
                0..=34 => DeploymentType::Linux,
                35..=59 => DeploymentType::DockerCompose,
                60..=84 => DeploymentType::Kubernetes,
                _ => DeploymentType::Windows,
            },
        }
    }

    fn pick_state(&mut self, mode: AuthMode) -> SeedState {
        match self.rng.gen_range(0..100) {
            0..=54 => SeedState::Up,
            55..=66 => SeedState::Outdated,
            // Site-mode connectors are created by registering, so they never await an OTP.
            67..=76 if mode == AuthMode::Site => SeedState::Up,
            67..=76 => SeedState::Awaiting,
            77..=86 => SeedState::Down,
            87..=92 => SeedState::Disabled,
            _ => SeedState::UpdateFailed,
        }
    }

    fn older_version(&mut self) -> String {
        catalog::OLDER_VERSIONS
            .choose(&mut self.rng)
            .map_or_else(|| self.latest.clone(), |v| (*v).to_owned())
    }

    /// Awaiting connectors were created in the last hours (their OTP is still valid); the
    /// others weeks to two years ago.
    fn creation_date(&mut self, state: SeedState) -> OffsetDateTime {
        if state == SeedState::Awaiting {
            self.anchor - Duration::seconds(self.rng.gen_range(600..20 * 3600))
        } else {
            self.anchor
                - Duration::days(self.rng.gen_range(20..720))
                - Duration::seconds(self.rng.gen_range(0..86_400))
        }
    }

    fn connector(
        &mut self,
        site: &Site,
        place: &Place,
        n: usize,
        deployment: DeploymentType,
        state: SeedState,
        date_created: OffsetDateTime,
    ) -> Connector {
        let id = names::uuid(&mut self.rng);
        let seq = self.seq();
        let name = names::connector_name(&site.name, n);
        let send_logs = self.rng.gen_bool(0.05);
        let kubernetes_persistent_volume_name = (deployment == DeploymentType::Kubernetes
            && site.authentication_mode == AuthMode::Connector)
            .then(|| format!("pv-{}", names::uuid(&mut self.rng)));

        if state == SeedState::Awaiting {
            return Connector {
                id,
                site_id: site.id,
                seq,
                name,
                deployment_type: deployment,
                send_logs,
                enabled: true,
                kubernetes_persistent_volume_name,
                otp: Some(names::uuid(&mut self.rng).to_string()),
                date_created,
                date_otp_expire: date_created + Duration::hours(24),
                registration: None,
            };
        }

        // Registration happens while the OTP is valid, i.e. within 24 hours.
        let date_registered = date_created + Duration::seconds(self.rng.gen_range(120..86_000));
        let internal_ip = names::internal_ip(&mut self.rng, site.network);
        let hostname = names::hostname(&mut self.rng, &site.name, deployment, n, &internal_ip);
        let external_ip = names::external_ip(&mut self.rng, place.ext_prefix);
        let (version, update_status, update_status_info) = match state {
            SeedState::Outdated => (self.older_version(), UpdateStatus::UpdateAvailable, None),
            SeedState::UpdateFailed => {
                let info = catalog::UPDATE_FAILURES
                    .choose(&mut self.rng)
                    .map(|s| (*s).to_owned());
                (self.older_version(), UpdateStatus::UpdateFailed, info)
            }
            _ if self.rng.gen_bool(0.15) => {
                (self.older_version(), UpdateStatus::UpdateAvailable, None)
            }
            _ => (self.latest.clone(), UpdateStatus::UpToDate, None),
        };
        let up = match state {
            SeedState::Down => false,
            SeedState::Disabled => self.rng.gen_bool(0.5),
            _ => true,
        };
        let down_since = self.anchor - Duration::seconds(self.rng.gen_range(2 * 3600..14 * 86_400));
        Connector {
            id,
            site_id: site.id,
            seq,
            name,
            deployment_type: deployment,
            send_logs,
            enabled: state != SeedState::Disabled,
            kubernetes_persistent_volume_name,
            otp: None,
            date_created,
            date_otp_expire: date_created + Duration::hours(24),
            registration: Some(Registration {
                version,
                date_registered,
                internal_ip,
                external_ip,
                hostname,
                geo_location: place.geo.to_owned(),
                up,
                last_seen: down_since.max(date_registered),
                heartbeat_secs: self.rng.gen_range(2..45),
                update_status,
                update_status_info,
            }),
        }
    }

    /// Site-mode sites get a primary key; the first also has a temporarily active previous
    /// key, and with four or more, the last has no key yet.
    fn add_registration_keys(&mut self, sites: &mut [Site], counts: &[usize]) {
        let site_mode: Vec<usize> = sites
            .iter()
            .enumerate()
            .filter(|(_, s)| s.authentication_mode == AuthMode::Site)
            .map(|(i, _)| i)
            .collect();
        let total = site_mode.len();
        let mut used_by_connectors = BTreeMap::new();
        for &i in &site_mode {
            used_by_connectors.insert(i, counts.get(i).copied().unwrap_or(0) > 0);
        }
        for (k, &i) in site_mode.iter().enumerate() {
            if total >= 4 && k + 1 == total {
                continue;
            }
            let primary_created = self.anchor - Duration::days(self.rng.gen_range(10..200));
            let primary = RegistrationKey {
                id: names::uuid(&mut self.rng),
                secret: new_secret(&mut self.rng),
                date_created: primary_created,
                last_used: used_by_connectors
                    .get(&i)
                    .copied()
                    .unwrap_or(false)
                    .then(|| self.anchor - Duration::seconds(self.rng.gen_range(60..86_400))),
                expiration_date: None,
            };
            let mut keys = vec![primary];
            if k == 0 {
                keys.push(RegistrationKey {
                    id: names::uuid(&mut self.rng),
                    secret: new_secret(&mut self.rng),
                    date_created: primary_created - Duration::days(self.rng.gen_range(30..200)),
                    last_used: Some(self.anchor - Duration::hours(self.rng.gen_range(1..48))),
                    expiration_date: Some(self.anchor + Duration::hours(self.rng.gen_range(6..23))),
                });
            }
            if let Some(site) = sites.get_mut(i) {
                site.registration_keys = keys;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::state::model::Health;

    fn tenant(seed: u64, sites: usize, connectors: usize) -> Tenant {
        let config = EmulatorConfig {
            seed,
            sites,
            connectors,
            // These tests count the generated sites; the examples add three of their own.
            reference_examples: false,
            ..EmulatorConfig::default()
        };
        seed_tenant(&config, crate::timefmt::anchor())
    }

    #[test]
    fn default_sizes_and_variety() {
        let t = tenant(42, 40, 120);
        assert_eq!(t.sites.len(), 40);
        assert_eq!(t.connectors.len(), 120);
        let regions: BTreeSet<_> = t.sites.values().map(|s| s.region.clone()).collect();
        assert!(regions.len() >= 4);
        let site_mode = t
            .sites
            .values()
            .filter(|s| s.authentication_mode == AuthMode::Site)
            .count();
        assert!(site_mode >= 3, "{site_mode} site-mode sites");
        assert!(t
            .sites
            .values()
            .any(|s| s.authentication_mode == AuthMode::Site && !s.registration_keys.is_empty()));
        assert!(t.sites.keys().any(|id| t.connectors_of(*id).is_empty()));
        for health in [
            Health::Up,
            Health::Down,
            Health::NotConfigured,
            Health::Disabled,
        ] {
            assert!(t.connectors.values().any(|c| c.health() == health));
        }
        for d in DeploymentType::ALL {
            assert!(t.connectors.values().any(|c| c.deployment_type == d));
        }
        let names: BTreeSet<_> = t.connectors.values().map(|c| c.name.clone()).collect();
        assert_eq!(
            names.len(),
            t.connectors.len(),
            "connector names are unique"
        );
    }

    #[test]
    fn fixed_sites_always_exist() {
        for (sites, connectors) in [(0, 0), (3, 8), (5, 9), (200, 500)] {
            let t = tenant(7, sites, connectors);
            let names: Vec<_> = t
                .fixed_sites
                .iter()
                .map(|id| t.sites.get(id).unwrap().name.clone())
                .collect();
            assert_eq!(
                names,
                ["Frankfurt Datacenter", "London Office", "Toronto Lab"]
            );
            for id in &t.fixed_sites {
                assert!(t.connectors_of(*id).len() >= 2);
                assert_eq!(
                    t.sites.get(id).unwrap().authentication_mode,
                    AuthMode::Connector
                );
            }
            assert_eq!(t.sites.len(), sites.max(3));
            assert_eq!(t.connectors.len(), connectors.max(8));
            let unique: BTreeSet<_> = t.sites.values().map(|s| s.name.clone()).collect();
            assert_eq!(unique.len(), t.sites.len());
        }
    }

    #[test]
    fn deterministic_per_seed() {
        let a = tenant(1234, 40, 120);
        let b = tenant(1234, 40, 120);
        let c = tenant(1235, 40, 120);
        let ids = |t: &Tenant| t.sites.keys().copied().collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
        assert_eq!(
            a.connectors.values().map(|c| &c.name).collect::<Vec<_>>(),
            b.connectors.values().map(|c| &c.name).collect::<Vec<_>>()
        );
        assert_eq!(a.tenant_identifier, b.tenant_identifier);
    }
}

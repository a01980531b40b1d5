//! DNS resiliency groups, SSH clients and cloud integrations of the demo tenant.
//!
//! Own ChaCha8 stream (`config.seed ^ STREAM`). The reference's example objects exist under
//! their documented ids: DNS groups `0115deec-…` (servers `0115deec-…` at 1.1.1.1 and
//! `cf5780a0-…`), `6fd0a892-…` (server `5gd0a892-…`) and `9977c221-…` (server `8577c221-…`),
//! SSH client `ff5ef47d-…` ("mysshclient"), cloud integrations `1e1513c8-…` ("AWS EU
//! Integration") and `18837193-…`.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::names;
use crate::config::EmulatorConfig;
use crate::state::cloud_integrations::{
    external_id, health_for, CloudIntegration, LUMINATE_AWS_ACCOUNT_ID,
};
use crate::state::dns::{DnsGroup, DnsServer};
use crate::state::ssh_clients::SshClient;
use crate::state::Tenant;

/// Mixed into `config.seed` for this seed's random stream ("resource").
const STREAM: u64 = 0x7265_736f_7572_6365;

pub(crate) const EXAMPLE_DNS_GROUP: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
pub(crate) const EXAMPLE_DNS_SERVER: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
pub(crate) const EXAMPLE_DNS_SERVER_2: &str = "cf5780a0-4c72-45db-92c4-c7ce517f86e9";
pub(crate) const EXAMPLE_DNS_GROUP_PATH: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
pub(crate) const EXAMPLE_DNS_SERVER_PATH: &str = "5gd0a892-8b70-471a-9dd7-bf374b07453g";
pub(crate) const EXAMPLE_DNS_GROUP_3: &str = "9977c221-7f35-4019-b8d7-31d936bda95f";
pub(crate) const EXAMPLE_DNS_SERVER_3: &str = "8577c221-7f35-4019-b8d7-31d936bda96b";
pub(crate) const EXAMPLE_SSH_CLIENT: &str = "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59";
pub(crate) const EXAMPLE_INTEGRATION: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
pub(crate) const EXAMPLE_INTEGRATION_2: &str = "18837193-a81a-400f-b38d-482379e3ab47";

pub(crate) fn seed(tenant: &mut Tenant, config: &EmulatorConfig, anchor: OffsetDateTime) {
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed ^ STREAM);
    seed_dns(&mut rng, tenant, config.dns_groups, anchor);
    seed_ssh_clients(&mut rng, tenant, config.ssh_clients, anchor);
    seed_integrations(&mut rng, tenant, config.cloud_integrations, anchor);
}

struct GroupPlan {
    id: String,
    name: String,
    suffixes: Vec<String>,
    /// (id, name, last octet or full address)
    servers: Vec<(String, String, Option<String>)>,
}

fn seed_dns(rng: &mut ChaCha8Rng, tenant: &mut Tenant, total: usize, anchor: OffsetDateTime) {
    let sites: Vec<(Uuid, String, u8)> = tenant
        .fixed_sites
        .iter()
        .chain(
            tenant
                .sites
                .keys()
                .filter(|id| !tenant.fixed_sites.contains(id)),
        )
        .filter_map(|id| tenant.sites.get(id))
        .map(|s| (s.id, s.name.clone(), s.network))
        .collect();
    if sites.is_empty() {
        return;
    }
    let company = tenant
        .endpoint_url
        .split('.')
        .next()
        .unwrap_or("acme")
        .to_owned();
    let mut plans = vec![
        GroupPlan {
            id: EXAMPLE_DNS_GROUP.into(),
            name: "DNS Group 1".into(),
            suffixes: vec!["dns-group.com".into(), "other-group.com".into()],
            servers: vec![
                (
                    EXAMPLE_DNS_SERVER.into(),
                    "server1".into(),
                    Some("1.1.1.1".into()),
                ),
                (EXAMPLE_DNS_SERVER_2.into(), "server2".into(), None),
            ],
        },
        GroupPlan {
            id: EXAMPLE_DNS_GROUP_PATH.into(),
            name: "Corporate DNS".into(),
            suffixes: vec![format!("corp.{company}.com"), format!("{company}.local")],
            servers: vec![
                (EXAMPLE_DNS_SERVER_PATH.into(), "dc01-dns".into(), None),
                (names::uuid(rng).to_string(), "dc02-dns".into(), None),
                (names::uuid(rng).to_string(), "dc03-dns".into(), None),
            ],
        },
        GroupPlan {
            id: EXAMPLE_DNS_GROUP_3.into(),
            name: "Staging & Test DNS".into(),
            suffixes: vec![
                format!("staging.{company}.internal"),
                format!("test.{company}.internal"),
            ],
            servers: vec![
                (EXAMPLE_DNS_SERVER_3.into(), "ns-staging-1".into(), None),
                (names::uuid(rng).to_string(), "ns-staging-2".into(), None),
            ],
        },
    ];
    let mut site_order: Vec<usize> = (0..sites.len()).collect();
    site_order.shuffle(rng);
    for k in 0..total.saturating_sub(plans.len()) {
        let site_index = site_order.get(k % site_order.len()).copied().unwrap_or(0);
        let site_name = sites.get(site_index).map_or("Site", |s| s.1.as_str());
        let slug = names::slug(site_name).to_lowercase();
        let count = rng.gen_range(2..=4);
        let servers = (1..=count)
            .map(|n| (names::uuid(rng).to_string(), format!("{slug}-ns{n}"), None))
            .collect();
        plans.push(GroupPlan {
            id: names::uuid(rng).to_string(),
            name: format!("{site_name} DNS"),
            suffixes: vec![
                format!("{slug}.{company}.internal"),
                format!("{}.{company}.com", slug.split('-').next().unwrap_or("site")),
            ],
            servers,
        });
    }

    for (g, plan) in plans.into_iter().enumerate() {
        let created_at = anchor - Duration::days(rng.gen_range(30..400));
        // Each group's servers sit on one or two sites.
        let home = sites.get(g % sites.len()).cloned();
        let other = sites.choose(rng).cloned();
        let mut server_ids = Vec::new();
        for (n, (id, name, address)) in plan.servers.into_iter().enumerate() {
            let Some((site_id, _, network)) = (if n % 2 == 1 {
                other.clone()
            } else {
                home.clone()
            }) else {
                continue;
            };
            let address = address.unwrap_or_else(|| format!("10.{network}.{}.{}", n + 1, 53));
            let is_example = g < 3;
            // A failed primary in some random groups shows fail-over; examples stay healthy.
            let healthy = is_example || !(n == 0 && rng.gen_bool(0.3)) && rng.gen_bool(0.9);
            let server_created = created_at + Duration::hours(rng.gen_range(0..72));
            tenant.dns.servers.insert(
                id.clone(),
                DnsServer {
                    id: id.clone(),
                    group_id: plan.id.clone(),
                    site_id,
                    name,
                    internal_address: address,
                    healthy,
                    created_at: server_created,
                    updated_at: server_created + Duration::days(rng.gen_range(0..20)),
                },
            );
            server_ids.push(id);
        }
        tenant.dns.groups.insert(
            plan.id.clone(),
            DnsGroup {
                id: plan.id,
                name: plan.name,
                domain_suffixes: plan.suffixes,
                send_notifications: g % 3 != 2,
                // The last random group is switched off.
                enabled: !(g >= 3 && g + 1 == total),
                servers: server_ids,
            },
        );
    }
}

const SSH_CLIENTS: &[(&str, &str)] = &[
    ("deploy-bot", "Deploys releases to the production hosts"),
    ("ansible-prod", "Ansible configuration runs on production"),
    ("ansible-staging", "Ansible configuration runs on staging"),
    (
        "jenkins-builder",
        "Build agents pulling from the Git servers",
    ),
    ("backup-agent", "Nightly database dumps over SSH"),
    (
        "oncall-breakglass",
        "Emergency access for the on-call engineer",
    ),
    ("terraform-runner", "Provisioning pipeline"),
    (
        "monitoring-probe",
        "Synthetic SSH checks from the monitoring stack",
    ),
    ("log-shipper", "Pulls rotated logs from legacy hosts"),
    ("gitlab-runner", "CI jobs that deploy over SSH"),
    ("dba-tools", "Database administration jump host"),
    (
        "vendor-support",
        "Time-limited access for the storage vendor",
    ),
    ("release-manager", "Tags and promotes release artifacts"),
    (
        "k8s-node-debug",
        "Node-level debugging of Kubernetes workers",
    ),
    ("legacy-ftp-sync", "Syncs files from the legacy SFTP server"),
    ("security-scanner", "Authenticated vulnerability scans"),
    ("data-pipeline", "ETL jobs reading from the analytics hosts"),
    ("mobile-ci", "Mobile build farm"),
];

fn seed_ssh_clients(
    rng: &mut ChaCha8Rng,
    tenant: &mut Tenant,
    total: usize,
    anchor: OffsetDateTime,
) {
    let mut list: Vec<(String, String, String)> = vec![
        (
            EXAMPLE_SSH_CLIENT.into(),
            "mysshclient".into(),
            "This ssh client is used to access our production server".into(),
        ),
        (
            names::uuid(rng).to_string(),
            "qa-test-runner".into(),
            "Automated integration tests against staging".into(),
        ),
    ];
    for k in 0..total.saturating_sub(list.len()) {
        let (name, description) = SSH_CLIENTS
            .get(k % SSH_CLIENTS.len())
            .copied()
            .unwrap_or(("ssh-client", "SSH client"));
        let round = k / SSH_CLIENTS.len();
        let name = if round == 0 {
            name.to_owned()
        } else {
            format!("{name}-{}", round + 1)
        };
        list.push((names::uuid(rng).to_string(), name, description.to_owned()));
    }
    for (id, name, description) in list {
        let created_on = anchor
            - Duration::days(rng.gen_range(10..500))
            - Duration::milliseconds(rng.gen_range(0..86_400_000));
        let modified_on = created_on + Duration::days(rng.gen_range(0..10));
        let last_accessed = rng
            .gen_bool(0.85)
            .then(|| anchor - Duration::milliseconds(rng.gen_range(60_000..20 * 86_400_000)))
            .map(|t| t.max(modified_on));
        tenant.ssh_clients.clients.push(SshClient {
            id,
            name,
            description,
            key_size: if rng.gen_bool(0.7) { 2048 } else { 4096 },
            created_on,
            modified_on,
            last_accessed,
            // Keys are valid for six months or a year; some already expired.
            expires: created_on + Duration::days(if rng.gen_bool(0.5) { 182 } else { 365 }),
        });
    }
}

fn seed_integrations(
    rng: &mut ChaCha8Rng,
    tenant: &mut Tenant,
    total: usize,
    anchor: OffsetDateTime,
) {
    let account = || -> String { format!("{:012}", 4_096_000_000_u64 + 731_205) };
    let plans: Vec<(String, String, Vec<&str>, String)> = vec![
        (
            EXAMPLE_INTEGRATION.into(),
            "AWS EU Integration".into(),
            vec!["eu-west-1", "eu-central-1"],
            format!("arn:aws:iam::{}:role/luminate-discovery-eu", account()),
        ),
        (
            EXAMPLE_INTEGRATION_2.into(),
            "AWS US Integration".into(),
            vec!["us-east-1", "us-west-2"],
            // A role that does not trust the tenant: the integration is in error.
            "arn:aws:iam::409600731205:user/luminate".into(),
        ),
        (
            names::uuid(rng).to_string(),
            "AWS APAC Integration".into(),
            vec!["ap-southeast-1", "ap-northeast-1"],
            String::new(),
        ),
    ];
    for (k, (id, name, regions, arn)) in plans.into_iter().take(total).enumerate() {
        let created_at = anchor - Duration::days(rng.gen_range(20..300));
        let regions: Vec<String> = regions.into_iter().map(str::to_owned).collect();
        tenant
            .cloud_integrations
            .integrations
            .push(CloudIntegration {
                id,
                name,
                provider: "amazon".into(),
                created_at,
                updated_at: created_at + Duration::days(rng.gen_range(0..15)),
                aws_external_id: external_id(rng),
                health: health_for(&arn, &regions),
                aws_role_arn: arn,
                regions,
                hostname_tag_name: if k == 1 {
                    "hostname".into()
                } else {
                    "Name".into()
                },
                luminate_aws_account_id: LUMINATE_AWS_ACCOUNT_ID,
            });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::seed::seed_tenant;

    #[test]
    fn examples_and_sizes() {
        let config = EmulatorConfig {
            audit_logs: 0,
            forensics_logs: 0,
            ..EmulatorConfig::default()
        };
        let t = seed_tenant(&config, crate::timefmt::anchor());
        assert_eq!(t.dns.groups.len(), config.dns_groups);
        for g in t.dns.groups.values() {
            assert!((2..=4).contains(&g.servers.len()), "{}", g.name);
            for s in t.dns.servers_of(g) {
                assert!(t.sites.contains_key(&s.site_id));
                assert_eq!(s.group_id, g.id);
            }
        }
        let example = t.dns.group(EXAMPLE_DNS_GROUP).unwrap();
        assert_eq!(t.dns.activity(example).address.as_deref(), Some("1.1.1.1"));
        assert!(t
            .dns
            .server(EXAMPLE_DNS_GROUP_PATH, EXAMPLE_DNS_SERVER_PATH)
            .is_ok());
        assert!(t
            .dns
            .server(EXAMPLE_DNS_GROUP_3, EXAMPLE_DNS_SERVER_3)
            .is_ok());
        assert_eq!(t.ssh_clients.clients.len(), config.ssh_clients);
        assert_eq!(t.cloud_integrations.integrations.len(), 2);
        assert!(t.cloud_integration(EXAMPLE_INTEGRATION).is_ok());
        assert!(t.cloud_integration(EXAMPLE_INTEGRATION_2).is_ok());
    }
}

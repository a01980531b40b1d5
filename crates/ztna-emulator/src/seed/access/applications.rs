//! Applications of every type, spread over collections and the sites linked to them; a few
//! are left unbound.

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use super::{open_collections, unique_name};
use crate::seed::names;
use crate::state::applications::{label, AppType, ApplicationInput};
use crate::state::{Field, Tenant};

const HTTP: &[&str] = &[
    "Jira",
    "Confluence",
    "GitLab",
    "Grafana",
    "Kibana",
    "Jenkins",
    "SonarQube",
    "Nexus",
    "Artifactory",
    "Wiki",
    "HR Portal",
    "Payroll",
    "Expenses",
    "CRM",
    "Intranet",
    "Status Page",
    "Prometheus",
    "Vault UI",
    "Argo CD",
    "Harbor",
    "Keycloak",
    "Metabase",
    "Superset",
    "Airflow",
    "Redash",
    "Zabbix",
    "Rancher",
    "Portainer",
    "pgAdmin",
    "JupyterHub",
    "Sentry",
    "Mattermost",
    "Nextcloud",
    "SharePoint",
    "Tableau",
    "Splunk",
    "OpenProject",
    "Bitbucket",
    "TeamCity",
    "Backstage",
];
const SSH: &[&str] = &[
    "Bastion",
    "Build Agent",
    "DB Admin Host",
    "K8s Master",
    "Ansible Controller",
    "Log Collector",
    "Backup Server",
    "Git Mirror",
    "Edge Router",
    "Jumpbox",
];
const RDP: &[&str] = &[
    "Finance Desktop",
    "Trading Terminal",
    "AD Admin",
    "Citrix Gateway",
    "Lab Workstation",
    "CAD Station",
    "SCADA HMI",
    "Reception PC",
];
const TCP: &[&str] = &[
    "PostgreSQL",
    "MySQL",
    "Redis",
    "MongoDB",
    "Kafka",
    "RabbitMQ",
    "Elasticsearch",
    "SMTP Relay",
    "LDAP",
    "MSSQL",
    "Oracle DB",
    "Cassandra",
];
const SEGMENT: &[&str] = &[
    "Office LAN",
    "Lab Network",
    "Printers",
    "VoIP",
    "Camera VLAN",
    "DMZ",
    "Factory Floor",
    "Management Network",
];
const DYNAMIC_SSH: &[&str] = &[
    "AWS Prod Fleet",
    "AWS Staging Fleet",
    "Azure VMs",
    "GCP Compute",
    "Build Fleet",
    "Batch Workers",
];
const QUALIFIERS: &[&str] = &[
    "",
    " (prod)",
    " (staging)",
    " (dev)",
    " EU",
    " US",
    " APAC",
    " DR",
    " QA",
    " Test",
];
const TCP_PORTS: &[(&str, u16)] = &[
    ("PostgreSQL", 5432),
    ("MySQL", 3306),
    ("Redis", 6379),
    ("MongoDB", 27017),
    ("Kafka", 9092),
    ("RabbitMQ", 5672),
    ("Elasticsearch", 9200),
    ("SMTP Relay", 25),
    ("LDAP", 636),
    ("MSSQL", 1433),
    ("Oracle DB", 1521),
    ("Cassandra", 9042),
];
const AWS_REGIONS: &[&str] = &["eu-west-1", "us-east-1", "us-west-2", "ap-southeast-1"];

/// Share of bound applications, in percent.
const BOUND_PERCENT: u32 = 93;

fn pick_type(rng: &mut ChaCha8Rng, i: usize) -> AppType {
    // The first six cover every type whatever the size.
    if let Some(t) = AppType::ALL.get(i) {
        return *t;
    }
    match rng.gen_range(0..100) {
        0..=39 => AppType::Http,
        40..=54 => AppType::Ssh,
        55..=66 => AppType::Rdp,
        67..=81 => AppType::Tcp,
        82..=89 => AppType::Segment,
        _ => AppType::DynamicSsh,
    }
}

fn pool(t: AppType) -> &'static [&'static str] {
    match t {
        AppType::Http => HTTP,
        AppType::Ssh => SSH,
        AppType::Rdp => RDP,
        AppType::Tcp => TCP,
        AppType::Segment => SEGMENT,
        AppType::DynamicSsh => DYNAMIC_SSH,
    }
}

fn ip(rng: &mut ChaCha8Rng, network: u8) -> String {
    names::internal_ip(rng, network)
}

pub(super) fn seed(
    rng: &mut ChaCha8Rng,
    tenant: &mut Tenant,
    total: usize,
    anchor: OffsetDateTime,
) {
    let to_add = total.saturating_sub(tenant.applications.len());
    let collections = open_collections(tenant);
    let root = tenant.collections.root;
    let company_domain = format!(
        "{}-corp.com",
        tenant.endpoint_url.split('.').next().unwrap_or("acme")
    );
    for i in 0..to_add {
        let app_type = pick_type(rng, i);
        let service = pool(app_type).choose(rng).copied().unwrap_or("App");
        let qualifier = QUALIFIERS.choose(rng).copied().unwrap_or("");
        let name = unique_name(&format!("{service}{qualifier}"), 40, |n| {
            tenant.applications.values().any(|a| a.name == n)
        });
        let collection = if rng.gen_bool(0.4) {
            root
        } else {
            collections.choose(rng).copied().unwrap_or(root)
        };
        let linked = tenant.sites_of_collection(collection);
        let site = if rng.gen_range(0..100) < BOUND_PERCENT {
            linked.choose(rng).copied()
        } else {
            None
        };
        let network = site
            .and_then(|s| tenant.sites.get(&s))
            .map_or_else(|| rng.gen_range(200..=250), |s| s.network);
        let slug = label(&name);

        let mut input = ApplicationInput {
            name: Field::Value(name),
            app_type: Field::Value(app_type.as_str().to_owned()),
            is_visible: Field::Value(rng.gen_bool(0.9)),
            is_notification_enabled: Field::Value(rng.gen_bool(0.85)),
            enabled: Field::Value(rng.gen_bool(0.95)),
            ..ApplicationInput::default()
        };
        let mut settings = serde_json::Map::new();
        match app_type {
            AppType::Http => {
                let (scheme, port) = *[
                    ("http", 80),
                    ("http", 8080),
                    ("https", 8443),
                    ("http", 3000),
                    ("http", 9000),
                ]
                .choose(rng)
                .unwrap_or(&("http", 80));
                settings.insert(
                    "internalAddress".into(),
                    json!(format!("{scheme}://{}:{port}", ip(rng, network))),
                );
                let roll = rng.gen_range(0..100);
                let sub_type = if roll < 75 {
                    "HTTP_LUMINATE_DOMAIN"
                } else if roll < 90 {
                    settings.insert(
                        "customExternalAddress".into(),
                        json!(format!("{slug}.{company_domain}")),
                    );
                    "HTTP_CUSTOM_DOMAIN"
                } else {
                    settings.insert("subdomain".into(), json!(format!("{slug}-wild")));
                    "HTTP_WILDCARD_DOMAIN"
                };
                input.sub_type = Field::Value(sub_type.to_owned());
                let health = *["/", "/health", "/api/health", "/login"]
                    .choose(rng)
                    .unwrap_or(&"/");
                settings.insert("healthUrl".into(), json!(health));
                if rng.gen_bool(0.15) {
                    settings.insert("customRootPath".into(), json!(format!("/{slug}")));
                }
                if rng.gen_bool(0.1) {
                    input.link_translation_settings = Field::Value(json!({
                        "isDefaultContentRewriteRulesEnabled": true,
                        "isDefaultHeaderRewriteRulesEnabled": false,
                        "useExternalAddressForHostAndSni": true,
                        "linkedApplications": []
                    }));
                }
            }
            AppType::Ssh => {
                settings.insert(
                    "internalAddress".into(),
                    json!(format!("tcp://{}:22", ip(rng, network))),
                );
                let sub = if rng.gen_bool(0.2) {
                    "MULTIPLE_MACHINES"
                } else {
                    "SINGLE_MACHINE"
                };
                input.sub_type = Field::Value(sub.to_owned());
            }
            AppType::Rdp => {
                settings.insert(
                    "internalAddress".into(),
                    json!(format!("tcp://{}:3389", ip(rng, network))),
                );
                let sub = *[
                    "SINGLE_MACHINE",
                    "RDP_BROWSER_SINGLE_MACHINE",
                    "MULTIPLE_MACHINES",
                ]
                .choose(rng)
                .unwrap_or(&"SINGLE_MACHINE");
                input.sub_type = Field::Value(sub.to_owned());
            }
            AppType::Tcp => {
                let port = TCP_PORTS
                    .iter()
                    .find(|(s, _)| *s == service)
                    .map_or(8000, |(_, p)| *p);
                let targets = if rng.gen_bool(0.3) { 2 } else { 1 };
                let list: Vec<Value> = (0..targets)
                    .map(|_| json!({"target": ip(rng, network), "ports": [port]}))
                    .collect();
                input.sub_type = Field::Value(
                    if targets > 1 {
                        "MULTIPLE_MACHINES"
                    } else {
                        "SINGLE_MACHINE"
                    }
                    .to_owned(),
                );
                input.tcp_tunnel_settings = Field::Value(Value::Array(list));
            }
            AppType::Segment => {
                if rng.gen_bool(0.5) {
                    input.sub_type = Field::Value("SEGMENT_RANGE".to_owned());
                    input.segment_settings = Field::Value(json!({
                        "originalIp": format!("10.{network}.{}.0/24", rng.gen_range(0..32u8))
                    }));
                } else {
                    input.sub_type = Field::Value("SEGMENT_SPECIFIC_IPS".to_owned());
                    let count = rng.gen_range(1..=4);
                    let list: Vec<Value> = (0..count)
                        .map(|_| json!({"originalIp": ip(rng, network)}))
                        .collect();
                    input.multiple_segment_settings = Field::Value(Value::Array(list));
                }
            }
            AppType::DynamicSsh => {
                let region = AWS_REGIONS.choose(rng).copied().unwrap_or("eu-west-1");
                let integration = names::uuid(rng);
                let vpc_id = format!("{:032x}", rng.gen::<u128>());
                let vpc = format!("vpc-{:08x}", rng.gen::<u32>());
                let env = *["prod", "staging", "dev"].choose(rng).unwrap_or(&"prod");
                input.cloud_integration_data = Field::Value(json!({
                    "tags": [{"key": "env", "value": env}, {"key": "ztna", "value": "enabled"}],
                    "segmentId": names::uuid(rng).to_string(),
                    "vpcs": [{
                        "id": vpc_id,
                        "vpc": vpc,
                        "region": region,
                        "cidr_block": format!("172.{}.0.0/16", rng.gen_range(16..32u8)),
                        "integration_id": integration.to_string(),
                        "integration_name": format!("{}Aws", company_domain.split('-').next().unwrap_or("acme")),
                    }]
                }));
            }
        }
        input.connection_settings = Field::Value(Value::Object(settings));

        let id = names::uuid(rng);
        let created = anchor
            - Duration::days(rng.gen_range(10..900))
            - Duration::seconds(rng.gen_range(0..86_400));
        let span = (anchor - created).whole_seconds().max(1);
        let modified = created + Duration::seconds(rng.gen_range(0..span));
        if let Err(err) = tenant.seed_application(id, input, collection, site, created, modified) {
            tracing::warn!(%err, "seed: application skipped");
        }
    }
}

//! Audit and forensics logs of the last 30 days.
//!
//! Own ChaCha8 stream (`config.seed ^ STREAM`). Everything people do follows their local
//! clock: each user has a home city (time zone, public address range), a level of activity
//! (a few heavy users, many light ones), a handful of favourite applications and a browser.
//! Documents are drawn with a daily rhythm (working hours, a lunch dip, quiet nights) and a
//! weekly one (quiet weekends; Friday and Saturday in Israel). Logins dominate the audit log;
//! configuration changes come from administrators and API clients. Most accesses succeed; a
//! few are denied by policy or fail upstream, and blocked users only fail to log in.
//!
//! Applications and policies are the tenant's when it has some, generic ones otherwise.

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::OffsetDateTime;
use uuid::Uuid;

use super::identities::EXAMPLE_USER;
use super::{names, people};
use crate::config::EmulatorConfig;
use crate::state::applications::AppType;
use crate::state::directory::SubjectKind;
use crate::state::identities::LOCAL;
use crate::state::logs::{
    is_session_event, Actor, Agent, App, AppKind, AuditDoc, City, ForensicsDoc, NamedRef, Store,
    Vocab, AUDIT_EVENTS, AUDIT_LOGIN, HTTP_METHODS,
};
use crate::state::Tenant;
use crate::timefmt;

/// Mixed into `config.seed` for this seed's random stream ("logsearc").
const STREAM: u64 = 0x6c6f_6773_6561_7263;

/// The id of the reference's example log documents (one audit, one forensics).
pub(crate) const EXAMPLE_LOG_ID: &str = "6aebc61f-7e2f-46b3-805f-d206de8899c0";
/// John Doe's home address, the first `clientip` of the reference's search example.
pub(crate) const EXAMPLE_CLIENT_IP: [u8; 4] = [213, 12, 11, 10];

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;
const WINDOW_DAYS: i64 = 30;

/// Relative activity per local hour of a working day.
const HOURLY: [f64; 24] = [
    0.02, 0.015, 0.01, 0.01, 0.015, 0.03, 0.08, 0.3, 0.7, 1.0, 1.0, 0.95, 0.6, 0.8, 0.95, 0.9,
    0.85, 0.6, 0.35, 0.2, 0.15, 0.12, 0.08, 0.04,
];
/// Activity on a weekend day relative to a working day.
const WEEKEND: f64 = 0.1;

#[rustfmt::skip]
const GENERIC_APPS: &[(&str, AppKind)] = &[
    ("Jira", AppKind::Http), ("Confluence", AppKind::Http), ("GitLab", AppKind::Http),
    ("Jenkins", AppKind::Http), ("Grafana", AppKind::Http), ("Kibana", AppKind::Http),
    ("HR Portal", AppKind::Http), ("Expense Reports", AppKind::Http), ("Intranet", AppKind::Http),
    ("Argo CD", AppKind::Http), ("Vault UI", AppKind::Http), ("Nexus Repository", AppKind::Http),
    ("SonarQube", AppKind::Http), ("SAP Fiori", AppKind::Http), ("Payroll", AppKind::Http),
    ("prod-bastion", AppKind::Ssh), ("build-server", AppKind::Ssh), ("staging-web", AppKind::Ssh),
    ("PostgreSQL Prod", AppKind::Tcp), ("Redis Cache", AppKind::Tcp), ("SMB File Share", AppKind::Tcp),
    ("Windows Jump Host", AppKind::Rdp), ("Finance Terminal Server", AppKind::Rdp),
];

const GENERIC_POLICIES: &[&str] = &[
    "Engineering - Web Applications",
    "SRE - Production SSH",
    "Finance Applications",
    "HR Applications",
    "Contractors - Limited Access",
    "All Employees - Intranet",
    "Database Administrators",
    "Support - Customer Tools",
    "Executives - Reporting",
    "Windows Admins - RDP",
];

#[rustfmt::skip]
const URIS: &[&str] = &[
    "/", "/login", "/dashboard", "/api/v1/items", "/api/v1/search?q=release", "/browse/OPS-1432",
    "/browse/ENG-2211", "/projects", "/static/js/app.js", "/static/css/main.css", "/favicon.ico",
    "/reports/quarterly", "/api/v2/users/me", "/settings", "/d/k8s-cluster/overview",
    "/job/deploy-prod/lastBuild/console", "/merge_requests", "/wiki/Onboarding",
    "/app/discover", "/expenses/new", "/ui/vault/secrets", "/logout",
];

#[rustfmt::skip]
const COMMANDS: &[&str] = &[
    "ls -la", "sudo systemctl restart nginx", "tail -f /var/log/syslog", "df -h",
    "kubectl get pods -n prod", "psql -U app -d orders", "git pull --rebase", "docker ps",
    "top -b -n 1", "cat /etc/hosts", "echo -n 'hello world'", "journalctl -u app --since today",
    "free -m", "uptime", "sudo apt-get upgrade -y",
];

/// How a person behaves, used only while generating.
struct Profile {
    weight: f64,
    city: usize,
    utc_offset_h: i64,
    friday_weekend: bool,
    home_ip: u32,
    agent: usize,
    apps: Vec<u32>,
    admin: bool,
    blocked: bool,
    /// Chance that a login fails.
    clumsiness: f64,
}

pub(crate) fn seed(tenant: &mut Tenant, config: &EmulatorConfig, anchor: OffsetDateTime) {
    if config.audit_logs == 0 && config.forensics_logs == 0 {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed ^ STREAM);
    let vocab = vocab(&mut rng, tenant);
    let profiles = profiles(&mut rng, tenant, &vocab);
    let anchor_ms = timefmt::epoch_millis(anchor);

    let first_slot_ms = (anchor_ms - WINDOW_DAYS * DAY_MS).div_euclid(HOUR_MS) * HOUR_MS + HOUR_MS;
    let slots = (anchor_ms - first_slot_ms).div_euclid(HOUR_MS);
    let mut clocks: Vec<((i64, bool), Vec<f64>)> = Vec::new();
    for p in &profiles {
        let key = (p.utc_offset_h, p.friday_weekend);
        if clocks.iter().any(|c| c.0 == key) {
            continue;
        }
        let weights = (0..slots).map(|k| {
            let local = first_slot_ms + k * HOUR_MS + key.0 * HOUR_MS;
            let hour = usize::try_from(local.rem_euclid(DAY_MS) / HOUR_MS).unwrap_or(0);
            // 1970-01-01 was a Thursday; 0 = Sunday.
            let weekday = (local.div_euclid(DAY_MS) + 4).rem_euclid(7);
            let weekend = if key.1 {
                weekday == 5 || weekday == 6
            } else {
                weekday == 0 || weekday == 6
            };
            HOURLY.get(hour).copied().unwrap_or(0.1) * if weekend { WEEKEND } else { 1.0 }
        });
        clocks.push((key, cumulative(weights)));
    }
    let resources_by_kind = resources_by_kind(&vocab);
    let audit_changes = (2..AUDIT_EVENTS.len())
        .filter(|e| resources_by_kind.get(*e).is_some_and(|r| !r.is_empty()))
        .collect();
    let mut g = Generator {
        rng,
        first_slot_ms,
        clocks,
        audit_changes,
        vocab: &vocab,
        profiles: &profiles,
        anchor_ms,
        user_weights: cumulative(profiles.iter().map(|p| p.weight)),
        admin_weights: cumulative(profiles.iter().map(|p| {
            if p.admin {
                p.weight.max(0.5)
            } else {
                0.0
            }
        })),
        resources_by_kind,
    };
    let mut audit: Vec<AuditDoc> = Vec::with_capacity(config.audit_logs);
    let mut forensics: Vec<ForensicsDoc> = Vec::with_capacity(config.forensics_logs);
    let example = example_docs(&mut g);
    if let Some((a, f)) = example {
        if config.audit_logs > 0 {
            audit.push(a);
        }
        if config.forensics_logs > 0 {
            forensics.push(f);
        }
    }
    while audit.len() < config.audit_logs {
        match g.audit() {
            Some(doc) => audit.push(doc),
            None => break,
        }
    }
    while forensics.len() < config.forensics_logs {
        match g.forensics() {
            Some(doc) => forensics.push(doc),
            None => break,
        }
    }
    audit.sort_unstable_by_key(|d| (d.ts, d.id));
    forensics.sort_unstable_by_key(|d| (d.ts, d.id));
    tenant.logs = Store {
        vocab,
        audit,
        forensics,
    };
}

fn cumulative(weights: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut total = 0.0;
    weights
        .map(|w| {
            total += w.max(0.0);
            total
        })
        .collect()
}

fn pick(rng: &mut ChaCha8Rng, cumulative: &[f64]) -> Option<usize> {
    let total = *cumulative.last()?;
    if total <= 0.0 {
        return None;
    }
    let r = rng.gen_range(0.0..total);
    Some(
        cumulative
            .partition_point(|c| *c <= r)
            .min(cumulative.len() - 1),
    )
}

fn ip_in(rng: &mut impl Rng, prefix: &str) -> u32 {
    let mut parts = prefix.split('.').filter_map(|p| p.parse::<u8>().ok());
    let a = parts.next().unwrap_or(198);
    let b = parts.next().unwrap_or(51);
    u32::from_be_bytes([a, b, rng.gen_range(1..255), rng.gen_range(1..255)])
}

fn vocab(rng: &mut ChaCha8Rng, tenant: &Tenant) -> Vocab {
    let company = tenant
        .endpoint_url
        .split('.')
        .next()
        .unwrap_or("acme")
        .to_owned();
    let mut actors: Vec<Actor> = tenant
        .identities
        .users
        .values()
        .map(|u| {
            let name = u.display_name();
            Actor {
                entity_id: u.id.clone(),
                idp_id: u.idp_id.clone(),
                entity_type: "User",
                lower: format!("{} {}", name.to_lowercase(), u.email.to_lowercase()),
                name,
                email: u.email.clone(),
            }
        })
        .collect();
    actors.extend(
        tenant
            .directory
            .iter()
            .filter(|s| s.kind == SubjectKind::ApiClient)
            .map(|s| Actor {
                entity_id: s.entity_id.clone(),
                idp_id: s.idp_id.clone(),
                entity_type: "ApiClient",
                email: format!("{}@api.{company}.luminatesec.com", s.display_name),
                lower: s.display_name.to_lowercase(),
                name: s.display_name.clone(),
            }),
    );

    let mut apps: Vec<App> = tenant
        .applications
        .values()
        .map(|a| {
            let kind = match a.app_type {
                AppType::Http => AppKind::Http,
                AppType::Ssh | AppType::DynamicSsh => AppKind::Ssh,
                AppType::Rdp => AppKind::Rdp,
                AppType::Tcp | AppType::Segment => AppKind::Tcp,
            };
            let setting = |key: &str| {
                a.connection_settings
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
            };
            generic_app(
                &company,
                a.id.to_string(),
                &a.name,
                kind,
                setting("externalAddress"),
                setting("internalAddress"),
            )
        })
        .collect();
    if apps.is_empty() {
        apps = GENERIC_APPS
            .iter()
            .map(|(name, kind)| {
                generic_app(
                    &company,
                    names::uuid(rng).to_string(),
                    name,
                    *kind,
                    None,
                    None,
                )
            })
            .collect();
    }

    let mut policies: Vec<NamedRef> = tenant
        .policies
        .values()
        .map(|p| named(p.id.to_string(), p.name.clone(), "Policy"))
        .collect();
    if policies.is_empty() {
        policies = GENERIC_POLICIES
            .iter()
            .map(|name| named(names::uuid(rng).to_string(), (*name).to_owned(), "Policy"))
            .collect();
    }

    let mut resources: Vec<NamedRef> = Vec::new();
    resources.extend(
        apps.iter()
            .map(|a| named(a.id.clone(), a.name.clone(), "Application")),
    );
    resources.extend(
        tenant
            .sites
            .values()
            .map(|s| named(s.id.to_string(), s.name.clone(), "Site")),
    );
    resources.extend(
        tenant
            .connectors
            .values()
            .take(80)
            .map(|c| named(c.id.to_string(), c.name.clone(), "Connector")),
    );
    resources.extend(policies.iter().cloned());
    resources.extend(
        tenant
            .identities
            .users
            .values()
            .step_by(10)
            .map(|u| named(u.id.clone(), u.email.clone(), "User")),
    );
    resources.extend(
        tenant
            .identities
            .groups
            .values()
            .map(|g| named(g.id.clone(), g.name.clone(), "Group")),
    );
    resources.extend(
        tenant
            .dns
            .groups
            .values()
            .map(|g| named(g.id.clone(), g.name.clone(), "DnsGroup")),
    );

    Vocab {
        tenant_id: tenant.tenant_identifier.clone(),
        actors,
        apps,
        resources,
        policies,
        cities: people::CITIES
            .iter()
            .map(|&(name, country, code, lat, lon, ..)| City {
                name,
                country,
                code,
                lat,
                lon,
            })
            .collect(),
        agents: people::USER_AGENTS
            .iter()
            .map(
                |&(raw, browser, major, browser_type, device, platform, platform_version, _)| {
                    Agent {
                        raw,
                        browser,
                        major,
                        browser_type,
                        device,
                        platform,
                        platform_version,
                    }
                },
            )
            .collect(),
        uris: URIS.to_vec(),
        commands: COMMANDS.to_vec(),
    }
}

fn named(id: String, name: String, kind: &'static str) -> NamedRef {
    NamedRef {
        lower: name.to_lowercase(),
        id,
        name,
        kind,
    }
}

fn generic_app(
    company: &str,
    id: String,
    name: &str,
    kind: AppKind,
    external: Option<String>,
    internal: Option<String>,
) -> App {
    let slug = names::slug(name).to_lowercase();
    let (port, default_internal) = match kind {
        AppKind::Http => (443, format!("https://{slug}.corp.{company}.com")),
        AppKind::Ssh => (22, format!("{slug}.corp.{company}.com")),
        AppKind::Tcp if slug.contains("postgres") => {
            (5432, format!("{slug}.db.{company}.internal"))
        }
        AppKind::Tcp if slug.contains("redis") => {
            (6379, format!("{slug}.cache.{company}.internal"))
        }
        AppKind::Tcp => (445, format!("{slug}.corp.{company}.com")),
        AppKind::Rdp => (3389, format!("{slug}.corp.{company}.com")),
    };
    App {
        lower: name.to_lowercase(),
        external_address: external.unwrap_or_else(|| format!("{slug}.{company}.luminatesec.com")),
        internal: internal.unwrap_or(default_internal),
        id,
        name: name.to_owned(),
        kind,
        port,
    }
}

fn resources_by_kind(vocab: &Vocab) -> Vec<Vec<u32>> {
    AUDIT_EVENTS
        .iter()
        .map(|(_, kind, _)| {
            vocab
                .resources
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == *kind)
                .filter_map(|(i, _)| u32::try_from(i).ok())
                .collect()
        })
        .collect()
}

fn profiles(rng: &mut ChaCha8Rng, tenant: &Tenant, vocab: &Vocab) -> Vec<Profile> {
    let city_weights = cumulative(people::CITIES.iter().map(|c| f64::from(c.7)));
    let agent_weights = cumulative(people::USER_AGENTS.iter().map(|a| {
        if a.4 == "Desktop" && a.3 == "Browser" {
            f64::from(a.7)
        } else {
            0.0
        }
    }));
    let anchor = timefmt::anchor();
    vocab
        .actors
        .iter()
        .map(|actor| {
            let user = tenant
                .identities
                .users
                .get(&(actor.idp_id.clone(), actor.entity_id.clone()));
            let api = actor.entity_type == "ApiClient";
            let city = pick(rng, &city_weights).unwrap_or(0);
            let (_, _, code, _, _, offset, prefix, _) = people::CITIES
                .get(city)
                .copied()
                .unwrap_or(people::CITIES[0]);
            // Active people: logged in during the window. Activity is heavy-tailed.
            let active = api
                || user
                    .and_then(|u| u.last_login)
                    .is_some_and(|l| anchor - l < time::Duration::days(WINDOW_DAYS));
            let u: f64 = rng.gen_range(0.03..1.0);
            let mut weight = if active { u.powf(-0.8) } else { 0.0 };
            let example = actor.entity_id == EXAMPLE_USER;
            if example {
                // A heavy user: the reference's search example looks for him.
                weight = weight.max(30.0);
            }
            let app_count = rng.gen_range(3..=6).min(vocab.apps.len());
            let apps = rand::seq::index::sample(rng, vocab.apps.len(), app_count)
                .into_iter()
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            let (city, offset, friday_weekend, home_ip) = if example {
                let jerusalem = people::CITIES
                    .iter()
                    .position(|c| c.0 == "Jerusalem")
                    .unwrap_or(city);
                (jerusalem, 2, true, u32::from_be_bytes(EXAMPLE_CLIENT_IP))
            } else {
                (city, offset, code == "IL", ip_in(rng, prefix))
            };
            Profile {
                weight,
                city,
                utc_offset_h: offset,
                friday_weekend,
                home_ip,
                agent: pick(rng, &agent_weights).unwrap_or(0),
                apps,
                admin: api
                    || user.is_some_and(|u| u.is_admin)
                    || (user.is_some_and(|u| u.idp_id == LOCAL) && rng.gen_bool(0.1)),
                blocked: user.is_some_and(|u| tenant.identities.is_blocked(&u.idp_id, &u.id)),
                clumsiness: if rng.gen_bool(0.1) { 0.15 } else { 0.02 },
            }
        })
        .collect()
}

struct Generator<'a> {
    rng: ChaCha8Rng,
    /// Start of the first whole hour of the window.
    first_slot_ms: i64,
    /// Per (UTC offset, Friday-Saturday weekend): cumulative activity over the window's
    /// hours, so a moment is one draw of an hour and one of a millisecond within it.
    clocks: Vec<((i64, bool), Vec<f64>)>,
    audit_changes: Vec<usize>,
    vocab: &'a Vocab,
    profiles: &'a [Profile],
    anchor_ms: i64,
    user_weights: Vec<f64>,
    admin_weights: Vec<f64>,
    resources_by_kind: Vec<Vec<u32>>,
}

impl Generator<'_> {
    /// A moment in the last 30 days at which someone in `profile`'s time zone is likely at
    /// work.
    fn moment(&mut self, profile: &Profile) -> i64 {
        let slots = self
            .clocks
            .iter()
            .find(|c| c.0 == (profile.utc_offset_h, profile.friday_weekend))
            .map(|c| c.1.as_slice())
            .unwrap_or_default();
        let slot = pick(&mut self.rng, slots).unwrap_or(0) as i64;
        self.first_slot_ms + slot * HOUR_MS + self.rng.gen_range(0..HOUR_MS)
    }

    /// Where the person is: mostly at home, sometimes travelling.
    fn whereabouts(&mut self, profile: &Profile) -> (u8, u32) {
        if self.rng.gen_bool(0.9) {
            let ip = if self.rng.gen_bool(0.85) {
                profile.home_ip
            } else {
                let prefix = people::CITIES.get(profile.city).map_or("198.51", |c| c.6);
                ip_in(&mut self.rng, prefix)
            };
            (u8::try_from(profile.city).unwrap_or(0), ip)
        } else {
            let city = self.rng.gen_range(0..people::CITIES.len());
            let prefix = people::CITIES.get(city).map_or("198.51", |c| c.6);
            (
                u8::try_from(city).unwrap_or(0),
                ip_in(&mut self.rng, prefix),
            )
        }
    }

    fn audit(&mut self) -> Option<AuditDoc> {
        let change = self.rng.gen_bool(0.2);
        let weights = if change {
            &self.admin_weights
        } else {
            &self.user_weights
        };
        let actor = pick(&mut self.rng, weights)?;
        let profile = self.profiles.get(actor)?;
        let (event, resource) = if change {
            let event = *self.audit_changes.choose(&mut self.rng)?;
            let resource = self
                .resources_by_kind
                .get(event)
                .and_then(|r| r.choose(&mut self.rng))
                .copied()
                .unwrap_or(0);
            (event, resource)
        } else if self.rng.gen_bool(0.78) {
            (usize::from(AUDIT_LOGIN), 0)
        } else {
            (1, 0)
        };
        let event = u8::try_from(event).ok()?;
        let failed = if is_session_event(event) {
            event == AUDIT_LOGIN && (profile.blocked || self.rng.gen_bool(profile.clumsiness))
        } else {
            self.rng.gen_bool(0.015)
        };
        let ts = self.moment(profile);
        let (city, ip) = self.whereabouts(profile);
        let agent = if self.rng.gen_bool(0.9) {
            profile.agent
        } else {
            self.rng.gen_range(0..self.vocab.agents.len().max(1))
        };
        Some(AuditDoc {
            ts,
            id: self.rng.gen(),
            actor: u32::try_from(actor).ok()?,
            event,
            failed,
            resource,
            ip,
            port: self.rng.gen_range(1024..65535),
            city,
            agent: u8::try_from(agent).unwrap_or(0),
        })
    }

    fn forensics(&mut self) -> Option<ForensicsDoc> {
        let actor = pick(&mut self.rng, &self.user_weights)?;
        let profile = self.profiles.get(actor)?;
        let app = if self.rng.gen_bool(0.85) {
            profile.apps.choose(&mut self.rng).copied()?
        } else {
            u32::try_from(self.rng.gen_range(0..self.vocab.apps.len().max(1))).ok()?
        };
        let kind = self.vocab.apps.get(app as usize)?.kind;
        let policy = u32::try_from(
            (app as usize + usize::from(self.rng.gen_bool(0.2))) % self.vocab.policies.len().max(1),
        )
        .ok()?;
        let ts = self.moment(profile);
        let (city, ip) = self.whereabouts(profile);
        let (method, status, failed, detail, bytes, response_ms, agent) = match kind {
            AppKind::Http => {
                let method = match self.rng.gen_range(0..100) {
                    0..=79 => 0,
                    80..=91 => 1,
                    92..=95 => 2,
                    96..=97 => 3,
                    _ => 4,
                };
                let status: u16 = match self.rng.gen_range(0..1000) {
                    0..=779 => 200,
                    780..=859 => 304,
                    860..=909 => 302,
                    910..=939 => 404,
                    940..=959 => 401,
                    960..=979 => 403,
                    980..=989 => 500,
                    _ => 502,
                };
                let failed = status == 403 || status >= 500 || profile.blocked;
                let bytes = if status == 304 {
                    0
                } else {
                    (self.rng.gen_range(5.5f64..12.5).exp()) as u32
                };
                let agent = if self.rng.gen_bool(0.92) {
                    profile.agent
                } else {
                    6 + self.rng.gen_range(0..2)
                };
                (
                    method,
                    status,
                    failed,
                    self.rng.gen_range(0..URIS.len()),
                    bytes,
                    self.rng.gen_range(2.0f64..7.5).exp() as u16,
                    agent,
                )
            }
            AppKind::Ssh => (
                0,
                0,
                self.rng.gen_bool(0.03),
                self.rng.gen_range(0..COMMANDS.len()),
                self.rng.gen_range(40..8_000),
                self.rng.gen_range(5..400),
                8,
            ),
            AppKind::Tcp | AppKind::Rdp => (
                0,
                0,
                self.rng.gen_bool(0.03),
                0,
                (self.rng.gen_range(7.0f64..16.0).exp()) as u32,
                self.rng.gen_range(20..5_000),
                if kind == AppKind::Rdp {
                    9
                } else {
                    profile.agent
                },
            ),
        };
        Some(ForensicsDoc {
            ts,
            id: self.rng.gen(),
            actor: u32::try_from(actor).ok()?,
            app,
            policy,
            failed,
            detail: u16::try_from(detail).unwrap_or(0),
            method,
            status,
            bytes,
            response_ms,
            ip,
            port: self.rng.gen_range(1024..65535),
            city,
            agent: u8::try_from(agent.min(self.vocab.agents.len().saturating_sub(1))).unwrap_or(0),
            wss: self.rng.gen_bool(0.3),
        })
    }
}

/// The reference's example documents: John Doe logging in from Jerusalem and opening a web
/// application, under the documented id, three days ago.
fn example_docs(g: &mut Generator<'_>) -> Option<(AuditDoc, ForensicsDoc)> {
    let actor = g
        .vocab
        .actors
        .iter()
        .position(|a| a.entity_id == EXAMPLE_USER && a.idp_id == LOCAL)?;
    let profile = g.profiles.get(actor)?;
    let id = Uuid::try_parse(EXAMPLE_LOG_ID).ok()?.as_u128();
    let day_start = (g.anchor_ms - 3 * DAY_MS).div_euclid(DAY_MS) * DAY_MS;
    // 12:35:03.724 Jerusalem time.
    let ts = day_start + (12 - profile.utc_offset_h) * 3_600_000 + 35 * 60_000 + 3_724;
    let ts = ts.min(g.anchor_ms - 1_000);
    let city = u8::try_from(profile.city).unwrap_or(0);
    let web_app = g
        .vocab
        .apps
        .iter()
        .position(|a| a.kind == AppKind::Http)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0);
    Some((
        AuditDoc {
            ts,
            id,
            actor: u32::try_from(actor).ok()?,
            event: AUDIT_LOGIN,
            failed: false,
            resource: 0,
            ip: profile.home_ip,
            port: 8080,
            city,
            agent: 5,
        },
        ForensicsDoc {
            ts: ts + 1_000,
            id,
            actor: u32::try_from(actor).ok()?,
            app: web_app,
            policy: 0,
            failed: false,
            detail: 0,
            method: HTTP_METHODS
                .iter()
                .position(|m| *m == "GET")
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(0),
            status: 200,
            bytes: 687,
            response_ms: 29,
            ip: profile.home_ip,
            port: 51_262,
            city,
            agent: 5,
            wss: true,
        },
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::seed::seed_tenant;

    fn small() -> Tenant {
        let config = EmulatorConfig {
            audit_logs: 5_000,
            forensics_logs: 20_000,
            ..EmulatorConfig::default()
        };
        seed_tenant(&config, crate::timefmt::anchor())
    }

    #[test]
    fn sizes_order_and_window() {
        let t = small();
        assert_eq!(t.logs.audit.len(), 5_000);
        assert_eq!(t.logs.forensics.len(), 20_000);
        let anchor = timefmt::epoch_millis(timefmt::anchor());
        for w in t.logs.forensics.windows(2) {
            assert!((w[0].ts, w[0].id) < (w[1].ts, w[1].id));
        }
        assert!(t
            .logs
            .audit
            .iter()
            .all(|d| d.ts <= anchor && d.ts > anchor - 30 * DAY_MS));
    }

    #[test]
    fn daily_and_weekly_rhythm() {
        let t = small();
        // In the users' own time zones most activity is during working hours on weekdays.
        let mut working = 0usize;
        let mut night = 0usize;
        let mut weekend = 0usize;
        for d in &t.logs.forensics {
            let city = people::CITIES[d.city as usize];
            let local = d.ts + city.5 * 3_600_000;
            let hour = local.rem_euclid(DAY_MS) / 3_600_000;
            if (9..17).contains(&hour) {
                working += 1;
            }
            if hour < 6 {
                night += 1;
            }
            let weekday = (local.div_euclid(DAY_MS) + 4).rem_euclid(7);
            let rest = if city.2 == "IL" { [5, 6] } else { [0, 6] };
            if rest.contains(&weekday) {
                weekend += 1;
            }
        }
        assert!(working > t.logs.forensics.len() / 2, "{working}");
        assert!(night < t.logs.forensics.len() / 20, "{night}");
        // Two days in seven, at a tenth of the activity (travellers blur it a little).
        assert!(weekend < t.logs.forensics.len() / 10, "{weekend}");
        let failures = t.logs.forensics.iter().filter(|d| d.failed).count();
        assert!(failures > 0 && failures < t.logs.forensics.len() / 10);
    }
}

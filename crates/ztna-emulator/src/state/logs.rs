//! Audit and forensics log documents, and their search (`POST /v2/logs/audit`,
//! `POST /v2/logs/forensics`).
//!
//! Hundreds of thousands of documents are kept compactly: a document is a small `Copy` struct
//! of numbers and indexes into shared vocabularies (actors, applications, resources, cities,
//! user agents, …); its JSON is rendered only when it is returned. Documents are kept sorted
//! by (timestamp, id), the search order, so the date window and `search_after` are binary
//! searches.
//!
//! Search semantics: `from_date`/`to_date` (epoch milliseconds, at most 30 days apart),
//! `free_text` (every whitespace-separated term must occur, case-insensitively, in one of the
//! document's main text fields), `match_or_fields` (for each entry, the field must equal one of
//! the values; entries are combined with AND), `size` 0..=1000, `search_after` =
//! `[timestamp, "luminate-<log type>#<id>"]` of the last document seen. `Hits` counts every
//! document matching the query, whatever `search_after` is.

use std::borrow::Cow;
use std::net::Ipv4Addr;

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::error::EmulatorError;
use crate::timefmt::iso_millis;

/// Largest `size`; the default too.
pub(crate) const MAX_SIZE: usize = 1000;
/// Longest `[from_date, to_date]` window.
pub(crate) const MAX_WINDOW: Duration = Duration::days(30);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LogKind {
    Audit,
    Forensics,
}

impl LogKind {
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Audit => "luminate-audit",
            Self::Forensics => "luminate-forensics",
        }
    }
}

// ---- vocabularies -------------------------------------------------------------------------

/// Someone (or something) whose actions are logged.
#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub entity_id: String,
    pub idp_id: String,
    /// `User` or `ApiClient`.
    pub entity_type: &'static str,
    pub name: String,
    pub email: String,
    pub lower: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AppKind {
    Http,
    Ssh,
    Tcp,
    Rdp,
}

impl AppKind {
    pub fn app_type(self) -> &'static str {
        match self {
            Self::Http => "HTTP",
            Self::Ssh => "SSH",
            Self::Tcp => "TCP",
            Self::Rdp => "RDP",
        }
    }

    pub fn log_type(self) -> &'static str {
        match self {
            Self::Http => "WEB_ACCESS_LOG",
            Self::Ssh => "SSH_ACCESS_LOG",
            Self::Tcp => "TCP_ACCESS_LOG",
            Self::Rdp => "RDP_ACCESS_LOG",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct App {
    pub id: String,
    pub name: String,
    pub kind: AppKind,
    pub external_address: String,
    /// Internal host name or address (SSH, TCP, RDP).
    pub internal: String,
    pub port: u16,
    pub lower: String,
}

#[derive(Debug, Clone)]
pub(crate) struct NamedRef {
    pub id: String,
    pub name: String,
    /// Audit `resourceType`, for resources.
    pub kind: &'static str,
    pub lower: String,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct City {
    pub name: &'static str,
    pub country: &'static str,
    pub code: &'static str,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Agent {
    pub raw: &'static str,
    pub browser: &'static str,
    pub major: u32,
    pub browser_type: &'static str,
    pub device: &'static str,
    pub platform: &'static str,
    pub platform_version: &'static str,
}

/// Audit events: (eventType, resourceType, targetService).
pub(crate) const AUDIT_EVENTS: &[(&str, &str, &str)] = &[
    ("LOGIN", "Authentication", "AUTH_SERVICE"),
    ("LOGOUT", "Authentication", "AUTH_SERVICE"),
    ("CREATE", "Application", "APPLICATION_SERVICE"),
    ("UPDATE", "Application", "APPLICATION_SERVICE"),
    ("DELETE", "Application", "APPLICATION_SERVICE"),
    ("CREATE", "Site", "SITE_SERVICE"),
    ("UPDATE", "Site", "SITE_SERVICE"),
    ("CREATE", "Connector", "CONNECTOR_SERVICE"),
    ("DELETE", "Connector", "CONNECTOR_SERVICE"),
    ("CREATE", "Policy", "POLICY_SERVICE"),
    ("UPDATE", "Policy", "POLICY_SERVICE"),
    ("BLOCK", "User", "IDENTITY_SERVICE"),
    ("UNBLOCK", "User", "IDENTITY_SERVICE"),
    ("UPDATE", "Group", "IDENTITY_SERVICE"),
    ("UPDATE", "DnsGroup", "WSS_INTEGRATION_SERVICE"),
];

pub(crate) const AUDIT_LOGIN: u8 = 0;

#[derive(Debug, Default)]
pub(crate) struct Vocab {
    pub tenant_id: String,
    pub actors: Vec<Actor>,
    pub apps: Vec<App>,
    /// Audit resources (sites, connectors, applications, policies, users, groups, …).
    pub resources: Vec<NamedRef>,
    pub policies: Vec<NamedRef>,
    pub cities: Vec<City>,
    pub agents: Vec<Agent>,
    pub uris: Vec<&'static str>,
    pub commands: Vec<&'static str>,
}

// ---- documents ----------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AuditDoc {
    pub ts: i64,
    pub id: u128,
    pub actor: u32,
    /// Index into [`AUDIT_EVENTS`].
    pub event: u8,
    pub failed: bool,
    /// Index into `Vocab::resources` (unused for logins and logouts).
    pub resource: u32,
    pub ip: u32,
    pub port: u16,
    pub city: u8,
    pub agent: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ForensicsDoc {
    pub ts: i64,
    pub id: u128,
    pub actor: u32,
    pub app: u32,
    pub policy: u32,
    pub failed: bool,
    /// Index into `Vocab::uris` (web) or `Vocab::commands` (SSH).
    pub detail: u16,
    pub method: u8,
    pub status: u16,
    pub bytes: u32,
    /// Response time in milliseconds.
    pub response_ms: u16,
    pub ip: u32,
    pub port: u16,
    pub city: u8,
    pub agent: u8,
    /// Accessed through the WSS agent (device fields set).
    pub wss: bool,
}

pub(crate) const HTTP_METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH"];

#[derive(Debug, Default)]
pub(crate) struct Store {
    pub vocab: Vocab,
    /// Sorted by (ts, id).
    pub audit: Vec<AuditDoc>,
    /// Sorted by (ts, id).
    pub forensics: Vec<ForensicsDoc>,
}

// ---- query --------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SearchQuery {
    pub terms: Vec<String>,
    pub from_ms: i64,
    pub to_ms: i64,
    /// (field, accepted values, lowercased)
    pub fields: Vec<(String, Vec<String>)>,
    pub size: usize,
    pub search_after: Option<(i64, u128)>,
}

impl SearchQuery {
    /// Checks the window: at most 30 days, `from` not after `to`.
    pub fn check_window(from_ms: i64, to_ms: i64) -> Result<(), EmulatorError> {
        if from_ms > to_ms {
            return Err(EmulatorError::BadRequest(
                "Invalid request parameters: from_date must not be after to_date".into(),
            ));
        }
        let window = i128::from(to_ms) - i128::from(from_ms);
        if window > MAX_WINDOW.whole_milliseconds() {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: the time frame between from_date and to_date is limited to 30 days (got {:.1} days)",
                window as f64 / 86_400_000.0
            )));
        }
        Ok(())
    }
}

/// `"luminate-<log type>#<uuid>"` → the id.
pub(crate) fn parse_tiebreak(raw: &str) -> Option<u128> {
    let (_, id) = raw.rsplit_once('#')?;
    Uuid::try_parse(id.trim()).ok().map(|u| u.as_u128())
}

fn ip_string(ip: u32) -> String {
    Ipv4Addr::from(ip).to_string()
}

/// Per-request matching state: which vocabulary entries contain each free-text term.
struct Matcher<'a> {
    vocab: &'a Vocab,
    terms: Vec<TermMask>,
}

struct TermMask {
    term: String,
    actors: Vec<bool>,
    apps: Vec<bool>,
    resources: Vec<bool>,
    policies: Vec<bool>,
    cities: Vec<bool>,
    /// The term could be part of an address.
    numeric: bool,
}

impl<'a> Matcher<'a> {
    fn new(vocab: &'a Vocab, terms: &[String]) -> Self {
        let terms = terms
            .iter()
            .map(|t| {
                let has = |s: &str| s.contains(t.as_str());
                TermMask {
                    term: t.clone(),
                    actors: vocab.actors.iter().map(|a| has(&a.lower)).collect(),
                    apps: vocab.apps.iter().map(|a| has(&a.lower)).collect(),
                    resources: vocab.resources.iter().map(|r| has(&r.lower)).collect(),
                    policies: vocab.policies.iter().map(|p| has(&p.lower)).collect(),
                    cities: vocab
                        .cities
                        .iter()
                        .map(|c| has(&c.name.to_lowercase()) || has(&c.country.to_lowercase()))
                        .collect(),
                    numeric: t.chars().all(|c| c.is_ascii_digit() || c == '.'),
                }
            })
            .collect();
        Self { vocab, terms }
    }

    fn flag(list: &[bool], index: u32) -> bool {
        list.get(index as usize).copied().unwrap_or(false)
    }

    fn audit_text(&self, d: &AuditDoc) -> bool {
        self.terms.iter().all(|m| {
            let (event, resource_type, service) = AUDIT_EVENTS
                .get(d.event as usize)
                .copied()
                .unwrap_or_default();
            Self::flag(&m.actors, d.actor)
                || (!is_session_event(d.event) && Self::flag(&m.resources, d.resource))
                || Self::flag(&m.cities, u32::from(d.city))
                || event.to_lowercase().contains(&m.term)
                || resource_type.to_lowercase().contains(&m.term)
                || service.to_lowercase().contains(&m.term)
                || (if d.failed { "failed" } else { "succeeded" }).contains(&m.term)
                || (m.numeric && ip_string(d.ip).contains(&m.term))
        })
    }

    fn forensics_text(&self, d: &ForensicsDoc) -> bool {
        self.terms.iter().all(|m| {
            let app = self.vocab.apps.get(d.app as usize);
            Self::flag(&m.actors, d.actor)
                || Self::flag(&m.apps, d.app)
                || Self::flag(&m.policies, d.policy)
                || Self::flag(&m.cities, u32::from(d.city))
                || app.is_some_and(|a| {
                    a.kind.log_type().to_lowercase().contains(&m.term)
                        || a.kind.app_type().to_lowercase() == m.term
                })
                || (if d.failed { "failed" } else { "success" }).contains(&m.term)
                || (app.is_some_and(|a| a.kind == AppKind::Http)
                    && (self
                        .vocab
                        .uris
                        .get(d.detail as usize)
                        .is_some_and(|u| u.to_lowercase().contains(&m.term))
                        || HTTP_METHODS
                            .get(d.method as usize)
                            .is_some_and(|v| v.to_lowercase() == m.term)
                        || (m.numeric && d.status.to_string() == m.term)))
                || (m.numeric && ip_string(d.ip).contains(&m.term))
        })
    }
}

pub(crate) fn is_session_event(event: u8) -> bool {
    event <= 1
}

impl Store {
    /// The documents of `kind` matching `query`: (Hits, indexes of the returned page).
    pub fn search(&self, kind: LogKind, query: &SearchQuery) -> (usize, Vec<usize>) {
        let matcher = Matcher::new(&self.vocab, &query.terms);
        match kind {
            LogKind::Audit => search_sorted(
                &self.audit,
                |d| (d.ts, d.id),
                query,
                |d| {
                    (query.terms.is_empty() || matcher.audit_text(d))
                        && query.fields.iter().all(|(field, values)| {
                            self.audit_field(d, field)
                                .is_some_and(|v| values.contains(&v.to_lowercase()))
                        })
                },
            ),
            LogKind::Forensics => search_sorted(
                &self.forensics,
                |d| (d.ts, d.id),
                query,
                |d| {
                    (query.terms.is_empty() || matcher.forensics_text(d))
                        && query.fields.iter().all(|(field, values)| {
                            self.forensics_field(d, field)
                                .is_some_and(|v| values.contains(&v.to_lowercase()))
                        })
                },
            ),
        }
    }

    /// The value of a searchable audit field (`match_or_fields`).
    pub fn audit_field(&self, d: &AuditDoc, field: &str) -> Option<Cow<'_, str>> {
        let v = &self.vocab;
        let actor = v.actors.get(d.actor as usize)?;
        let (event, resource_type, service) = AUDIT_EVENTS.get(d.event as usize).copied()?;
        let resource = (!is_session_event(d.event))
            .then(|| v.resources.get(d.resource as usize))
            .flatten();
        let city = v.cities.get(d.city as usize)?;
        Some(match field {
            "user" | "entity_name" => Cow::Borrowed(actor.email.as_str()),
            "entity_id" => Cow::Borrowed(actor.entity_id.as_str()),
            "entity_idp_id" => Cow::Borrowed(actor.idp_id.as_str()),
            "entity_type" => Cow::Borrowed(actor.entity_type),
            "eventType" | "event_type" => Cow::Borrowed(event),
            "eventStatus" | "event_status" => {
                Cow::Borrowed(if d.failed { "FAILED" } else { "SUCCEEDED" })
            }
            "resourceType" | "resource_type" => Cow::Borrowed(resource_type),
            "targetService" => Cow::Borrowed(service),
            "resourceName" | "resource_name" => match resource {
                Some(r) => Cow::Borrowed(r.name.as_str()),
                None => Cow::Borrowed(actor.email.as_str()),
            },
            "resourceId" | "resource_id" => match resource {
                Some(r) => Cow::Borrowed(r.id.as_str()),
                None => Cow::Borrowed(actor.entity_id.as_str()),
            },
            "client_ip" | "clientip" | "sourceHost" | "source_host" => Cow::Owned(ip_string(d.ip)),
            "geoip.country" | "country" => Cow::Borrowed(city.country),
            "geoip.country_code" | "country_code" => Cow::Borrowed(city.code),
            "geoip.city_name" | "city_name" | "city" => Cow::Borrowed(city.name),
            "id" => Cow::Owned(Uuid::from_u128(d.id).to_string()),
            _ => return None,
        })
    }

    /// The value of a searchable forensics field (`match_or_fields`).
    pub fn forensics_field(&self, d: &ForensicsDoc, field: &str) -> Option<Cow<'_, str>> {
        let v = &self.vocab;
        let actor = v.actors.get(d.actor as usize)?;
        let app = v.apps.get(d.app as usize)?;
        let policy = v.policies.get(d.policy as usize)?;
        let city = v.cities.get(d.city as usize)?;
        Some(match field {
            "user" | "entity_name" => Cow::Borrowed(actor.email.as_str()),
            "entity_id" => Cow::Borrowed(actor.entity_id.as_str()),
            "entity_idp_id" => Cow::Borrowed(actor.idp_id.as_str()),
            "entity_type" => Cow::Borrowed(actor.entity_type),
            "app_name" => Cow::Borrowed(app.name.as_str()),
            "app_id" => Cow::Borrowed(app.id.as_str()),
            "app_type" => Cow::Borrowed(app.kind.app_type()),
            "log_type" => Cow::Borrowed(app.kind.log_type()),
            "action_result" => Cow::Borrowed(if d.failed { "FAILED" } else { "SUCCESS" }),
            "policy_name" => Cow::Borrowed(policy.name.as_str()),
            "policy_id" => Cow::Borrowed(policy.id.as_str()),
            "http_command" if app.kind == AppKind::Http => Cow::Borrowed(
                HTTP_METHODS
                    .get(d.method as usize)
                    .copied()
                    .unwrap_or("GET"),
            ),
            "status_code" if app.kind == AppKind::Http => Cow::Owned(d.status.to_string()),
            "uri" if app.kind == AppKind::Http => {
                Cow::Borrowed(v.uris.get(d.detail as usize).copied().unwrap_or("/"))
            }
            "client_ip" | "clientip" => Cow::Owned(ip_string(d.ip)),
            "geoip.country" | "country" => Cow::Borrowed(city.country),
            "geoip.country_code" | "country_code" => Cow::Borrowed(city.code),
            "geoip.city_name" | "city_name" | "city" => Cow::Borrowed(city.name),
            "id" | "log_id" => Cow::Owned(Uuid::from_u128(d.id).to_string()),
            _ => return None,
        })
    }
}

/// Binary-searches the window, walks it once to count `Hits` and collect the page after
/// `search_after`.
fn search_sorted<T>(
    docs: &[T],
    key: impl Fn(&T) -> (i64, u128),
    query: &SearchQuery,
    matches: impl Fn(&T) -> bool,
) -> (usize, Vec<usize>) {
    let start = docs.partition_point(|d| key(d).0 < query.from_ms);
    let end = docs.partition_point(|d| key(d).0 <= query.to_ms);
    let after = match query.search_after {
        Some(cursor) => docs.partition_point(|d| key(d) <= cursor),
        None => 0,
    };
    let mut hits = 0;
    let mut page = Vec::new();
    for (i, doc) in docs.iter().enumerate().take(end).skip(start) {
        if matches(doc) {
            hits += 1;
            if i >= after && page.len() < query.size {
                page.push(i);
            }
        }
    }
    (hits, page)
}

// ---- rendering ----------------------------------------------------------------------------

fn nanos_suffix(id: u128) -> u32 {
    // Six more digits after the milliseconds, derived from the id so they are stable.
    (id % 1_000_000) as u32
}

fn derived_uuid(id: u128, salt: u128) -> String {
    Uuid::from_u128(id.rotate_left(41) ^ salt).to_string()
}

fn geoip(city: &City) -> Value {
    json!({
        "city_name": city.name,
        "country": city.country,
        "country_code": city.code,
        "latitude": city.lat,
        "longitude": city.lon,
        "location": {"lon": city.lon, "lat": city.lat},
    })
}

fn agent_full(agent: &Agent) -> Value {
    json!({
        "browser": agent.browser,
        "browser_major_version": agent.major,
        "browser_type": agent.browser_type,
        "device_type": agent.device,
        "platform": agent.platform,
        "platform_version": agent.platform_version,
        "raw_user_agent": agent.raw,
    })
}

fn timestamp(ts: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ts) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

impl Store {
    /// One search result: `{"Id", "Data", "SearchAfterValues"}`.
    pub fn render(&self, kind: LogKind, index: usize) -> Option<Value> {
        let (ts, id, data) = match kind {
            LogKind::Audit => {
                let d = self.audit.get(index)?;
                (d.ts, d.id, self.render_audit(d)?)
            }
            LogKind::Forensics => {
                let d = self.forensics.get(index)?;
                (d.ts, d.id, self.render_forensics(d)?)
            }
        };
        let id = Uuid::from_u128(id).to_string();
        Some(json!({
            "Id": id,
            "Data": data,
            "SearchAfterValues": [ts, format!("{}#{id}", kind.prefix())],
        }))
    }

    fn render_audit(&self, d: &AuditDoc) -> Option<Value> {
        let v = &self.vocab;
        let actor = v.actors.get(d.actor as usize)?;
        let city = v.cities.get(d.city as usize)?;
        let agent = v.agents.get(d.agent as usize)?;
        let (event, resource_type, service) = AUDIT_EVENTS.get(d.event as usize).copied()?;
        let session = is_session_event(d.event);
        let resource = if session {
            None
        } else {
            v.resources.get(d.resource as usize)
        };
        let (resource_id, resource_name) = match resource {
            Some(r) => (r.id.as_str(), r.name.as_str()),
            None => (actor.entity_id.as_str(), actor.email.as_str()),
        };
        let id = Uuid::from_u128(d.id).to_string();
        let when = timestamp(d.ts);
        let status = if d.failed { "FAILED" } else { "SUCCEEDED" };
        let ip = ip_string(d.ip);
        // The raw event as the service logged it, JSON in a string with escaped quotes,
        // exactly like the reference's example.
        let inner = json!({
            "id": id,
            "date": format!(
                "{}{:06}Z",
                iso_millis(when).trim_end_matches('Z'),
                nanos_suffix(d.id)
            ),
            "tenantId": v.tenant_id,
            "user": actor.email,
            "sourceHost": ip,
            "targetService": service,
            "eventType": event,
            "resourceType": resource_type,
            "resourceName": resource_name,
            "resourceId": resource_id,
            "eventStatus": status,
            "sourceAgent": agent.raw,
        });
        let message = format!(
            "{}\n",
            serde_json::to_string(&inner)
                .unwrap_or_default()
                .replace('"', "\\\"")
        );
        let additional = if d.failed && session {
            json!({"reason": "Wrong email or password"})
        } else if d.failed {
            json!({"reason": "Insufficient permissions"})
        } else {
            json!({})
        };
        let (previous, current) = if event == "UPDATE" {
            let name = resource_name;
            (
                format!("\"{{\"name\" :\"{name}\"}}\""),
                format!(
                    "\"{{\"name\" :\"{name}\", \"updated_by\" :\"{}\"}}\"",
                    actor.email
                ),
            )
        } else {
            (String::new(), String::new())
        };
        let role = if session {
            ""
        } else if actor.entity_type == "ApiClient" {
            "ApiClient"
        } else {
            "TenantAdmin"
        };
        Some(json!({
            "@timestamp": iso_millis(when),
            "additionalInfo": additional,
            "eventStatus": status,
            "eventType": event,
            "geoip": geoip(city),
            "id": id,
            "message": message,
            "resourceId": resource_id,
            "resourceName": resource_name,
            "resourceType": resource_type,
            "role": role,
            "sourceAgent": agent.raw,
            "sourceHost": ip,
            "tenant_id": v.tenant_id,
            "entity_id": actor.entity_id,
            "entity_idp_id": actor.idp_id,
            "entity_type": actor.entity_type,
            "entity_name": actor.name,
            "client_ip": ip,
            "client_port": d.port.to_string(),
            "previous_revision": previous,
            "current_revision": current,
            "user": actor.email,
            "user_agent_full": agent_full(agent),
        }))
    }

    fn render_forensics(&self, d: &ForensicsDoc) -> Option<Value> {
        let v = &self.vocab;
        let actor = v.actors.get(d.actor as usize)?;
        let app = v.apps.get(d.app as usize)?;
        let policy = v.policies.get(d.policy as usize)?;
        let city = v.cities.get(d.city as usize)?;
        let agent = v.agents.get(d.agent as usize)?;
        let id = Uuid::from_u128(d.id).to_string();
        let when = timestamp(d.ts);
        let web = app.kind == AppKind::Http;
        let ssh = app.kind == AppKind::Ssh;
        let tcp = matches!(app.kind, AppKind::Tcp | AppKind::Rdp);
        let result = if d.failed { "FAILED" } else { "SUCCESS" };
        let verb = if d.failed { "failed" } else { "succeeded" };
        let method = HTTP_METHODS
            .get(d.method as usize)
            .copied()
            .unwrap_or("GET");
        let uri = v.uris.get(d.detail as usize).copied().unwrap_or("/");
        let command = v.commands.get(d.detail as usize).copied().unwrap_or("ls");
        let response = f64::from(d.response_ms) / 1000.0;
        let ttfb = (f64::from(d.response_ms) * 0.3).round() / 1000.0;
        let upstream = (f64::from(d.response_ms) * 0.6).round() / 1000.0;
        let (activity, description) = match app.kind {
            AppKind::Http => (
                "URI Access",
                format!("Accessing Web application {}", app.name),
            ),
            AppKind::Ssh => (
                "SSH Command",
                format!("Running a command on SSH application {}", app.name),
            ),
            AppKind::Tcp => (
                "TCP Session",
                format!("Opening a TCP session to {}", app.name),
            ),
            AppKind::Rdp => (
                "RDP Session",
                format!("Opening an RDP session to {}", app.name),
            ),
        };
        let error_type = match (d.failed, app.kind) {
            (false, _) => "",
            (true, AppKind::Http) if d.status == 403 => "POLICY_DENIED",
            (true, AppKind::Http) => "UPSTREAM_ERROR",
            (true, _) => "CONNECTION_REFUSED",
        };
        let device_id = derived_uuid(d.id, 0x5a5a_1234);
        let wss_device = format!("{}-{:02}", city.code, (d.actor % 97) + 1);
        let mut data = json!({
            "@timestamp": iso_millis(when),
            "action_result": result,
            "activity_type": activity,
            "app_external_address": app.external_address,
            "app_id": app.id,
            "app_name": app.name,
            "app_type": app.kind.app_type(),
            "authentication_method": if ssh { Value::from("PUBLIC_KEY") } else { Value::Null },
            "bytes_sent": d.bytes,
            "client": if ssh { Value::from("SSH-2.0-OpenSSH_9.6") } else { Value::from(agent.browser) },
            "client_ip": ip_string(d.ip),
            "client_port": d.port,
            "client_type": if web { "BROWSER" } else if d.wss { "WSS_AGENT" } else { "CLIENT_APPLICATION" },
            "compliance_state": if d.wss { "COMPLIANT" } else { "NOT_COMPLIANT" },
            "description": description,
            "device_validation_action_type": if d.wss { Value::from("CLIENT_CERTIFICATE") } else { Value::Null },
            "entity_id": actor.entity_id,
            "entity_name": actor.email,
            "entity_type": actor.entity_type,
            "entity_idp_id": actor.idp_id,
            "error_type": error_type,
            "event_type": "ACCESS",
            "geoip": geoip(city),
            "global_request_id": derived_uuid(d.id, 0x00ab_cdef),
            "hashed_session_id": format!("{:032x}", d.id.rotate_left(17) ^ u128::from(d.actor)),
        });
        // Two halves: one `json!` of this size exceeds the macro recursion limit.
        let rest = json!({
            "http_command": if web { Value::from(method) } else { Value::Null },
            "http_version": if web { Value::from("HTTP/1.1") } else { Value::Null },
            "key_action_type": Value::Null,
            "key_event_target_user_name": Value::Null,
            "log_id": id,
            "log_type": app.kind.log_type(),
            "mfa_action_type": if d.wss { Value::Null } else { Value::from("TOTP") },
            "policy_id": policy.id,
            "policy_name": policy.name,
            "policy_type": "ACCESS",
            "policy_is_static": "NO",
            "response_time": response,
            "ssh_activity_command": if ssh { Value::from(command) } else { Value::Null },
            "ssh_client_internal_user": if ssh { Value::from(actor.email.split('@').next().unwrap_or("user").replace('.', "")) } else { Value::Null },
            "ssh_internal_resource_identifier": if ssh { Value::from(app.internal.as_str()) } else { Value::Null },
            "ssh_internal_resource_port": if ssh { Value::from(app.port) } else { Value::Null },
            "status_code": if web { Value::from(d.status) } else { Value::Null },
            "summary": format!("'{}' {verb} accessing {} application '{}'", actor.email, app.kind.app_type(), app.name),
            "tcp_internal_resource_identifier": if tcp { Value::from(app.internal.as_str()) } else { Value::Null },
            "tcp_internal_resource_port": if tcp { Value::from(app.port.to_string()) } else { Value::Null },
            "tenant_id": v.tenant_id,
            "time_to_first_byte": if web { Value::from(ttfb) } else { Value::Null },
            "up_stream_response_time": if web { Value::from(upstream) } else { Value::Null },
            "uri": if web { Value::from(uri) } else { Value::Null },
            "user_agent": agent.raw,
            "user_agent_full": agent_full(agent),
            "wss_agent_device_id": if d.wss { Value::from(device_id) } else { Value::Null },
            "wss_agent_device_version": if d.wss { Value::from("9.2.1") } else { Value::Null },
            "wss_agent_type": if d.wss { Value::from("wss-agent") } else { Value::Null },
            "wss_device_name": if d.wss { Value::from(wss_device) } else { Value::Null },
            "wss_os_info": if d.wss { Value::from(format!("architecture=x86_64 name={} version={}", agent.platform, agent.platform_version)) } else { Value::Null },
        });
        if let (Value::Object(data), Value::Object(rest)) = (&mut data, rest) {
            data.extend(rest);
        }
        Some(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_and_cursors() {
        let day = 86_400_000;
        assert!(SearchQuery::check_window(0, 30 * day).is_ok());
        assert!(SearchQuery::check_window(0, 30 * day + 1).is_err());
        assert!(SearchQuery::check_window(10, 0).is_err());
        assert_eq!(
            parse_tiebreak("luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"),
            Some(0x6aeb_c61f_7e2f_46b3_805f_d206_de88_99c0)
        );
        assert_eq!(parse_tiebreak("nothing"), None);
    }

    #[test]
    fn search_walks_the_window() {
        let docs: Vec<(i64, u128)> = (0..10).map(|i| (i / 2, i as u128)).collect();
        let mut q = SearchQuery {
            terms: Vec::new(),
            from_ms: 1,
            to_ms: 3,
            fields: Vec::new(),
            size: 3,
            search_after: None,
        };
        let (hits, page) = search_sorted(&docs, |d| *d, &q, |_| true);
        assert_eq!((hits, page), (6, vec![2, 3, 4]));
        q.search_after = Some((2, 4));
        let (hits, page) = search_sorted(&docs, |d| *d, &q, |_| true);
        assert_eq!((hits, page), (6, vec![5, 6, 7]));
    }
}

//! View models: what the browser is allowed to see.
//!
//! These are deliberately separate from the tenant's wire types (`ztna-wire`): they hold
//! only what a page shows, pre-formatted on the server, and never a secret (an OTP, a
//! deployment command, a token) outside the one secret view (`deploy`). Mapping from
//! wire types happens in `ssr::usecases`.

pub mod deploy;
pub mod health;
pub mod keys;
pub mod users;
pub mod wizard;

pub use wizard::SiteMode;

use serde::{Deserialize, Serialize};

/// The console role of a signed-in person. The rules for what each role may do live in
/// one place on the server (`ssr::authz`); the browser only uses this for labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Tenant admin: everything.
    Admin,
    /// Tenant viewer: reads everything, changes nothing.
    Viewer,
    /// Delegated site editor: sees and changes only the sites in its scope.
    Delegated,
    /// Helpdesk: finds users and blocks or unblocks them, nothing else.
    Helpdesk,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Viewer => "viewer",
            Role::Delegated => "delegated",
            Role::Helpdesk => "helpdesk",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "viewer" => Some(Role::Viewer),
            "delegated" => Some(Role::Delegated),
            "helpdesk" => Some(Role::Helpdesk),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Tenant admin",
            Role::Viewer => "Tenant viewer",
            Role::Delegated => "Site editor",
            Role::Helpdesk => "Helpdesk",
        }
    }
}

/// One entry of the main navigation. The server decides which ones a role gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NavItem {
    Sites,
    Jobs,
    Account,
    Users,
}

impl NavItem {
    pub fn href(self) -> &'static str {
        match self {
            NavItem::Sites => "/sites",
            NavItem::Jobs => "/jobs",
            NavItem::Account => "/account",
            NavItem::Users => "/users",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            NavItem::Sites => "Sites",
            NavItem::Jobs => "Jobs",
            NavItem::Account => "Account",
            NavItem::Users => "Users",
        }
    }
}

/// The signed-in person, as the shell shows them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub nav: Vec<NavItem>,
    /// Where "home" is for this role.
    pub home: String,
    /// "acme (emulator)" or the tenant host: so nobody confuses demo and production.
    pub tenant_label: String,
    pub emulated: bool,
    /// May this person change sites and connectors (within their scope)?
    pub can_edit_sites: bool,
}

/// The account page: who you are and what you may reach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AccountView {
    pub username: String,
    pub display_name: String,
    pub role_label: String,
    pub scope: AccountScope,
    pub last_login: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AccountScope {
    /// All sites of the tenant.
    WholeTenant,
    /// Only these sites (id, name).
    Sites(Vec<(String, String)>),
    /// No sites at all (helpdesk).
    NoSites,
}

/// Health of a site or connector, as a badge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Health {
    Online,
    Offline,
    NotConfigured,
    Unknown(String),
}

impl Health {
    pub fn label(&self) -> String {
        match self {
            Health::Online => "Online".into(),
            Health::Offline => "Offline".into(),
            Health::NotConfigured => "Not configured".into(),
            Health::Unknown(s) => format!("Unknown ({s})"),
        }
    }

    /// The CSS modifier of the badge.
    pub fn tone(&self) -> &'static str {
        match self {
            Health::Online => "ok",
            Health::Offline => "bad",
            Health::NotConfigured => "idle",
            Health::Unknown(_) => "warn",
        }
    }

    /// Rank for sorting: the worst first when ascending.
    pub fn rank(&self) -> u8 {
        match self {
            Health::Offline => 0,
            Health::Unknown(_) => 1,
            Health::NotConfigured => 2,
            Health::Online => 3,
        }
    }
}

/// Connectors of a site by state, from the site's status lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorCounts {
    pub up: u32,
    pub down: u32,
    pub pending: u32,
    pub disabled: u32,
}

impl ConnectorCounts {
    pub fn total(&self) -> u32 {
        self.up + self.down + self.pending + self.disabled
    }

    pub fn add(&mut self, other: &ConnectorCounts) {
        self.up += other.up;
        self.down += other.down;
        self.pending += other.pending;
        self.disabled += other.disabled;
    }
}

/// What the sites list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SiteSort {
    Name,
    Region,
    Health,
    Connectors,
}

impl SiteSort {
    pub fn parse(s: &str) -> SiteSort {
        match s {
            "region" => SiteSort::Region,
            "health" => SiteSort::Health,
            "connectors" => SiteSort::Connectors,
            _ => SiteSort::Name,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            SiteSort::Name => "name",
            SiteSort::Region => "region",
            SiteSort::Health => "health",
            SiteSort::Connectors => "connectors",
        }
    }
}

/// The sites list query, as it lives in the URL (`?q=&sort=&dir=&page=`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteQuery {
    pub q: String,
    pub sort: SiteSort,
    pub descending: bool,
    /// 1-based, as people count pages.
    pub page: u32,
}

impl Default for SiteQuery {
    fn default() -> Self {
        SiteQuery {
            q: String::new(),
            sort: SiteSort::Name,
            descending: false,
            page: 1,
        }
    }
}

impl SiteQuery {
    pub const PAGE_SIZE: u32 = 20;

    /// Reads the query from URL parameters, forgiving anything malformed.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> SiteQuery {
        SiteQuery {
            q: get("q").unwrap_or_default().trim().to_string(),
            sort: get("sort")
                .map(|s| SiteSort::parse(&s))
                .unwrap_or(SiteSort::Name),
            descending: get("dir").as_deref() == Some("desc"),
            page: get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The URL of this query with some parts changed.
    pub fn href(&self, sort: SiteSort, descending: bool, page: u32) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if sort != SiteSort::Name {
            parts.push(format!("sort={}", sort.as_str()));
        }
        if descending {
            parts.push("dir=desc".to_string());
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        if parts.is_empty() {
            "/sites".to_string()
        } else {
            format!("/sites?{}", parts.join("&"))
        }
    }
}

/// Percent-encodes a query component (no dependency needed for this small job).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One row of the sites list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteRow {
    pub id: String,
    pub name: String,
    pub region: String,
    pub health: Health,
    pub auth_mode: String,
    pub counts: ConnectorCounts,
    pub applications: u32,
}

/// A page of the sites list plus the overview of everything the caller may see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SitesPage {
    pub rows: Vec<SiteRow>,
    /// Sites matching the search (all pages).
    pub matching: u32,
    /// Sites the caller may see at all.
    pub visible: u32,
    pub page: u32,
    pub pages: u32,
    pub online: u32,
    pub offline: u32,
    pub not_configured: u32,
    pub counts: ConnectorCounts,
    pub query: SiteQuery,
    /// May the caller change these sites (bulk actions shown)?
    pub can_edit: bool,
    /// May the caller create sites (the "New site" button)?
    pub can_create: bool,
}

/// State of one connector, derived from the site's status lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConnectorState {
    Up,
    Down,
    Pending,
    Disabled,
}

impl ConnectorState {
    pub fn label(self) -> &'static str {
        match self {
            ConnectorState::Up => "Up",
            ConnectorState::Down => "Down",
            ConnectorState::Pending => "Awaiting registration",
            ConnectorState::Disabled => "Disabled",
        }
    }

    pub fn tone(self) -> &'static str {
        match self {
            ConnectorState::Up => "ok",
            ConnectorState::Down => "bad",
            ConnectorState::Pending => "idle",
            ConnectorState::Disabled => "muted",
        }
    }
}

/// A formatted point in time: the text shown and the exact UTC value for the tooltip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    pub relative: String,
    pub exact: String,
}

/// One connector on the site page. Note what is absent: the OTP, the deployment
/// command and the environment — secrets stay on the server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectorRow {
    pub id: String,
    pub name: String,
    pub state: ConnectorState,
    pub deployment_type: String,
    pub version: Option<String>,
    pub outdated: bool,
    pub update_status: String,
    pub update_failed: bool,
    pub update_status_info: Option<String>,
    /// `None` means never (the tenant's 1901-01-01 sentinel).
    pub last_seen: Option<When>,
    pub hostname: Option<String>,
    pub internal_ip: Option<String>,
    pub external_ip: Option<String>,
    pub geo_location: Option<String>,
    /// For connectors awaiting registration: when their one-time password expires.
    pub otp_expires: Option<When>,
    pub otp_expired: bool,
}

/// The site page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteDetail {
    pub id: String,
    pub name: String,
    pub region: String,
    pub health: Health,
    pub auth_mode: String,
    pub mode: SiteMode,
    pub notifications_muted: bool,
    pub collections: i64,
    pub applications: u32,
    pub kubernetes_volume: Option<String>,
    pub counts: ConnectorCounts,
    pub connectors: Vec<ConnectorRow>,
    pub latest_version: Option<String>,
    /// May the viewer edit the site (name, notifications)?
    pub can_edit: bool,
    /// May the viewer add and remove connectors (and see deployment commands)?
    pub can_manage_connectors: bool,
    /// May the viewer rotate and clean registration keys?
    pub can_manage_keys: bool,
    /// May the viewer delete the site?
    pub can_delete: bool,
}

/// A bulk job as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobView {
    pub id: i64,
    pub title: String,
    pub actor: String,
    /// queued, running, succeeded, failed, partially_failed, cancelled.
    pub state: String,
    pub finished: bool,
    pub created: String,
    pub total: u32,
    pub done: u32,
    pub succeeded: u32,
    pub failed: u32,
    pub cancelled: u32,
    pub items: Vec<JobItemView>,
    /// May the viewer retry failed items / cancel the job?
    pub can_retry: bool,
    pub can_cancel: bool,
}

impl JobView {
    pub fn state_label(&self) -> &'static str {
        match self.state.as_str() {
            "queued" => "Queued",
            "running" => "Running",
            "succeeded" => "Succeeded",
            "failed" => "Failed",
            "partially_failed" => "Partly failed",
            "cancelled" => "Cancelled",
            _ => "Unknown",
        }
    }

    pub fn state_tone(&self) -> &'static str {
        match self.state.as_str() {
            "succeeded" => "ok",
            "failed" | "partially_failed" => "bad",
            "cancelled" => "muted",
            _ => "idle",
        }
    }

    /// Progress in percent, for the progress bar.
    pub fn percent(&self) -> u32 {
        (self.done * 100).checked_div(self.total).unwrap_or(100)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobItemView {
    pub target_name: String,
    /// pending, running, succeeded, failed, cancelled.
    pub state: String,
    pub error: Option<String>,
    pub request_id: Option<String>,
    pub attempts: u32,
}

/// One line of the jobs list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobSummary {
    pub id: i64,
    pub title: String,
    pub actor: String,
    pub state: String,
    pub created: String,
    pub total: u32,
    pub done: u32,
    pub failed: u32,
}

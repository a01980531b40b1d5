//! The tenant's stored objects. JSON shapes live in [`super::views`]: site health, connector
//! ids and `connector_objects` are derived from connectors on every read, so they cannot drift.

use time::OffsetDateTime;
use uuid::Uuid;

/// How connectors of a site register (immutable after creation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AuthMode {
    /// Connectors are created through the API and register with a one-time password.
    Connector,
    /// Connectors register themselves with a long-lived site registration key.
    Site,
}

impl AuthMode {
    /// Accepts every spelling seen in the wild: the reference's `connector`/`site`, its change
    /// log's `Connector`/`Site`, and newer clients' `manual`/`orchestrator`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "connector" | "manual" => Some(Self::Connector),
            "site" | "orchestrator" => Some(Self::Site),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Connector => "connector",
            Self::Site => "site",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DeploymentType {
    Windows,
    Linux,
    DockerCompose,
    Kubernetes,
}

impl DeploymentType {
    pub const ALL: [Self; 4] = [
        Self::Windows,
        Self::Linux,
        Self::DockerCompose,
        Self::Kubernetes,
    ];

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(raw.trim()))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Windows => "windows",
            Self::Linux => "linux",
            Self::DockerCompose => "docker-compose",
            Self::Kubernetes => "kubernetes",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UpdateStatus {
    UpToDate,
    UpdateAvailable,
    UpdateFailed,
}

impl UpdateStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UpToDate => "UpToDate",
            Self::UpdateAvailable => "UpdateAvailable",
            Self::UpdateFailed => "UpdateFailed",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Region {
    pub name: String,
    pub is_default: bool,
    /// Used to fabricate plausible registration details for connectors of sites in this region.
    pub geo_location: String,
    pub external_prefix: String,
}

/// Where a seeded site is, so connectors registered later look like they are there.
#[derive(Clone, Debug)]
pub(crate) struct Location {
    pub geo_location: String,
    pub external_prefix: String,
}

#[derive(Clone, Debug)]
pub(crate) struct Site {
    pub id: Uuid,
    pub name: String,
    pub kubernetes_persistent_volume_name: Option<String>,
    pub mute_health_notification: bool,
    pub region: String,
    pub authentication_mode: AuthMode,
    pub application_ids: Vec<Uuid>,
    pub count_collections: i32,
    /// Primary key first, then the temporarily active previous key, if any.
    pub registration_keys: Vec<RegistrationKey>,
    /// Small number used to give the site its own `10.x` network.
    pub network: u8,
    pub location: Option<Location>,
}

#[derive(Clone, Debug)]
pub(crate) struct RegistrationKey {
    pub id: Uuid,
    /// Shown once at rotation; kept so the emulator control can simulate a container using it.
    pub secret: String,
    pub date_created: OffsetDateTime,
    pub last_used: Option<OffsetDateTime>,
    pub expiration_date: Option<OffsetDateTime>,
}

#[derive(Clone, Debug)]
pub(crate) struct Connector {
    pub id: Uuid,
    pub site_id: Uuid,
    /// Creation order, used to list a site's connectors stably.
    pub seq: u64,
    pub name: String,
    pub deployment_type: DeploymentType,
    pub send_logs: bool,
    pub enabled: bool,
    pub kubernetes_persistent_volume_name: Option<String>,
    /// The one-time password; `None` once registered.
    pub otp: Option<String>,
    pub date_created: OffsetDateTime,
    pub date_otp_expire: OffsetDateTime,
    pub registration: Option<Registration>,
}

/// What a connector reports once it completed the handshake with the cloud.
#[derive(Clone, Debug)]
pub(crate) struct Registration {
    pub version: String,
    pub date_registered: OffsetDateTime,
    pub internal_ip: String,
    pub external_ip: String,
    pub hostname: String,
    pub geo_location: String,
    pub up: bool,
    /// Last contact while down; an up connector's `last_seen` is "a few seconds ago".
    pub last_seen: OffsetDateTime,
    /// How many seconds before "now" an up connector reports its last heartbeat.
    pub heartbeat_secs: i64,
    pub update_status: UpdateStatus,
    pub update_status_info: Option<String>,
}

/// The `site_status` bucket a connector falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Health {
    Up,
    Down,
    NotConfigured,
    Disabled,
}

impl Connector {
    pub fn health(&self) -> Health {
        match (&self.registration, self.enabled) {
            (_, false) => Health::Disabled,
            (None, true) => Health::NotConfigured,
            (Some(r), true) if r.up => Health::Up,
            (Some(_), true) => Health::Down,
        }
    }

    /// `None` means "never seen" (rendered as 1901-01-01).
    pub fn last_seen(&self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        self.registration.as_ref().map(|r| {
            if r.up {
                now - time::Duration::seconds(r.heartbeat_secs)
            } else {
                r.last_seen
            }
        })
    }
}

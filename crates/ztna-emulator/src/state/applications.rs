//! Applications: creation and replacement (PUT replaces the whole object: an omitted boolean
//! takes its default, as on the real tenant), site binding, deletion, and health.
//!
//! Rules: name 2..40 characters and unique (409); type one of HTTP, SSH, RDP, TCP, SEGMENT,
//! DYNAMIC_SSH (DNS was removed from applications on Dec 18th, 2024: 400); the sub-type must
//! suit the type; the collection must exist; an application may only be bound to a site linked
//! to its collection. The bound site's `application_ids` is kept in step (through
//! [`Tenant::attach_application`] / [`Tenant::detach_application`]). Health is derived from the
//! bound site's connectors on every read.

use serde::Serialize;
use serde_json::{json, Map, Value};
use time::OffsetDateTime;
use uuid::Uuid;

use super::model::Health;
use super::{Field, Tenant};
use crate::error::EmulatorError;
use crate::timefmt;

const NAME_MIN: usize = 2;
const NAME_MAX: usize = 40;

/// The default `headerCustomization` of a web application, as in the reference.
pub(crate) const DEFAULT_HEADER_CUSTOMIZATION: &str = "X-Forwarded-For: '$SOURCEIP$'\nX-Forwarded-Host: '$ORIGINALHOST$'\nX-Forwarded-Proto: '$PROTOCOL$'\nX-EMAIL-ADDRESS: '$EMAIL$'\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum AppType {
    Http,
    Ssh,
    Rdp,
    Tcp,
    Segment,
    DynamicSsh,
}

const TYPE_LIST: &str = "HTTP, SSH, RDP, TCP, SEGMENT, DYNAMIC_SSH";

impl AppType {
    pub const ALL: [Self; 6] = [
        Self::Http,
        Self::Ssh,
        Self::Rdp,
        Self::Tcp,
        Self::Segment,
        Self::DynamicSsh,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Http => "HTTP",
            Self::Ssh => "SSH",
            Self::Rdp => "RDP",
            Self::Tcp => "TCP",
            Self::Segment => "SEGMENT",
            Self::DynamicSsh => "DYNAMIC_SSH",
        }
    }

    /// Case-insensitive; `DNS` gets its own message since it was removed from applications.
    pub fn parse(raw: &str, key: &str) -> Result<Self, EmulatorError> {
        let upper = raw.trim().to_ascii_uppercase();
        if upper == "DNS" {
            return Err(EmulatorError::BadRequest(format!(
                "Invalid request parameters: {key} DNS is not an application type any more; publish DNS servers with the DNS Resiliency API"
            )));
        }
        Self::ALL
            .into_iter()
            .find(|t| t.as_str() == upper)
            .ok_or_else(|| {
                EmulatorError::BadRequest(format!(
                    "Invalid request parameters: {key} '{}' is not one of: {TYPE_LIST}",
                    raw.trim()
                ))
            })
    }

    /// Valid sub-types; the first is the default.
    pub fn sub_types(self) -> &'static [&'static str] {
        match self {
            Self::Http => &[
                "HTTP_LUMINATE_DOMAIN",
                "HTTP_CUSTOM_DOMAIN",
                "HTTP_WILDCARD_DOMAIN",
            ],
            Self::Ssh | Self::Tcp => &["SINGLE_MACHINE", "MULTIPLE_MACHINES"],
            Self::Rdp => &[
                "SINGLE_MACHINE",
                "MULTIPLE_MACHINES",
                "RDP_BROWSER_SINGLE_MACHINE",
                "RDP_BROWSER_MULTIPLE_MACHINES",
            ],
            Self::Segment => &["SEGMENT_SPECIFIC_IPS", "SEGMENT_RANGE"],
            Self::DynamicSsh => &[],
        }
    }

    /// The policy target protocol that serves this type.
    pub fn protocol(self) -> &'static str {
        match self {
            Self::Http => "HTTP",
            Self::Ssh | Self::DynamicSsh => "SSH",
            Self::Rdp => "RDP",
            Self::Tcp | Self::Segment => "TCP",
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Application {
    pub id: Uuid,
    pub name: String,
    pub app_type: AppType,
    pub sub_type: Option<String>,
    pub icon: Option<String>,
    pub is_visible: bool,
    pub is_notification_enabled: bool,
    pub enabled: bool,
    pub collection_id: Uuid,
    pub site_id: Option<Uuid>,
    /// Normalized: every key of the shape is present (null when unset or not for this type),
    /// plus whatever else the client sent.
    pub connection_settings: Map<String, Value>,
    pub link_translation_settings: Option<Value>,
    pub request_customization_settings: Option<Value>,
    pub tcp_tunnel_settings: Option<Value>,
    pub cloud_integration_data: Option<Value>,
    pub segment_settings: Option<Value>,
    pub multiple_segment_settings: Option<Value>,
    pub created_on: OffsetDateTime,
    pub modified_on: OffsetDateTime,
}

/// The writable properties of an application, as sent to POST and PUT.
#[derive(Debug, Clone, Default)]
pub(crate) struct ApplicationInput {
    pub id: Field<String>,
    pub name: Field<String>,
    pub app_type: Field<String>,
    pub sub_type: Field<String>,
    pub icon: Field<String>,
    pub is_visible: Field<bool>,
    pub is_notification_enabled: Field<bool>,
    pub enabled: Field<bool>,
    pub collection_id: Field<String>,
    pub connection_settings: Field<Value>,
    pub link_translation_settings: Field<Value>,
    pub request_customization_settings: Field<Value>,
    pub tcp_tunnel_settings: Field<Value>,
    pub cloud_integration_data: Field<Value>,
    pub segment_settings: Field<Value>,
    pub multiple_segment_settings: Field<Value>,
}

fn bad(message: impl Into<String>) -> EmulatorError {
    EmulatorError::BadRequest(format!("Invalid request parameters: {}", message.into()))
}

fn validate_name(name: Field<String>) -> Result<String, EmulatorError> {
    let Some(name) = name.into_option() else {
        return Err(bad("name is required"));
    };
    let name = name.trim().to_owned();
    let len = name.chars().count();
    if !(NAME_MIN..=NAME_MAX).contains(&len) {
        return Err(bad(format!(
            "name length must be between {NAME_MIN} and {NAME_MAX} characters (got {len})"
        )));
    }
    Ok(name)
}

/// Parses a UUID sent in a body or query: hyphenated or 32 hex digits.
pub(crate) fn parse_body_id(raw: &str, key: &str) -> Result<Uuid, EmulatorError> {
    Uuid::try_parse(raw.trim()).map_err(|_| {
        bad(format!(
            "{key} '{raw}' is not a valid ID - Invalid ID format"
        ))
    })
}

fn object_or_none(
    value: Field<Value>,
    key: &str,
) -> Result<Option<Map<String, Value>>, EmulatorError> {
    match value.into_option() {
        None => Ok(None),
        Some(Value::Object(map)) => Ok(Some(map)),
        Some(_) => Err(bad(format!("{key} must be an object"))),
    }
}

fn array_or_none(value: Field<Value>, key: &str) -> Result<Option<Vec<Value>>, EmulatorError> {
    match value.into_option() {
        None => Ok(None),
        Some(Value::Array(list)) => Ok(Some(list)),
        Some(_) => Err(bad(format!("{key} must be an array"))),
    }
}

fn str_of<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// DNS-safe label from a name: "Jira (prod)" → "jira-prod".
pub(crate) fn label(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "app".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `headerCustomization` as the reference shows it: a newline-separated string. Newer clients
/// send a map of header to value; it is stored in the string form.
fn normalize_request_customization(
    value: Option<Map<String, Value>>,
) -> Result<Value, EmulatorError> {
    let mut map = value.unwrap_or_default();
    let header =
        match map.remove("headerCustomization") {
            None | Some(Value::Null) => DEFAULT_HEADER_CUSTOMIZATION.to_owned(),
            Some(Value::String(s)) => s,
            Some(Value::Object(headers)) => headers
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => format!("{k}: {s}\n"),
                    other => format!("{k}: {other}\n"),
                })
                .collect(),
            Some(_) => return Err(bad(
                "requestCustomizationSettings.headerCustomization must be a string or an object",
            )),
        };
    map.insert("headerCustomization".into(), Value::String(header));
    Ok(Value::Object(map))
}

fn normalize_link_translation(value: Option<Map<String, Value>>) -> Result<Value, EmulatorError> {
    let mut out = Map::new();
    out.insert("isDefaultContentRewriteRulesEnabled".into(), json!(true));
    out.insert("isDefaultHeaderRewriteRulesEnabled".into(), json!(true));
    out.insert("useExternalAddressForHostAndSni".into(), json!(false));
    out.insert("linkedApplications".into(), json!([]));
    for (k, v) in value.unwrap_or_default() {
        match (k.as_str(), &v) {
            (
                "isDefaultContentRewriteRulesEnabled"
                | "isDefaultHeaderRewriteRulesEnabled"
                | "useExternalAddressForHostAndSni",
                Value::Bool(_),
            )
            | ("linkedApplications", Value::Array(_)) => {
                out.insert(k, v);
            }
            (
                "isDefaultContentRewriteRulesEnabled"
                | "isDefaultHeaderRewriteRulesEnabled"
                | "useExternalAddressForHostAndSni"
                | "linkedApplications",
                Value::Null,
            ) => {}
            (
                "isDefaultContentRewriteRulesEnabled"
                | "isDefaultHeaderRewriteRulesEnabled"
                | "useExternalAddressForHostAndSni",
                _,
            ) => {
                return Err(bad(format!(
                    "linkTranslationSettings.{k} must be a boolean"
                )))
            }
            ("linkedApplications", _) => {
                return Err(bad(
                    "linkTranslationSettings.linkedApplications must be an array",
                ))
            }
            _ => {
                out.insert(k, v);
            }
        }
    }
    Ok(Value::Object(out))
}

fn validate_tcp_targets(list: &[Value]) -> Result<(), EmulatorError> {
    if list.is_empty() {
        return Err(bad(
            "tcpTunnelSettings must name at least one target for TCP applications",
        ));
    }
    for (i, item) in list.iter().enumerate() {
        let target = item.get("target").and_then(Value::as_str).unwrap_or("");
        if target.trim().is_empty() {
            return Err(bad(format!("tcpTunnelSettings[{i}].target is required")));
        }
        let ports = item.get("ports").and_then(Value::as_array);
        let ok = ports.is_some_and(|p| {
            !p.is_empty()
                && p.iter()
                    .all(|n| n.as_u64().is_some_and(|n| (1..=65_535).contains(&n)))
        });
        if !ok {
            return Err(bad(format!(
                "tcpTunnelSettings[{i}].ports must be a non-empty list of ports (1..65535)"
            )));
        }
    }
    Ok(())
}

/// Everything of an application but its id, dates, site and collection, checked and
/// normalized.
struct Checked {
    name: String,
    app_type: AppType,
    sub_type: Option<String>,
    icon: Option<String>,
    is_visible: bool,
    is_notification_enabled: bool,
    enabled: bool,
    connection_settings: Map<String, Value>,
    link_translation_settings: Option<Value>,
    request_customization_settings: Option<Value>,
    tcp_tunnel_settings: Option<Value>,
    cloud_integration_data: Option<Value>,
    segment_settings: Option<Value>,
    multiple_segment_settings: Option<Value>,
}

impl Tenant {
    pub fn application(&self, id: Uuid) -> Result<&Application, EmulatorError> {
        self.applications
            .get(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Application {id} was not found")))
    }

    fn ensure_unique_app_name(
        &self,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<(), EmulatorError> {
        if self
            .applications
            .values()
            .any(|a| a.name == name && Some(a.id) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    /// `<label>.<tenant>.luminatesec.com`
    pub fn luminate_address(&self, label: &str) -> String {
        format!("{label}.{}", self.endpoint_url)
    }

    fn check_application(&self, input: ApplicationInput) -> Result<Checked, EmulatorError> {
        let name = validate_name(input.name)?;
        let Some(raw_type) = input.app_type.into_option() else {
            return Err(bad(format!("type is required (one of: {TYPE_LIST})")));
        };
        let app_type = AppType::parse(&raw_type, "type")?;
        let sub_type = match input
            .sub_type
            .into_option()
            .filter(|s| !s.trim().is_empty())
        {
            Some(raw) => {
                let upper = raw.trim().to_ascii_uppercase();
                let valid = app_type.sub_types();
                if !valid.contains(&upper.as_str()) {
                    return Err(bad(if valid.is_empty() {
                        format!(
                            "subType '{raw}' is not valid for {} applications (they have none)",
                            app_type.as_str()
                        )
                    } else {
                        format!(
                            "subType '{raw}' is not valid for {} applications (use one of: {})",
                            app_type.as_str(),
                            valid.join(", ")
                        )
                    }));
                }
                Some(upper)
            }
            None => app_type.sub_types().first().map(|s| (*s).to_owned()),
        };
        let Some(mut settings) = object_or_none(input.connection_settings, "connectionSettings")?
        else {
            return Err(bad("connectionSettings is required"));
        };

        let tcp = array_or_none(input.tcp_tunnel_settings, "tcpTunnelSettings")?;
        let cloud = object_or_none(input.cloud_integration_data, "cloudIntegrationData")?;
        let segment = object_or_none(input.segment_settings, "segmentSettings")?;
        let segments = array_or_none(input.multiple_segment_settings, "multipleSegmentSettings")?;
        let link = object_or_none(input.link_translation_settings, "linkTranslationSettings")?;
        let request = object_or_none(
            input.request_customization_settings,
            "requestCustomizationSettings",
        )?;

        match app_type {
            AppType::Http | AppType::Ssh | AppType::Rdp => {
                if str_of(&settings, "internalAddress").is_none() {
                    return Err(bad(format!(
                        "connectionSettings.internalAddress is required for {} applications",
                        app_type.as_str()
                    )));
                }
            }
            AppType::Tcp => validate_tcp_targets(tcp.as_deref().unwrap_or_default())?,
            AppType::Segment => {
                let single = segment
                    .as_ref()
                    .is_some_and(|s| str_of(s, "originalIp").is_some());
                let multiple = segments.as_ref().is_some_and(|s| !s.is_empty());
                if !single && !multiple {
                    return Err(bad(
                        "SEGMENT applications need segmentSettings.originalIp or multipleSegmentSettings",
                    ));
                }
            }
            AppType::DynamicSsh => {}
        }
        if sub_type.as_deref() == Some("HTTP_CUSTOM_DOMAIN")
            && str_of(&settings, "customExternalAddress").is_none()
        {
            return Err(bad(
                "connectionSettings.customExternalAddress is required for HTTP_CUSTOM_DOMAIN applications",
            ));
        }

        // The addresses the tenant derives when they are not given.
        let label = str_of(&settings, "subdomain")
            .map(label)
            .unwrap_or_else(|| label(&name));
        let luminate = self.luminate_address(&label);
        if str_of(&settings, "luminateAddress").is_none() {
            settings.insert("luminateAddress".into(), Value::String(luminate.clone()));
        }
        if str_of(&settings, "externalAddress").is_none() {
            let external = str_of(&settings, "customExternalAddress")
                .map(str::to_owned)
                .unwrap_or(luminate);
            settings.insert("externalAddress".into(), Value::String(external));
        }
        if app_type == AppType::Http {
            if str_of(&settings, "healthUrl").is_none() {
                settings.insert("healthUrl".into(), json!("/"));
            }
            if str_of(&settings, "healthMethod").is_none() {
                settings.insert("healthMethod".into(), json!("Head"));
            }
        }
        // Every key of the shape, for every type (null when it does not apply).
        for key in [
            "internalAddress",
            "externalAddress",
            "luminateAddress",
            "subdomain",
            "customExternalAddress",
            "customRootPath",
            "healthUrl",
            "healthMethod",
            "customSSLCertificate",
            "wildcardPrivateKey",
        ] {
            settings.entry(key).or_insert(Value::Null);
        }

        Ok(Checked {
            name,
            app_type,
            sub_type,
            icon: input.icon.into_option(),
            // Omitted (or null) booleans take their defaults, on POST and on PUT alike.
            is_visible: input.is_visible.into_option().unwrap_or(true),
            is_notification_enabled: input.is_notification_enabled.into_option().unwrap_or(true),
            enabled: input.enabled.into_option().unwrap_or(true),
            connection_settings: settings,
            link_translation_settings: (app_type == AppType::Http)
                .then(|| normalize_link_translation(link))
                .transpose()?,
            request_customization_settings: (app_type == AppType::Http)
                .then(|| normalize_request_customization(request))
                .transpose()?,
            tcp_tunnel_settings: (app_type == AppType::Tcp)
                .then(|| Value::Array(tcp.unwrap_or_default())),
            cloud_integration_data: (app_type == AppType::DynamicSsh).then(|| {
                let mut data = cloud.unwrap_or_default();
                data.entry("tags").or_insert_with(|| json!([]));
                data.entry("segmentId").or_insert(Value::Null);
                data.entry("vpcs").or_insert_with(|| json!([]));
                Value::Object(data)
            }),
            segment_settings: if app_type == AppType::Segment {
                segment.map(Value::Object)
            } else {
                None
            },
            multiple_segment_settings: (app_type == AppType::Segment)
                .then(|| Value::Array(segments.unwrap_or_default())),
        })
    }

    fn checked_collection(&self, raw: &str) -> Result<Uuid, EmulatorError> {
        let id = parse_body_id(raw, "collectionId")?;
        if !self.collections.items.contains_key(&id) {
            return Err(bad(format!("collection {id} does not exist")));
        }
        Ok(id)
    }

    /// POST: the body's `id`, if any, is ignored (the tenant assigns ids); a missing
    /// `collectionId` means the default collection.
    pub fn create_application(
        &mut self,
        input: ApplicationInput,
        now: OffsetDateTime,
    ) -> Result<Uuid, EmulatorError> {
        let collection_id = match input.collection_id.clone().into_option() {
            Some(raw) => self.checked_collection(&raw)?,
            None => self.collections.root,
        };
        let checked = self.check_application(input)?;
        self.ensure_unique_app_name(&checked.name, None)?;
        let id = Uuid::new_v4();
        self.insert_application(id, checked, collection_id, None, now, now);
        Ok(id)
    }

    fn insert_application(
        &mut self,
        id: Uuid,
        c: Checked,
        collection_id: Uuid,
        site_id: Option<Uuid>,
        created_on: OffsetDateTime,
        modified_on: OffsetDateTime,
    ) {
        self.applications.insert(
            id,
            Application {
                id,
                name: c.name,
                app_type: c.app_type,
                sub_type: c.sub_type,
                icon: c.icon,
                is_visible: c.is_visible,
                is_notification_enabled: c.is_notification_enabled,
                enabled: c.enabled,
                collection_id,
                site_id,
                connection_settings: c.connection_settings,
                link_translation_settings: c.link_translation_settings,
                request_customization_settings: c.request_customization_settings,
                tcp_tunnel_settings: c.tcp_tunnel_settings,
                cloud_integration_data: c.cloud_integration_data,
                segment_settings: c.segment_settings,
                multiple_segment_settings: c.multiple_segment_settings,
                created_on,
                modified_on,
            },
        );
    }

    /// Builds an application from already-trusted parts (the seed), keeping the site's
    /// `application_ids` true. Fails like the API would.
    pub fn seed_application(
        &mut self,
        id: Uuid,
        input: ApplicationInput,
        collection_id: Uuid,
        site_id: Option<Uuid>,
        created_on: OffsetDateTime,
        modified_on: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        let checked = self.check_application(input)?;
        self.ensure_unique_app_name(&checked.name, None)?;
        self.insert_application(id, checked, collection_id, None, created_on, modified_on);
        if let Some(site) = site_id {
            self.bind_application(id, site)?;
        }
        Ok(())
    }

    /// PUT replaces the whole application: omitted booleans take their defaults, an omitted
    /// icon is cleared, omitted type-specific settings take their defaults. Only the
    /// collection is kept when `collectionId` is missing. The type may change (the reference's
    /// own update example turns its HTTP application into an SSH one).
    pub fn update_application(
        &mut self,
        id: Uuid,
        input: ApplicationInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        let current = self.application(id)?;
        if let Some(body_id) = input.id.clone().into_option() {
            if Uuid::try_parse(body_id.trim()).ok() != Some(id) {
                return Err(bad(
                    "id in the body does not match the application id in the path",
                ));
            }
        }
        let site_id = current.site_id;
        let created_on = current.created_on;
        let collection_id = match input.collection_id.clone().into_option() {
            Some(raw) => self.checked_collection(&raw)?,
            None => current.collection_id,
        };
        if let Some(site) = site_id {
            if !self.is_linked(collection_id, site) {
                return Err(bad(format!(
                    "site {site} the application is bound to is not linked to collection {collection_id}"
                )));
            }
        }
        let checked = self.check_application(input)?;
        self.ensure_unique_app_name(&checked.name, Some(id))?;
        self.insert_application(id, checked, collection_id, site_id, created_on, now);
        Ok(())
    }

    /// Moves the application to `site`, which must be linked to the application's collection.
    pub fn bind_application(&mut self, id: Uuid, site: Uuid) -> Result<(), EmulatorError> {
        let app = self.application(id)?;
        let s = self.site(site)?;
        if !self.is_linked(app.collection_id, site) {
            let collection = self
                .collections
                .items
                .get(&app.collection_id)
                .map_or_else(|| app.collection_id.to_string(), |c| c.name.clone());
            return Err(bad(format!(
                "site '{}' is not linked to collection '{collection}' of application '{}'; link the site to the collection first",
                s.name, app.name
            )));
        }
        let previous = app.site_id;
        if let Some(old) = previous {
            self.detach_application(old, id);
        }
        self.attach_application(site, id)?;
        if let Some(app) = self.applications.get_mut(&id) {
            app.site_id = Some(site);
        }
        Ok(())
    }

    /// Removes the application from its site and from every policy.
    pub fn delete_application(&mut self, id: Uuid) -> Result<(), EmulatorError> {
        let app = self.application(id)?;
        if let Some(site) = app.site_id {
            self.detach_application(site, id);
        }
        for policy in self.policies.values_mut() {
            policy.applications.retain(|a| *a != id);
        }
        self.applications.remove(&id);
        Ok(())
    }

    pub fn application_health(&self, app: &Application, now: OffsetDateTime) -> HealthView {
        let connectors = app
            .site_id
            .map(|s| self.connectors_of(s))
            .unwrap_or_default();
        let total = connectors.len();
        let up = connectors
            .iter()
            .filter(|c| c.health() == Health::Up)
            .count();
        let (status, cause) = match (app.site_id, total, up) {
            (None, ..) => ("Unavailable", Some("Application is not bound to a site")),
            (Some(_), 0, _) => (
                "Unavailable",
                Some("No connector is deployed in the application's site"),
            ),
            (Some(_), _, 0) => (
                "Unavailable",
                Some("No connector is available to expose application"),
            ),
            (Some(_), t, u) if u < t => (
                "PartiallyAvailable",
                Some("Some connector fail to expose application"),
            ),
            _ => ("Available", None),
        };
        let last_available = if up > 0 {
            Some(now)
        } else {
            connectors
                .iter()
                .filter(|c| c.enabled)
                .filter_map(|c| c.registration.as_ref().map(|r| r.last_seen))
                .max()
        };
        HealthView {
            application_id: app.id.to_string(),
            status,
            cause,
            last_updated_on: timefmt::epoch_millis(now),
            total_number_of_connectors: total,
            last_available_on: last_available.map(timefmt::epoch_millis),
        }
    }

    /// Case-insensitive match on name, internal and external address, custom domain and
    /// custom root path.
    pub fn application_matches(app: &Application, needle: &str) -> bool {
        let settings = &app.connection_settings;
        std::iter::once(app.name.as_str())
            .chain(
                [
                    "internalAddress",
                    "externalAddress",
                    "customExternalAddress",
                    "customRootPath",
                ]
                .into_iter()
                .filter_map(|k| settings.get(k).and_then(Value::as_str)),
            )
            .any(|field| field.to_lowercase().contains(needle))
    }
}

/// `ApplicationHealth`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HealthView {
    #[serde(rename = "applicationId")]
    pub application_id: String,
    pub status: &'static str,
    pub cause: Option<&'static str>,
    #[serde(rename = "lastUpdatedOn")]
    pub last_updated_on: i64,
    #[serde(rename = "totalNumberOfConnectors")]
    pub total_number_of_connectors: usize,
    #[serde(rename = "lastAvailableOn")]
    pub last_available_on: Option<i64>,
}

/// The `Application` JSON shape. Every property of every type is present (null when it does
/// not apply), as in the reference's list example; web applications also carry the
/// reference's `"ApplicationHTTP": "ApplicationHTTP"` marker.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ApplicationView {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub app_type: &'static str,
    #[serde(rename = "createdOn")]
    pub created_on: i64,
    #[serde(rename = "modifiedOn")]
    pub modified_on: i64,
    pub icon: Option<String>,
    #[serde(rename = "isVisible")]
    pub is_visible: bool,
    #[serde(rename = "isNotificationEnabled")]
    pub is_notification_enabled: bool,
    pub enabled: bool,
    pub health: HealthView,
    #[serde(rename = "collectionId")]
    pub collection_id: String,
    #[serde(rename = "subType")]
    pub sub_type: Option<String>,
    #[serde(rename = "connectionSettings")]
    pub connection_settings: Map<String, Value>,
    #[serde(rename = "linkTranslationSettings")]
    pub link_translation_settings: Option<Value>,
    #[serde(rename = "requestCustomizationSettings")]
    pub request_customization_settings: Option<Value>,
    #[serde(rename = "tcpTunnelSettings")]
    pub tcp_tunnel_settings: Option<Value>,
    #[serde(rename = "cloudIntegrationData")]
    pub cloud_integration_data: Option<Value>,
    #[serde(rename = "segmentSettings")]
    pub segment_settings: Option<Value>,
    #[serde(rename = "multipleSegmentSettings")]
    pub multiple_segment_settings: Option<Value>,
    #[serde(rename = "ApplicationHTTP", skip_serializing_if = "Option::is_none")]
    pub application_http: Option<&'static str>,
}

impl ApplicationView {
    pub fn new(tenant: &Tenant, app: &Application, now: OffsetDateTime) -> Self {
        Self {
            id: app.id.to_string(),
            name: app.name.clone(),
            app_type: app.app_type.as_str(),
            created_on: timefmt::epoch_millis(app.created_on),
            modified_on: timefmt::epoch_millis(app.modified_on),
            icon: app.icon.clone(),
            is_visible: app.is_visible,
            is_notification_enabled: app.is_notification_enabled,
            enabled: app.enabled,
            health: tenant.application_health(app, now),
            collection_id: app.collection_id.to_string(),
            sub_type: app.sub_type.clone(),
            connection_settings: app.connection_settings.clone(),
            link_translation_settings: app.link_translation_settings.clone(),
            request_customization_settings: app.request_customization_settings.clone(),
            tcp_tunnel_settings: app.tcp_tunnel_settings.clone(),
            cloud_integration_data: app.cloud_integration_data.clone(),
            segment_settings: app.segment_settings.clone(),
            multiple_segment_settings: app.multiple_segment_settings.clone(),
            application_http: (app.app_type == AppType::Http).then_some("ApplicationHTTP"),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn types_and_labels() {
        assert_eq!(
            AppType::parse("dynamic_ssh", "type"),
            Ok(AppType::DynamicSsh)
        );
        assert!(AppType::parse("DNS", "type")
            .unwrap_err()
            .to_string()
            .contains("DNS Resiliency"));
        assert!(AppType::parse("FTP", "type").is_err());
        assert_eq!(label("Jira (prod) EU"), "jira-prod-eu");
        assert_eq!(label("%%"), "app");
    }
}

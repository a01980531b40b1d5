//! Site rules: name length and uniqueness, known region, immutable authentication mode, and
//! no deletion while connectors remain.

use uuid::Uuid;

use super::model::{AuthMode, Site};
use super::{Field, Tenant};
use crate::error::EmulatorError;

/// The writable properties of a site, as sent to POST and PUT.
#[derive(Debug, Clone, Default)]
pub(crate) struct SiteInput {
    pub id: Field<String>,
    pub name: Field<String>,
    pub region: Field<String>,
    pub kubernetes_persistent_volume_name: Field<String>,
    pub mute_health_notification: Field<bool>,
    pub authentication_mode: Field<String>,
}

const NAME_MIN: usize = 2;
const NAME_MAX: usize = 700;

fn validate_name(name: Field<String>) -> Result<String, EmulatorError> {
    let Some(name) = name.into_option() else {
        return Err(EmulatorError::BadRequest(
            "Invalid request parameters: name is required".into(),
        ));
    };
    let name = name.trim().to_owned();
    let len = name.chars().count();
    if !(NAME_MIN..=NAME_MAX).contains(&len) {
        return Err(EmulatorError::BadRequest(format!(
            "Invalid request parameters: name length must be between {NAME_MIN} and {NAME_MAX} characters (got {len})"
        )));
    }
    Ok(name)
}

fn parse_mode(raw: &str) -> Result<AuthMode, EmulatorError> {
    AuthMode::parse(raw).ok_or_else(|| {
        EmulatorError::BadRequest(format!(
            "Invalid request parameters: authentication_mode '{raw}' is not one of: connector, site"
        ))
    })
}

impl Tenant {
    fn ensure_unique_site_name(
        &self,
        name: &str,
        except: Option<Uuid>,
    ) -> Result<(), EmulatorError> {
        if self
            .sites
            .values()
            .any(|s| s.name == name && Some(s.id) != except)
        {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    fn checked_region(&self, name: &str) -> Result<String, EmulatorError> {
        self.region(name).map(|r| r.name.clone()).ok_or_else(|| {
            EmulatorError::BadRequest(format!(
                "Invalid request parameters: region '{name}' is not an available connectivity region"
            ))
        })
    }

    pub fn create_site(&mut self, input: SiteInput) -> Result<Uuid, EmulatorError> {
        let name = validate_name(input.name)?;
        self.ensure_unique_site_name(&name, None)?;
        let region = match input.region.into_option().filter(|r| !r.trim().is_empty()) {
            Some(region) => self.checked_region(&region)?,
            None => self
                .default_region()
                .map(|r| r.name.clone())
                .unwrap_or_default(),
        };
        let authentication_mode = match input.authentication_mode.into_option() {
            Some(raw) => parse_mode(&raw)?,
            None => AuthMode::Connector,
        };
        let id = Uuid::new_v4();
        let network = u8::try_from(self.sites.len() % 200).unwrap_or(0) + 40;
        self.sites.insert(
            id,
            Site {
                id,
                name,
                kubernetes_persistent_volume_name: input
                    .kubernetes_persistent_volume_name
                    .into_option(),
                mute_health_notification: input
                    .mute_health_notification
                    .into_option()
                    .unwrap_or(false),
                region,
                authentication_mode,
                application_ids: Vec::new(),
                // Every new site lands in the tenant's default collection.
                count_collections: 1,
                registration_keys: Vec::new(),
                network,
                location: None,
            },
        );
        self.on_site_created(id);
        Ok(id)
    }

    /// PUT: `name` is required; a missing optional property keeps its value, an explicit
    /// `null` volume name clears it. Changing `authentication_mode` is refused.
    pub fn update_site(&mut self, id: Uuid, input: SiteInput) -> Result<(), EmulatorError> {
        let current = self.site(id)?;
        if let Some(body_id) = input.id.clone().into_option() {
            if body_id.parse::<Uuid>().ok() != Some(id) {
                return Err(EmulatorError::BadRequest(
                    "Invalid request parameters: id in the body does not match the site id in the path".into(),
                ));
            }
        }
        if let Some(raw) = input.authentication_mode.clone().into_option() {
            let mode = parse_mode(&raw)?;
            if mode != current.authentication_mode {
                return Err(EmulatorError::BadRequest(format!(
                    "Invalid request parameters: authentication_mode is immutable and can be chosen only on creation (site is in '{}' mode)",
                    current.authentication_mode.as_str()
                )));
            }
        }
        let name = validate_name(input.name)?;
        self.ensure_unique_site_name(&name, Some(id))?;
        let region = match input.region.into_option().filter(|r| !r.trim().is_empty()) {
            Some(region) => Some(self.checked_region(&region)?),
            None => None,
        };

        let site = self.site_mut(id)?;
        site.name = name;
        if let Some(region) = region {
            site.region = region;
        }
        match input.kubernetes_persistent_volume_name {
            Field::Absent => {}
            Field::Null => site.kubernetes_persistent_volume_name = None,
            Field::Value(v) => site.kubernetes_persistent_volume_name = Some(v),
        }
        if let Field::Value(mute) = input.mute_health_notification {
            site.mute_health_notification = mute;
        }
        Ok(())
    }

    pub fn delete_site(&mut self, id: Uuid) -> Result<(), EmulatorError> {
        let site = self.site(id)?;
        let count = self.connectors_of(id).len();
        if count > 0 {
            return Err(EmulatorError::BadRequest(format!(
                "Site '{}' still has {count} connector(s); delete its connectors before deleting the site",
                site.name
            )));
        }
        self.sites.remove(&id);
        self.on_site_deleted(id);
        Ok(())
    }

    /// Records that application `app` is served by site `id` (kept in step by the
    /// application rules).
    pub fn attach_application(&mut self, id: Uuid, app: Uuid) -> Result<(), EmulatorError> {
        let site = self.site_mut(id)?;
        if !site.application_ids.contains(&app) {
            site.application_ids.push(app);
        }
        Ok(())
    }

    /// Forgets that application `app` is served by site `id`.
    pub fn detach_application(&mut self, id: Uuid, app: Uuid) {
        if let Some(site) = self.sites.get_mut(&id) {
            site.application_ids.retain(|a| *a != app);
        }
    }
}

//! Connector rules: creation only in connector-mode sites, a fresh OTP valid 24 hours,
//! registration that clears the OTP, and health flips.

use rand::Rng;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::model::{AuthMode, Connector, DeploymentType, Registration, UpdateStatus};
use super::{Field, Tenant};
use crate::error::EmulatorError;
use crate::seed::names;

/// The writable properties of a connector, as sent to POST.
#[derive(Debug, Clone, Default)]
pub(crate) struct ConnectorInput {
    pub name: Field<String>,
    pub deployment_type: Field<String>,
    pub send_logs: Field<bool>,
    pub enabled: Field<bool>,
    pub kubernetes_persistent_volume_name: Field<String>,
}

/// How long a fresh OTP stays valid ("By default OTP is valid for 24 hours").
const OTP_LIFETIME: Duration = Duration::hours(24);

fn parse_deployment(raw: Option<String>) -> Result<DeploymentType, EmulatorError> {
    let Some(raw) = raw else {
        return Err(EmulatorError::BadRequest(
            "Invalid request parameters: deployment_type is required (windows, linux, docker-compose or kubernetes)".into(),
        ));
    };
    DeploymentType::parse(&raw).ok_or_else(|| {
        EmulatorError::BadRequest(format!(
            "Invalid request parameters: deployment_type '{raw}' is not one of: windows, linux, docker-compose, kubernetes"
        ))
    })
}

impl Tenant {
    fn ensure_unique_connector_name(&self, name: &str) -> Result<(), EmulatorError> {
        if self.connectors.values().any(|c| c.name == name) {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        Ok(())
    }

    pub fn create_connector(
        &mut self,
        site_id: Uuid,
        input: ConnectorInput,
        now: OffsetDateTime,
    ) -> Result<Uuid, EmulatorError> {
        let site = self.site(site_id)?;
        if site.authentication_mode == AuthMode::Site {
            return Err(EmulatorError::BadRequest(format!(
                "Connectors cannot be created through the API for site '{}': it uses the 'site' authentication mode, where connectors register themselves with a site registration key",
                site.name
            )));
        }
        let name = input
            .name
            .into_option()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .ok_or_else(|| {
                EmulatorError::BadRequest("Invalid request parameters: name is required".into())
            })?;
        let deployment_type = parse_deployment(input.deployment_type.into_option())?;
        self.ensure_unique_connector_name(&name)?;

        let id = Uuid::new_v4();
        let seq = self.take_seq();
        self.connectors.insert(
            id,
            Connector {
                id,
                site_id,
                seq,
                name,
                deployment_type,
                send_logs: input.send_logs.into_option().unwrap_or(false),
                enabled: input.enabled.into_option().unwrap_or(true),
                kubernetes_persistent_volume_name: input
                    .kubernetes_persistent_volume_name
                    .into_option(),
                otp: Some(Uuid::new_v4().to_string()),
                date_created: now,
                date_otp_expire: now + OTP_LIFETIME,
                registration: None,
            },
        );
        Ok(id)
    }

    pub fn delete_connector(&mut self, id: Uuid) -> Result<(), EmulatorError> {
        self.connector(id)?;
        self.connectors.remove(&id);
        Ok(())
    }

    /// What a connector reports when it registers now in `site_id`, as its `n`th connector.
    fn fabricate_registration(
        &self,
        site_id: Uuid,
        deployment: DeploymentType,
        n: usize,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<Registration, EmulatorError> {
        let site = self.site(site_id)?;
        let (geo_location, external_prefix) = match &site.location {
            Some(l) => (l.geo_location.clone(), l.external_prefix.clone()),
            None => self
                .region(&site.region)
                .or_else(|| self.default_region())
                .map(|r| (r.geo_location.clone(), r.external_prefix.clone()))
                .unwrap_or_else(|| ("Unknown".into(), "198.51".into())),
        };
        let internal_ip = names::internal_ip(rng, site.network);
        Ok(Registration {
            version: self.latest_full_version(),
            date_registered: now,
            hostname: names::hostname(rng, &site.name, deployment, n, &internal_ip),
            internal_ip,
            external_ip: names::external_ip(rng, &external_prefix),
            geo_location,
            up: true,
            last_seen: now,
            heartbeat_secs: rng.gen_range(2..30),
            update_status: UpdateStatus::UpToDate,
            update_status_info: None,
        })
    }

    /// The connector container completed its handshake: OTP gone, status up. Registering an
    /// already registered connector only marks it up again.
    pub fn register_connector(
        &mut self,
        id: Uuid,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<(), EmulatorError> {
        let connector = self.connector(id)?;
        if connector.registration.is_some() {
            return self.set_connector_health(id, true, now);
        }
        // "By default OTP is valid for 24 hours": a container started later is refused.
        if now > connector.date_otp_expire {
            return Err(EmulatorError::BadRequest(format!(
                "The one-time password of connector '{}' expired at {}; delete the connector and create a new one",
                connector.name,
                crate::timefmt::iso_seconds(connector.date_otp_expire)
            )));
        }
        let site_id = connector.site_id;
        let deployment = connector.deployment_type;
        let n = self
            .connectors_of(site_id)
            .iter()
            .position(|c| c.id == id)
            .map_or(1, |p| p + 1);
        let registration = self.fabricate_registration(site_id, deployment, n, now, rng)?;
        let connector = self.connector_mut(id)?;
        connector.otp = None;
        connector.registration = Some(registration);
        Ok(())
    }

    /// Flips a registered connector up or down. A connector going down keeps "now" as its
    /// last contact; one coming up reports fresh heartbeats again.
    pub fn set_connector_health(
        &mut self,
        id: Uuid,
        up: bool,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        let connector = self.connector_mut(id)?;
        let Some(registration) = connector.registration.as_mut() else {
            return Err(EmulatorError::BadRequest(format!(
                "Connector {id} is not registered yet; register it before changing its health"
            )));
        };
        if registration.up && !up {
            registration.last_seen = now - Duration::seconds(registration.heartbeat_secs);
        }
        registration.up = up;
        Ok(())
    }

    /// A container in a site-mode site presents a registration key: the tenant creates and
    /// registers a connector for it.
    pub fn register_with_key(
        &mut self,
        site_id: Uuid,
        key: &str,
        name: Option<String>,
        deployment: Option<String>,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<Uuid, EmulatorError> {
        let site = self.site(site_id)?;
        if site.authentication_mode != AuthMode::Site {
            return Err(EmulatorError::BadRequest(format!(
                "Site '{}' uses the 'connector' authentication mode; registration keys do not apply",
                site.name
            )));
        }
        let key_index = site
            .registration_keys
            .iter()
            .position(|k| k.secret == key && k.expiration_date.is_none_or(|expires| expires > now))
            .ok_or_else(|| {
                EmulatorError::BadRequest("The registration key is invalid or revoked".into())
            })?;
        let deployment = match deployment {
            Some(raw) => parse_deployment(Some(raw))?,
            None => DeploymentType::Kubernetes,
        };
        let n = self.connectors_of(site_id).len() + 1;
        let site_name = site.name.clone();
        let name = match name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()) {
            Some(name) => name,
            None => (n..)
                .map(|i| names::connector_name(&site_name, i))
                .find(|candidate| self.connectors.values().all(|c| &c.name != candidate))
                .unwrap_or_else(|| Uuid::new_v4().to_string()),
        };
        self.ensure_unique_connector_name(&name)?;
        let registration = self.fabricate_registration(site_id, deployment, n, now, rng)?;

        let site = self.site_mut(site_id)?;
        if let Some(k) = site.registration_keys.get_mut(key_index) {
            k.last_used = Some(now);
        }
        let id = Uuid::new_v4();
        let seq = self.take_seq();
        self.connectors.insert(
            id,
            Connector {
                id,
                site_id,
                seq,
                name,
                deployment_type: deployment,
                send_logs: false,
                enabled: true,
                kubernetes_persistent_volume_name: None,
                otp: None,
                date_created: now,
                date_otp_expire: now,
                registration: Some(registration),
            },
        );
        Ok(id)
    }
}

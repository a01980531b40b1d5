//! Site registration keys (site authentication mode only).
//!
//! "A site can have up to two active registration keys at a time: one primary key, and the
//! second (if exists) is a temporarily active key." Rotating without `revoke_immediately`
//! demotes the primary to that temporary key (valid for [`GRACE`]) and drops any older one;
//! with `revoke_immediately` only the new key remains.

use base64::Engine;
use rand::Rng;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::model::{AuthMode, RegistrationKey, Site};
use super::Tenant;
use crate::error::EmulatorError;
use crate::seed::names;

/// How long a replaced primary key keeps working, so running containers can be moved over.
pub(crate) const GRACE: Duration = Duration::hours(24);

/// An opaque, URL-safe secret of 48 random bytes.
pub(crate) fn new_secret(rng: &mut impl Rng) -> String {
    let mut bytes = [0u8; 48];
    rng.fill(&mut bytes[..]);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn require_site_mode(site: &Site) -> Result<(), EmulatorError> {
    if site.authentication_mode == AuthMode::Site {
        Ok(())
    } else {
        Err(EmulatorError::BadRequest(format!(
            "Registration keys are available only for sites with authentication_mode 'site'; site '{}' uses 'connector'",
            site.name
        )))
    }
}

fn prune_expired(site: &mut Site, now: OffsetDateTime) {
    site.registration_keys
        .retain(|k| k.expiration_date.is_none_or(|expires| expires > now));
}

impl Tenant {
    pub fn registration_keys(
        &mut self,
        site_id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Vec<RegistrationKey>, EmulatorError> {
        let site = self.site_mut(site_id)?;
        require_site_mode(site)?;
        prune_expired(site, now);
        Ok(site.registration_keys.clone())
    }

    /// Returns the new key's id and its secret (shown only here).
    pub fn rotate_registration_key(
        &mut self,
        site_id: Uuid,
        revoke_immediately: bool,
        now: OffsetDateTime,
        rng: &mut impl Rng,
    ) -> Result<(Uuid, String), EmulatorError> {
        let site = self.site_mut(site_id)?;
        require_site_mode(site)?;
        prune_expired(site, now);
        let key = RegistrationKey {
            id: names::uuid(rng),
            secret: new_secret(rng),
            date_created: now,
            last_used: None,
            expiration_date: None,
        };
        let result = (key.id, key.secret.clone());
        let previous = site.registration_keys.first().cloned();
        site.registration_keys = match previous {
            Some(mut old) if !revoke_immediately => {
                let grace_end = now + GRACE;
                old.expiration_date =
                    Some(old.expiration_date.map_or(grace_end, |e| e.min(grace_end)));
                vec![key, old]
            }
            _ => vec![key],
        };
        Ok(result)
    }

    pub fn clean_registration_keys(&mut self, site_id: Uuid) -> Result<(), EmulatorError> {
        let site = self.site_mut(site_id)?;
        require_site_mode(site)?;
        site.registration_keys.clear();
        Ok(())
    }
}

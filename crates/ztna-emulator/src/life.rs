//! The tenant's life and the service's bad days, driven from `/_emulator/…` and the library:
//! connectors registering by themselves, DNS server health, token lifetime, added latency,
//! random errors, 429 storms and dropped connections.

use std::io;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use time::OffsetDateTime;

use crate::error::ApiError;
use crate::gate::{is_control, rate_limit_message};
use crate::state::chaos::ChaosSettings;
use crate::state::Tenant;
use crate::{lock, timefmt, Emulator, EmulatorError};

/// Longest added latency, so a typo cannot hang a client for hours.
const MAX_LATENCY_MS: u64 = 60_000;
/// Longest 429 storm.
const MAX_STORM_SECS: u64 = 3_600;

impl Emulator {
    /// The current degraded-service settings.
    pub fn chaos(&self) -> ChaosSettings {
        lock(&self.inner.chaos).settings(Instant::now())
    }

    /// Adds `ms` milliseconds to every API request (0: none).
    pub fn set_latency(&self, ms: u64) -> Result<(), EmulatorError> {
        if ms > MAX_LATENCY_MS {
            return Err(EmulatorError::BadRequest(format!(
                "ms must be at most {MAX_LATENCY_MS}"
            )));
        }
        lock(&self.inner.chaos).latency = Duration::from_millis(ms);
        Ok(())
    }

    /// Makes `percent`% of API requests fail with `status` (0 removes the status).
    pub fn set_error_rate(&self, status: u16, percent: u8) -> Result<(), EmulatorError> {
        if !(400..=599).contains(&status) {
            return Err(EmulatorError::BadRequest(format!(
                "status must be an HTTP error status (400..=599), got {status}"
            )));
        }
        let mut chaos = lock(&self.inner.chaos);
        let others: u32 = chaos
            .error_rates
            .iter()
            .filter(|(s, _)| **s != status)
            .map(|(_, p)| u32::from(*p))
            .sum();
        if u32::from(percent) + others > 100 {
            return Err(EmulatorError::BadRequest(format!(
                "error rates add up to more than 100% ({others}% already set for other statuses)"
            )));
        }
        if percent == 0 {
            chaos.error_rates.remove(&status);
        } else {
            chaos.error_rates.insert(status, percent);
        }
        Ok(())
    }

    /// Every API request is answered 429 for the next `secs` seconds (0 ends a storm).
    pub fn start_storm(&self, secs: u64) -> Result<(), EmulatorError> {
        if secs > MAX_STORM_SECS {
            return Err(EmulatorError::BadRequest(format!(
                "seconds must be at most {MAX_STORM_SECS}"
            )));
        }
        lock(&self.inner.chaos).storm_until =
            (secs > 0).then(|| Instant::now() + Duration::from_secs(secs));
        Ok(())
    }

    /// Closes the connections of the next `count` API requests without answering.
    pub fn drop_connections(&self, count: u32) {
        lock(&self.inner.chaos).drops_pending = count;
    }

    /// Back to a healthy service: no latency, errors, storm or drops.
    pub fn clear_chaos(&self) {
        *lock(&self.inner.chaos) = Default::default();
    }

    /// Lifetime of tokens issued from now on (tokens already issued keep theirs).
    pub fn set_token_ttl(&self, secs: u64) {
        lock(&self.inner.tokens).set_ttl(secs);
    }

    /// Lifetime of newly issued tokens, in seconds.
    pub fn token_ttl_secs(&self) -> u64 {
        lock(&self.inner.tokens).ttl_secs()
    }

    /// A DNS server stops (`false`) or starts (`true`) answering; its group fails over to the
    /// next healthy server in priority order (as `POST /_emulator/dns/servers/{id}/health`).
    pub fn set_dns_server_health(&self, id: &str, healthy: bool) -> Result<(), EmulatorError> {
        self.tenant()
            .set_dns_server_health(id, healthy, timefmt::now())
    }

    /// What happens in the tenant between requests; run before each API request.
    pub(crate) fn tick(&self) {
        if let Some(after) = self.inner.config.auto_register_after_secs {
            let since = timefmt::anchor();
            let after = time::Duration::seconds(i64::try_from(after).unwrap_or(i64::MAX));
            self.tenant()
                .auto_register(since, after, timefmt::now(), &mut rand::thread_rng());
        }
    }

    fn count_dropped(&self) {
        lock(&self.inner.stats).dropped_total += 1;
    }

    fn count_random_error(&self) {
        lock(&self.inner.stats).random_errors_total += 1;
    }
}

impl Tenant {
    /// Registers the connectors created after `since` that have waited `after` for their
    /// container, while their one-time password is still valid. Returns how many registered.
    pub fn auto_register(
        &mut self,
        since: OffsetDateTime,
        after: time::Duration,
        now: OffsetDateTime,
        rng: &mut impl rand::Rng,
    ) -> usize {
        let due: Vec<uuid::Uuid> = self
            .connectors
            .values()
            .filter(|c| {
                c.registration.is_none()
                    && c.date_created > since
                    && c.date_created + after <= now
                    && now <= c.date_otp_expire
            })
            .map(|c| c.id)
            .collect();
        due.iter()
            .filter(|id| self.register_connector(**id, now, rng).is_ok())
            .count()
    }
}

/// Part of the gate for API requests, before the rate limit: latency, the tenant's clock,
/// storms and random errors. `Some` is the answer to send instead of the handler's.
pub(crate) async fn degrade(emulator: &Emulator) -> Option<Response> {
    let latency = lock(&emulator.inner.chaos).latency;
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    emulator.tick();
    let (storming, error) = {
        let chaos = lock(&emulator.inner.chaos);
        (
            chaos.storming(Instant::now()),
            chaos.roll_error(&mut rand::thread_rng()),
        )
    };
    if storming {
        return Some(
            ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                rate_limit_message(emulator.limiter().rate().max(1)),
            )
            .into_response(),
        );
    }
    if let Some(status) = error {
        emulator.count_random_error();
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        let message = match status {
            StatusCode::TOO_MANY_REQUESTS => rate_limit_message(emulator.limiter().rate().max(1)),
            StatusCode::SERVICE_UNAVAILABLE => {
                "Service temporarily unavailable, please retry later".to_owned()
            }
            StatusCode::GATEWAY_TIMEOUT => "Upstream request timeout".to_owned(),
            _ => "Internal error - failed to process request".to_owned(),
        };
        return Some(ApiError::new(status, message).into_response());
    }
    None
}

/// Outermost middleware: while drops are pending, an API request gets no answer at all —
/// the response body fails before anything is written, so hyper closes the connection.
pub(crate) async fn drop_connections(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if !is_control(path) && lock(&emulator.inner.chaos).take_drop() {
        emulator.count_dropped();
        tracing::debug!(%path, "dropping the connection as asked by /_emulator/drop");
        let broken = futures::stream::once(async {
            Err::<Bytes, io::Error>(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "connection dropped by /_emulator/drop",
            ))
        });
        return Response::new(Body::from_stream(broken));
    }
    next.run(request).await
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::state::connectors::ConnectorInput;
    use crate::state::Field;
    use crate::EmulatorConfig;

    fn tenant() -> Tenant {
        let config = EmulatorConfig {
            users: 20,
            groups: 5,
            audit_logs: 0,
            forensics_logs: 0,
            ..EmulatorConfig::default()
        };
        crate::seed::seed_tenant(&config, timefmt::anchor())
    }

    fn create(t: &mut Tenant, name: &str, at: OffsetDateTime) -> uuid::Uuid {
        let site = t.fixed_sites[0];
        t.create_connector(
            site,
            ConnectorInput {
                name: Field::Value(name.into()),
                deployment_type: Field::Value("linux".into()),
                ..ConnectorInput::default()
            },
            at,
        )
        .unwrap()
    }

    #[test]
    fn otp_expires_after_a_day() {
        let mut t = tenant();
        let mut rng = rand::thread_rng();
        let t0 = timefmt::anchor() + time::Duration::minutes(1);
        let late = create(&mut t, "late", t0);
        let err = t
            .register_connector(late, t0 + time::Duration::hours(25), &mut rng)
            .unwrap_err();
        assert!(err.to_string().contains("expired"), "{err}");
        assert!(t.connector(late).unwrap().registration.is_none());
        let on_time = create(&mut t, "on-time", t0);
        t.register_connector(on_time, t0 + time::Duration::hours(23), &mut rng)
            .unwrap();
        assert!(t.connector(on_time).unwrap().otp.is_none());
    }

    #[test]
    fn auto_registration_waits_and_skips_expired_and_seeded() {
        let mut t = tenant();
        let mut rng = rand::thread_rng();
        let since = timefmt::anchor();
        let t0 = since + time::Duration::minutes(1);
        let fresh = create(&mut t, "fresh", t0);
        let after = time::Duration::seconds(30);
        assert_eq!(
            t.auto_register(since, after, t0 + time::Duration::seconds(10), &mut rng),
            0
        );
        assert_eq!(
            t.auto_register(since, after, t0 + time::Duration::seconds(31), &mut rng),
            1
        );
        assert!(t.connector(fresh).unwrap().registration.is_some());
        let stale = create(&mut t, "stale", t0);
        assert_eq!(
            t.auto_register(since, after, t0 + time::Duration::hours(30), &mut rng),
            0
        );
        assert!(t.connector(stale).unwrap().registration.is_none());
        // Seeded connectors awaiting registration were created before `since`.
        assert!(t
            .connectors
            .values()
            .any(|c| c.registration.is_none() && c.date_created < since));
    }
}

//! Emulator configuration.

use std::fmt;

/// How the emulated tenant is seeded and which credentials it accepts.
///
/// `Debug` is written by hand so that the client secret and the static client token never end
/// up in a log line.
#[derive(Clone)]
pub struct EmulatorConfig {
    /// Seed of the deterministic demo tenant: the same seed always gives the same ids and names.
    pub seed: u64,
    /// Number of sites to seed (at least the three fixed editor sites are always created).
    pub sites: usize,
    /// Number of connectors to seed (the three fixed sites always get their 8 connectors).
    pub connectors: usize,
    /// Tenant name, as in `api.<tenant>.luminatesec.com`.
    pub tenant: String,
    /// API client id accepted by `POST /v1/oauth/token`.
    pub client_id: String,
    /// API client secret accepted by `POST /v1/oauth/token`.
    pub client_secret: String,
    /// A static "client token", accepted as a bearer value without any token call.
    pub client_token: Option<String>,
    /// Tenant-wide request budget per second (0 disables the limit).
    pub rate_per_second: u32,
    /// Lifetime of issued access tokens, in seconds.
    pub token_ttl_secs: u64,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            sites: 40,
            connectors: 120,
            tenant: "acme".to_owned(),
            client_id: "emulator-client-id".to_owned(),
            client_secret: "emulator-client-secret".to_owned(),
            client_token: None,
            rate_per_second: 5,
            token_ttl_secs: 3600,
        }
    }
}

impl fmt::Debug for EmulatorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorConfig")
            .field("seed", &self.seed)
            .field("sites", &self.sites)
            .field("connectors", &self.connectors)
            .field("tenant", &self.tenant)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field(
                "client_token",
                &self.client_token.as_ref().map(|_| "<redacted>"),
            )
            .field("rate_per_second", &self.rate_per_second)
            .field("token_ttl_secs", &self.token_ttl_secs)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_secrets() {
        let config = EmulatorConfig {
            client_secret: "s3cr3t-value".into(),
            client_token: Some("static-token-value".into()),
            ..EmulatorConfig::default()
        };
        let text = format!("{config:?}");
        assert!(!text.contains("s3cr3t-value"));
        assert!(!text.contains("static-token-value"));
        assert!(text.contains("emulator-client-id"));
    }
}

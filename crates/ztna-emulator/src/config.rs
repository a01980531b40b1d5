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
    /// Users seeded across the identity providers (the reference's example users included).
    pub users: usize,
    /// Identity groups seeded across the identity providers, with members.
    pub groups: usize,
    /// Users seeded as blocked.
    pub blocked_users: usize,
    /// DNS resiliency groups, each with 2 to 4 servers on seeded sites.
    pub dns_groups: usize,
    /// SSH clients.
    pub ssh_clients: usize,
    /// Cloud integrations (the reference's two examples first).
    pub cloud_integrations: usize,
    /// Audit log documents over the last 30 days.
    pub audit_logs: usize,
    /// Forensics log documents over the last 30 days.
    pub forensics_logs: usize,
    /// When set, a connector created through the API registers by itself this many seconds
    /// after creation (as if its container had been started). Off by default.
    pub auto_register_after_secs: Option<u64>,
    /// Applications seeded across sites and collections (every type; a few left unbound).
    pub applications: usize,
    /// Access and activity policies.
    pub policies: usize,
    /// Collections, the default collection included (at least 1).
    pub collections: usize,
    /// Role bindings (every role type), naming subjects of the tenant directory.
    pub role_bindings: usize,
    /// Also seed the reference's own example objects under their documented ids (sites
    /// DataCenterEurope, TestSite and SiteName, application TestApplication, policy
    /// "Contractors Policy to Jira", the example collections and role binding), so the
    /// reference's examples work as written. They count towards the sizes above, except
    /// the three sites, which come on top of `sites`.
    pub reference_examples: bool,
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
            users: 2_000,
            groups: 80,
            blocked_users: 15,
            dns_groups: 6,
            ssh_clients: 20,
            cloud_integrations: 2,
            audit_logs: 50_000,
            forensics_logs: 200_000,
            auto_register_after_secs: None,
            applications: 400,
            policies: 60,
            collections: 8,
            role_bindings: 50,
            reference_examples: true,
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
            .field("users", &self.users)
            .field("groups", &self.groups)
            .field("blocked_users", &self.blocked_users)
            .field("dns_groups", &self.dns_groups)
            .field("ssh_clients", &self.ssh_clients)
            .field("cloud_integrations", &self.cloud_integrations)
            .field("audit_logs", &self.audit_logs)
            .field("forensics_logs", &self.forensics_logs)
            .field("auto_register_after_secs", &self.auto_register_after_secs)
            .field("applications", &self.applications)
            .field("policies", &self.policies)
            .field("collections", &self.collections)
            .field("role_bindings", &self.role_bindings)
            .field("reference_examples", &self.reference_examples)
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

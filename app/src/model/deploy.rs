//! THE one secret-bearing view model: a connector's deployment command and environment.
//!
//! Both hold the connector's one-time password. This value is produced only by the
//! server function `connector_deployment` (and the no-JavaScript form action that renders
//! the same thing once, uncached), called only by the deploy view when the person asks
//! for it; it is never part of a page's server-rendered state, never cached, never
//! logged (its `Debug` is redacted).

use crate::model::wizard::DeployKind;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the person must know before copying a deployment command.
pub const SECRET_NOTE: &str = "Anyone who has it can register a connector into this site until it is used or expires. Run it on the host, and do not paste it into tickets, chat or documentation.";

#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentView {
    pub connector_id: String,
    pub connector_name: String,
    pub kind: Option<DeployKind>,
    pub deployment_label: String,
    /// The tenant's deployment command, verbatim.
    pub command: String,
    pub container_name: String,
    /// The environment, formatted for the deployment type (env file, PowerShell, YAML).
    pub environment: String,
    /// How `environment` is formatted, e.g. "Environment file (.env)".
    pub environment_format: String,
    /// Seconds until the one-time password expires (negative: expired; `None`: registered).
    pub otp_expires_in: Option<i64>,
}

impl fmt::Debug for DeploymentView {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeploymentView")
            .field("connector_id", &self.connector_id)
            .field("command", &"REDACTED")
            .field("environment", &"REDACTED")
            .finish()
    }
}

/// The environment variables in the form the deployment type uses.
pub fn format_environment(kind: Option<DeployKind>, vars: &[(String, String)]) -> (String, String) {
    match kind {
        Some(DeployKind::Windows) => (
            "PowerShell".to_string(),
            vars.iter()
                .map(|(k, v)| format!("$env:{k} = '{}'", v.replace('\'', "''")))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Some(DeployKind::Kubernetes) => (
            "Kubernetes container env (YAML)".to_string(),
            std::iter::once("env:".to_string())
                .chain(vars.iter().map(|(k, v)| {
                    format!(
                        "  - name: {k}\n    value: \"{}\"",
                        v.replace('\\', "\\\\").replace('"', "\\\"")
                    )
                }))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => (
            "Environment file (.env)".to_string(),
            vars.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

/// A registration key just created by a rotation: shown once, then gone.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct NewRegistrationKey {
    pub site_id: String,
    pub key_id: String,
    pub key: String,
    /// Was the previous key revoked at once (else it keeps working for its grace period)?
    pub revoked_previous: bool,
}

impl fmt::Debug for NewRegistrationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewRegistrationKey")
            .field("key_id", &self.key_id)
            .field("key", &"REDACTED")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> Vec<(String, String)> {
        vec![
            ("OTP".to_string(), "abc".to_string()),
            ("HTTPS_SKIP_CERT_VERIFY".to_string(), "true".to_string()),
        ]
    }

    #[test]
    fn environment_per_deployment_type() {
        let (_, env) = format_environment(Some(DeployKind::Linux), &vars());
        assert_eq!(env, "OTP=abc\nHTTPS_SKIP_CERT_VERIFY=true");
        let (_, ps) = format_environment(Some(DeployKind::Windows), &vars());
        assert!(ps.starts_with("$env:OTP = 'abc'"));
        let (format, yaml) = format_environment(Some(DeployKind::Kubernetes), &vars());
        assert!(format.contains("YAML"));
        assert!(yaml.starts_with("env:\n  - name: OTP\n    value: \"abc\""));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let view = DeploymentView {
            connector_id: "c".into(),
            connector_name: "n".into(),
            kind: None,
            deployment_label: "Linux".into(),
            command: "docker run -e OTP='s3cret'".into(),
            container_name: "n".into(),
            environment: "OTP=s3cret".into(),
            environment_format: String::new(),
            otp_expires_in: None,
        };
        assert!(!format!("{view:?}").contains("s3cret"));
        let key = NewRegistrationKey {
            site_id: "s".into(),
            key_id: "k".into(),
            key: "s3cret".into(),
            revoked_previous: false,
        };
        assert!(!format!("{key:?}").contains("s3cret"));
    }
}

//! The deployment command and environment of a connector.
//!
//! Both contain the one-time password while the connector awaits registration (that is what
//! makes them secret); once registered, the OTP is gone from the command and is `null` in the
//! environment. The Linux command reproduces the reference's Docker example byte for byte,
//! formatting quirks included; the other types get the equivalent for their platform.

use serde::Serialize;
use serde_json::Value;

use crate::state::model::{Connector, DeploymentType};
use crate::state::Tenant;

#[derive(Debug, Serialize)]
pub(crate) struct CommandView {
    pub deployment_commands: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnvVar {
    pub name: &'static str,
    pub value: Value,
}

#[derive(Debug, Serialize)]
pub(crate) struct EnvironmentView {
    pub container_name: String,
    pub environment_variables: Vec<EnvVar>,
}

fn log_level(c: &Connector) -> &'static str {
    if c.send_logs {
        "debug"
    } else {
        "info"
    }
}

/// A Helm release name must be a lowercase DNS label.
fn release_name(name: &str) -> String {
    let lowered: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = lowered.trim_matches('-');
    let mut out: String = trimmed.chars().take(53).collect();
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "luminate-connector".to_owned()
    } else {
        out
    }
}

pub(crate) fn command(tenant: &Tenant, c: &Connector) -> CommandView {
    let endpoint = &tenant.endpoint_url;
    let tid = &tenant.tenant_identifier;
    let version = &tenant.latest_version;
    let name = &c.name;
    let level = log_level(c);
    let otp = c.otp.as_deref();

    let deployment_commands = match c.deployment_type {
        DeploymentType::Linux => {
            let otp_part = otp.map_or_else(String::new, |otp| format!("-e OTP='{otp}' \\ "));
            format!(
                "sudo docker run --ulimit nofile=2048 -e ENDPOINT_URL='{endpoint}' \\\n-e TENANT_IDENTIFIER='{tid}' \\ --network=host \\\n-d \\ --name='{name}' \\ --restart=on-failure \\ -e HTTPS_SKIP_CERT_VERIFY='true' \\\n{otp_part}-e LOG_LEVEL={level} \\ -e DISABLE_ERROR_TRACKER=true \\\nluminate/connector:{version}\n"
            )
        }
        DeploymentType::Windows => {
            let otp_part = otp.map_or_else(String::new, |otp| format!("  -e OTP='{otp}' `\n"));
            format!(
                "docker run --ulimit nofile=2048 `\n  -e ENDPOINT_URL='{endpoint}' `\n  -e TENANT_IDENTIFIER='{tid}' `\n  -d --name '{name}' --restart=on-failure `\n  -e HTTPS_SKIP_CERT_VERIFY='true' `\n{otp_part}  -e LOG_LEVEL={level} -e DISABLE_ERROR_TRACKER=true `\n  luminate/connector:{version}\n"
            )
        }
        DeploymentType::DockerCompose => {
            let otp_part = otp.map_or_else(String::new, |otp| format!("      OTP: '{otp}'\n"));
            format!(
                "cat > docker-compose.yml <<'EOF'\nservices:\n  luminate-connector:\n    image: luminate/connector:{version}\n    container_name: '{name}'\n    network_mode: host\n    restart: on-failure\n    ulimits:\n      nofile: 2048\n    environment:\n      ENDPOINT_URL: '{endpoint}'\n      TENANT_IDENTIFIER: '{tid}'\n      HTTPS_SKIP_CERT_VERIFY: 'true'\n{otp_part}      LOG_LEVEL: {level}\n      DISABLE_ERROR_TRACKER: 'true'\n    volumes:\n      - luminate-connector-data:/opt/luminate\nvolumes:\n  luminate-connector-data:\nEOF\nsudo docker compose up -d\n"
            )
        }
        DeploymentType::Kubernetes => {
            let release = release_name(name);
            let otp_part = otp.map_or_else(String::new, |otp| format!("  --set otp='{otp}' \\\n"));
            let volume_part = c
                .kubernetes_persistent_volume_name
                .as_deref()
                .map_or_else(String::new, |pv| {
                    format!("  --set persistence.existingClaim='{pv}' \\\n")
                });
            format!(
                "helm repo add luminate https://charts.luminatesec.com && helm repo update && \\\nhelm upgrade --install '{release}' luminate/luminate-connector \\\n  --namespace luminate --create-namespace \\\n  --set connector.name='{name}' \\\n  --set endpointUrl='{endpoint}' \\\n  --set tenantIdentifier='{tid}' \\\n{otp_part}{volume_part}  --set image.tag='{version}' \\\n  --set httpsSkipCertVerify=true --set logLevel={level} --set disableErrorTracker=true\n"
            )
        }
    };
    CommandView {
        deployment_commands,
    }
}

pub(crate) fn environment(tenant: &Tenant, c: &Connector) -> EnvironmentView {
    let var = |name: &'static str, value: Value| EnvVar { name, value };
    EnvironmentView {
        container_name: c.name.clone(),
        environment_variables: vec![
            var("ENDPOINT_URL", Value::from(tenant.endpoint_url.clone())),
            var(
                "TENANT_IDENTIFIER",
                Value::from(tenant.tenant_identifier.clone()),
            ),
            var("HTTPS_SKIP_CERT_VERIFY", Value::Bool(true)),
            var("OTP", c.otp.clone().map_or(Value::Null, Value::from)),
            var("LOG_LEVEL", Value::from(log_level(c))),
            var("DISABLE_ERROR_TRACKER", Value::Bool(true)),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_names_are_dns_labels() {
        assert_eq!(
            release_name("Frankfurt-Datacenter-Connector-1"),
            "frankfurt-datacenter-connector-1"
        );
        assert_eq!(release_name("__"), "luminate-connector");
        assert!(release_name(&"x".repeat(100)).len() <= 53);
    }
}

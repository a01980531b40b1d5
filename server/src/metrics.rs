//! `/metrics` in Prometheus text: the queue's figures (registered by the tenant client)
//! plus the console's own.

use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{header, StatusCode};
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use ztna_client::TenantClient;

pub type Labels = Vec<(String, String)>;

pub struct Metrics {
    registry: Registry,
    pub sign_ins: Family<Labels, Counter>,
    pub jobs: Family<Labels, Counter>,
}

impl Metrics {
    pub fn new(client: &TenantClient) -> Metrics {
        let mut registry = Registry::default();
        client.register_metrics(&mut registry);
        let sign_ins = Family::<Labels, Counter>::default();
        registry.register(
            "console_sign_ins",
            "Console sign-in attempts by outcome (ok, invalid, throttled)",
            sign_ins.clone(),
        );
        let jobs = Family::<Labels, Counter>::default();
        registry.register("jobs", "Bulk jobs by kind and final state", jobs.clone());
        Metrics {
            registry,
            sign_ins,
            jobs,
        }
    }

    pub fn sign_in(&self, outcome: &str) {
        self.sign_ins
            .get_or_create(&vec![("outcome".to_string(), outcome.to_string())])
            .inc();
    }

    pub fn job_finished(&self, kind: &str, state: &str) {
        self.jobs
            .get_or_create(&vec![
                ("kind".to_string(), kind.to_string()),
                ("state".to_string(), state.to_string()),
            ])
            .inc();
    }

    pub fn render(&self) -> Result<String, std::fmt::Error> {
        let mut text = String::new();
        encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

pub async fn handler(State(state): State<AppState>) -> Response {
    match state.metrics.render() {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

//! The router's state.

use crate::metrics::Metrics;
use crate::throttle::LoginThrottle;
use app::ssr::state::ConsoleState;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub console: ConsoleState,
    pub throttle: Arc<LoginThrottle>,
    pub metrics: Arc<Metrics>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

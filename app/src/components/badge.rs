//! Status badges: colour is never the only signal, the text always says it.

use crate::model::{ConnectorState, Health};
use leptos::prelude::*;

#[component]
pub fn HealthBadge(health: Health) -> impl IntoView {
    let class = format!("badge badge-{}", health.tone());
    view! { <span class=class>{health.label()}</span> }
}

#[component]
pub fn StateBadge(state: ConnectorState) -> impl IntoView {
    let class = format!("badge badge-{}", state.tone());
    view! { <span class=class>{state.label()}</span> }
}

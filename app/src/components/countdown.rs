//! A live countdown: the server renders the remaining time, the browser counts down.

use crate::model::wizard::remaining;
use leptos::prelude::*;

/// Seconds left, ticking down once a second in the browser (from the deadline, so a
/// throttled background tab stays right). On the server it is the value it starts with.
pub fn use_countdown(seconds: i64) -> RwSignal<i64> {
    let left = RwSignal::new(seconds);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let deadline = js_sys::Date::now() + (seconds as f64) * 1000.0;
        if let Ok(handle) = set_interval_with_handle(
            move || {
                let now = js_sys::Date::now();
                let secs = ((deadline - now) / 1000.0).ceil() as i64;
                if left.get_untracked() != secs {
                    left.set(secs);
                }
            },
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    });
    left
}

/// The remaining time as text, with the exact deadline as its tooltip.
#[component]
pub fn Countdown(left: RwSignal<i64>, #[prop(optional)] exact: Option<String>) -> impl IntoView {
    view! {
        <time class="countdown" title=exact role="timer">
            {move || remaining(left.get())}
        </time>
    }
}

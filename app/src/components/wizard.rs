//! The steps of a wizard, with the current one marked.

use leptos::prelude::*;

/// The steps of deploying a connector-mode site.
pub const CONNECTOR_STEPS: [&str; 4] = ["Site", "Connectors", "Deploy", "Running"];
/// The steps of deploying a site-mode site.
pub const SITE_KEY_STEPS: [&str; 2] = ["Site", "Registration key"];

/// `current` is 1-based.
#[component]
pub fn WizardSteps(steps: &'static [&'static str], current: usize) -> impl IntoView {
    view! {
        <ol class="steps" aria-label="Steps">
            {steps
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let n = i + 1;
                    let (class, state) = if n < current {
                        ("step step-done", "done")
                    } else if n == current {
                        ("step step-current", "current")
                    } else {
                        ("step", "to do")
                    };
                    let aria_current = (n == current).then_some("step");
                    view! {
                        <li class=class aria-current=aria_current>
                            <span class="step-number" aria-hidden="true">
                                {n}
                            </span>
                            <span class="step-label">{*label}</span>
                            <span class="visually-hidden">{format!(" ({state})")}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

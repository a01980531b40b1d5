//! The new-site wizard, step 1: the site itself (tenant admins only).
//!
//! A plain `ActionForm`: without JavaScript it posts to the server function, which sends
//! the browser on to the next step, or back here with the typed values and the message
//! at the field.

use crate::api::regions::list_regions;
use crate::api::sites::CreateSite;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{invalid, last_error, FieldError, FormError};
use crate::components::wizard::{WizardSteps, CONNECTOR_STEPS};
use crate::model::wizard::RegionOption;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// What the person typed, when a form without JavaScript came back with an error.
#[derive(Clone, Debug, Default)]
struct Typed {
    name: String,
    region: String,
    mode: String,
    notifications: bool,
}

#[component]
pub fn NewSitePage() -> impl IntoView {
    let query = use_query_map();
    let typed = query.with_untracked(|q| Typed {
        name: q.get("name").unwrap_or_default(),
        region: q.get("region").unwrap_or_default(),
        mode: q.get("mode").unwrap_or_else(|| "connector".into()),
        notifications: q.get("notifications").as_deref() != Some("off"),
    });
    let regions = Resource::new(|| (), |_| list_regions());
    let create = ServerAction::<CreateSite>::new();
    view! {
        <Title text="New site"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
        </nav>
        <WizardSteps steps=&CONNECTOR_STEPS current=1/>
        <header class="page-header">
            <h1>"New site"</h1>
            <p class="muted">
                "A site is a place your applications live, such as a datacenter or an office. Connectors deployed there link it to the tenant."
            </p>
        </header>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading regions…"</p> }>
            {move || {
                let typed = typed.clone();
                Suspend::new(async move {
                    match regions.await {
                        Ok(regions) => view! { <NewSiteForm regions typed create/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn NewSiteForm(
    regions: Vec<RegionOption>,
    typed: Typed,
    create: ServerAction<CreateSite>,
) -> impl IntoView {
    let error = last_error(create.value());
    let pending = create.pending();
    let chosen_region = if typed.region.is_empty() {
        regions
            .iter()
            .find(|r| r.is_default)
            .map(|r| r.name.clone())
            .unwrap_or_default()
    } else {
        typed.region.clone()
    };
    let site_mode = typed.mode == "site";
    view! {
        <ActionForm action=create attr:class="panel stack form-panel" attr:novalidate=true>
            <FormError error/>
            <div class="field">
                <label for="site-name">"Name"</label>
                <input
                    id="site-name"
                    name="name"
                    type="text"
                    required
                    minlength="2"
                    maxlength="700"
                    autocomplete="off"
                    value=typed.name.clone()
                    aria-invalid=invalid(error, "name")
                    aria-describedby="site-name-hint site-name-error"
                />
                <p class="hint" id="site-name-hint">
                    "2 to 700 characters, unique in the tenant, e.g. “Paris Office”."
                </p>
                <FieldError error field="name" id="site-name-error"/>
            </div>
            <div class="field">
                <label for="site-region">"Region"</label>
                <select
                    id="site-region"
                    name="region"
                    aria-describedby="site-region-hint site-region-error"
                    aria-invalid=invalid(error, "region")
                >
                    {regions
                        .into_iter()
                        .map(|r| {
                            let selected = r.name == chosen_region;
                            let label = if r.is_default {
                                format!("{} (default)", r.name)
                            } else {
                                r.name.clone()
                            };
                            view! {
                                <option value=r.name selected=selected>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <p class="hint" id="site-region-hint">
                    "The connectivity region closest to the site: connectors connect to the tenant through it."
                </p>
                <FieldError error field="region" id="site-region-error"/>
            </div>
            <fieldset class="field choice-group" aria-describedby="site-mode-warning site-mode-error">
                <legend>"How connectors authenticate"</legend>
                <label class="choice">
                    <input type="radio" name="mode" value="connector" checked=!site_mode/>
                    <span class="choice-text">
                        <strong>"Connector (one-time password)"</strong>
                        <span class="hint">
                            "You create each connector here. The console shows a deployment command with a one-time password, valid for 24 hours; the connector uses it once to register and then keeps its certificate on persistent storage. Suits hosts you run yourself."
                        </span>
                    </span>
                </label>
                <label class="choice">
                    <input type="radio" name="mode" value="site" checked=site_mode/>
                    <span class="choice-text">
                        <strong>"Site (registration key)"</strong>
                        <span class="hint">
                            "The site gets a long-lived registration key, shown once. Every connector container started with it registers itself; no persistent storage is needed. Suits orchestrators such as Kubernetes or Fargate that start and stop containers on their own."
                        </span>
                    </span>
                </label>
                <p class="notice notice-warn" id="site-mode-warning">
                    <strong>"This cannot be changed later."</strong>
                    " The tenant fixes the authentication mode when the site is created."
                </p>
                <FieldError error field="mode" id="site-mode-error"/>
            </fieldset>
            <div class="field">
                <label class="choice">
                    <input
                        type="checkbox"
                        name="notifications"
                        value="on"
                        checked=typed.notifications
                        aria-describedby="site-notify-hint"
                    />
                    <span class="choice-text">
                        <strong>"Send health notifications"</strong>
                        <span class="hint" id="site-notify-hint">
                            "Tenant admins are notified when the site or its connectors go offline."
                        </span>
                    </span>
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Creating…" } else { "Create site" }}
                </button>
                <a class="btn btn-quiet" href="/sites">"Cancel"</a>
            </div>
        </ActionForm>
    }
    .into_any()
}

//! The wizard's step 2 for connector-mode sites: add a connector (also reached from the
//! site page's "Add connector"). The site's connectors so far are listed with their state.

use crate::api::connectors::{get_site_connectors, CreateConnector};
use crate::components::badge::StateBadge;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{invalid, last_error, FieldError, FormError};
use crate::components::wizard::{WizardSteps, CONNECTOR_STEPS};
use crate::model::wizard::{DeployKind, SiteConnectors};
use crate::model::{encode_component, SiteMode};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[derive(Clone, Debug, Default)]
struct Typed {
    name: String,
    deployment: String,
    enabled: bool,
    send_logs: bool,
    volume: String,
}

#[component]
pub fn NewConnectorPage() -> impl IntoView {
    let params = use_params_map();
    let site_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let query = use_query_map();
    let typed = query.with_untracked(|q| Typed {
        name: q.get("name").unwrap_or_default(),
        deployment: q.get("deployment").unwrap_or_else(|| "linux".into()),
        enabled: q.get("enabled").as_deref() != Some("off"),
        send_logs: q.get("send_logs").as_deref() == Some("on"),
        volume: q.get("volume").unwrap_or_default(),
    });
    let site = Resource::new(move || site_id.get(), get_site_connectors);
    let create = ServerAction::<CreateConnector>::new();
    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading site…"</p> }>
            {move || {
                let typed = typed.clone();
                Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! { <NewConnectorBody site typed create/> }.into_any(),
                        Err(error) => {
                            view! {
                                <Title text="Add a connector"/>
                                <nav class="breadcrumbs" aria-label="Breadcrumb">
                                    <a href="/sites">"Sites"</a>
                                </nav>
                                <ErrorPanel error/>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn NewConnectorBody(
    site: SiteConnectors,
    typed: Typed,
    create: ServerAction<CreateConnector>,
) -> impl IntoView {
    let site_href = format!("/sites/{}", encode_component(&site.site_id));
    let title = format!("Add a connector to {}", site.site_name);
    if site.mode == SiteMode::Site {
        let keys_href = format!("{site_href}/keys");
        return view! {
            <Title text=title.clone()/>
            <nav class="breadcrumbs" aria-label="Breadcrumb">
                <a href="/sites">"Sites"</a>
                <a href=site_href>{site.site_name.clone()}</a>
            </nav>
            <header class="page-header">
                <h1>{title}</h1>
            </header>
            <section class="panel">
                <p>
                    "This site uses a registration key: its connectors register themselves when a container starts with the key. They are not created here."
                </p>
                <a class="btn btn-primary" href=keys_href>"Manage the registration key"</a>
            </section>
        }
        .into_any();
    }
    let error = last_error(create.value());
    let pending = create.pending();
    let existing = site.connectors.clone();
    let site_id = site.site_id.clone();
    view! {
        <Title text=title.clone()/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
            <a href=site_href.clone()>{site.site_name.clone()}</a>
        </nav>
        <WizardSteps steps=&CONNECTOR_STEPS current=2/>
        <header class="page-header">
            <h1>{title}</h1>
            <p class="muted">
                "A connector is a small container on a host inside the site. Add one or more; the next step shows how to deploy each."
            </p>
        </header>
        <ActionForm action=create attr:class="panel stack form-panel" attr:novalidate=true>
            <FormError error/>
            <input type="hidden" name="site_id" value=site_id/>
            <div class="field">
                <label for="connector-name">"Name"</label>
                <input
                    id="connector-name"
                    name="name"
                    type="text"
                    required
                    maxlength="255"
                    autocomplete="off"
                    value=typed.name.clone()
                    aria-invalid=invalid(error, "name")
                    aria-describedby="connector-name-hint connector-name-error"
                />
                <p class="hint" id="connector-name-hint">
                    "Unique in the tenant; the host's name is a good choice, e.g. “paris-edge-1”."
                </p>
                <FieldError error field="name" id="connector-name-error"/>
            </div>
            <fieldset class="field choice-group deploy-kinds" aria-describedby="connector-deployment-error">
                <legend>"Where will it run?"</legend>
                {DeployKind::ALL
                    .into_iter()
                    .map(|kind| {
                        let checked = typed.deployment == kind.as_str();
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="deployment"
                                    value=kind.as_str()
                                    checked=checked
                                />
                                <span class="choice-text">
                                    <strong>{kind.label()}</strong>
                                    <span class="hint">{kind.hint()}</span>
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
                <FieldError error field="deployment" id="connector-deployment-error"/>
            </fieldset>
            // Shown for Kubernetes only (CSS :has), always present without CSS.
            <div class="field field-kubernetes">
                <label for="connector-volume">"Persistent volume (Kubernetes)"</label>
                <input
                    id="connector-volume"
                    name="volume"
                    type="text"
                    autocomplete="off"
                    value=typed.volume.clone()
                    aria-invalid=invalid(error, "volume")
                    aria-describedby="connector-volume-hint connector-volume-error"
                />
                <p class="hint" id="connector-volume-hint">
                    "The persistent volume claim where the connector keeps its TLS certificate, so it survives pod restarts."
                </p>
                <FieldError error field="volume" id="connector-volume-error"/>
            </div>
            <div class="field">
                <label class="choice">
                    <input type="checkbox" name="enabled" value="on" checked=typed.enabled/>
                    <span class="choice-text">
                        <strong>"Enabled"</strong>
                        <span class="hint">
                            "A disabled connector registers and stays in touch with the tenant, but serves no applications until enabled."
                        </span>
                    </span>
                </label>
                <label class="choice">
                    <input type="checkbox" name="send_logs" value="on" checked=typed.send_logs/>
                    <span class="choice-text">
                        <strong>"Debug logs"</strong>
                        <span class="hint">
                            "Sets the connector's log level to the highest (debug). Useful while troubleshooting."
                        </span>
                    </span>
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Creating…" } else { "Create connector" }}
                </button>
                <a class="btn btn-quiet" href=site_href.clone()>
                    "Back to the site"
                </a>
            </div>
        </ActionForm>
        <section class="panel" aria-labelledby="existing-title">
            <h2 id="existing-title">"Connectors of this site"</h2>
            {if existing.is_empty() {
                view! { <p class="muted">"None yet."</p> }.into_any()
            } else {
                let site_id = site.site_id.clone();
                view! {
                    <ul class="plain-list connector-list">
                        {existing
                            .into_iter()
                            .map(|c| {
                                let href = format!(
                                    "/sites/{}/connectors/{}",
                                    encode_component(&site_id),
                                    encode_component(&c.id),
                                );
                                view! {
                                    <li>
                                        <a href=href>{c.name}</a>
                                        " "
                                        <span class="muted">{c.deployment_label}</span>
                                        " "
                                        <StateBadge state=c.state/>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
    .into_any()
}

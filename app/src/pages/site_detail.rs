//! A site and its connectors: edit, delete, add and remove connectors, and the
//! registration keys of site-mode sites.

use crate::api::connectors::{DeleteConnector, DeleteSiteConnectors};
use crate::api::sites::{get_site_detail, DeleteSite, UpdateSite};
use crate::components::badge::{HealthBadge, StateBadge};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{invalid, last_error, FieldError, FormError};
use crate::model::{encode_component, ConnectorRow, ConnectorState, SiteDetail, SiteMode};
use crate::pages::site_keys::KeysPanel;
use crate::pages::sites::Counts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The actions of this page; created once per page so their outcome survives reloads
/// of the site.
#[derive(Clone, Copy)]
struct Actions {
    update: ServerAction<UpdateSite>,
    delete: ServerAction<DeleteSite>,
    remove: ServerAction<DeleteConnector>,
    remove_all: ServerAction<DeleteSiteConnectors>,
}

#[derive(Clone, Debug, Default)]
struct Typed {
    editing: bool,
    name: Option<String>,
    notifications: Option<bool>,
}

#[component]
pub fn SiteDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let typed = use_query_map().with_untracked(|q| Typed {
        editing: q.get("edit").is_some(),
        name: q.get("name"),
        notifications: q.get("notifications").map(|n| n != "off"),
    });
    let actions = Actions {
        update: ServerAction::<UpdateSite>::new(),
        delete: ServerAction::<DeleteSite>::new(),
        remove: ServerAction::<DeleteConnector>::new(),
        remove_all: ServerAction::<DeleteSiteConnectors>::new(),
    };
    // Once the connectors are gone, the tenant's earlier refusal no longer applies.
    Effect::new(move |_| {
        if matches!(actions.remove_all.value().get(), Some(Ok(_))) {
            actions.delete.value().set(None);
        }
    });
    let site = Resource::new(
        move || {
            (
                id.get(),
                actions.update.version().get(),
                actions.remove.version().get(),
                actions.remove_all.version().get(),
            )
        },
        |(id, _, _, _)| get_site_detail(id),
    );
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
        </nav>
        <Transition fallback=|| view! { <p class="loading" aria-busy="true">"Loading site…"</p> }>
            {move || {
                let typed = typed.clone();
                Suspend::new(async move {
                    match site.await {
                        Ok(site) => view! { <SiteBody site actions typed/> }.into_any(),
                        Err(error) => {
                            view! {
                                <Title text="Site"/>
                                <ErrorPanel error/>
                            }
                                .into_any()
                        }
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn SiteBody(site: SiteDetail, actions: Actions, typed: Typed) -> impl IntoView {
    let title = site.name.clone();
    let latest = site.latest_version.clone();
    let site_href = format!("/sites/{}", encode_component(&site.id));
    let add_href = format!("{site_href}/connectors/new");
    let connector_mode = site.mode == SiteMode::Connector;
    let can_add = site.can_manage_connectors && connector_mode;
    let site_mode = site.mode == SiteMode::Site;
    view! {
        <Title text=title/>
        <header class="page-header">
            <h1>{site.name.clone()}</h1>
            <HealthBadge health=site.health.clone()/>
        </header>
        <section class="panel">
            <dl class="facts facts-grid">
                <dt>"Region"</dt>
                <dd>{site.region.clone()}</dd>
                <dt>"Authentication"</dt>
                <dd>{site.auth_mode.clone()}</dd>
                <dt>"Connectors"</dt>
                <dd>
                    <Counts counts=site.counts/>
                </dd>
                <dt>"Applications"</dt>
                <dd>{site.applications}</dd>
                <dt>"Collections"</dt>
                <dd>{site.collections}</dd>
                <dt>"Health notifications"</dt>
                <dd>{if site.notifications_muted { "Muted" } else { "On" }}</dd>
                {site
                    .kubernetes_volume
                    .clone()
                    .map(|v| {
                        view! {
                            <dt>"Kubernetes volume"</dt>
                            <dd>
                                <code>{v}</code>
                            </dd>
                        }
                    })}
                <dt>"Latest connector version"</dt>
                <dd>{latest.unwrap_or_else(|| "unknown".to_string())}</dd>
            </dl>
        </section>
        {site.can_edit.then(|| view! { <EditSite site=site.clone() update=actions.update typed/> })}
        <section aria-labelledby="connectors-title">
            <div class="section-header">
                <h2 id="connectors-title">"Connectors"</h2>
                {can_add.then(|| view! { <a class="btn btn-primary" href=add_href>"Add connector"</a> })}
            </div>
            <FormError error=last_error(actions.remove.value())/>
            {if site.connectors.is_empty() {
                view! {
                    <div class="panel empty">
                        <p>
                            {if site_mode {
                                "No connector has registered yet. Start a connector container with the site's registration key."
                            } else {
                                "This site has no connectors yet."
                            }}
                        </p>
                    </div>
                }
                    .into_any()
            } else {
                let manage = site.can_manage_connectors;
                let site_id = site.id.clone();
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <caption class="visually-hidden">"Connectors of this site"</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"Name"</th>
                                    <th scope="col">"Status"</th>
                                    <th scope="col">"Type"</th>
                                    <th scope="col">"Version"</th>
                                    <th scope="col">"Update"</th>
                                    <th scope="col">"Last seen"</th>
                                    <th scope="col">"Host"</th>
                                    {manage.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {site
                                    .connectors
                                    .clone()
                                    .into_iter()
                                    .map(|c| {
                                        let site_id = site_id.clone();
                                        view! { <ConnectorLine c site_id manage remove=actions.remove/> }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
        {site_mode.then(|| view! { <KeysPanel site_id=site.id.clone()/> })}
        {site.can_delete.then(|| view! { <DeleteSitePanel site=site.clone() actions/> })}
    }
    .into_any()
}

/// Name and health notifications; the authentication mode is shown, not editable.
#[component]
fn EditSite(site: SiteDetail, update: ServerAction<UpdateSite>, typed: Typed) -> impl IntoView {
    let error = last_error(update.value());
    let saved = move || matches!(update.value().get(), Some(Ok(())));
    let name = typed.name.clone().unwrap_or_else(|| site.name.clone());
    let notify = typed.notifications.unwrap_or(!site.notifications_muted);
    let open = typed.editing || error.get_untracked().is_some();
    view! {
        <details class="panel edit-panel" open=open>
            <summary>"Edit site"</summary>
            <ActionForm action=update attr:class="stack form-panel" attr:novalidate=true>
                <FormError error/>
                {move || saved().then(|| view! { <p class="notice notice-ok" role="status">"Saved."</p> })}
                <input type="hidden" name="id" value=site.id.clone()/>
                <div class="field">
                    <label for="edit-name">"Name"</label>
                    <input
                        id="edit-name"
                        name="name"
                        type="text"
                        required
                        minlength="2"
                        maxlength="700"
                        value=name
                        aria-invalid=invalid(error, "name")
                        aria-describedby="edit-name-error"
                    />
                    <FieldError error field="name" id="edit-name-error"/>
                </div>
                <div class="field">
                    <label class="choice">
                        <input type="checkbox" name="notifications" value="on" checked=notify/>
                        <span class="choice-text">
                            <strong>"Send health notifications"</strong>
                        </span>
                    </label>
                </div>
                <div class="field">
                    <span class="field-label">"Authentication"</span>
                    <p class="readonly">
                        {site.mode.label()}
                        <span class="hint">" · chosen when the site was created; it cannot be changed."</span>
                    </p>
                </div>
                <div>
                    <button type="submit" class="btn btn-primary">"Save changes"</button>
                </div>
            </ActionForm>
        </details>
    }
    .into_any()
}

/// Deleting names what goes with the site, and shows the tenant's refusal as it is.
#[component]
fn DeleteSitePanel(site: SiteDetail, actions: Actions) -> impl IntoView {
    let error = last_error(actions.delete.value());
    let removed = last_error(actions.remove_all.value());
    let connectors = site.connectors.len();
    let names = site
        .connectors
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let connectors_text = match connectors {
        0 => "It has no connectors.".to_string(),
        1 => format!(
            "Its connector ({names}) must be deleted first, and its container removed from the host."
        ),
        n => format!(
            "Its {n} connectors ({names}) must be deleted first, and their containers removed from the hosts."
        ),
    };
    let applications_text = match site.applications {
        0 => "No application is bound to it.".to_string(),
        1 => "1 application is bound to it and loses its site.".to_string(),
        n => format!("{n} applications are bound to it and lose their site."),
    };
    let consequences = format!(
        "Deleting “{}” removes the site from the tenant. {connectors_text} {applications_text}",
        site.name
    );
    let remove_label = if connectors == 1 {
        "Delete its connector".to_string()
    } else {
        format!("Delete its {connectors} connectors")
    };
    let refused = move || error.get().is_some_and(|e| e.field.is_none());
    let offer_remove = connectors > 0 && site.can_manage_connectors;
    let site_id = site.id.clone();
    let site_id_all = site.id.clone();
    let open = error.get_untracked().is_some();
    view! {
        <details class="panel danger" open=open>
            <summary>"Delete site"</summary>
            <p>{consequences}</p>
            <ActionForm action=actions.delete attr:class="stack">
                <FormError error/>
                <input type="hidden" name="id" value=site_id/>
                <label class="choice">
                    <input type="checkbox" name="confirm" value="yes" aria-describedby="delete-confirm-error"/>
                    <span class="choice-text">{format!("I understand: delete “{}”", site.name)}</span>
                </label>
                <FieldError error field="confirm" id="delete-confirm-error"/>
                <div>
                    <button type="submit" class="btn btn-danger">"Delete site"</button>
                </div>
            </ActionForm>
            {move || (refused() && offer_remove).then(|| {
                let site_id = site_id_all.clone();
                let remove_label = remove_label.clone();
                view! {
                    <div class="stack offer">
                        <p>
                            "The tenant keeps sites that still have connectors. Delete them first, then delete the site."
                        </p>
                        <FormError error=removed/>
                        <ActionForm action=actions.remove_all attr:class="inline">
                            <input type="hidden" name="site_id" value=site_id/>
                            <button type="submit" class="btn btn-danger">
                                {remove_label}
                            </button>
                        </ActionForm>
                    </div>
                }
            })}
        </details>
    }
    .into_any()
}

#[component]
fn ConnectorLine(
    c: ConnectorRow,
    site_id: String,
    manage: bool,
    remove: ServerAction<DeleteConnector>,
) -> impl IntoView {
    let deploy_href = format!(
        "/sites/{}/connectors/{}",
        encode_component(&site_id),
        encode_component(&c.id)
    );
    let actions = manage.then(|| {
        let pending = c.state == ConnectorState::Pending;
        let deploy_href = deploy_href.clone();
        let (site_id, id, name) = (site_id.clone(), c.id.clone(), c.name.clone());
        view! {
            <td class="row-actions">
                {pending.then(|| view! { <a class="btn btn-small" href=deploy_href>"Deploy"</a> })}
                <details class="inline-confirm">
                    <summary class="btn btn-small">"Remove"</summary>
                    <ActionForm action=remove attr:class="confirm-box">
                        <input type="hidden" name="site_id" value=site_id/>
                        <input type="hidden" name="connector_id" value=id/>
                        <p>{format!("Remove “{name}”? Also remove its container from the host.")}</p>
                        <button type="submit" class="btn btn-danger btn-small">"Remove connector"</button>
                    </ActionForm>
                </details>
            </td>
        }
    });
    let version = match (&c.version, c.outdated) {
        (Some(v), true) => view! {
            <span>{v.clone()}</span>
            " "
            <span class="badge badge-warn">"Outdated"</span>
        }
        .into_any(),
        (Some(v), false) => view! { <span>{v.clone()}</span> }.into_any(),
        (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
    };
    let update_class = if c.update_failed { "text-bad" } else { "" };
    let last_seen = match &c.last_seen {
        Some(w) => view! { <time title=w.exact.clone()>{w.relative.clone()}</time> }.into_any(),
        None => view! { <span class="muted">"never"</span> }.into_any(),
    };
    let otp = c.otp_expires.clone().map(|w| {
        let text = if c.otp_expired {
            format!("One-time password expired {}", w.relative)
        } else {
            format!("One-time password expires {}", w.relative)
        };
        let class = if c.otp_expired {
            "sub text-bad"
        } else {
            "sub muted"
        };
        view! {
            <div class=class title=w.exact.clone()>
                {text}
            </div>
        }
    });
    let host = c.hostname.clone().map(|h| {
        let ips = [c.internal_ip.clone(), c.external_ip.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <div>{h}</div>
            <div class="sub muted">{ips}</div>
            {c.geo_location.clone().map(|g| view! { <div class="sub muted">{g}</div> })}
        }
    });
    let name = if manage {
        view! { <a href=deploy_href>{c.name.clone()}</a> }.into_any()
    } else {
        view! { <span>{c.name.clone()}</span> }.into_any()
    };
    view! {
        <tr>
            <th scope="row">{name} {otp}</th>
            <td>
                <StateBadge state=c.state/>
            </td>
            <td>{c.deployment_type.clone()}</td>
            <td>{version}</td>
            <td>
                <span class=update_class>{c.update_status.clone()}</span>
                {c.update_status_info.clone().map(|i| view! { <div class="sub muted">{i}</div> })}
            </td>
            <td>{last_seen}</td>
            <td>{host.map(|h| h.into_any()).unwrap_or_else(|| view! { <span class="muted">"—"</span> }.into_any())}</td>
            {actions}
        </tr>
    }
}

//! A site and its connectors.

use crate::api::sites::get_site_detail;
use crate::components::badge::{HealthBadge, StateBadge};
use crate::components::error_panel::ErrorPanel;
use crate::model::{ConnectorRow, SiteDetail};
use crate::pages::sites::Counts;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SiteDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let site = Resource::new(move || id.get(), get_site_detail);
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
        </nav>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading site…"</p> }>
            {move || Suspend::new(async move {
                match site.await {
                    Ok(site) => view! { <SiteBody site/> }.into_any(),
                    Err(error) => {
                        view! {
                            <Title text="Site"/>
                            <ErrorPanel error/>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn SiteBody(site: SiteDetail) -> impl IntoView {
    let title = site.name.clone();
    let latest = site.latest_version.clone();
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
        <section aria-labelledby="connectors-title">
            <h2 id="connectors-title">"Connectors"</h2>
            {if site.connectors.is_empty() {
                view! {
                    <div class="panel empty">
                        <p>"This site has no connectors yet."</p>
                    </div>
                }
                    .into_any()
            } else {
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
                                </tr>
                            </thead>
                            <tbody>
                                {site
                                    .connectors
                                    .into_iter()
                                    .map(|c| view! { <ConnectorLine c/> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn ConnectorLine(c: ConnectorRow) -> impl IntoView {
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
    view! {
        <tr>
            <th scope="row">{c.name.clone()} {otp}</th>
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
        </tr>
    }
}

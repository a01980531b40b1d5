//! The health report: offline and not-configured sites, outdated connectors and failed
//! updates, each linking to its site.

use crate::api::sites::site_health;
use crate::components::error_panel::ErrorPanel;
use crate::model::encode_component;
use crate::model::health::{ConnectorIssue, HealthReport, SiteIssue};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SiteHealthPage() -> impl IntoView {
    let report = Resource::new(|| (), |_| site_health());
    view! {
        <Title text="Site health"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
        </nav>
        <header class="page-header">
            <h1>"Site health"</h1>
            <p class="muted">"What needs attention across your sites and connectors."</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Checking sites…"</p> }>
            {move || Suspend::new(async move {
                match report.await {
                    Ok(report) => view! { <HealthBody report/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn HealthBody(report: HealthReport) -> impl IntoView {
    let latest = report
        .latest_version
        .clone()
        .unwrap_or_else(|| "unknown".to_string());
    let stat = |label: &'static str, value: usize, tone: &'static str| {
        let class = if value == 0 {
            "stat stat-ok".to_string()
        } else {
            format!("stat stat-{tone}")
        };
        view! {
            <div class=class>
                <span class="stat-value">{value}</span>
                <span class="stat-label">{label}</span>
            </div>
        }
    };
    let all_clear = report.all_clear();
    view! {
        <section class="overview" aria-label="Summary">
            {stat("Offline sites", report.offline.len(), "bad")}
            {stat("Not configured", report.not_configured.len(), "idle")}
            {stat("Outdated connectors", report.outdated.len(), "warn")}
            {stat("Failed updates", report.failed_updates.len(), "bad")}
        </section>
        <p class="result-summary">
            {format!(
                "{} sites and {} connectors checked · latest connector version {latest}",
                report.sites_checked,
                report.connectors_checked,
            )}
        </p>
        {all_clear.then(|| view! {
            <section class="panel empty">
                <p>"All clear: every site is online and every connector is current."</p>
            </section>
        })}
        <SiteIssues
            title="Offline sites"
            hint="No connector of these sites reports up: their applications are unreachable."
            issues=report.offline
        />
        <SiteIssues
            title="Not configured"
            hint="These sites have no connector that ever registered."
            issues=report.not_configured
        />
        <ConnectorIssues
            title="Failed updates"
            hint="The connector's last automatic update failed; the reason is the tenant's."
            issues=report.failed_updates
        />
        <ConnectorIssues
            title="Outdated connectors"
            hint="Running an older version than the tenant's latest."
            issues=report.outdated
        />
    }
    .into_any()
}

fn site_href(id: &str) -> String {
    format!("/sites/{}", encode_component(id))
}

#[component]
fn SiteIssues(title: &'static str, hint: &'static str, issues: Vec<SiteIssue>) -> impl IntoView {
    (!issues.is_empty()).then(|| {
        view! {
            <section class="health-section" aria-label=title>
                <h2>{title} <span class="count-pill">{issues.len()}</span></h2>
                <p class="muted">{hint}</p>
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">"Site"</th>
                                <th scope="col">"Region"</th>
                                <th scope="col" class="num">"Connectors"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {issues
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <a href=site_href(&i.site_id)>{i.site_name}</a>
                                            </th>
                                            <td>{i.region}</td>
                                            <td class="num">{i.connectors}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
    })
}

#[component]
fn ConnectorIssues(
    title: &'static str,
    hint: &'static str,
    issues: Vec<ConnectorIssue>,
) -> impl IntoView {
    (!issues.is_empty()).then(|| {
        view! {
            <section class="health-section" aria-label=title>
                <h2>{title} <span class="count-pill">{issues.len()}</span></h2>
                <p class="muted">{hint}</p>
                <div class="table-wrap">
                    <table class="table">
                        <thead>
                            <tr>
                                <th scope="col">"Connector"</th>
                                <th scope="col">"Site"</th>
                                <th scope="col">"Version"</th>
                                <th scope="col">"Update status"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {issues
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <tr>
                                            <th scope="row">{i.connector_name}</th>
                                            <td>
                                                <a href=site_href(&i.site_id)>{i.site_name}</a>
                                            </td>
                                            <td>{i.version.unwrap_or_else(|| "—".into())}</td>
                                            <td>
                                                {i.update_status}
                                                {i.detail.map(|d| view! { <div class="sub text-bad">{d}</div> })}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        }
    })
}

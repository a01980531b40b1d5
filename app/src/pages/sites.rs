//! The sites overview: search, sort and paging live in the URL, so every view is a
//! link and the page works without JavaScript.

use crate::api::sites::list_sites;
use crate::components::badge::HealthBadge;
use crate::components::error_panel::ErrorPanel;
use crate::components::pager::Pager;
use crate::model::{ConnectorCounts, SiteQuery, SiteSort, SitesPage};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SitesPage() -> impl IntoView {
    let params = use_query_map();
    let query = Memo::new(move |_| SiteQuery::from_params(|k| params.read().get(k)));
    let page = Resource::new(move || query.get(), list_sites);
    let notice = params
        .read_untracked()
        .get("notice")
        .and_then(|n| notice_text(&n));
    view! {
        <Title text="Sites"/>
        <header class="page-header">
            <h1>"Sites"</h1>
            <div class="header-actions">
                <a class="btn" href="/sites/health">"Health report"</a>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        page.await
                            .ok()
                            .filter(|p| p.can_create)
                            .map(|_| view! { <a class="btn btn-primary" href="/sites/new">"New site"</a> })
                    })}
                </Suspense>
            </div>
            <p class="muted">"Where your connectors run, and how they are doing."</p>
        </header>
        {notice.map(|(tone, text)| {
            let class = format!("notice notice-{tone}");
            let role = if tone == "error" { "alert" } else { "status" };
            view! { <p class=class role=role>{text}</p> }
        })}
        <SearchForm query=query.get_untracked()/>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading sites…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <SitesBody page/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SearchForm(query: SiteQuery) -> impl IntoView {
    view! {
        <Form method="GET" action="/sites" attr:class="toolbar" attr:role="search">
            <div class="field field-inline">
                <label for="site-search">"Search"</label>
                <input
                    id="site-search"
                    type="search"
                    name="q"
                    placeholder="Site name or region"
                    value=query.q.clone()
                />
            </div>
            <div class="field field-inline">
                <label for="site-sort">"Sort by"</label>
                <select id="site-sort" name="sort">
                    {[SiteSort::Name, SiteSort::Region, SiteSort::Health, SiteSort::Connectors]
                        .into_iter()
                        .map(|s| {
                            let label = match s {
                                SiteSort::Name => "Name",
                                SiteSort::Region => "Region",
                                SiteSort::Health => "Health",
                                SiteSort::Connectors => "Connectors",
                            };
                            view! {
                                <option value=s.as_str() selected=query.sort == s>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field field-inline">
                <label for="site-dir">"Order"</label>
                <select id="site-dir" name="dir">
                    <option value="asc" selected=!query.descending>
                        "Ascending"
                    </option>
                    <option value="desc" selected=query.descending>
                        "Descending"
                    </option>
                </select>
            </div>
            <button type="submit" class="btn">"Apply"</button>
        </Form>
    }
}

#[component]
fn SitesBody(page: SitesPage) -> impl IntoView {
    let q = page.query.clone();
    let prev = q.href(q.sort, q.descending, page.page.saturating_sub(1).max(1));
    let next = q.href(q.sort, q.descending, page.page + 1);
    let summary = if q.q.is_empty() {
        format!("{} sites", page.visible)
    } else {
        format!(
            "{} of {} sites match “{}”",
            page.matching, page.visible, q.q
        )
    };
    view! {
        <section class="overview" aria-label="Overview">
            <Stat label="Sites" value=page.visible/>
            <Stat label="Online" value=page.online tone="ok"/>
            <Stat label="Offline" value=page.offline tone="bad"/>
            <Stat label="Not configured" value=page.not_configured tone="idle"/>
            <Stat label="Connectors up" value=page.counts.up tone="ok"/>
            <Stat label="Connectors down" value=page.counts.down tone="bad"/>
            <Stat label="Awaiting registration" value=page.counts.pending tone="idle"/>
        </section>
        <p class="result-summary" aria-live="polite">
            {summary}
        </p>
        {if page.rows.is_empty() {
            view! {
                <section class="panel empty">
                    <p>"No sites match. Try another search, or clear it."</p>
                    <a class="btn" href="/sites">"Clear search"</a>
                </section>
            }
                .into_any()
        } else {
            let can_edit = page.can_edit;
            view! {
                <form method="post" action="/actions/sites/notifications" id="bulk-sites">
                {can_edit.then(|| view! { <BulkBar/> })}
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Sites"</caption>
                        <thead>
                            <tr>
                                {can_edit.then(|| view! {
                                    <th scope="col" class="select-col">
                                        <span class="visually-hidden">"Select"</span>
                                    </th>
                                })}
                                <SortHeader label="Name" sort=SiteSort::Name query=q.clone()/>
                                <SortHeader label="Health" sort=SiteSort::Health query=q.clone()/>
                                <SortHeader label="Region" sort=SiteSort::Region query=q.clone()/>
                                <SortHeader
                                    label="Connectors"
                                    sort=SiteSort::Connectors
                                    query=q.clone()
                                />
                                <th scope="col">"Authentication"</th>
                                <th scope="col" class="num">"Applications"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page
                                .rows
                                .into_iter()
                                .map(|row| {
                                    let href = format!("/sites/{}", row.id);
                                    let select_label = format!("Select {}", row.name);
                                    let id = row.id.clone();
                                    view! {
                                        <tr>
                                            {can_edit.then(|| view! {
                                                <td class="select-col">
                                                    <input type="checkbox" name="site" value=id aria-label=select_label/>
                                                </td>
                                            })}
                                            <th scope="row">
                                                <a href=href>{row.name}</a>
                                            </th>
                                            <td>
                                                <HealthBadge health=row.health/>
                                            </td>
                                            <td>{row.region}</td>
                                            <td>
                                                <Counts counts=row.counts/>
                                            </td>
                                            <td>{row.auth_mode}</td>
                                            <td class="num">{row.applications}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
                </form>
                <Pager page=page.page pages=page.pages prev_href=prev next_href=next/>
            }
                .into_any()
        }}
    }
}

#[component]
fn Stat(label: &'static str, value: u32, #[prop(optional)] tone: &'static str) -> impl IntoView {
    let class = if tone.is_empty() {
        "stat".to_string()
    } else {
        format!("stat stat-{tone}")
    };
    view! {
        <div class=class>
            <span class="stat-value">{value}</span>
            <span class="stat-label">{label}</span>
        </div>
    }
}

/// A column header that sorts by its column; a second click reverses the order.
#[component]
fn SortHeader(label: &'static str, sort: SiteSort, query: SiteQuery) -> impl IntoView {
    let active = query.sort == sort;
    let descending = active && !query.descending;
    let href = query.href(sort, descending, 1);
    let aria = if !active {
        "none"
    } else if query.descending {
        "descending"
    } else {
        "ascending"
    };
    let arrow = match (active, query.descending) {
        (false, _) => "",
        (true, false) => " ▲",
        (true, true) => " ▼",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <a href=href class="sort-link">
                {label}
                <span aria-hidden="true">{arrow}</span>
            </a>
        </th>
    }
}

/// Connector counts by state, as compact labelled numbers.
#[component]
pub fn Counts(counts: ConnectorCounts) -> impl IntoView {
    if counts.total() == 0 {
        return view! { <span class="muted">"None"</span> }.into_any();
    }
    let parts = [
        (counts.up, "up", "ok"),
        (counts.down, "down", "bad"),
        (counts.pending, "awaiting", "idle"),
        (counts.disabled, "disabled", "muted"),
    ];
    view! {
        <span class="counts">
            {parts
                .into_iter()
                .filter(|(n, _, _)| *n > 0)
                .map(|(n, label, tone)| {
                    let class = format!("count count-{tone}");
                    view! { <span class=class>{format!("{n} {label}")}</span> }
                })
                .collect_view()}
        </span>
    }
    .into_any()
}

/// Bulk actions on the selected sites: a plain form post, so it works without
/// JavaScript; the BFF turns it into a tracked job and shows the job's page.
#[component]
fn BulkBar() -> impl IntoView {
    view! {
        <div class="bulkbar" role="group" aria-label="Bulk actions">
            <span class="muted">"With the selected sites:"</span>
            <button type="submit" name="mute" value="true" class="btn">
                "Mute health notifications"
            </button>
            <button type="submit" name="mute" value="false" class="btn">
                "Unmute health notifications"
            </button>
        </div>
    }
}

/// Messages sent back to this page with `?notice=` (tone, text).
fn notice_text(code: &str) -> Option<(&'static str, &'static str)> {
    match code {
        "none_selected" => Some((
            "error",
            "Select at least one site first, then choose the action.",
        )),
        "not_allowed" => Some((
            "error",
            "You may not change one of the selected sites; nothing was changed.",
        )),
        "too_many" => Some(("error", "Select at most 500 sites at once.")),
        "deleted" => Some(("ok", "The site was deleted.")),
        _ => None,
    }
}

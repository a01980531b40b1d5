//! One tenant user (`/users/{idp}/{id}`): fields, groups (on request), the block with
//! who and why, the scheduled unblock, and recent events of the tenant's audit log.

use crate::api::users::get_user_detail;
use crate::components::error_panel::ErrorPanel;
use crate::model::users::{decode_segment, UserDetail};
use crate::pages::users::BlockedBadge;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The `idp` and `id` of the current `/users/{idp}/{id}…` route, decoded.
pub fn use_user_key() -> Memo<(String, String)> {
    let params = use_params_map();
    Memo::new(move |_| {
        let p = params.read();
        (
            decode_segment(&p.get("idp").unwrap_or_default()),
            decode_segment(&p.get("id").unwrap_or_default()),
        )
    })
}

#[component]
pub fn UserDetailPage() -> impl IntoView {
    let key = use_user_key();
    let query = use_query_map();
    let groups = Memo::new(move |_| query.read().get("groups").is_some());
    let notice = query
        .read_untracked()
        .get("notice")
        .and_then(|n| match n.as_str() {
            "blocked" => Some("The user is blocked: their sessions ended and they cannot sign in."),
            "unblocked" => Some("The user is unblocked and can sign in again."),
            _ => None,
        });
    let user = Resource::new(
        move || (key.get(), groups.get()),
        |((idp, id), groups)| get_user_detail(idp, id, groups),
    );
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/users">"Users"</a>
        </nav>
        {notice.map(|text| view! { <p class="notice notice-ok" role="status">{text}</p> })}
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading user…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(detail) => view! { <Detail detail/> }.into_any(),
                    Err(error) => view! { <Title text="User"/><ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Detail(detail: UserDetail) -> impl IntoView {
    let u = detail.user.clone();
    let href = u.href();
    let block_href = format!("{href}/block");
    let unblock_href = format!("{href}/unblock");
    let groups_href = format!("{href}?groups=1");
    let last_login = u
        .last_login
        .clone()
        .map(|w| format!("{} ({})", w.relative, w.exact))
        .unwrap_or_else(|| "never".into());
    let created = detail
        .created
        .clone()
        .map(|w| w.exact)
        .unwrap_or_else(|| "—".into());
    view! {
        <Title text=u.name.clone()/>
        <header class="page-header">
            <h1>{u.name.clone()} " " <BlockedBadge blocked=u.blocked/></h1>
            {detail.can_block.then(|| if u.blocked {
                view! { <div class="header-actions"><a class="btn" href=unblock_href>"Unblock"</a></div> }.into_any()
            } else {
                view! { <div class="header-actions"><a class="btn btn-danger" href=block_href>"Block"</a></div> }.into_any()
            })}
            <p class="muted">{u.email.clone()}</p>
        </header>
        <section class="panel">
            <h2>"User"</h2>
            <dl class="facts facts-grid">
                <dt>"E-mail"</dt><dd>{u.email.clone()}</dd>
                <dt>"Username"</dt><dd>{detail.username.clone()}</dd>
                <dt>"Identity provider"</dt><dd>{u.idp_name.clone()}</dd>
                <dt>"Last login"</dt><dd>{last_login}</dd>
                <dt>"Logins"</dt><dd>{u.logins}</dd>
                <dt>"MFA"</dt><dd>{if u.mfa { "Registered" } else { "Not registered" }}</dd>
                <dt>"Created"</dt><dd>{created}</dd>
            </dl>
        </section>
        {detail.block.clone().map(|b| {
            let since = b.since.map(|w| format!("{} ({})", w.exact, w.relative)).unwrap_or_else(|| "—".into());
            view! {
                <section class="panel">
                    <h2>"Blocked"</h2>
                    <dl class="facts">
                        <dt>"Since"</dt><dd>{since}</dd>
                        <dt>"Blocked by"</dt><dd>{b.by.unwrap_or_else(|| "outside the console".into())}</dd>
                        <dt>"Reason"</dt><dd>{b.reason.unwrap_or_else(|| "—".into())}</dd>
                        {b.request_id.map(|id| view! { <dt>"Tenant request id"</dt><dd><code>{id}</code></dd> })}
                        <dt>"Scheduled unblock"</dt>
                        <dd>{match detail.schedule.clone() {
                            Some(s) => format!("{} ({}), scheduled by {}", s.due.exact, s.due.relative, s.by),
                            None => "none: stays blocked until someone unblocks".into(),
                        }}</dd>
                    </dl>
                </section>
            }
        })}
        <section class="panel">
            <h2>"Groups"</h2>
            {match detail.groups.clone() {
                None => view! {
                    <p class="muted">"Looking up groups reads every group of this identity provider; it takes a few seconds."</p>
                    <a class="btn" href=groups_href>"Show groups"</a>
                }.into_any(),
                Some(g) if g.is_empty() => view! { <p class="muted">"Not a member of any group."</p> }.into_any(),
                Some(g) => view! {
                    <ul class="plain-list">{g.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
        </section>
        <section class="panel">
            <h2>"Recent events (last 7 days)"</h2>
            {detail.events_error.clone().map(|e| view! { <p class="notice notice-warn" role="status">{e}</p> })}
            {if detail.events.is_empty() {
                view! { <p class="muted">"No events of this user in the tenant's audit log in the last 7 days."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table">
                            <caption class="visually-hidden">"Recent audit-log events of this user"</caption>
                            <thead><tr>
                                <th scope="col">"When"</th>
                                <th scope="col">"Event"</th>
                                <th scope="col">"Outcome"</th>
                                <th scope="col">"Details"</th>
                            </tr></thead>
                            <tbody>
                                {detail.events.clone().into_iter().map(|e| view! {
                                    <tr>
                                        <td>{match e.at {
                                            Some(w) => view! { <time title=w.relative>{w.exact}</time> }.into_any(),
                                            None => view! { <span class="muted">"—"</span> }.into_any(),
                                        }}</td>
                                        <td>{e.event}</td>
                                        <td>{e.outcome}</td>
                                        <td>{e.summary}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

//! Blocked users (`/users/blocked`): everyone blocked, why and by whom (for blocks done
//! through the console), the scheduled unblock; unblock one (confirmation page) or many
//! (a plain form post that becomes a tracked job).

use crate::api::users::list_blocked_users;
use crate::components::error_panel::ErrorPanel;
use crate::model::users::BlockedPage;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BlockedUsersPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| list_blocked_users());
    let notice = use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|n| match n.as_str() {
            "unblocked" => Some(("ok", "The user was unblocked.")),
            "none_selected" => Some(("error", "Select at least one user first, then unblock.")),
            "too_many" => Some(("error", "Select at most 500 users at once.")),
            _ => None,
        });
    view! {
        <Title text="Blocked users"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/users">"Users"</a>
        </nav>
        <header class="page-header">
            <h1>"Blocked users"</h1>
            <p class="muted">"Users who cannot sign in to the tenant until they are unblocked."</p>
        </header>
        {notice.map(|(tone, text)| {
            let class = format!("notice notice-{tone}");
            let role = if tone == "error" { "alert" } else { "status" };
            view! { <p class=class role=role>{text}</p> }
        })}
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading blocked users…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <BlockedTable page/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BlockedTable(page: BlockedPage) -> impl IntoView {
    if page.rows.is_empty() {
        return view! {
            <section class="panel empty"><p>"Nobody is blocked."</p></section>
        }
        .into_any();
    }
    let can_block = page.can_block;
    let count = page.rows.len();
    view! {
        <p class="result-summary">{format!("{count} blocked user{}", if count == 1 { "" } else { "s" })}</p>
        <form method="post" action="/actions/users/unblock" id="bulk-unblock">
            {can_block.then(|| view! {
                <div class="bulkbar" role="group" aria-label="Bulk actions">
                    <span class="muted">"With the selected users:"</span>
                    <button type="submit" class="btn">"Unblock selected"</button>
                </div>
            })}
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Blocked users"</caption>
                    <thead>
                        <tr>
                            {can_block.then(|| view! {
                                <th scope="col" class="select-col"><span class="visually-hidden">"Select"</span></th>
                            })}
                            <th scope="col">"Name"</th>
                            <th scope="col">"Identity provider"</th>
                            <th scope="col">"Blocked since"</th>
                            <th scope="col">"Reason"</th>
                            <th scope="col">"Blocked by"</th>
                            <th scope="col">"Scheduled unblock"</th>
                            {can_block.then(|| view! { <th scope="col"><span class="visually-hidden">"Actions"</span></th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {page.rows.into_iter().map(|r| {
                            let href = r.href();
                            let unblock_href = format!("{href}/unblock?back=blocked");
                            let select_label = format!("Select {}", r.name);
                            let unblock_label = format!("Unblock {}", r.name);
                            let key = r.key();
                            view! {
                                <tr>
                                    {can_block.then(|| view! {
                                        <td class="select-col">
                                            <input type="checkbox" name="user" value=key aria-label=select_label/>
                                        </td>
                                    })}
                                    <th scope="row">
                                        <a href=href>{r.name.clone()}</a>
                                        {(!r.email.is_empty()).then(|| view! { <div class="sub muted">{r.email.clone()}</div> })}
                                    </th>
                                    <td>{r.idp_name.clone()}</td>
                                    <td>{match r.since.clone() {
                                        Some(w) => view! { <time title=w.exact>{w.relative}</time> }.into_any(),
                                        None => view! { <span class="muted">"—"</span> }.into_any(),
                                    }}</td>
                                    <td>{r.reason.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td>{match r.by.clone() {
                                        Some(by) => view! { <span>{by}</span> }.into_any(),
                                        None => view! { <span class="muted">"not through the console"</span> }.into_any(),
                                    }}</td>
                                    <td>{match r.schedule.clone() {
                                        Some(w) => view! { <time title=w.exact.clone()>{format!("{} ({})", w.exact, w.relative)}</time> }.into_any(),
                                        None => view! { <span class="muted">"none"</span> }.into_any(),
                                    }}</td>
                                    {can_block.then(|| view! {
                                        <td class="row-actions">
                                            <a class="btn btn-small" href=unblock_href aria-label=unblock_label>"Unblock"</a>
                                        </td>
                                    })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </form>
    }
    .into_any()
}

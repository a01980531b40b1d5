//! Find a user (`/users`): one search box over every identity provider, local and
//! external; the search lives in the URL, so it works without JavaScript.

use crate::api::users::search_users;
use crate::components::error_panel::ErrorPanel;
use crate::model::users::{UserRow, UserSearch};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UsersPage() -> impl IntoView {
    let params = use_query_map();
    let q = Memo::new(move |_| params.read().get("q").unwrap_or_default());
    let results = Resource::new(move || q.get(), search_users);
    view! {
        <Title text="Users"/>
        <header class="page-header">
            <h1>"Users"</h1>
            <div class="header-actions">
                <a class="btn" href="/users/blocked">"Blocked users"</a>
            </div>
            <p class="muted">
                "Find a user in every identity provider of the tenant, local and external, by name or e-mail address."
            </p>
        </header>
        <Form method="GET" action="/users" attr:class="toolbar" attr:role="search">
            <div class="field field-inline">
                <label for="user-search">"Name or e-mail"</label>
                <input
                    id="user-search"
                    type="search"
                    name="q"
                    placeholder="e.g. smith or jane.doe@"
                    value=q.get_untracked()
                    minlength="2"
                    autofocus
                />
            </div>
            <button type="submit" class="btn btn-primary">"Search"</button>
        </Form>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Searching every identity provider…"</p> }>
            {move || Suspend::new(async move {
                match results.await {
                    Ok(Some(found)) => view! { <Results found/> }.into_any(),
                    Ok(None) => view! {
                        <section class="panel empty">
                            <p>"Type part of a name or e-mail address to search."</p>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Results(found: UserSearch) -> impl IntoView {
    let summary = format!(
        "{} user{} match “{}” in {} identity provider{} ({}).",
        found.rows.len(),
        if found.rows.len() == 1 { "" } else { "s" },
        found.q,
        found.providers.len(),
        if found.providers.len() == 1 { "" } else { "s" },
        found.providers.join(", "),
    );
    view! {
        <p class="result-summary" aria-live="polite">{summary}</p>
        {found.truncated.then(|| view! {
            <p class="notice notice-warn" role="status">
                "More users match than are shown. Type more of the name or address to narrow the search."
            </p>
        })}
        {if found.rows.is_empty() {
            view! {
                <section class="panel empty">
                    <p>"No user matches. Check the spelling, or search for a part of the address."</p>
                </section>
            }.into_any()
        } else {
            view! { <UserTable rows=found.rows caption="Matching users".to_string()/> }.into_any()
        }}
        {found.groups.into_iter().map(|g| {
            let heading = format!("Group “{}” ({}) · {} member{}", g.name, g.idp_name, g.members.len(), if g.members.len() == 1 { "" } else { "s" });
            let caption = format!("Members of {}", g.name);
            view! {
                <section class="panel">
                    <h2>{heading}</h2>
                    {if g.members.is_empty() {
                        view! { <p class="muted">"This group has no members."</p> }.into_any()
                    } else {
                        view! { <UserTable rows=g.members caption/> }.into_any()
                    }}
                </section>
            }
        }).collect_view()}
    }
}

/// Users as a table: name, e-mail, identity provider, last login, logins, MFA, blocked.
#[component]
pub fn UserTable(rows: Vec<UserRow>, caption: String) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"E-mail"</th>
                        <th scope="col">"Identity provider"</th>
                        <th scope="col">"Last login"</th>
                        <th scope="col" class="num">"Logins"</th>
                        <th scope="col">"MFA"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let href = r.href();
                        view! {
                            <tr>
                                <th scope="row"><a href=href>{r.name.clone()}</a></th>
                                <td>{r.email.clone()}</td>
                                <td>{r.idp_name.clone()}</td>
                                <td>{match r.last_login.clone() {
                                    Some(w) => view! { <time title=w.exact>{w.relative}</time> }.into_any(),
                                    None => view! { <span class="muted">"never"</span> }.into_any(),
                                }}</td>
                                <td class="num">{r.logins}</td>
                                <td>{if r.mfa { "Registered" } else { "Not registered" }}</td>
                                <td><BlockedBadge blocked=r.blocked/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn BlockedBadge(blocked: bool) -> impl IntoView {
    if blocked {
        view! { <span class="badge badge-bad">"Blocked"</span> }
    } else {
        view! { <span class="badge badge-ok">"Active"</span> }
    }
}

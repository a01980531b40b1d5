//! The signed-in person's account: role and scope.

use crate::api::account::account_details;
use crate::components::error_panel::ErrorPanel;
use crate::model::{AccountScope, AccountView};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| account_details());
    view! {
        <Title text="Account"/>
        <header class="page-header">
            <h1>"Account"</h1>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(view) => view! { <AccountBody view/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountBody(view: AccountView) -> impl IntoView {
    let scope = match view.scope {
        AccountScope::WholeTenant => view! { <p>"All sites of the tenant."</p> }.into_any(),
        AccountScope::NoSites => {
            view! { <p>"No sites: this role works with users only."</p> }.into_any()
        }
        AccountScope::Sites(sites) if sites.is_empty() => {
            view! { <p>"No sites are assigned to you yet. Ask a tenant admin."</p> }.into_any()
        }
        AccountScope::Sites(sites) => view! {
            <ul class="plain-list">
                {sites
                    .into_iter()
                    .map(|(id, name)| {
                        let href = format!("/sites/{id}");
                        view! {
                            <li>
                                <a href=href>{name}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <section class="panel">
            <dl class="facts">
                <dt>"Name"</dt>
                <dd>{view.display_name}</dd>
                <dt>"Username"</dt>
                <dd>
                    <code>{view.username}</code>
                </dd>
                <dt>"Console role"</dt>
                <dd>{view.role_label}</dd>
                <dt>"Previous sign-in"</dt>
                <dd>{view.last_login.unwrap_or_else(|| "—".to_string())}</dd>
            </dl>
        </section>
        <section class="panel">
            <h2>"Sites you can reach"</h2>
            {scope}
        </section>
    }
}

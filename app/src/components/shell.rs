//! The signed-in layout: header, navigation for the role, and the page.

use crate::api::account::current_user;
use crate::components::error_panel::ErrorPanel;
use crate::model::Me;
use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

#[component]
pub fn Shell() -> impl IntoView {
    let me = Resource::new(|| (), |_| current_user());
    view! {
        <Suspense fallback=|| view! { <div class="loading" aria-busy="true">"Loading…"</div> }>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(me) => {
                        view! {
                            <Header me/>
                            <main id="main" class="content">
                                <Outlet/>
                            </main>
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! {
                            <main id="main" class="content narrow">
                                <ErrorPanel error/>
                            </main>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Header(me: Me) -> impl IntoView {
    let tenant_title = if me.emulated {
        "Demo tenant served by the built-in emulator"
    } else {
        "Tenant API"
    };
    view! {
        <header class="topbar">
            <a class="brand" href=me.home.clone()>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                "ZTNA Console"
            </a>
            <span class="tenant" title=tenant_title>
                {me.tenant_label.clone()}
            </span>
            <nav class="mainnav" aria-label="Main">
                {me
                    .nav
                    .clone()
                    .into_iter()
                    .map(|item| view! { <A href=item.href()>{item.label()}</A> })
                    .collect_view()}
            </nav>
            <div class="user">
                <span class="user-name">{me.display_name.clone()}</span>
                <span class="user-role">{me.role.label()}</span>
                <form method="post" action="/auth/logout" class="inline">
                    <button type="submit" class="btn btn-quiet">"Sign out"</button>
                </form>
            </div>
        </header>
    }
}

//! The HTML shell and the route table.

use crate::components::shell::Shell;
use crate::pages::{
    account::AccountPage,
    connector::ConnectorPage,
    connector_new::NewConnectorPage,
    jobs::{JobPage, JobsPage},
    login::LoginPage,
    not_found::NotFound,
    site_detail::SiteDetailPage,
    site_health::SiteHealthPage,
    site_keys::SiteKeysPage,
    site_new::NewSitePage,
    sites::SitesPage,
    user_block::{BlockUserPage, UnblockUserPage},
    user_detail::UserDetailPage,
    users::UsersPage,
    users_blocked::BlockedUsersPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    path, SsrMode,
};

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.ico"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser, after hydration: a marker for people's tools
    // (and the end-to-end tests) that client-side navigation is live.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Stylesheet id="leptos" href="/pkg/ztna-console.css"/>
        <Title formatter=|page: String| format!("{page} · ZTNA Console")/>
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Router>
            // Async SSR: every page is complete HTML before it is sent, so reading works
            // without JavaScript; hydration then adds client-side navigation.
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                <ParentRoute path=path!("") view=Shell ssr=SsrMode::Async>
                    <Route path=path!("/sites") view=SitesPage ssr=SsrMode::Async/>
                    // Fixed paths before `/sites/:id`: the first match wins.
                    <Route path=path!("/sites/new") view=NewSitePage ssr=SsrMode::Async/>
                    <Route path=path!("/sites/health") view=SiteHealthPage ssr=SsrMode::Async/>
                    <Route
                        path=path!("/sites/:id/connectors/new")
                        view=NewConnectorPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/sites/:id/connectors/:connector")
                        view=ConnectorPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/sites/:id/keys") view=SiteKeysPage ssr=SsrMode::Async/>
                    <Route path=path!("/sites/:id") view=SiteDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/users/blocked") view=BlockedUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/users/:idp/:id/block") view=BlockUserPage ssr=SsrMode::Async/>
                    <Route path=path!("/users/:idp/:id/unblock") view=UnblockUserPage ssr=SsrMode::Async/>
                    <Route path=path!("/users/:idp/:id") view=UserDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobs") view=JobsPage ssr=SsrMode::Async/>
                    <Route path=path!("/jobs/:id") view=JobPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// A fresh nonce per page: only the hydration scripts this page carries may run.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use leptos::nonce::{provide_nonce, use_nonce};
    provide_nonce();
    if let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    {
        let policy = format!(
            "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
             style-src 'self'; img-src 'self' data:; connect-src 'self'; \
             frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        );
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

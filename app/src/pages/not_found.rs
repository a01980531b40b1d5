//! The page for an unknown address.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Not found"/>
        <main id="main" class="content narrow">
            <section class="panel">
                <h1>"Page not found"</h1>
                <p>"There is no page at this address."</p>
                <p>
                    <a class="btn btn-primary" href="/">"Go to the console"</a>
                </p>
            </section>
        </main>
    }
}

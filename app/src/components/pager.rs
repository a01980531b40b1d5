//! Previous / next paging with plain links (works without JavaScript).

use leptos::prelude::*;

#[component]
pub fn Pager(page: u32, pages: u32, prev_href: String, next_href: String) -> impl IntoView {
    view! {
        <nav class="pager" aria-label="Pages">
            {if page > 1 {
                view! { <a class="btn" href=prev_href rel="prev">"← Previous"</a> }.into_any()
            } else {
                view! { <span class="btn" aria-disabled="true">"← Previous"</span> }.into_any()
            }}
            <span class="pager-status">{format!("Page {page} of {pages}")}</span>
            {if page < pages {
                view! { <a class="btn" href=next_href rel="next">"Next →"</a> }.into_any()
            } else {
                view! { <span class="btn" aria-disabled="true">"Next →"</span> }.into_any()
            }}
        </nav>
    }
}

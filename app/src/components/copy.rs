//! A block of text to copy: selectable always, with a copy button once JavaScript runs.

use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Copied {
    Not,
    Yes,
    Failed,
}

/// `label` names the block (and the button, for screen readers).
#[component]
pub fn CopyBlock(label: String, text: String, #[prop(optional)] id: &'static str) -> impl IntoView {
    // The button only works with JavaScript, so it appears only once the page hydrated.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let state = RwSignal::new(Copied::Not);
    let button_label = format!("Copy {}", label.to_lowercase());
    let for_copy = text.clone();
    let on_click = move |_| {
        #[cfg(feature = "hydrate")]
        copy_text(for_copy.clone(), state);
        #[cfg(not(feature = "hydrate"))]
        let _ = &for_copy;
    };
    let block_id = if id.is_empty() { None } else { Some(id) };
    view! {
        <div class="copy-block">
            <div class="copy-head">
                <span class="copy-label">{label}</span>
                <span class="copy-status" aria-live="polite">
                    {move || match state.get() {
                        Copied::Not => "",
                        Copied::Yes => "Copied to the clipboard",
                        Copied::Failed => "Copying failed: select the text and copy it",
                    }}
                </span>
                <button
                    type="button"
                    class="btn btn-small"
                    hidden=move || !hydrated.get()
                    aria-label=button_label
                    on:click=on_click
                >
                    "Copy"
                </button>
            </div>
            <pre class="copy-text" id=block_id tabindex="0">
                <code>{text}</code>
            </pre>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn copy_text(text: String, state: RwSignal<Copied>) {
    let promise = window().navigator().clipboard().write_text(&text);
    leptos::task::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        state.set(if ok { Copied::Yes } else { Copied::Failed });
    });
}

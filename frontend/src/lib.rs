//! The browser entry point: hydrates the server-rendered console.
//!
//! Everything the browser runs comes from the `app` crate compiled with the `hydrate`
//! feature; no tenant credential, token or wire type is compiled into this bundle.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}

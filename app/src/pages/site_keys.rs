//! Registration keys of a site-mode site: the wizard's step 2 (`/sites/{id}/keys`) and a
//! panel of the site page.
//!
//! A new key is shown exactly once. With JavaScript the rotate form asks the server
//! function and shows the key in this view's local state only; without JavaScript the
//! form posts to the BFF, whose answer is a one-off page with the key (never cached).

use crate::api::registration_keys::{
    list_registration_keys, CleanRegistrationKeys, RotateRegistrationKey,
};
use crate::api::sites::get_site_detail;
use crate::components::copy::CopyBlock;
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{last_error, FieldError, FormError};
use crate::components::wizard::{WizardSteps, SITE_KEY_STEPS};
use crate::model::deploy::NewRegistrationKey;
use crate::model::encode_component;
use crate::model::keys::RegistrationKeys;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn SiteKeysPage() -> impl IntoView {
    let params = use_params_map();
    let site_id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let wizard = use_query_map().with_untracked(|q| q.get("wizard").is_some());
    let site = Resource::new(move || site_id.get(), get_site_detail);
    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading site…"</p> }>
            {move || Suspend::new(async move {
                match site.await {
                    Ok(site) => {
                        let title = format!("Registration key of {}", site.name);
                        let site_href = format!("/sites/{}", encode_component(&site.id));
                        view! {
                            <Title text=title.clone()/>
                            <nav class="breadcrumbs" aria-label="Breadcrumb">
                                <a href="/sites">"Sites"</a>
                                <a href=site_href.clone()>{site.name.clone()}</a>
                            </nav>
                            {wizard.then(|| view! { <WizardSteps steps=&SITE_KEY_STEPS current=2/> })}
                            <header class="page-header">
                                <h1>{title}</h1>
                                <p class="muted">
                                    "Connector containers of this site register themselves with the site's registration key, passed to them as an environment variable. Store the key in your secret manager: it is shown only once."
                                </p>
                            </header>
                            <KeysPanel site_id=site.id.clone()/>
                            <div class="actions">
                                <a class="btn" href=site_href>"Go to the site"</a>
                            </div>
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! {
                            <Title text="Registration keys"/>
                            <nav class="breadcrumbs" aria-label="Breadcrumb">
                                <a href="/sites">"Sites"</a>
                            </nav>
                            <ErrorPanel error/>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The keys of a site, with rotate and clean.
#[component]
pub fn KeysPanel(site_id: String) -> impl IntoView {
    let rotate = ServerAction::<RotateRegistrationKey>::new();
    let clean = ServerAction::<CleanRegistrationKeys>::new();
    let for_resource = site_id.clone();
    let keys = Resource::new(
        move || {
            (
                for_resource.clone(),
                rotate.version().get(),
                clean.version().get(),
            )
        },
        |(id, _, _)| list_registration_keys(id),
    );
    view! {
        <section class="panel" aria-labelledby="keys-title">
            <h2 id="keys-title">"Registration keys"</h2>
            {move || match rotate.value().get() {
                Some(Ok(key)) => Some(view! { <NewKey key on_done=move |_| rotate.value().set(None)/> }),
                _ => None,
            }}
            <Transition fallback=|| view! { <p class="loading" aria-busy="true">"Loading keys…"</p> }>
                {move || Suspend::new(async move {
                    match keys.await {
                        Ok(list) => view! { <KeysBody list rotate clean/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
    .into_any()
}

#[component]
fn NewKey(
    key: NewRegistrationKey,
    on_done: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let previous = if key.revoked_previous {
        "The previous key was revoked: containers still using it can no longer register."
    } else {
        "The previous key (if any) keeps working for its grace period, so running containers can be moved to the new key."
    };
    view! {
        <div class="new-secret" role="status">
            <p class="notice notice-warn">
                <strong>"Copy the new key now: it is shown only this once."</strong>
                " Store it in your secret manager and pass it to the connector containers. "
                {previous}
            </p>
            <CopyBlock label="New registration key".to_string() text=key.key id="new-registration-key"/>
            <p class="muted">"Key id: " <code>{key.key_id}</code></p>
            <button type="button" class="btn" on:click=on_done>
                "I have stored the key"
            </button>
        </div>
    }
    .into_any()
}

#[component]
fn KeysBody(
    list: RegistrationKeys,
    rotate: ServerAction<RotateRegistrationKey>,
    clean: ServerAction<CleanRegistrationKeys>,
) -> impl IntoView {
    let has_keys = !list.keys.is_empty();
    let table = if has_keys {
        view! {
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Registration keys of this site"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Key"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Created"</th>
                            <th scope="col">"Last used"</th>
                            <th scope="col">"Expires"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list
                            .keys
                            .into_iter()
                            .map(|k| {
                                let when = |w: Option<crate::model::When>, none: &'static str| match w {
                                    Some(w) => view! { <time title=w.exact>{w.relative}</time> }.into_any(),
                                    None => view! { <span class="muted">{none}</span> }.into_any(),
                                };
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <code>{k.id.clone()}</code>
                                            <div class="sub muted">
                                                {if k.primary { "Primary key" } else { "Previous key, in its grace period" }}
                                            </div>
                                        </th>
                                        <td>
                                            <span class="badge badge-ok">{k.status.clone()}</span>
                                        </td>
                                        <td>{when(k.created, "—")}</td>
                                        <td>{when(k.last_used, "never")}</td>
                                        <td>{when(k.expires, "no expiry")}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    } else {
        view! {
            <p class="muted">
                "This site has no registration key yet. Create one; connector containers register with it."
            </p>
        }
        .into_any()
    };
    let manage = list.can_manage.then(|| {
        view! {
            <RotateForm site_id=list.site_id.clone() has_keys rotate/>
            {has_keys.then(|| view! { <CleanForm site_id=list.site_id.clone() clean/> })}
        }
    });
    view! {
        {table}
        {manage}
    }
    .into_any()
}

#[component]
fn RotateForm(
    site_id: String,
    has_keys: bool,
    rotate: ServerAction<RotateRegistrationKey>,
) -> impl IntoView {
    let error = last_error(rotate.value());
    let pending = rotate.pending();
    let revoke = RwSignal::new(false);
    let action = format!("/actions/sites/{}/keys/rotate", encode_component(&site_id));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // With JavaScript: the new key comes back into this view only.
        ev.prevent_default();
        rotate.dispatch(RotateRegistrationKey {
            site_id: site_id.clone(),
            previous: if revoke.get_untracked() {
                "revoke"
            } else {
                "keep"
            }
            .to_string(),
        });
    };
    let button = if has_keys {
        "Rotate the key"
    } else {
        "Create the registration key"
    };
    view! {
        <form method="post" action=action class="stack key-form" on:submit=on_submit>
            <FormError error/>
            {has_keys.then(|| view! {
                <fieldset class="field choice-group">
                    <legend>"What happens to the current key?"</legend>
                    <label class="choice">
                        <input
                            type="radio"
                            name="previous"
                            value="keep"
                            checked=true
                            on:change=move |_| revoke.set(false)
                        />
                        <span class="choice-text">
                            <strong>"Keep it for its grace period"</strong>
                            <span class="hint">
                                "Running containers keep registering with it for a while, so you can move them to the new key."
                            </span>
                        </span>
                    </label>
                    <label class="choice">
                        <input
                            type="radio"
                            name="previous"
                            value="revoke"
                            on:change=move |_| revoke.set(true)
                        />
                        <span class="choice-text">
                            <strong>"Revoke it now"</strong>
                            <span class="hint">
                                "For a leaked key: it stops working at once; containers using it can no longer register."
                            </span>
                        </span>
                    </label>
                </fieldset>
            })}
            <div>
                <button type="submit" class="btn btn-primary" disabled=move || pending.get()>
                    {move || if pending.get() { "Working…" } else { button }}
                </button>
            </div>
        </form>
    }
    .into_any()
}

#[component]
fn CleanForm(site_id: String, clean: ServerAction<CleanRegistrationKeys>) -> impl IntoView {
    let error = last_error(clean.value());
    view! {
        <details class="danger">
            <summary>"Remove all keys"</summary>
            <ActionForm action=clean attr:class="stack">
                <p>
                    "Every registration key of this site stops working at once. Running connectors stay registered, but no new container can register until you create a new key."
                </p>
                <FormError error/>
                <input type="hidden" name="site_id" value=site_id/>
                <label class="choice">
                    <input type="checkbox" name="confirm" value="yes" aria-describedby="clean-confirm-error"/>
                    <span class="choice-text">"I understand: remove every key of this site"</span>
                </label>
                <FieldError error field="confirm" id="clean-confirm-error"/>
                <div>
                    <button type="submit" class="btn btn-danger">"Remove all keys"</button>
                </div>
            </ActionForm>
        </details>
    }
    .into_any()
}

//! The confirmation steps of blocking (`/users/{idp}/{id}/block`) and unblocking
//! (`/users/{idp}/{id}/unblock`) a user: dedicated pages, so they work without JavaScript.

use crate::api::users::{get_user_detail, BlockUser, UnblockUser};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{invalid, last_error, FieldError, FormError};
use crate::pages::user_detail::use_user_key;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BlockUserPage() -> impl IntoView {
    let key = use_user_key();
    let action = ServerAction::<BlockUser>::new();
    let (typed_reason, typed_until) = use_query_map().with_untracked(|q| {
        (
            q.get("reason").unwrap_or_default(),
            q.get("until").unwrap_or_default(),
        )
    });
    let user = Resource::new(
        move || key.get(),
        |(idp, id)| get_user_detail(idp, id, false),
    );
    view! {
        <Title text="Block user"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/users">"Users"</a>
        </nav>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading user…"</p> }>
            {move || {
                let (reason, until) = (typed_reason.clone(), typed_until.clone());
                Suspend::new(async move {
                match user.await {
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    Ok(detail) => {
                        let u = detail.user.clone();
                        let error = last_error(action.value());
                        let heading = format!("Block {}?", u.name);
                        let consequence = format!(
                            "{} ({}, {}) is signed out of every session now and cannot sign in until unblocked.",
                            u.name, u.email, u.idp_name
                        );
                        let cancel = u.href();
                        view! {
                            <header class="page-header"><h1>{heading}</h1></header>
                            <section class="panel danger">
                                <p><strong>{consequence}</strong></p>
                                {u.blocked.then(|| view! { <p class="notice notice-info">"This user is already blocked; blocking again records the new reason and end time."</p> })}
                                <ActionForm action attr:class="stack form-panel" attr:novalidate=true>
                                    <FormError error/>
                                    <input type="hidden" name="idp" value=u.idp_id.clone()/>
                                    <input type="hidden" name="id" value=u.id.clone()/>
                                    <div class="field">
                                        <label for="block-reason">"Reason (ticket number or text)"</label>
                                        <input id="block-reason" name="reason" type="text" required maxlength="500"
                                            value=reason
                                            aria-invalid=invalid(error, "reason")
                                            aria-describedby="block-reason-error"/>
                                        <FieldError error field="reason" id="block-reason-error"/>
                                    </div>
                                    <div class="field">
                                        <label for="block-until">"Unblock automatically at (UTC, optional)"</label>
                                        <input id="block-until" name="until" type="datetime-local"
                                            value=until
                                            aria-invalid=invalid(error, "until")
                                            aria-describedby="block-until-hint block-until-error"/>
                                        <p class="hint" id="block-until-hint">"Leave empty to keep the user blocked until someone unblocks them. At most 90 days ahead."</p>
                                        <FieldError error field="until" id="block-until-error"/>
                                    </div>
                                    <div class="actions">
                                        <button type="submit" class="btn btn-danger">"Block and end sessions"</button>
                                        <a class="btn" href=cancel>"Cancel"</a>
                                    </div>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}

#[component]
pub fn UnblockUserPage() -> impl IntoView {
    let key = use_user_key();
    let action = ServerAction::<UnblockUser>::new();
    let back = use_query_map().with_untracked(|q| q.get("back").unwrap_or_default());
    let user = Resource::new(
        move || key.get(),
        |(idp, id)| get_user_detail(idp, id, false),
    );
    view! {
        <Title text="Unblock user"/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/users">"Users"</a>
            <a href="/users/blocked">"Blocked users"</a>
        </nav>
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading user…"</p> }>
            {move || {
                let back = back.clone();
                Suspend::new(async move {
                match user.await {
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    Ok(detail) => {
                        let u = detail.user.clone();
                        let error = last_error(action.value());
                        let heading = format!("Unblock {}?", u.name);
                        let text = format!("{} ({}, {}) can sign in again right away.", u.name, u.email, u.idp_name);
                        let cancel = if back == "blocked" { "/users/blocked".to_string() } else { u.href() };
                        let schedule = detail.schedule.clone().map(|s| format!("The unblock scheduled for {} is no longer needed and is removed.", s.due.exact));
                        view! {
                            <header class="page-header"><h1>{heading}</h1></header>
                            <section class="panel">
                                <p><strong>{text}</strong></p>
                                {(!u.blocked).then(|| view! { <p class="notice notice-info">"The tenant does not list this user as blocked."</p> })}
                                {schedule.map(|s| view! { <p class="muted">{s}</p> })}
                                <ActionForm action attr:class="stack form-panel">
                                    <FormError error/>
                                    <input type="hidden" name="idp" value=u.idp_id.clone()/>
                                    <input type="hidden" name="id" value=u.id.clone()/>
                                    <input type="hidden" name="back" value=back.clone()/>
                                    <div class="field">
                                        <label for="unblock-reason">"Note (optional)"</label>
                                        <input id="unblock-reason" name="reason" type="text" maxlength="500"/>
                                    </div>
                                    <div class="actions">
                                        <button type="submit" class="btn btn-primary">"Unblock"</button>
                                        <a class="btn" href=cancel>"Cancel"</a>
                                    </div>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}

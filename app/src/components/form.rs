//! Form helpers: messages at the field, the error of a whole form, and the values a
//! person typed (kept when a form without JavaScript comes back with an error).

use crate::error::AppError;
use leptos::prelude::*;

/// The message for `field`, when the last attempt failed there.
pub fn field_message(error: &Option<AppError>, field: &str) -> Option<String> {
    error
        .as_ref()
        .filter(|e| e.field.as_deref() == Some(field))
        .map(|e| e.message.clone())
}

/// The error of a form's last attempt (from its action's value).
pub fn last_error<T, S>(value: S) -> Signal<Option<AppError>>
where
    T: 'static,
    S: Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    Signal::derive(move || match value.get() {
        Some(Err(e)) => Some(e),
        _ => None,
    })
}

/// The message under a field (`id` is what the input's `aria-describedby` points at).
#[component]
pub fn FieldError(
    error: Signal<Option<AppError>>,
    field: &'static str,
    id: &'static str,
) -> impl IntoView {
    move || {
        field_message(&error.get(), field).map(|message| {
            view! {
                <p class="field-error" id=id>
                    {message}
                </p>
            }
        })
    }
}

/// An error of the whole form (not of one field): what went wrong, what to do, the
/// tenant's request id.
#[component]
pub fn FormError(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().filter(|e| e.field.is_none()).map(|e| {
            view! {
                <div class="notice notice-error" role="alert">
                    <strong>{e.message.clone()}</strong>
                    <span class="notice-hint">{e.hint.clone()}</span>
                    {e
                        .request_id
                        .clone()
                        .map(|id| {
                            view! {
                                <span class="request-id">
                                    " Tenant request id: " <code>{id}</code>
                                </span>
                            }
                        })}
                </div>
            }
        })
    }
}

/// `aria-invalid` for an input: "true" when its field has a message.
pub fn invalid(error: Signal<Option<AppError>>, field: &'static str) -> Signal<&'static str> {
    Signal::derive(move || {
        if field_message(&error.get(), field).is_some() {
            "true"
        } else {
            "false"
        }
    })
}

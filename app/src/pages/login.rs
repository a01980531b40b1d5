//! Sign-in. A plain HTML form posted to the BFF (`POST /auth/login`), so it works
//! without JavaScript; the BFF redirects back here with `?error=` when it fails,
//! keeping the username the person typed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The message for an `?error=` code: what went wrong and what to do.
fn message(code: &str, retry: Option<u64>) -> Option<(&'static str, String)> {
    match code {
        "invalid" => Some((
            "error",
            "Wrong username or password. Check both and try again.".to_string(),
        )),
        "throttled" => Some((
            "error",
            format!(
                "Too many failed sign-ins. Sign-in for this account is paused; try again in {} s.",
                retry.unwrap_or(30)
            ),
        )),
        "missing" => Some((
            "error",
            "Enter both your username and your password.".to_string(),
        )),
        "expired" => Some((
            "info",
            "Your session has ended. Sign in again to continue.".to_string(),
        )),
        "signed_out" => Some(("info", "You have signed out.".to_string())),
        _ => None,
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &str| query.read().get(key);
    let username = get("user").unwrap_or_default();
    let next = get("next").unwrap_or_default();
    let retry = get("retry").and_then(|r| r.parse::<u64>().ok());
    let notice = get("error").and_then(|code| message(&code, retry));
    let has_user = !username.is_empty();
    view! {
        <Title text="Sign in"/>
        <main id="main" class="login">
            <section class="login-card" aria-labelledby="login-title">
                <div class="brand brand-large">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    "ZTNA Console"
                </div>
                <h1 id="login-title">"Sign in"</h1>
                {notice
                    .map(|(tone, text)| {
                        let class = format!("notice notice-{tone}");
                        view! {
                            <p class=class role="alert">
                                {text}
                            </p>
                        }
                    })}
                <form method="post" action="/auth/login" class="stack">
                    <input type="hidden" name="next" value=next/>
                    <div class="field">
                        <label for="username">"Username"</label>
                        <input
                            id="username"
                            name="username"
                            type="text"
                            autocomplete="username"
                            autocapitalize="none"
                            spellcheck="false"
                            required
                            maxlength="128"
                            value=username
                            autofocus=!has_user
                        />
                    </div>
                    <div class="field">
                        <label for="password">"Password"</label>
                        <input
                            id="password"
                            name="password"
                            type="password"
                            autocomplete="current-password"
                            required
                            maxlength="1024"
                            autofocus=has_user
                        />
                    </div>
                    <button type="submit" class="btn btn-primary btn-block">"Sign in"</button>
                </form>
            </section>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn every_error_code_says_what_to_do() {
        assert!(message("invalid", None).is_some_and(|(_, m)| m.contains("try again")));
        assert!(message("throttled", Some(42)).is_some_and(|(_, m)| m.contains("42 s")));
        assert!(message("nonsense", None).is_none());
    }
}

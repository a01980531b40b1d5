//! The wizard's deploy step for one connector, and following it until it runs.
//!
//! - Deploy: the deployment command and environment hold the connector's one-time
//!   password. They are not part of this page: the "Show deployment command" button asks
//!   the server function `connector_deployment` for them (kept only in this view's local
//!   state), or, without JavaScript, posts a form whose answer is a one-off page rendered
//!   by the BFF (never cached).
//! - Wait: the browser asks for the connector's state every few seconds (on the tenant
//!   queue's background lane) until it registered and reports up, or its one-time password
//!   expired; then a fresh connector can be created in its place.
//! - Check: registered, up, version against the tenant's latest, update status.

use crate::api::connectors::{get_connector_progress, ConnectorDeployment, ReplaceConnector};
use crate::components::badge::StateBadge;
use crate::components::copy::CopyBlock;
use crate::components::countdown::{use_countdown, Countdown};
use crate::components::error_panel::ErrorPanel;
use crate::components::form::{last_error, FormError};
use crate::components::wizard::{WizardSteps, CONNECTOR_STEPS};
use crate::model::deploy::{DeploymentView, SECRET_NOTE};
use crate::model::encode_component;
use crate::model::wizard::ConnectorProgress;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// How often the waiting page asks for the connector's state.
pub const POLL_SECONDS: u64 = 4;

#[component]
pub fn ConnectorPage() -> impl IntoView {
    let params = use_params_map();
    let ids = Memo::new(move |_| {
        let p = params.read();
        (
            p.get("id").unwrap_or_default(),
            p.get("connector").unwrap_or_default(),
        )
    });
    let progress = Resource::new(
        move || ids.get(),
        |(site, connector)| get_connector_progress(site, connector, false),
    );
    let replace = ServerAction::<ReplaceConnector>::new();
    view! {
        <Suspense fallback=|| view! { <p class="loading" aria-busy="true">"Loading connector…"</p> }>
            {move || Suspend::new(async move {
                match progress.await {
                    Ok(initial) => view! { <ConnectorBody initial replace/> }.into_any(),
                    Err(error) => {
                        view! {
                            <Title text="Connector"/>
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

#[component]
fn ConnectorBody(
    initial: ConnectorProgress,
    replace: ServerAction<ReplaceConnector>,
) -> impl IntoView {
    // The newest state, from polling (browser only); the server's answer until then.
    let live = RwSignal::new(initial.clone());
    #[cfg(feature = "hydrate")]
    follow(live);
    let left = use_countdown(initial.otp_expires_in.unwrap_or(0));
    let expired = Signal::derive(move || {
        let p = live.get();
        !p.registered && p.otp_expires_in.is_some() && left.get() <= 0
    });
    let site_href = format!("/sites/{}", encode_component(&initial.site_id));
    let add_href = format!("{site_href}/connectors/new");
    let title = format!("Deploy {}", initial.name);
    let running = Memo::new(move |_| live.get().running());
    let registered = Memo::new(move |_| live.get().registered);
    let step = move || if running.get() { 4 } else { 3 };
    view! {
        <Title text=title.clone()/>
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/sites">"Sites"</a>
            <a href=site_href.clone()>{initial.site_name.clone()}</a>
        </nav>
        {move || view! { <WizardSteps steps=&CONNECTOR_STEPS current=step()/> }}
        <header class="page-header">
            <h1>{title}</h1>
            {move || view! { <StateBadge state=live.get().state/> }}
            <p class="muted">
                {format!(
                    "{} connector · {} · debug logs {}",
                    initial.deployment_label,
                    if initial.enabled { "enabled" } else { "disabled" },
                    if initial.send_logs { "on" } else { "off" },
                )}
                {initial
                    .kubernetes_volume
                    .clone()
                    .map(|v| view! { " · volume " <code>{v}</code> })}
            </p>
        </header>
        // Keyed on "registered" only: a poll must not reset the shown command.
        {move || {
            if registered.get() {
                None
            } else {
                Some(view! { <DeployPanel initial=initial.clone() left expired/> })
            }
        }}
        <WaitPanel live expired replace/>
        {move || registered.get().then(|| view! { <CheckPanel p=live.get()/> })}
        <div class="actions">
            <a class="btn" href=add_href>"Add another connector"</a>
            <a class="btn btn-quiet" href=site_href>"Go to the site"</a>
        </div>
    }
    .into_any()
}

/// Step 3: the command and the environment, on request only.
#[component]
fn DeployPanel(
    initial: ConnectorProgress,
    left: RwSignal<i64>,
    expired: Signal<bool>,
) -> impl IntoView {
    let show = ServerAction::<ConnectorDeployment>::new();
    let error = last_error(show.value());
    let pending = show.pending();
    let action = format!(
        "/actions/sites/{}/connectors/{}/deployment",
        encode_component(&initial.site_id),
        encode_component(&initial.id)
    );
    let (site_id, connector_id) = (initial.site_id.clone(), initial.id.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        // With JavaScript: fetch the secret into this view only (no page reload).
        ev.prevent_default();
        show.dispatch(ConnectorDeployment {
            site_id: site_id.clone(),
            connector_id: connector_id.clone(),
        });
    };
    let hide = move |_| show.value().set(None);
    let kind_hint = initial.kind.map(|k| k.hint());
    let can_deploy = initial.can_deploy;
    let exact = initial.otp_expires_exact.clone();
    view! {
        <section class="panel" aria-labelledby="deploy-title">
            <h2 id="deploy-title">"Deploy the connector"</h2>
            {kind_hint.map(|h| view! { <p>{h}</p> })}
            <p class="notice notice-warn">
                <strong>"The command holds a one-time secret."</strong>
                " "
                {SECRET_NOTE}
            </p>
            <p class="otp-expiry">
                {move || {
                    if expired.get() {
                        view! {
                            <span class="text-bad">"The one-time password has expired."</span>
                        }
                            .into_any()
                    } else {
                        view! {
                            "The one-time password expires in "
                            <Countdown left exact=exact.clone().unwrap_or_default()/>
                            "."
                        }
                            .into_any()
                    }
                }}
            </p>
            {if can_deploy {
                view! {
                    <form method="post" action=action class="inline" on:submit=on_submit>
                        <button
                            type="submit"
                            class="btn btn-primary"
                            disabled=move || pending.get() || expired.get()
                        >
                            {move || {
                                if pending.get() { "Fetching…" } else { "Show deployment command" }
                            }}
                        </button>
                    </form>
                }
                    .into_any()
            } else {
                view! {
                    <p class="muted">"Your role cannot see deployment commands."</p>
                }
                    .into_any()
            }}
            <FormError error/>
            {move || match show.value().get() {
                Some(Ok(view)) => Some(view! { <Deployment view on_hide=hide/> }),
                _ => None,
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Deployment(
    view: DeploymentView,
    on_hide: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let command_label = format!("Deployment command ({})", view.deployment_label);
    let env_label = format!("Environment variables: {}", view.environment_format);
    view! {
        <div class="deployment" aria-live="polite">
            <CopyBlock label=command_label text=view.command id="deployment-command"/>
            <CopyBlock label=env_label text=view.environment id="deployment-environment"/>
            <p class="muted">
                "Container name: " <code>{view.container_name}</code>
            </p>
            <button type="button" class="btn btn-quiet" on:click=on_hide>
                "Hide the command"
            </button>
        </div>
    }
    .into_any()
}

/// Step 4: waiting for the connector to register and report up.
#[component]
fn WaitPanel(
    live: RwSignal<ConnectorProgress>,
    expired: Signal<bool>,
    replace: ServerAction<ReplaceConnector>,
) -> impl IntoView {
    let error = last_error(replace.value());
    let pending = replace.pending();
    move || {
        let p = live.get();
        let body = if p.running() {
            view! {
                <p class="notice notice-ok" role="status">
                    <strong>{format!("{} is up.", p.name)}</strong>
                    " It registered and reports to the tenant."
                </p>
                <dl class="facts facts-grid">
                    <dt>"Host name"</dt>
                    <dd>{p.hostname.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Version"</dt>
                    <dd>{p.version.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"Internal address"</dt>
                    <dd>{p.internal_ip.clone().unwrap_or_else(|| "—".into())}</dd>
                    <dt>"External address"</dt>
                    <dd>{p.external_ip.clone().unwrap_or_else(|| "—".into())}</dd>
                </dl>
            }
            .into_any()
        } else if p.registered {
            view! {
                <p class="notice notice-error" role="status">
                    <strong>{format!("{} registered but is not up.", p.name)}</strong>
                    " Check that the container runs and can reach the tenant; this page keeps checking."
                </p>
            }
            .into_any()
        } else if expired.get() {
            let site_id = p.site_id.clone();
            let connector_id = p.id.clone();
            view! {
                <p class="notice notice-error" role="alert">
                    <strong>"The one-time password expired before the connector registered."</strong>
                    " Its deployment command no longer works. Create a fresh connector with the same settings (this one is removed) and deploy that instead."
                </p>
                <FormError error/>
                {p.can_deploy.then(|| view! {
                    <ActionForm action=replace attr:class="inline">
                        <input type="hidden" name="site_id" value=site_id/>
                        <input type="hidden" name="connector_id" value=connector_id/>
                        <button type="submit" class="btn btn-primary" disabled=move || pending.get()>
                            "Create a fresh connector"
                        </button>
                    </ActionForm>
                })}
            }
            .into_any()
        } else {
            view! {
                <p class="waiting" role="status">
                    <span class="spinner" aria-hidden="true"></span>
                    {format!(
                        "Waiting for {} to register… Run the deployment command on the host; this page checks every {POLL_SECONDS} seconds.",
                        p.name,
                    )}
                </p>
                <p class="muted noscript-only">
                    "Without JavaScript, " <a href="">"reload this page"</a> " to check again."
                </p>
            }
            .into_any()
        };
        view! {
            <section class="panel" aria-labelledby="wait-title">
                <h2 id="wait-title">"Wait for it to register"</h2>
                {body}
            </section>
        }
    }
}

/// Registered, up, version current, update status.
#[component]
fn CheckPanel(p: ConnectorProgress) -> impl IntoView {
    let mark = |ok: bool| {
        if ok {
            view! { <span class="badge badge-ok">"Yes"</span> }.into_any()
        } else {
            view! { <span class="badge badge-bad">"No"</span> }.into_any()
        }
    };
    let version = match (&p.version, &p.latest_version) {
        (Some(v), Some(l)) if p.outdated => view! {
            <span>{v.clone()}</span> " " <span class="badge badge-warn">"Outdated"</span>
            <span class="sub muted">{format!(" latest {l}")}</span>
        }
        .into_any(),
        (Some(v), Some(_)) => view! {
            <span>{v.clone()}</span> " " <span class="badge badge-ok">"Current"</span>
        }
        .into_any(),
        (Some(v), None) => view! {
            <span>{v.clone()}</span> <span class="sub muted">" (latest version unknown)"</span>
        }
        .into_any(),
        (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
    };
    let update_class = if p.update_failed { "text-bad" } else { "" };
    view! {
        <section class="panel" aria-labelledby="check-title">
            <h2 id="check-title">"Check"</h2>
            <dl class="facts checklist">
                <dt>"Registered"</dt>
                <dd>{mark(p.registered)}</dd>
                <dt>"Status up"</dt>
                <dd>{mark(p.running())}</dd>
                <dt>"Version"</dt>
                <dd>{version}</dd>
                <dt>"Update status"</dt>
                <dd>
                    <span class=update_class>{p.update_status.clone()}</span>
                    {p.update_status_info.clone().map(|i| view! { <div class="sub muted">{i}</div> })}
                </dd>
            </dl>
        </section>
    }
    .into_any()
}

/// Asks for the connector's state every few seconds while there is something to wait
/// for; stops when it runs, its OTP expired, or the page goes away.
#[cfg(feature = "hydrate")]
fn follow(live: RwSignal<ConnectorProgress>) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    let busy = Arc::new(AtomicBool::new(false));
    Effect::new(move |_| {
        let busy = busy.clone();
        let tick = move || {
            let current = live.get_untracked();
            if !current.keep_waiting() || busy.swap(true, Ordering::SeqCst) {
                return;
            }
            let busy = busy.clone();
            leptos::task::spawn_local(async move {
                if let Ok(p) = get_connector_progress(current.site_id, current.id, true).await {
                    // Only the connector this page shows (the route may have changed).
                    if live.get_untracked().id == p.id {
                        live.set(p);
                    }
                }
                busy.store(false, Ordering::SeqCst);
            });
        };
        if let Ok(handle) =
            set_interval_with_handle(tick, std::time::Duration::from_secs(POLL_SECONDS))
        {
            on_cleanup(move || handle.clear());
        }
    });
}

//! Bulk jobs: the list, and one job with live progress.
//!
//! The job page renders the job's state on the server (so it reads without
//! JavaScript; reload to see progress), and in the browser follows the job's
//! server-sent events (`/events/jobs/{id}`) until it finishes.

use crate::api::jobs::{get_job, list_jobs, CancelJob, RetryJob};
use crate::components::error_panel::ErrorPanel;
use crate::model::{JobSummary, JobView};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn JobsPage() -> impl IntoView {
    let jobs = Resource::new(|| (), |_| list_jobs());
    view! {
        <Title text="Jobs"/>
        <header class="page-header">
            <h1>"Jobs"</h1>
            <p class="muted">"Changes to many objects, item by item, with their outcome."</p>
        </header>
        <Suspense fallback=|| view! { <p class="loading">"Loading jobs…"</p> }>
            {move || Suspend::new(async move {
                match jobs.await {
                    Ok(list) if list.is_empty() => {
                        view! {
                            <section class="panel empty">
                                <p>"No jobs yet. Select sites on the Sites page to change many at once."</p>
                            </section>
                        }
                            .into_any()
                    }
                    Ok(list) => view! { <JobsTable list/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn JobsTable(list: Vec<JobSummary>) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Jobs"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Job"</th>
                        <th scope="col">"State"</th>
                        <th scope="col">"Progress"</th>
                        <th scope="col">"Started by"</th>
                        <th scope="col">"Started"</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|j| {
                            let href = format!("/jobs/{}", j.id);
                            let badge = format!("badge badge-{}", tone(&j.state));
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a href=href>{j.title}</a>
                                    </th>
                                    <td>
                                        <span class=badge>{label(&j.state)}</span>
                                    </td>
                                    <td>
                                        {format!("{} of {}", j.done, j.total)}
                                        {(j.failed > 0)
                                            .then(|| {
                                                view! {
                                                    <span class="sub text-bad">
                                                        {format!(" · {} failed", j.failed)}
                                                    </span>
                                                }
                                            })}
                                    </td>
                                    <td>{j.actor}</td>
                                    <td>{j.created}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn label(state: &str) -> &'static str {
    match state {
        "queued" => "Queued",
        "running" => "Running",
        "succeeded" => "Succeeded",
        "failed" => "Failed",
        "partially_failed" => "Partly failed",
        "cancelled" => "Cancelled",
        "pending" => "Pending",
        _ => "Unknown",
    }
}

fn tone(state: &str) -> &'static str {
    match state {
        "succeeded" => "ok",
        "failed" | "partially_failed" => "bad",
        "cancelled" => "muted",
        _ => "idle",
    }
}

#[component]
pub fn JobPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    });
    let retry = ServerAction::<RetryJob>::new();
    let cancel = ServerAction::<CancelJob>::new();
    let job = Resource::new(
        move || (id.get(), retry.version().get(), cancel.version().get()),
        |(id, _, _)| get_job(id),
    );
    // The newest state pushed by the server (browser only).
    let live = RwSignal::new(None::<JobView>);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let _ = (retry.version().get(), cancel.version().get());
        live.set(None);
        follow(id.get(), live);
    });
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            <a href="/jobs">"Jobs"</a>
        </nav>
        <Suspense fallback=|| view! { <p class="loading">"Loading job…"</p> }>
            {move || Suspend::new(async move {
                match job.await {
                    Ok(initial) => view! { <JobBody initial live retry cancel/> }.into_any(),
                    Err(error) => {
                        view! {
                            <Title text="Job"/>
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
fn JobBody(
    initial: JobView,
    live: RwSignal<Option<JobView>>,
    retry: ServerAction<RetryJob>,
    cancel: ServerAction<CancelJob>,
) -> impl IntoView {
    let current = move || {
        live.get()
            .filter(|l| l.id == initial.id)
            .unwrap_or_else(|| initial.clone())
    };
    move || {
        let job = current();
        let badge = format!("badge badge-{}", job.state_tone());
        let percent = job.percent();
        let retry_id = job.id.to_string();
        let cancel_id = retry_id.clone();
        view! {
            <Title text=job.title.clone()/>
            <header class="page-header">
                <h1>{job.title.clone()}</h1>
                <span class=badge>{job.state_label()}</span>
            </header>
            <section class="panel">
                // A native progress element: accessible, and no inline style (CSP).
                <progress class="progress" max="100" value=percent aria-label="Job progress">
                    {format!("{percent}%")}
                </progress>
                <p class="progress-text" aria-live="polite">
                    {format!(
                        "{} of {} done · {} succeeded · {} failed{}",
                        job.done,
                        job.total,
                        job.succeeded,
                        job.failed,
                        if job.cancelled > 0 {
                            format!(" · {} cancelled", job.cancelled)
                        } else {
                            String::new()
                        },
                    )}
                </p>
                <p class="muted">
                    {format!("Started {} by {}", job.created, job.actor)}
                    {(!job.finished)
                        .then(|| view! { " · " <a href="">"Reload"</a> " to refresh without JavaScript" })}
                </p>
                <div class="actions">
                    {job
                        .can_retry
                        .then(|| {
                            view! {
                                <ActionForm action=retry attr:class="inline">
                                    <input type="hidden" name="id" value=retry_id/>
                                    <button type="submit" class="btn btn-primary">
                                        "Retry failed items"
                                    </button>
                                </ActionForm>
                            }
                        })}
                    {job
                        .can_cancel
                        .then(|| {
                            view! {
                                <ActionForm action=cancel attr:class="inline">
                                    <input type="hidden" name="id" value=cancel_id/>
                                    <button type="submit" class="btn">"Cancel remaining"</button>
                                </ActionForm>
                            }
                        })}
                </div>
            </section>
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Items of this job"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Object"</th>
                            <th scope="col">"State"</th>
                            <th scope="col">"Details"</th>
                            <th scope="col">"Tenant request id"</th>
                            <th scope="col" class="num">"Attempts"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {job
                            .items
                            .into_iter()
                            .map(|i| {
                                let badge = format!("badge badge-{}", tone(&i.state));
                                view! {
                                    <tr>
                                        <th scope="row">{i.target_name}</th>
                                        <td>
                                            <span class=badge>{label(&i.state)}</span>
                                        </td>
                                        <td class="text-bad">{i.error.unwrap_or_default()}</td>
                                        <td>
                                            {i.request_id.map(|r| view! { <code>{r}</code> })}
                                        </td>
                                        <td class="num">{i.attempts}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
    }
}

/// Opens the job's event stream; each message is the whole job. Closed when the job
/// finishes or the page goes away.
#[cfg(feature = "hydrate")]
fn follow(id: i64, live: RwSignal<Option<JobView>>) {
    use send_wrapper::SendWrapper;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(source) = web_sys::EventSource::new(&format!("/events/jobs/{id}")) else {
        return;
    };
    let for_close = source.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(job) = serde_json::from_str::<JobView>(&text) {
                let finished = job.finished;
                live.set(Some(job));
                if finished {
                    for_close.close();
                }
            }
        });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let source = SendWrapper::new(source);
    on_cleanup(move || source.close());
}

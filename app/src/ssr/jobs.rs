//! The job runner: one person's action on many objects becomes a tracked job.
//!
//! A job and its items live in the console's store, so a reload or a restart loses
//! nothing (running items go back to pending at start-up and are resumed). Items run one
//! at a time per job on the client's **bulk** lane, so interactive calls of everybody
//! keep going first and the queue spends the rest of the budget. Every item's outcome is
//! recorded with the tenant's request id and written to the audit trail; watchers (the
//! job page's server-sent events) are told after every item.

use crate::error::AppError;
use crate::model::{JobItemView, JobSummary, JobView, Role};
use crate::ssr::authz::Principal;
use crate::ssr::format;
use console_store::{ItemOutcome, Job, JobItem, JobState, NewAuditEntry, NewJob, Store};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;
use ztna_client::{ApiError, Lane, TenantClient};
use ztna_wire::NewSite;

/// What a finished job reports (for the `jobs_total{kind,state}` metric).
pub type OnFinished = Arc<dyn Fn(&str, &str) + Send + Sync>;

#[derive(Clone)]
pub struct JobRunner {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    client: TenantClient,
    /// Job ids that changed; watchers re-read the job.
    changes: broadcast::Sender<i64>,
    running: Mutex<HashSet<i64>>,
    on_finished: OnFinished,
}

/// Job kinds the runner knows. One place, so a kind cannot be started without a handler.
pub mod kinds {
    /// Mute or unmute health notifications of sites (payload `{"mute": bool}`).
    pub const SITE_NOTIFICATIONS: &str = "sites.notifications";
    /// Unblock tenant users (payload `{"idp_id", "user_id", "reason"}`).
    pub const USERS_UNBLOCK: &str = "users.unblock";
}

impl JobRunner {
    pub fn new(store: Store, client: TenantClient, on_finished: OnFinished) -> JobRunner {
        let (changes, _) = broadcast::channel(256);
        JobRunner {
            inner: Arc::new(Inner {
                store,
                client: client.lane(Lane::Bulk),
                changes,
                running: Mutex::new(HashSet::new()),
                on_finished,
            }),
        }
    }

    /// Ids of jobs that changed, as they change.
    pub fn subscribe(&self) -> broadcast::Receiver<i64> {
        self.inner.changes.subscribe()
    }

    pub async fn submit(&self, new: NewJob) -> Result<Job, AppError> {
        let job = self
            .inner
            .store
            .create_job(new)
            .await
            .map_err(store_error)?;
        tracing::info!(job = job.id, kind = %job.kind, items = job.total, actor = %job.actor, "job submitted");
        self.start(job.id);
        Ok(job)
    }

    /// Picks up what a previous process left unfinished.
    pub async fn resume_unfinished(&self) -> Result<usize, AppError> {
        let jobs = self
            .inner
            .store
            .unfinished_jobs()
            .await
            .map_err(store_error)?;
        for job in &jobs {
            tracing::info!(job = job.id, "resuming job after restart");
            self.start(job.id);
        }
        Ok(jobs.len())
    }

    pub async fn retry_failed(&self, job_id: i64) -> Result<u32, AppError> {
        let n = self
            .inner
            .store
            .retry_failed(job_id)
            .await
            .map_err(store_error)?;
        if n > 0 {
            self.start(job_id);
        }
        let _ = self.inner.changes.send(job_id);
        Ok(n)
    }

    pub async fn cancel(&self, job_id: i64) -> Result<(), AppError> {
        self.inner
            .store
            .cancel_job(job_id)
            .await
            .map_err(store_error)?;
        let _ = self.inner.changes.send(job_id);
        Ok(())
    }

    /// The job, if the principal may see it (its starter, or a tenant admin/viewer).
    pub async fn view(&self, principal: &Principal, job_id: i64) -> Result<JobView, AppError> {
        let job = self
            .inner
            .store
            .job(job_id)
            .await
            .map_err(store_error)?
            .filter(|job| may_see(principal, job))
            .ok_or_else(|| AppError::not_found("job"))?;
        let items = self
            .inner
            .store
            .job_items(job_id)
            .await
            .map_err(store_error)?;
        Ok(job_view(principal, &job, &items))
    }

    pub async fn list(&self, principal: &Principal) -> Result<Vec<JobSummary>, AppError> {
        let actor = match principal.role {
            Role::Admin | Role::Viewer => None,
            _ => Some(principal.username.as_str()),
        };
        let jobs = self
            .inner
            .store
            .list_jobs(actor, 100)
            .await
            .map_err(store_error)?;
        let now = time::OffsetDateTime::now_utc();
        Ok(jobs
            .into_iter()
            .map(|j| JobSummary {
                id: j.id,
                title: j.title,
                actor: j.actor,
                state: j.state.as_str().to_string(),
                created: format::relative(j.created_at, now),
                total: j.total,
                done: j.done,
                failed: j.failed,
            })
            .collect())
    }

    fn start(&self, job_id: i64) {
        {
            let mut running = self.inner.running.lock().unwrap_or_else(|p| p.into_inner());
            if !running.insert(job_id) {
                return; // already being worked on; it will see the new pending items
            }
        }
        let runner = self.clone();
        tokio::spawn(async move {
            runner.work(job_id).await;
            runner
                .inner
                .running
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&job_id);
            // Items may have been sent back (retry) while this worker was finishing.
            if let Ok(Some(job)) = runner.inner.store.job(job_id).await {
                if job.pending > 0 && !job.state.is_final() {
                    runner.start(job_id);
                }
            }
        });
    }

    async fn work(&self, job_id: i64) {
        let store = &self.inner.store;
        let Ok(Some(job)) = store.job(job_id).await else {
            return;
        };
        loop {
            let item = match store.claim_next_item(job_id).await {
                Ok(Some(item)) => item,
                Ok(None) => break,
                Err(e) => {
                    tracing::error!(job = job_id, error = %e, "claiming a job item failed");
                    break;
                }
            };
            let _ = self.inner.changes.send(job_id);
            // Access is checked again for every item (first run, retry, resume): a scope
            // or role removed after the job was created stops the job's remaining items.
            let outcome = match self.still_allowed(&job, &item).await {
                Ok(()) => self.execute(&job.kind, &item).await,
                Err(refusal) => Err((refusal, None)),
            };
            self.audit(&job, &item, &outcome).await;
            match store.finish_item(item.id, outcome).await {
                Ok(updated) => {
                    let _ = self.inner.changes.send(job_id);
                    if updated.state.is_final() {
                        (self.inner.on_finished)(&updated.kind, updated.state.as_str());
                        tracing::info!(
                            job = job_id,
                            state = updated.state.as_str(),
                            "job finished"
                        );
                        break;
                    }
                }
                Err(e) => {
                    tracing::error!(job = job_id, error = %e, "recording a job item failed");
                    break;
                }
            }
        }
    }

    /// May the job's starter, as their account is now, still do this item?
    async fn still_allowed(&self, job: &Job, item: &JobItem) -> Result<(), String> {
        use crate::ssr::authz::Permission;
        let refused = || {
            "not done: the person who started this job no longer has access to this object"
                .to_string()
        };
        let account = self
            .inner
            .store
            .account_by_username(&job.actor)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "account lookup for a job item failed");
                "not done: the console could not check access; retry the item".to_string()
            })?;
        let Some(principal) = account.as_ref().and_then(Principal::from_account) else {
            return Err(refused());
        };
        let allowed = match job.kind.as_str() {
            kinds::SITE_NOTIFICATIONS => {
                principal.may(Permission::EditSites) && principal.can_see_site(&item.target_id)
            }
            kinds::USERS_UNBLOCK => principal.may(Permission::BlockUsers),
            _ => false,
        };
        if allowed {
            Ok(())
        } else {
            tracing::warn!(job = job.id, actor = %job.actor, target = %item.target_id, "job item refused: access withdrawn");
            Err(refused())
        }
    }

    /// Does one item. Ok carries the tenant's request id of the change.
    async fn execute(&self, kind: &str, item: &JobItem) -> ItemOutcome {
        let client = &self.inner.client;
        match kind {
            kinds::SITE_NOTIFICATIONS => {
                let Some(mute) = item.payload.get("mute").and_then(|v| v.as_bool()) else {
                    return Err(("the job item has no mute setting".into(), None));
                };
                let (result, ids) = ztna_client::capture_request_ids(async {
                    // PUT replaces the whole site: read it, change one field, write all.
                    let site = client.get_site(&item.target_id).await?;
                    let mut body = NewSite::from(&site);
                    body.mute_health_notification = mute;
                    client.update_site(&item.target_id, &body).await
                })
                .await;
                match result {
                    Ok(_) => Ok(ids.last().cloned()),
                    Err(e) => Err(item_error(&e)),
                }
            }
            kinds::USERS_UNBLOCK => {
                crate::ssr::usecases::users::unblock_item(client, &self.inner.store, &item.payload)
                    .await
            }
            other => Err((format!("unknown job kind {other}"), None)),
        }
    }

    async fn audit(&self, job: &Job, item: &JobItem, outcome: &ItemOutcome) {
        let (ok, request_id, error) = match outcome {
            Ok(id) => (true, id.clone(), None),
            Err((e, id)) => (false, id.clone(), Some(e.clone())),
        };
        let entry = NewAuditEntry {
            actor: job.actor.clone(),
            action: job.kind.clone(),
            target_kind: if job.kind == kinds::USERS_UNBLOCK {
                "user".into()
            } else {
                "site".into()
            },
            target_id: Some(item.target_id.clone()),
            target_name: Some(item.target_name.clone()),
            outcome: if ok { "ok".into() } else { "error".into() },
            request_id,
            detail: serde_json::json!({
                "job": job.id,
                "payload": item.payload,
                "error": error,
                "attempt": item.attempts,
            }),
        };
        if let Err(e) = self.inner.store.record_audit(entry).await {
            tracing::warn!(error = %e, "audit write failed");
        }
    }
}

fn may_see(principal: &Principal, job: &Job) -> bool {
    matches!(principal.role, Role::Admin | Role::Viewer) || job.actor == principal.username
}

fn job_view(principal: &Principal, job: &Job, items: &[JobItem]) -> JobView {
    let now = time::OffsetDateTime::now_utc();
    let may_act = matches!(principal.role, Role::Admin) || job.actor == principal.username;
    JobView {
        id: job.id,
        title: job.title.clone(),
        actor: job.actor.clone(),
        state: job.state.as_str().to_string(),
        finished: job.state.is_final(),
        created: format::when(job.created_at, now).relative,
        total: job.total,
        done: job.done,
        succeeded: job.succeeded,
        failed: job.failed,
        cancelled: job.cancelled,
        items: items
            .iter()
            .map(|i| JobItemView {
                target_name: i.target_name.clone(),
                state: i.state.as_str().to_string(),
                error: i.error.clone(),
                request_id: i.request_id.clone(),
                attempts: i.attempts,
            })
            .collect(),
        can_retry: may_act
            && job.failed > 0
            && matches!(job.state, JobState::Failed | JobState::PartiallyFailed),
        can_cancel: may_act && !job.state.is_final(),
    }
}

/// What a person reads for a failed item: the same words as anywhere else.
fn item_error(e: &ApiError) -> (String, Option<String>) {
    let app = crate::ssr::errors::from_api(e);
    (app.message, app.request_id)
}

fn store_error(e: console_store::StoreError) -> AppError {
    tracing::error!(error = %e, "job store failed");
    AppError::internal()
}

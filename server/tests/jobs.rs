//! Bulk changes as tracked jobs: started from a form, run on the bulk lane, followed
//! over server-sent events, retried, audited, and resumed after a restart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, location, spawn, spawn_with, TestConsole, PASSWORD};
use std::time::Duration;

async fn site_ids(console: &TestConsole, n: usize) -> Vec<(String, String)> {
    let sites = console
        .state
        .console
        .client
        .all_sites(&ztna_client::ListQuery {
            size: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    sites.into_iter().take(n).map(|s| (s.id, s.name)).collect()
}

async fn wait_finished(
    console: &TestConsole,
    client: &reqwest::Client,
    id: &str,
) -> serde_json::Value {
    for _ in 0..150 {
        let (status, body) = console.server_fn(client, "jobs/get", &[("id", id)]).await;
        assert_eq!(status, 200, "{body}");
        let job: serde_json::Value = serde_json::from_str(&body).unwrap();
        if job["finished"] == true {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("job {id} did not finish");
}

fn job_id(location: &str) -> String {
    location
        .strip_prefix("/jobs/")
        .expect("redirect to the job page")
        .to_string()
}

#[tokio::test]
async fn admin_mutes_many_sites_as_a_job_with_audit_and_events() {
    let console = spawn().await;
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    let sites = site_ids(&console, 4).await;
    let mut form: Vec<(&str, &str)> = sites.iter().map(|(id, _)| ("site", id.as_str())).collect();
    form.push(("mute", "true"));
    let response = client
        .post(console.url("/actions/sites/notifications"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let id = job_id(&location(&response));

    let job = wait_finished(&console, &client, &id).await;
    assert_eq!(job["state"], "succeeded", "{job}");
    assert_eq!(job["succeeded"], 4);
    assert!(job["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["request_id"].is_string()));

    // The tenant really changed, and nothing else about the sites did.
    for (site, name) in &sites {
        let s = console.state.console.client.get_site(site).await.unwrap();
        assert!(s.mute_health_notification, "{name} muted");
        assert_eq!(&s.name, name);
    }
    // Every change is in the audit trail with who and the tenant's request id.
    let audit = console
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            action_prefix: Some("sites.notifications".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 4);
    assert!(audit
        .iter()
        .all(|e| e.actor == "admin" && e.outcome == "ok" && e.request_id.is_some()));

    // The page and its event stream.
    let (status, html) = console.page(&client, &format!("/jobs/{id}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Mute health notifications of 4 sites"));
    let events = client
        .get(console.url(&format!("/events/jobs/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");
    let text = tokio::time::timeout(Duration::from_secs(5), events.text())
        .await
        .unwrap()
        .unwrap();
    assert!(text.starts_with("data: {"), "{text}");
    assert!(text.contains("\"state\":\"succeeded\""), "{text}");

    let metrics = client
        .get(console.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("jobs_total{kind=\"sites.notifications\",state=\"succeeded\"} 1"),
        "{metrics}"
    );
    let (_, list) = console.page(&client, "/jobs").await;
    assert!(list.contains(&format!("href=\"/jobs/{id}\"")));
}

#[tokio::test]
async fn failed_items_can_be_retried() {
    let console = spawn().await;
    let emulator = console.emulator.clone().unwrap();
    let client = browser(&console);
    console.sign_in(&client, "admin", PASSWORD).await;
    let sites = site_ids(&console, 2).await;
    // Every site write fails for a while (POST/PUT are not retried by the client on 5xx).
    emulator
        .inject_fault(ztna_emulator::Fault {
            status: 500,
            count: 100,
            path_prefix: Some("/v2/sites/".into()),
            message: None,
        })
        .unwrap();
    let mut form: Vec<(&str, &str)> = sites.iter().map(|(id, _)| ("site", id.as_str())).collect();
    form.push(("mute", "true"));
    let response = client
        .post(console.url("/actions/sites/notifications"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let id = job_id(&location(&response));
    let job = wait_finished(&console, &client, &id).await;
    assert_eq!(job["state"], "failed", "{job}");
    let first = &job["items"][0];
    assert!(
        first["error"].as_str().unwrap().contains("HTTP 500"),
        "{job}"
    );
    assert!(
        first["request_id"].is_string(),
        "failures carry the tenant's request id"
    );

    emulator.clear_faults();
    let (status, body) = console
        .server_fn(&client, "jobs/retry", &[("id", &id)])
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, "2");
    let job = wait_finished(&console, &client, &id).await;
    assert_eq!(job["state"], "succeeded", "{job}");
    assert_eq!(job["items"][0]["attempts"], 2);
}

#[tokio::test]
async fn scope_and_role_are_enforced_for_bulk_actions() {
    let console = spawn().await;
    let editor = browser(&console);
    console.sign_in(&editor, "editor", PASSWORD).await;
    let mine = console.site_id("London Office");
    let all = site_ids(&console, 40).await;
    let other = all
        .iter()
        .find(|(_, n)| n.contains("Chicago"))
        .unwrap()
        .0
        .clone();
    let response = editor
        .post(console.url("/actions/sites/notifications"))
        .form(&[
            ("site", mine.as_str()),
            ("site", other.as_str()),
            ("mute", "true"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/sites?notice=not_allowed");
    let jobs = console
        .state
        .console
        .store
        .list_jobs(None, 10)
        .await
        .unwrap();
    assert!(jobs.is_empty(), "nothing was started");

    // Within scope it works, and the editor sees only their own jobs.
    let response = editor
        .post(console.url("/actions/sites/notifications"))
        .form(&[("site", mine.as_str()), ("mute", "false")])
        .send()
        .await
        .unwrap();
    let id = job_id(&location(&response));
    wait_finished(&console, &editor, &id).await;

    let helpdesk = browser(&console);
    console.sign_in(&helpdesk, "helpdesk", PASSWORD).await;
    let refused = helpdesk
        .post(console.url("/actions/sites/notifications"))
        .form(&[("site", mine.as_str()), ("mute", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let (status, _) = console
        .server_fn(&helpdesk, "jobs/get", &[("id", &id)])
        .await;
    assert_ne!(status, 200);
    let events = helpdesk
        .get(console.url(&format!("/events/jobs/{id}")))
        .send()
        .await
        .unwrap();
    assert_ne!(events.status(), 200);

    let nothing = editor
        .post(console.url("/actions/sites/notifications"))
        .form(&[("mute", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&nothing), "/sites?notice=none_selected");
}

#[tokio::test]
async fn unfinished_jobs_resume_after_a_restart() {
    let data_dir = common::fresh_data_dir();
    let first = spawn_with(&[], data_dir.clone()).await;
    let site = first.site_id("Toronto Lab");
    // A job whose items were never run (as if the console stopped right after it).
    let job = first
        .state
        .console
        .store
        .create_job(console_store::NewJob {
            kind: app::ssr::jobs::kinds::SITE_NOTIFICATIONS.into(),
            actor: "admin".into(),
            title: "Mute health notifications of 1 site".into(),
            items: vec![console_store::NewJobItem {
                target_id: site.clone(),
                target_name: "Toronto Lab".into(),
                payload: serde_json::json!({"mute": true}),
            }],
        })
        .await
        .unwrap();
    let second = spawn_with(&[], data_dir).await;
    let client = browser(&second);
    second.sign_in(&client, "admin", PASSWORD).await;
    let done = wait_finished(&second, &client, &job.id.to_string()).await;
    assert_eq!(done["state"], "succeeded", "{done}");
}

#[tokio::test]
async fn a_retry_after_the_scope_was_withdrawn_does_nothing() {
    let console = spawn().await;
    let emulator = console.emulator.clone().unwrap();
    let editor = browser(&console);
    console.sign_in(&editor, "editor", PASSWORD).await;
    let toronto = console.site_id("Toronto Lab");
    emulator
        .inject_fault(ztna_emulator::Fault {
            status: 500,
            count: 100,
            path_prefix: Some(format!("/v2/sites/{toronto}")),
            message: None,
        })
        .unwrap();
    let response = editor
        .post(console.url("/actions/sites/notifications"))
        .form(&[("site", toronto.as_str()), ("mute", "true")])
        .send()
        .await
        .unwrap();
    let id = job_id(&location(&response));
    assert_eq!(
        wait_finished(&console, &editor, &id).await["state"],
        "failed"
    );

    // A tenant admin takes Toronto Lab away from the editor; the tenant recovers.
    let store = &console.state.console.store;
    let account = store.account_by_username("editor").await.unwrap().unwrap();
    store
        .upsert_account(console_store::NewAccount {
            username: account.username.clone(),
            display_name: account.display_name.clone(),
            role: account.role.clone(),
            site_scope: account
                .site_scope
                .iter()
                .filter(|s| **s != toronto)
                .cloned()
                .collect(),
            password_hash: account.password_hash.clone(),
        })
        .await
        .unwrap();
    emulator.clear_faults();
    let (status, _) = console
        .server_fn(&editor, "jobs/retry", &[("id", &id)])
        .await;
    assert_eq!(status, 200);
    let job = wait_finished(&console, &editor, &id).await;
    assert_eq!(job["state"], "failed", "{job}");
    assert!(
        job["items"][0]["error"]
            .as_str()
            .unwrap()
            .contains("no longer has access"),
        "{job}"
    );
    let site = console
        .state
        .console
        .client
        .get_site(&toronto)
        .await
        .unwrap();
    assert!(!site.mute_health_notification, "the tenant was not changed");
}

//! Helpdesk: finding users across identity providers (both paging families), blocking
//! with a reason (audited with the tenant's request id), scheduled unblocks that survive a
//! restart, bulk unblock as a job, and who may do any of it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, fresh_data_dir, location, spawn, spawn_with, TestConsole, PASSWORD};
use std::time::Duration;
use ztna_client::{IdentityQuery, TenantClient};
use ztna_wire::{IdentityProvider, PageCursor, User};

fn client(console: &TestConsole) -> &TenantClient {
    &console.state.console.client
}

async fn providers(console: &TestConsole) -> Vec<IdentityProvider> {
    client(console).list_identity_providers(true).await.unwrap()
}

async fn provider(console: &TestConsole, kind: &str) -> IdentityProvider {
    providers(console)
        .await
        .into_iter()
        .find(|p| p.provider.as_str() == kind || p.name.to_lowercase().contains(kind))
        .unwrap_or_else(|| panic!("a {kind} provider"))
}

/// The `n`th user of a provider's first page that is not blocked.
async fn user_of(console: &TestConsole, idp: &str, n: usize) -> User {
    let page = client(console)
        .list_users(
            idp,
            &IdentityQuery {
                per_page: 50,
                ..IdentityQuery::default()
            },
        )
        .await
        .unwrap();
    page.content
        .into_iter()
        .filter(|u| !u.blocked && u.email.as_deref().is_some_and(|e| e.contains('@')))
        .nth(n)
        .expect("an unblocked user")
}

async fn is_blocked(console: &TestConsole, idp: &str, id: &str) -> bool {
    client(console)
        .list_blocked_users()
        .await
        .unwrap()
        .iter()
        .any(|b| b.identity_provider_id == idp && b.user_id == id)
}

#[tokio::test]
async fn helpdesk_finds_users_by_part_of_the_email_across_providers() {
    let console = spawn().await;
    let helpdesk = browser(&console);
    assert_eq!(
        console.sign_in(&helpdesk, "helpdesk", PASSWORD).await,
        "/users"
    );
    let okta = provider(&console, "okta").await;
    let local = provider(&console, "local").await;
    for idp in [&okta, &local] {
        let user = user_of(&console, &idp.id, 3).await;
        let email = user.email.clone().unwrap();
        // Part of the address: the local part without its last character.
        let local_part = email.split('@').next().unwrap();
        let part = &local_part[..local_part.len() - 1];
        let (status, body) = console
            .server_fn(&helpdesk, "users/search", &[("q", part)])
            .await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body.contains(&user.id),
            "{} not found by {part}: {body}",
            user.id
        );
        assert!(body.contains(&idp.name), "{body}");
        // Every provider was searched.
        for p in providers(&console).await {
            assert!(body.contains(&p.name), "{} not searched", p.name);
        }
        // The page (no JavaScript) shows the user with a link to the detail.
        let (status, html) = console.page(&helpdesk, &format!("/users?q={part}")).await;
        assert_eq!(status, 200);
        assert!(html.contains(&user.display_name()), "{html}");
    }
    // By the domain of the address: the e-mail search finds local users too.
    let (status, body) = console
        .server_fn(&helpdesk, "users/search", &[("q", "@acme.com")])
        .await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&local.id) && body.contains(&okta.id),
        "{body}"
    );
    // Too short a search is refused at the field.
    let (status, body) = console
        .server_fn(&helpdesk, "users/search", &[("q", "a")])
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("\"field\":\"q\""), "{body}");
}

#[tokio::test]
async fn both_paging_families_are_walked_to_the_end() {
    let console = spawn().await;
    let c = client(&console);
    let mut total = 0;
    for idp in providers(&console).await {
        let first = c
            .list_users(
                &idp.id,
                &IdentityQuery {
                    per_page: 25,
                    ..IdentityQuery::default()
                },
            )
            .await
            .unwrap();
        let cursor = first.next_page.clone().expect("more than one page");
        match idp.provider.as_str() {
            "local" | "generic-saml" => {
                assert!(matches!(cursor, PageCursor::Number(_)), "{cursor:?}")
            }
            _ => assert!(matches!(cursor, PageCursor::Text(_)), "{cursor:?}"),
        }
        // 25 per page, passing each cursor back as received, to the end.
        let (users, more) = app::ssr::usecases::users::walk_provider(
            c,
            &idp.id,
            &IdentityQuery {
                per_page: 25,
                ..IdentityQuery::default()
            },
            100,
        )
        .await
        .unwrap();
        assert!(!more);
        let all = c
            .all_users(
                &idp.id,
                &IdentityQuery {
                    per_page: 100,
                    ..IdentityQuery::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(users.len(), all.len(), "{}", idp.name);
        assert!(users.len() > 25, "{}", idp.name);
        total += users.len();
        // A bounded walk says that there were more.
        let (some, more) = app::ssr::usecases::users::walk_provider(
            c,
            &idp.id,
            &IdentityQuery {
                per_page: 10,
                ..IdentityQuery::default()
            },
            2,
        )
        .await
        .unwrap();
        assert_eq!((some.len(), more), (20, true));
    }
    assert_eq!(total, 2000);
}

#[tokio::test]
async fn block_with_a_reason_is_audited_and_unblock_clears_it() {
    let console = spawn().await;
    let helpdesk = browser(&console);
    console.sign_in(&helpdesk, "helpdesk", PASSWORD).await;
    let okta = provider(&console, "okta").await;
    let user = user_of(&console, &okta.id, 1).await;

    // No reason: refused at the field, nothing blocked.
    let (status, body) = console
        .server_fn(
            &helpdesk,
            "users/block",
            &[("idp", &okta.id), ("id", &user.id), ("reason", " ")],
        )
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("\"field\":\"reason\""), "{body}");
    assert!(!is_blocked(&console, &okta.id, &user.id).await);

    let (status, body) = console
        .server_fn(
            &helpdesk,
            "users/block",
            &[("idp", &okta.id), ("id", &user.id), ("reason", "INC-4711")],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    assert!(is_blocked(&console, &okta.id, &user.id).await);
    let target = format!("{}/{}", okta.id, user.id);
    let audit = console
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            target_id: Some(target.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    let entry = &audit[0];
    assert_eq!(
        (
            entry.action.as_str(),
            entry.actor.as_str(),
            entry.outcome.as_str()
        ),
        ("user.block", "helpdesk", "ok")
    );
    assert_eq!(entry.detail["reason"], "INC-4711");
    assert!(entry.request_id.as_deref().is_some_and(|r| !r.is_empty()));

    // The blocked list (at once) and the detail say who and why.
    let (_, list) = console.server_fn(&helpdesk, "users/blocked", &[]).await;
    assert!(
        list.contains(&user.id) && list.contains("INC-4711"),
        "{list}"
    );
    let (status, html) = console
        .page(&helpdesk, &app::model::users::user_href(&okta.id, &user.id))
        .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("INC-4711") && html.contains("Blocked"),
        "{html}"
    );

    let (status, body) = console
        .server_fn(
            &helpdesk,
            "users/unblock",
            &[("idp", &okta.id), ("id", &user.id), ("back", "blocked")],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    assert!(!is_blocked(&console, &okta.id, &user.id).await);
    let audit = console
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            target_id: Some(target),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit[0].action, "user.unblock");
    assert!(audit[0].request_id.is_some());
}

#[tokio::test]
async fn a_scheduled_unblock_fires_after_a_restart() {
    let data_dir = fresh_data_dir();
    let first = spawn_with(&[], data_dir.clone()).await;
    let helpdesk = browser(&first);
    first.sign_in(&helpdesk, "helpdesk", PASSWORD).await;
    let local = provider(&first, "local").await;
    let user = user_of(&first, &local.id, 2).await;
    let until = time::OffsetDateTime::now_utc() + time::Duration::seconds(90);
    // The form has minute precision (at least 30 s ahead here); once the first console
    // is stopped, the test moves the schedule 2 s ahead directly in the store.
    let until_text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        until.year(),
        u8::from(until.month()),
        until.day(),
        until.hour(),
        until.minute()
    );
    let (status, body) = first
        .server_fn(
            &helpdesk,
            "users/block",
            &[
                ("idp", &local.id),
                ("id", &user.id),
                ("reason", "INC-1 leave"),
                ("until", &until_text),
            ],
        )
        .await;
    assert!(status < 400, "{status} {body}");
    assert!(is_blocked(&first, &local.id, &user.id).await);
    let (_, html) = first
        .page(
            &helpdesk,
            &app::model::users::user_href(&local.id, &user.id),
        )
        .await;
    assert!(html.contains("scheduled by helpdesk"), "{html}");
    let store = first.state.console.store.clone();
    let mut schedule = store
        .scheduled_unblock(&local.id, &user.id)
        .await
        .unwrap()
        .expect("scheduled");
    // Stop the first console (and its scheduler), then bring the end 2 s ahead.
    first.server.abort();
    tokio::time::sleep(Duration::from_millis(200)).await;
    schedule.due_at = time::OffsetDateTime::now_utc() + time::Duration::seconds(2);
    store
        .schedule_unblock(console_store::NewScheduledUnblock {
            idp_id: schedule.idp_id.clone(),
            user_id: schedule.user_id.clone(),
            user_name: schedule.user_name.clone(),
            due_at: schedule.due_at,
            created_by: schedule.created_by.clone(),
            reason: schedule.reason.clone(),
        })
        .await
        .unwrap();

    // A new console on the same data dir (its own emulator: block the user there too).
    let second = spawn_with(&[], data_dir).await;
    client(&second)
        .block_user(&local.id, &user.id)
        .await
        .unwrap();
    assert!(is_blocked(&second, &local.id, &user.id).await);
    let mut unblocked = false;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(200)).await;
        if !is_blocked(&second, &local.id, &user.id).await {
            unblocked = true;
            break;
        }
    }
    assert!(unblocked, "the scheduled unblock fired after the restart");
    assert!(second
        .state
        .console
        .store
        .scheduled_unblock(&local.id, &user.id)
        .await
        .unwrap()
        .is_none());
    let audit = second
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            actor: Some("console-scheduler".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, "user.unblock");
    assert_eq!(audit[0].outcome, "ok");
    assert!(audit[0].request_id.is_some());
}

#[tokio::test]
async fn bulk_unblock_is_a_job() {
    let console = spawn().await;
    let helpdesk = browser(&console);
    console.sign_in(&helpdesk, "helpdesk", PASSWORD).await;
    let blocked = client(&console).list_blocked_users().await.unwrap();
    assert!(blocked.len() >= 2);
    let keys: Vec<String> = blocked
        .iter()
        .take(2)
        .map(|b| format!("{}\n{}", b.identity_provider_id, b.user_id))
        .collect();
    let response = helpdesk
        .post(console.url("/actions/users/unblock"))
        .form(&[("user", keys[0].as_str()), ("user", keys[1].as_str())])
        .send()
        .await
        .unwrap();
    let at = location(&response);
    let id = at
        .strip_prefix("/jobs/")
        .expect("the job's page")
        .to_string();
    let mut finished = false;
    for _ in 0..100 {
        let (status, body) = console
            .server_fn(&helpdesk, "jobs/get", &[("id", &id)])
            .await;
        assert_eq!(status, 200, "{body}");
        let job: serde_json::Value = serde_json::from_str(&body).unwrap();
        if job["finished"] == true {
            assert_eq!(job["state"], "succeeded", "{body}");
            finished = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(finished);
    for b in blocked.iter().take(2) {
        assert!(!is_blocked(&console, &b.identity_provider_id, &b.user_id).await);
    }
    let audit = console
        .state
        .console
        .store
        .list_audit(&console_store::AuditQuery {
            action_prefix: Some("users.unblock".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 2);
    assert!(audit
        .iter()
        .all(|a| a.target_kind == "user" && a.request_id.is_some()));
    // Nothing selected: back to the list.
    let nothing = helpdesk
        .post(console.url("/actions/users/unblock"))
        .form(&[("x", "y")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&nothing), "/users/blocked?notice=none_selected");
}

#[tokio::test]
async fn only_helpdesk_and_admins_reach_users() {
    let console = spawn().await;
    let helpdesk = browser(&console);
    console.sign_in(&helpdesk, "helpdesk", PASSWORD).await;
    for path in ["/sites", "/sites/health", "/sites/new"] {
        let (status, _) = console.page(&helpdesk, path).await;
        assert_eq!(status, 403, "{path}");
    }
    let site = console.site_id("London Office");
    for (endpoint, form) in [
        ("sites/health", vec![]),
        ("sites/get", vec![("id", site.as_str())]),
        (
            "sites/list",
            vec![
                ("query[q]", ""),
                ("query[sort]", "Name"),
                ("query[descending]", "false"),
                ("query[page]", "1"),
            ],
        ),
    ] {
        let (status, body) = console.server_fn(&helpdesk, endpoint, &form).await;
        assert_ne!(status, 200, "{endpoint}");
        assert!(body.contains("Forbidden"), "{endpoint}: {body}");
    }
    for path in ["/users", "/users/blocked", "/jobs"] {
        let (status, _) = console.page(&helpdesk, path).await;
        assert_eq!(status, 200, "{path}");
    }

    let editor = browser(&console);
    console.sign_in(&editor, "editor", PASSWORD).await;
    let okta = provider(&console, "okta").await;
    let user = user_of(&console, &okta.id, 0).await;
    let detail = app::model::users::user_href(&okta.id, &user.id);
    for path in [
        "/users".to_string(),
        "/users?q=smith".to_string(),
        "/users/blocked".to_string(),
        detail.clone(),
        format!("{detail}/block"),
    ] {
        let (status, html) = console.page(&editor, &path).await;
        assert_eq!(status, 403, "{path}");
        assert!(!html.contains(&user.id), "{path}");
    }
    for (endpoint, form) in [
        ("users/search", vec![("q", "smith")]),
        ("users/blocked", vec![]),
        (
            "users/get",
            vec![
                ("idp", okta.id.as_str()),
                ("id", user.id.as_str()),
                ("groups", "false"),
            ],
        ),
        (
            "users/block",
            vec![
                ("idp", okta.id.as_str()),
                ("id", user.id.as_str()),
                ("reason", "x"),
            ],
        ),
        (
            "users/unblock",
            vec![("idp", okta.id.as_str()), ("id", user.id.as_str())],
        ),
    ] {
        let (status, body) = console.server_fn(&editor, endpoint, &form).await;
        assert_ne!(status, 200, "{endpoint}");
        assert!(body.contains("Forbidden"), "{endpoint}: {body}");
    }
    assert!(!is_blocked(&console, &okta.id, &user.id).await);
    let refused = editor
        .post(console.url("/actions/users/unblock"))
        .form(&[("user", "local\nx")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let (_, me) = console.server_fn(&editor, "me", &[]).await;
    assert!(!me.contains("\"Users\""), "{me}");
}

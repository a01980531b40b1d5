//! The deployment wizard over HTTP: creating sites and connectors, the deployment secret
//! served only to whom may see it (and nowhere else), registration keys shown once,
//! deleting, scope refusals for every new server function and action, and the audit trail.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, location, spawn, TestConsole, PASSWORD};
use console_store::{password, AuditQuery, NewAccount};
use serde_json::Value;

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

async fn signed_in(console: &TestConsole, user: &str) -> reqwest::Client {
    let client = browser(console);
    console.sign_in(&client, user, PASSWORD).await;
    client
}

/// Creates a site through the server function; returns its id.
async fn create_site(
    console: &TestConsole,
    client: &reqwest::Client,
    name: &str,
    mode: &str,
) -> String {
    let (status, body) = console
        .server_fn(
            client,
            "sites/create",
            &[
                ("name", name),
                ("region", ""),
                ("mode", mode),
                ("notifications", "on"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    json(&body).as_str().unwrap().to_string()
}

async fn create_connector(
    console: &TestConsole,
    client: &reqwest::Client,
    site: &str,
    name: &str,
) -> String {
    let (status, body) = console
        .server_fn(
            client,
            "connectors/create",
            &[
                ("site_id", site),
                ("name", name),
                ("deployment", "linux"),
                ("enabled", "on"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    json(&body).as_str().unwrap().to_string()
}

async fn audit(console: &TestConsole, prefix: &str) -> Vec<console_store::AuditEntry> {
    console
        .state
        .console
        .store
        .list_audit(&AuditQuery {
            action_prefix: Some(prefix.into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_taken_or_short_name_is_reported_at_the_field_and_keeps_the_input() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let (status, body) = console
        .server_fn(
            &admin,
            "sites/create",
            &[("name", "London Office"), ("mode", "connector")],
        )
        .await;
    assert_ne!(status, 200);
    let e = json(&body);
    assert_eq!(e["kind"], "Conflict", "{body}");
    assert_eq!(e["field"], "name");
    assert!(
        e["request_id"].is_string(),
        "the tenant's 409 carries its request id"
    );

    let (_, body) = console
        .server_fn(
            &admin,
            "sites/create",
            &[("name", "x"), ("mode", "connector")],
        )
        .await;
    let e = json(&body);
    assert_eq!(
        (e["kind"].as_str(), e["field"].as_str()),
        (Some("Invalid"), Some("name"))
    );

    // Without JavaScript: back to the form with the typed values and the error.
    let response = admin
        .post(console.url("/api/sites/create"))
        .header("accept", "text/html")
        .header("referer", console.url("/sites/new"))
        .form(&[("name", "London Office"), ("mode", "site"), ("region", "")])
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let to = location(&response);
    assert!(
        to.starts_with("/sites/new?name=London%20Office&mode=site"),
        "{to}"
    );
    assert!(to.contains("__err="), "{to}");
    let (status, html) = console.page(&admin, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"London Office\""), "the name is kept");
    assert!(
        html.contains("A site with this name already exists."),
        "the message is shown"
    );
    assert!(
        html.contains("<p id=\"site-name-error\" class=\"field-error\">A site with this name"),
        "the message sits at the name field"
    );
}

#[tokio::test]
async fn the_deployment_command_reaches_only_whom_may_deploy_and_nowhere_else() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let (status, html) = console.page(&admin, "/sites/new").await;
    assert_eq!(status, 200);
    assert!(html.contains("(default)"), "the default region is marked");
    assert!(html.contains("cannot be changed later"));

    let site = create_site(&console, &admin, "Wizard Test Site", "connector").await;
    let connector = create_connector(&console, &admin, &site, "wizard-linux-1").await;
    let otp = console
        .state
        .console
        .client
        .get_connector(&connector)
        .await
        .unwrap()
        .otp
        .expect("a fresh connector has an OTP")
        .expose()
        .to_string();

    // The one place the secret is served: the deployment server function…
    let form = [
        ("site_id", site.as_str()),
        ("connector_id", connector.as_str()),
    ];
    let (status, body) = console
        .server_fn(&admin, "connectors/deployment", &form)
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&otp), "the command holds the OTP");
    let view = json(&body);
    assert!(view["command"].as_str().unwrap().contains("docker run"));
    assert!(view["environment"].as_str().unwrap().contains("OTP="));
    // …asked anew each time (never cached), and the no-JavaScript one-off page.
    console
        .server_fn(&admin, "connectors/deployment", &form)
        .await;
    let stats = console.emulator.as_ref().unwrap().stats();
    assert_eq!(
        stats.by_route.get("GET /v2/connectors/{id}/command"),
        Some(&2)
    );
    let page = admin
        .post(console.url(&format!(
            "/actions/sites/{site}/connectors/{connector}/deployment"
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(html.contains(&otp));
    assert!(html.contains("one-time secret"));
    assert!(
        !html.contains("<script"),
        "a one-off page, not a hydrated one"
    );

    // Nowhere else: pages and other server functions about the same site and connector.
    let mut elsewhere = String::new();
    for path in [
        "/sites".to_string(),
        "/sites/health".into(),
        format!("/sites/{site}"),
        format!("/sites/{site}/connectors/new"),
        format!("/sites/{site}/connectors/{connector}"),
    ] {
        let (status, html) = console.page(&admin, &path).await;
        assert_eq!(status, 200, "{path}");
        elsewhere.push_str(&html);
    }
    let site_only = [("site_id", site.as_str())];
    for (endpoint, form) in [
        ("sites/get", vec![("id", site.as_str())]),
        ("connectors/of_site", site_only.to_vec()),
        ("connectors/progress", form.to_vec()),
        ("sites/health", vec![]),
    ] {
        let (status, body) = console.server_fn(&admin, endpoint, &form).await;
        assert_eq!(status, 200, "{endpoint}: {body}");
        elsewhere.push_str(&body);
    }
    assert!(
        elsewhere.contains("wizard-linux-1"),
        "the connector is shown"
    );
    assert!(!elsewhere.contains(&otp), "the OTP appears nowhere else");

    // A viewer reads sites but never deployment commands.
    console
        .state
        .console
        .store
        .create_account(NewAccount {
            username: "viewer".into(),
            display_name: "Viewer".into(),
            role: "viewer".into(),
            site_scope: vec![],
            password_hash: password::hash(PASSWORD).unwrap(),
        })
        .await
        .unwrap();
    let viewer = signed_in(&console, "viewer").await;
    let (status, body) = console
        .server_fn(&viewer, "connectors/deployment", &form)
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("Forbidden") && !body.contains(&otp), "{body}");
    let (_, body) = console
        .server_fn(&viewer, "connectors/progress", &form)
        .await;
    assert!(body.contains("\"can_deploy\":false"), "{body}");

    // Reading the secret is in the audit trail, without the secret.
    let views = audit(&console, "connector.deployment_view").await;
    assert_eq!(views.iter().filter(|e| e.outcome == "ok").count(), 3);
    assert!(views.iter().all(|e| !e.detail.to_string().contains(&otp)));
}

#[tokio::test]
async fn the_wizard_follows_a_connector_until_it_runs() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let site = create_site(&console, &admin, "Wait Test Site", "connector").await;
    let connector = create_connector(&console, &admin, &site, "wait-test-1").await;
    let form = [
        ("site_id", site.as_str()),
        ("connector_id", connector.as_str()),
        ("poll", "true"),
    ];
    let (_, body) = console
        .server_fn(&admin, "connectors/progress", &form)
        .await;
    let p = json(&body);
    assert_eq!(p["registered"], false);
    assert_eq!(p["state"], "Pending");
    let left = p["otp_expires_in"].as_i64().unwrap();
    assert!((86_000..=86_400).contains(&left), "about 24 h: {left}");
    let (_, html) = console
        .page(&admin, &format!("/sites/{site}/connectors/{connector}"))
        .await;
    assert!(html.contains("Show deployment command"));
    assert!(
        html.contains("role=\"timer\""),
        "the countdown is rendered on the server"
    );
    assert!(
        html.contains("23 h 5"),
        "about 24 h left, rendered on the server"
    );

    console
        .emulator
        .as_ref()
        .unwrap()
        .register_connector(&connector)
        .unwrap();
    // The client's short read cache may answer once more with the old state.
    let mut p = Value::Null;
    for _ in 0..30 {
        let (_, body) = console
            .server_fn(&admin, "connectors/progress", &form)
            .await;
        p = json(&body);
        if p["state"] == "Up" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    assert_eq!(p["registered"], true, "{p}");
    assert_eq!(p["state"], "Up");
    assert!(
        p["hostname"].is_string() && p["internal_ip"].is_string() && p["external_ip"].is_string()
    );
    assert!(p["version"].is_string() && p["latest_version"].is_string());
    assert_eq!(p["otp_expires_in"], Value::Null);

    // A registered connector has nothing to replace; an unregistered one (its OTP expired)
    // is replaced by a fresh one with the same settings.
    let (_, body) = console
        .server_fn(&admin, "connectors/replace", &form[..2])
        .await;
    assert_eq!(json(&body)["kind"], "Invalid", "{body}");
    let stale = create_connector(&console, &admin, &site, "wait-test-2").await;
    let (status, body) = console
        .server_fn(
            &admin,
            "connectors/replace",
            &[("site_id", site.as_str()), ("connector_id", stale.as_str())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let fresh = json(&body).as_str().unwrap().to_string();
    assert_ne!(fresh, stale);
    let now = console.state.console.client.get_site(&site).await.unwrap();
    let names: Vec<_> = now
        .connector_objects
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    assert!(
        names.contains(&(fresh, "wait-test-2".to_string())),
        "{names:?}"
    );
    assert!(!names.iter().any(|(id, _)| id == &stale));
}

#[tokio::test]
async fn deleting_a_site_with_connectors_is_refused_with_the_tenants_message() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let site = create_site(&console, &admin, "Delete Test Site", "connector").await;
    create_connector(&console, &admin, &site, "delete-test-1").await;
    create_connector(&console, &admin, &site, "delete-test-2").await;

    let (_, body) = console
        .server_fn(&admin, "sites/delete", &[("id", &site)])
        .await;
    assert_eq!(json(&body)["field"], "confirm", "confirmation first");
    let (status, body) = console
        .server_fn(&admin, "sites/delete", &[("id", &site), ("confirm", "yes")])
        .await;
    assert_ne!(status, 200);
    let e = json(&body);
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("still has 2 connector"),
        "{body}"
    );
    assert!(e["request_id"].is_string());

    let (status, body) = console
        .server_fn(&admin, "connectors/delete_all", &[("site_id", &site)])
        .await;
    assert_eq!((status, body.as_str()), (200, "2"));
    let response = admin
        .post(console.url("/api/sites/delete"))
        .form(&[("id", site.as_str()), ("confirm", "yes")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(location(&response), "/sites?notice=deleted");
    let (status, _) = console.page(&admin, &format!("/sites/{site}")).await;
    assert_eq!(status, 404);

    // Every change is audited with the tenant's request id, failures included.
    let entries = audit(&console, "site.delete").await;
    assert_eq!(entries.len(), 2);
    assert!(entries
        .iter()
        .all(|e| e.request_id.is_some() && e.actor == "admin"));
    assert_eq!(entries[0].outcome, "ok");
    assert_eq!(entries[1].outcome, "error");
    assert_eq!(entries[0].target_name.as_deref(), Some("Delete Test Site"));
    let connectors = audit(&console, "connector.").await;
    let creates = connectors
        .iter()
        .filter(|e| e.action == "connector.create")
        .count();
    let deletes = connectors
        .iter()
        .filter(|e| e.action == "connector.delete")
        .count();
    assert_eq!((creates, deletes), (2, 2));
    assert!(connectors
        .iter()
        .all(|e| e.request_id.is_some() && e.target_id.is_some()));
    let created = audit(&console, "site.create").await;
    assert!(created[0].request_id.is_some());
    assert_eq!(created[0].target_id.as_deref(), Some(site.as_str()));
}

#[tokio::test]
async fn editing_a_site_changes_only_what_was_edited() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let site = create_site(&console, &admin, "Edit Test Site", "site").await;
    let before = console.state.console.client.get_site(&site).await.unwrap();
    let (status, body) = console
        .server_fn(
            &admin,
            "sites/update",
            &[("id", &site), ("name", "Edit Test Site 2")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = console.state.console.client.get_site(&site).await.unwrap();
    assert_eq!(after.name, "Edit Test Site 2");
    assert!(
        after.mute_health_notification,
        "notifications unticked: muted"
    );
    assert_eq!(after.region, before.region);
    assert_eq!(after.authentication_mode, before.authentication_mode);
    // A taken name is reported at the field.
    let (_, body) = console
        .server_fn(
            &admin,
            "sites/update",
            &[("id", &site), ("name", "London Office")],
        )
        .await;
    assert_eq!(json(&body)["field"], "name", "{body}");
    let updates = audit(&console, "site.update").await;
    assert_eq!(updates.len(), 2);
    assert!(updates.iter().all(|e| e.request_id.is_some()));
}

#[tokio::test]
async fn a_new_registration_key_is_shown_once() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let site = create_site(&console, &admin, "Key Test Site", "site").await;
    // Site mode: connectors are not created through the console.
    let (status, body) = console
        .server_fn(
            &admin,
            "connectors/create",
            &[
                ("site_id", site.as_str()),
                ("name", "nope"),
                ("deployment", "linux"),
            ],
        )
        .await;
    assert_ne!(status, 200);
    assert!(body.contains("registration key"), "{body}");

    let (status, body) = console
        .server_fn(
            &admin,
            "keys/rotate",
            &[("site_id", &site), ("previous", "keep")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let first = json(&body)["key"].as_str().unwrap().to_string();
    assert!(first.len() > 20);

    // Without JavaScript: the one-off page shows a new key, revoking the old one.
    let page = admin
        .post(console.url(&format!("/actions/sites/{site}/keys/rotate")))
        .form(&[("previous", "revoke")])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["cache-control"], "no-store");
    let html = page.text().await.unwrap();
    assert!(html.contains("shown only this once"));
    let second = html
        .split("id=\"new-registration-key\" tabindex=\"0\"><code>")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .unwrap()
        .to_string();
    assert_ne!(first, second);

    // The key is never shown again: not in the list, the site page or the keys page.
    let (_, list) = console
        .server_fn(&admin, "keys/list", &[("site_id", &site)])
        .await;
    assert_eq!(
        json(&list)["keys"].as_array().unwrap().len(),
        1,
        "revoked at once"
    );
    let (_, detail) = console.page(&admin, &format!("/sites/{site}")).await;
    let (_, keys) = console
        .page(&admin, &format!("/sites/{site}/keys?wizard=1"))
        .await;
    for text in [&list, &detail, &keys] {
        assert!(!text.contains(&first) && !text.contains(&second));
    }
    assert!(keys.contains("Registration keys"));

    let (_, body) = console
        .server_fn(&admin, "keys/clean", &[("site_id", &site)])
        .await;
    assert_eq!(json(&body)["field"], "confirm");
    let (status, _) = console
        .server_fn(
            &admin,
            "keys/clean",
            &[("site_id", &site), ("confirm", "yes")],
        )
        .await;
    assert_eq!(status, 200);
    let (_, list) = console
        .server_fn(&admin, "keys/list", &[("site_id", &site)])
        .await;
    assert!(json(&list)["keys"].as_array().unwrap().is_empty());
    let rotations = audit(&console, "registration_key.").await;
    assert_eq!(rotations.len(), 3);
    assert!(rotations
        .iter()
        .all(|e| e.request_id.is_some() && e.outcome == "ok"));
    assert!(rotations
        .iter()
        .all(|e| !e.detail.to_string().contains(&first)));
}

#[tokio::test]
async fn a_site_editor_is_refused_everything_outside_their_sites() {
    let console = spawn().await;
    let admin = signed_in(&console, "admin").await;
    let other = create_site(&console, &admin, "Not The Editors Site", "connector").await;
    let other_connector = create_connector(&console, &admin, &other, "not-editors-1").await;
    let key_site = create_site(&console, &admin, "Not The Editors Key Site", "site").await;
    let editor = signed_in(&console, "editor").await;
    let mine = console.site_id("Toronto Lab");
    let mine_detail = console.state.console.client.get_site(&mine).await.unwrap();
    let my_connector = mine_detail.connector_objects[0].id.clone();

    let c = other_connector.as_str();
    let calls: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("sites/get", vec![("id", &other)]),
        ("sites/update", vec![("id", &other), ("name", "Hijacked")]),
        ("connectors/of_site", vec![("site_id", &other)]),
        (
            "connectors/create",
            vec![("site_id", &other), ("name", "x1"), ("deployment", "linux")],
        ),
        (
            "connectors/delete",
            vec![("site_id", &other), ("connector_id", c)],
        ),
        ("connectors/delete_all", vec![("site_id", &other)]),
        (
            "connectors/replace",
            vec![("site_id", &other), ("connector_id", c)],
        ),
        (
            "connectors/progress",
            vec![("site_id", &other), ("connector_id", c)],
        ),
        (
            "connectors/deployment",
            vec![("site_id", &other), ("connector_id", c)],
        ),
        ("keys/list", vec![("site_id", &key_site)]),
        ("keys/rotate", vec![("site_id", &key_site)]),
        (
            "keys/clean",
            vec![("site_id", &key_site), ("confirm", "yes")],
        ),
        // Their own site id with another site's connector: still not found.
        (
            "connectors/deployment",
            vec![("site_id", &mine), ("connector_id", c)],
        ),
        (
            "connectors/delete",
            vec![("site_id", &mine), ("connector_id", c)],
        ),
    ];
    for (endpoint, form) in &calls {
        let (status, body) = console.server_fn(&editor, endpoint, form).await;
        assert_ne!(status, 200, "{endpoint} {form:?}");
        let e = json(&body);
        assert_eq!(e["kind"], "NotFound", "{endpoint}: {body}");
        assert!(!body.contains("Not The Editors"), "{endpoint} leaks a name");
    }
    // Creating and deleting sites is for tenant admins only, even the editor's own.
    for (endpoint, form) in [
        (
            "sites/create",
            vec![("name", "Editor Site"), ("mode", "connector")],
        ),
        ("regions/list", vec![]),
        (
            "sites/delete",
            vec![("id", mine.as_str()), ("confirm", "yes")],
        ),
    ] {
        let (_, body) = console.server_fn(&editor, endpoint, &form).await;
        assert_eq!(json(&body)["kind"], "Forbidden", "{endpoint}: {body}");
    }
    // The no-JavaScript actions answer the same.
    for path in [
        format!("/actions/sites/{other}/connectors/{c}/deployment"),
        format!("/actions/sites/{mine}/connectors/{c}/deployment"),
        format!("/actions/sites/{key_site}/keys/rotate"),
    ] {
        let response = editor
            .post(console.url(&path))
            .form(&[("previous", "keep")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("not yours") && !html.contains("Not The Editors"));
    }
    // Pages: the same "not found, or not yours".
    for path in [
        format!("/sites/{other}"),
        format!("/sites/{other}/connectors/new"),
        format!("/sites/{other}/connectors/{c}"),
        format!("/sites/{key_site}/keys"),
    ] {
        let (status, html) = console.page(&editor, &path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("not found, or it is not yours"), "{path}");
    }
    let (status, _) = console.page(&editor, "/sites/new").await;
    assert_eq!(status, 403);
    // Nothing changed at the tenant.
    let still = console.state.console.client.get_site(&other).await.unwrap();
    assert_eq!(still.name, "Not The Editors Site");
    assert_eq!(still.connector_objects.len(), 1);

    // Within scope the editor adds and removes connectors and reads their commands.
    let (status, body) = console
        .server_fn(
            &editor,
            "connectors/deployment",
            &[("site_id", &mine), ("connector_id", &my_connector)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let added = create_connector(&console, &editor, &mine, "editor-added-1").await;
    let (status, body) = console
        .server_fn(
            &editor,
            "connectors/delete",
            &[("site_id", &mine), ("connector_id", &added)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = console
        .page(&editor, &format!("/sites/{mine}/connectors/new"))
        .await;
    assert_eq!(status, 200);
}

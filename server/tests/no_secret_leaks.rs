//! The tenant's client secret, static client token and every bearer token the tenant
//! issued must never reach a page, a server-function response, a JS/WASM asset, a
//! probe, metrics, or a log line, including when the tenant fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, fresh_data_dir, spawn_with};
use console_store::{password, NewAccount};
use std::io::Write;
use std::sync::{Arc, Mutex};
use ztna_emulator::{Emulator, EmulatorConfig};

const SECRET: &str = "s3cr3t-Client-Secret-0f9e8d7c6b5a";
const STATIC_TOKEN: &str = "st4tic-Client-Token-aa11bb22cc33dd44ee55";
const USER_PASSWORD: &str = "Leak-Test-Passw0rd";

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_or_token_leaves_the_server() {
    let logs = Captured::default();
    let sink = logs.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || sink.clone())
        .init();

    // A tenant (emulator) with known credentials, configured as a "real" tenant.
    let emulator = Emulator::new(EmulatorConfig {
        client_id: "leak-test-client".into(),
        client_secret: SECRET.into(),
        client_token: Some(STATIC_TOKEN.into()),
        ..EmulatorConfig::default()
    });
    let running = emulator
        .clone()
        .spawn("127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let origin = running.origin();

    let mut everything = String::new();
    let modes: [&[(&str, &str)]; 2] = [
        &[
            ("ZTNA_API_ORIGIN", &origin),
            ("ZTNA_CLIENT_ID", "leak-test-client"),
            ("ZTNA_CLIENT_SECRET", SECRET),
            ("ZTNA_CACHE_TTL_SECS", "0"),
        ],
        &[
            ("ZTNA_API_ORIGIN", &origin),
            ("ZTNA_CLIENT_TOKEN", STATIC_TOKEN),
            ("ZTNA_CACHE_TTL_SECS", "0"),
        ],
    ];
    for settings in modes {
        let console = spawn_with(settings, fresh_data_dir()).await;
        assert!(
            console.emulator.is_none(),
            "configured tenant, no embedded emulator"
        );
        let hash = password::hash(USER_PASSWORD).unwrap();
        for (user, role) in [("admin", "admin"), ("helpdesk", "helpdesk")] {
            console
                .state
                .console
                .store
                .create_account(NewAccount {
                    username: user.into(),
                    display_name: user.into(),
                    role: role.into(),
                    site_scope: vec![],
                    password_hash: hash.clone(),
                })
                .await
                .unwrap();
        }
        let site = emulator.editor_sites()[0].0.clone();
        for user in ["admin", "helpdesk"] {
            let client = browser(&console);
            everything.push_str(&console.sign_in(&client, user, USER_PASSWORD).await);
            for path in [
                "/sites".to_string(),
                format!("/sites/{site}"),
                "/sites?q=a&sort=health&dir=desc&page=2".into(),
                "/sites/health".into(),
                "/sites/new".into(),
                format!("/sites/{site}/connectors/new"),
                "/account".into(),
                "/readyz".into(),
                "/metrics".into(),
                "/nonexistent".into(),
            ] {
                everything.push_str(&console.page(&client, &path).await.1);
            }
            for (endpoint, form) in [
                ("me", vec![]),
                ("account", vec![]),
                ("sites/get", vec![("id", site.as_str())]),
                ("sites/get", vec![("id", "")]),
            ] {
                everything.push_str(&console.server_fn(&client, endpoint, &form).await.1);
            }
        }
        // The tenant fails: errors shown to people must not carry secrets either.
        let control = reqwest::Client::new();
        control
            .post(format!("{origin}/_emulator/faults"))
            .json(&serde_json::json!({"status": 500, "count": 50, "path_prefix": "/v2/sites"}))
            .send()
            .await
            .unwrap();
        let client = browser(&console);
        console.sign_in(&client, "admin", USER_PASSWORD).await;
        let (status, html) = console.page(&client, &format!("/sites/{site}")).await;
        assert_ne!(status, 200, "the fault shows as an error page");
        assert!(
            html.contains("Tenant request id"),
            "errors carry the request id"
        );
        everything.push_str(&html);
        control
            .delete(format!("{origin}/_emulator/faults"))
            .send()
            .await
            .unwrap();
    }

    // The browser bundle, when it has been built (`make test` builds it first).
    let pkg = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site/pkg");
    let mut assets = 0;
    if let Ok(dir) = std::fs::read_dir(pkg) {
        for entry in dir.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            everything.push_str(&String::from_utf8_lossy(&bytes));
            assets += 1;
        }
    }
    if std::env::var("REQUIRE_SITE_ASSETS").is_ok() {
        assert!(assets >= 2, "JS and WASM assets must be scanned");
    }

    let tokens = emulator.issued_tokens();
    assert!(
        !tokens.is_empty(),
        "the client-credentials console obtained a token"
    );
    let log_text = String::from_utf8_lossy(&logs.0.lock().unwrap()).to_string();
    assert!(log_text.contains("signed in"), "logs were captured");
    for (what, haystack) in [("responses and assets", &everything), ("logs", &log_text)] {
        assert!(!haystack.contains(SECRET), "client secret found in {what}");
        assert!(
            !haystack.contains(STATIC_TOKEN),
            "client token found in {what}"
        );
        for token in &tokens {
            assert!(
                !haystack.contains(token.as_str()),
                "a bearer token found in {what}"
            );
        }
        assert!(
            !haystack.contains(USER_PASSWORD),
            "a console password found in {what}"
        );
    }
}

//! Spawns the whole console (and, by default, its embedded emulator) on random ports,
//! zero2prod style, and offers a browser-like HTTP client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use leptos::config::LeptosOptions;
use server::config::Config;
use server::state::AppState;
use server::Application;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use ztna_emulator::Emulator;

pub const PASSWORD: &str = "Test-Demo-Passw0rd";

pub struct TestConsole {
    pub addr: SocketAddr,
    pub base: String,
    pub emulator: Option<Emulator>,
    pub state: AppState,
    pub data_dir: PathBuf,
    /// The serving task: abort it to stop this console (its scheduler stops with it).
    pub server: tokio::task::AbortHandle,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub fn fresh_data_dir() -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "ztna-console-test-{}-{}-{}",
        std::process::id(),
        n,
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn leptos_options() -> LeptosOptions {
    // Pages reference /pkg/ztna-console.{js,wasm,css}; the files need not exist for
    // server-side rendering, but the names must match what `cargo leptos build` makes.
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site");
    LeptosOptions::builder()
        .output_name("ztna-console")
        .site_root(root)
        .site_pkg_dir("pkg")
        .build()
}

/// The console with the embedded emulator and the demo accounts.
pub async fn spawn() -> TestConsole {
    spawn_with(&[], fresh_data_dir()).await
}

/// The console with extra settings (as environment variables) and a given data dir.
pub async fn spawn_with(settings: &[(&str, &str)], data_dir: PathBuf) -> TestConsole {
    let mut map: HashMap<String, String> = HashMap::new();
    map.insert("LEPTOS_SITE_ADDR".into(), "127.0.0.1:0".into());
    map.insert("CONSOLE_DATA_DIR".into(), data_dir.display().to_string());
    map.insert("CONSOLE_DEMO_PASSWORD".into(), PASSWORD.into());
    // A full month of logs is for people; tests start faster with fewer.
    map.insert("EMULATOR_AUDIT_LOGS".into(), "2000".into());
    map.insert("EMULATOR_FORENSICS_LOGS".into(), "5000".into());
    for (k, v) in settings {
        map.insert((*k).into(), (*v).into());
    }
    let config = Config::from_lookup(&move |k| map.get(k).cloned()).expect("config");
    let app = Application::build(config, leptos_options())
        .await
        .expect("console starts");
    let addr = app.addr;
    let emulator = app.emulator.clone();
    let state = app.state.clone();
    let server = tokio::spawn(app.run_until_stopped()).abort_handle();
    TestConsole {
        addr,
        base: format!("http://{addr}"),
        emulator,
        state,
        data_dir,
        server,
    }
}

/// A client that keeps cookies and does not follow redirects, and sends the headers a
/// browser sends for same-origin requests.
pub fn browser(console: &TestConsole) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", console.base.parse().unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

impl TestConsole {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Signs in through the form; returns the redirect location.
    pub async fn sign_in(&self, client: &reqwest::Client, user: &str, password: &str) -> String {
        let response = client
            .post(self.url("/auth/login"))
            .form(&[("username", user), ("password", password), ("next", "")])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "sign-in answers with a redirect");
        location(&response)
    }

    pub async fn page(&self, client: &reqwest::Client, path: &str) -> (u16, String) {
        let response = client.get(self.url(path)).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// Calls a server function the way the hydrated page does (form-encoded POST).
    pub async fn server_fn(
        &self,
        client: &reqwest::Client,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> (u16, String) {
        let response = client
            .post(self.url(&format!("/api/{endpoint}")))
            .form(form)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    /// The id of a seeded site by its exact name.
    pub fn site_id(&self, name: &str) -> String {
        self.emulator
            .as_ref()
            .expect("embedded emulator")
            .editor_sites()
            .into_iter()
            .find(|(_, n)| n == name)
            .map(|(id, _)| id)
            .expect("seeded site")
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

/// The first number shown in an overview stat with this label.
pub fn stat(html: &str, label: &str) -> Option<u32> {
    let marker = format!("<span class=\"stat-label\">{label}</span>");
    let end = html.find(&marker)?;
    let before = &html[..end];
    let start = before.rfind("<span class=\"stat-value\">")? + "<span class=\"stat-value\">".len();
    let value = &before[start..];
    let close = value.find('<')?;
    value[..close].trim().parse().ok()
}

/// Names of the rows of the sites table (`<th scope="row"><a href=…>NAME</a>`).
pub fn row_names(html: &str) -> Vec<String> {
    html.split("<th scope=\"row\"><a href=\"/sites/")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find('>')? + 1;
            let end = rest[start..].find("</a>")? + start;
            Some(rest[start..end].to_string())
        })
        .collect()
}

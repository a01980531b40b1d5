//! Builds the whole console from a [`Config`]: store, tenant (embedded emulator or
//! real), the one tenant client, demo accounts, sessions and the router.

use crate::config::{Config, Tenant};
use crate::demo::{self, DemoPassword};
use crate::metrics::Metrics;
use crate::state::AppState;
use crate::throttle::LoginThrottle;
use crate::{actions, auth, csrf, headers, health, metrics, secret_pages, session_user};
use app::ssr::jobs::JobRunner;
use app::ssr::state::ConsoleState;
use app::{shell, App};
use axum::routing::{get, post};
use axum::Router;
use console_store::Store;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use ztna_client::{ClientConfig, Credentials, Secret, TenantClient};
use ztna_emulator::{Emulator, EmulatorConfig};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the console store at {path}: {detail}")]
    Store { path: String, detail: String },
    #[error("cannot start the embedded tenant emulator: {0}")]
    Emulator(String),
    #[error("cannot create the tenant client: {0}")]
    Client(String),
    #[error("cannot prepare the demo accounts: {0}")]
    Demo(String),
    #[error("cannot listen on {addr}: {detail}")]
    Listen { addr: SocketAddr, detail: String },
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    pub addr: SocketAddr,
    /// The embedded emulator, when there is no real tenant (tests reach into it).
    pub emulator: Option<Emulator>,
    pub demo_password: Option<DemoPassword>,
    pub state: AppState,
}

impl Application {
    pub async fn build(
        config: Config,
        leptos_options: LeptosOptions,
    ) -> Result<Self, StartupError> {
        let db_path = config.data_dir.join("console.db");
        let store = Store::open(&db_path).map_err(|e| StartupError::Store {
            path: db_path.display().to_string(),
            detail: e.to_string(),
        })?;

        let (origin, credentials, emulator, tenant_label) = match config.tenant {
            Tenant::Embedded {
                seed,
                listen,
                audit_logs,
                forensics_logs,
            } => {
                // Fresh random credentials each start: the emulator accepts only them,
                // and they live only in this process.
                let client_id = format!("console-{}", console_store::password::generate(12));
                let client_secret = console_store::password::generate(40);
                let defaults = EmulatorConfig::default();
                let emulator = Emulator::new(EmulatorConfig {
                    seed,
                    client_id: client_id.clone(),
                    client_secret: client_secret.clone(),
                    rate_per_second: config.rate_per_second,
                    audit_logs: audit_logs.unwrap_or(defaults.audit_logs),
                    forensics_logs: forensics_logs.unwrap_or(defaults.forensics_logs),
                    ..defaults
                });
                let running = emulator
                    .clone()
                    .spawn(listen.unwrap_or(SocketAddr::from(([127, 0, 0, 1], 0))))
                    .await
                    .map_err(|e| StartupError::Emulator(e.to_string()))?;
                let origin = ztna_client::ApiOrigin::parse(&running.origin())
                    .map_err(|e| StartupError::Emulator(e.to_string()))?;
                tracing::info!(origin = %running.origin(), "embedded tenant emulator started");
                // The emulator task lives as long as the process.
                std::mem::forget(running);
                (
                    origin,
                    Credentials::ClientCredentials {
                        client_id,
                        client_secret: Secret::new(client_secret),
                    },
                    Some(emulator),
                    "acme (emulator)".to_string(),
                )
            }
            Tenant::Remote {
                origin,
                credentials,
            } => {
                let label = origin
                    .as_str()
                    .trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_string();
                (origin, credentials, None, label)
            }
        };

        let mut client_config = ClientConfig::new(origin, credentials);
        client_config.rate_per_second = config.rate_per_second;
        client_config.cache_ttl = config.cache_ttl;
        let client =
            TenantClient::new(client_config).map_err(|e| StartupError::Client(e.to_string()))?;

        let demo_password = match &emulator {
            Some(emulator) => {
                let editor_sites = emulator
                    .editor_sites()
                    .into_iter()
                    .map(|(id, _)| id)
                    .collect();
                Some(
                    demo::ensure_accounts(&store, editor_sites, config.demo_password.as_deref())
                        .await
                        .map_err(|e| StartupError::Demo(e.to_string()))?,
                )
            }
            None => None,
        };

        let metrics = Arc::new(Metrics::new(&client));
        let jobs = JobRunner::new(store.clone(), client.clone(), {
            let metrics = metrics.clone();
            Arc::new(move |kind: &str, state: &str| metrics.job_finished(kind, state))
        });
        let console = ConsoleState {
            client: client.clone(),
            store: store.clone(),
            tenant_label,
            emulated: emulator.is_some(),
            jobs: jobs.clone(),
        };
        let state = AppState {
            leptos_options: leptos_options.clone(),
            console: console.clone(),
            throttle: Arc::new(LoginThrottle::default()),
            metrics,
        };
        match jobs.resume_unfinished().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(jobs = n, "resumed unfinished jobs"),
            Err(e) => tracing::error!(error = %e, "could not resume unfinished jobs"),
        }

        let session_store = store.session_store();
        spawn_expired_session_sweeper(session_store.clone());
        let sessions = SessionManagerLayer::new(session_store)
            .with_name("ztna_console")
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(config.secure_cookies)
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(
                time::Duration::try_from(config.session_idle).unwrap_or(time::Duration::hours(8)),
            ));

        let routes = generate_route_list(App);
        let router = Router::new()
            .route("/", get(session_user::root))
            .route("/healthz", get(health::healthz))
            .route("/readyz", get(health::readyz))
            .route("/metrics", get(metrics::handler))
            .route("/auth/login", post(auth::sign_in))
            .route("/auth/logout", post(auth::sign_out))
            .route(
                "/actions/sites/notifications",
                post(actions::site_notifications),
            )
            .route("/events/jobs/{id}", get(actions::job_events))
            .route(
                "/actions/users/unblock",
                post(crate::actions_users::unblock_users),
            )
            // Secrets for browsers without JavaScript: rendered once, never stored.
            .route(
                "/actions/sites/{site}/connectors/{connector}/deployment",
                post(secret_pages::deployment),
            )
            .route(
                "/actions/sites/{site}/keys/rotate",
                post(secret_pages::rotate_key),
            )
            .leptos_routes_with_context(
                &state,
                routes,
                {
                    let console = console.clone();
                    move || provide_context(console.clone())
                },
                {
                    let options = leptos_options.clone();
                    move || shell(options.clone())
                },
            )
            .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
            // Layers run outermost-last: headers → CSRF → session → principal → gate.
            .layer(axum::middleware::from_fn(session_user::require_sign_in))
            .layer(axum::middleware::from_fn_with_state(
                state.clone(),
                session_user::resolve,
            ))
            .layer(sessions)
            .layer(axum::middleware::from_fn(csrf::guard))
            .layer(CompressionLayer::new())
            .layer(axum::middleware::from_fn(headers::security_headers))
            .layer(TraceLayer::new_for_http())
            .with_state(state.clone());

        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|e| StartupError::Listen {
                    addr: config.listen,
                    detail: e.to_string(),
                })?;
        let addr = listener.local_addr().map_err(|e| StartupError::Listen {
            addr: config.listen,
            detail: e.to_string(),
        })?;

        Ok(Application {
            listener,
            router,
            addr,
            emulator,
            demo_password,
            state,
        })
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Scheduled unblocks (also those that came due while the console was down) fire
        // while the console serves, on the client's background lane.
        let _scheduler = AbortOnDrop(tokio::spawn(app::ssr::usecases::users::run_scheduler(
            self.state.console.client.clone(),
            self.state.console.store.clone(),
            Duration::from_secs(1),
        )));
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

/// Stops a background task when the console stops serving.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

fn spawn_expired_session_sweeper(store: console_store::SqliteSessionStore) {
    use tower_sessions::session_store::ExpiredDeletion;
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(600));
        loop {
            every.tick().await;
            if let Err(e) = store.delete_expired().await {
                tracing::warn!(error = %e, "expired session sweep failed");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

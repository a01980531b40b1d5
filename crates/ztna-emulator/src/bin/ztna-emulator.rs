//! Standalone ZTNA tenant emulator.
//!
//! Prints the origin it serves on as the first line of stdout (so scripts can read it), logs to
//! stderr, and stops on Ctrl-C. The client secret and static token are never printed; they can
//! come from the environment instead of the command line, which keeps them out of `ps`.

use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use ztna_emulator::{Emulator, EmulatorConfig};

#[derive(Debug, Parser)]
#[command(
    name = "ztna-emulator",
    version,
    about = "In-memory emulator of a Symantec ZTNA (Luminate) tenant REST API"
)]
struct Args {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8443")]
    listen: SocketAddr,
    /// Seed of the deterministic demo tenant.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Number of seeded sites.
    #[arg(long, default_value_t = 40)]
    sites: usize,
    /// Number of seeded connectors.
    #[arg(long, default_value_t = 120)]
    connectors: usize,
    /// Tenant name (api.<tenant>.luminatesec.com).
    #[arg(long, default_value = "acme")]
    tenant: String,
    /// API client id accepted by POST /v1/oauth/token.
    #[arg(long, env = "ZTNA_EMULATOR_CLIENT_ID")]
    client_id: Option<String>,
    /// API client secret accepted by POST /v1/oauth/token.
    #[arg(long, env = "ZTNA_EMULATOR_CLIENT_SECRET", hide_env_values = true)]
    client_secret: Option<String>,
    /// Static client token accepted as a bearer value.
    #[arg(long, env = "ZTNA_EMULATOR_CLIENT_TOKEN", hide_env_values = true)]
    client_token: Option<String>,
    /// Tenant-wide requests per second (0 = unlimited).
    #[arg(long, default_value_t = 5)]
    rate: u32,
    /// Lifetime of issued access tokens, in seconds.
    #[arg(long, default_value_t = 3600)]
    token_ttl: u64,
    /// Number of seeded users (over all identity providers).
    #[arg(long, default_value_t = 2_000)]
    users: usize,
    /// Number of seeded identity groups.
    #[arg(long, default_value_t = 80)]
    groups: usize,
    /// Number of seeded audit log documents.
    #[arg(long, default_value_t = 50_000)]
    audit_logs: usize,
    /// Number of seeded forensics log documents.
    #[arg(long, default_value_t = 200_000)]
    forensics_logs: usize,
    /// Connectors created through the API register by themselves after this many seconds.
    #[arg(long)]
    auto_register_after: Option<u64>,
    /// Number of seeded applications.
    #[arg(long, default_value_t = 400)]
    applications: usize,
    /// Number of seeded access and activity policies.
    #[arg(long, default_value_t = 60)]
    policies: usize,
    /// Number of collections (the default collection included).
    #[arg(long, default_value_t = 8)]
    collections: usize,
    /// Number of seeded role bindings.
    #[arg(long, default_value_t = 50)]
    role_bindings: usize,
    /// Leave out the reference's example objects (DataCenterEurope, TestApplication, ...).
    #[arg(long)]
    no_reference_examples: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();

    let args = Args::parse();
    let defaults = EmulatorConfig::default();
    let using_default_credentials = args.client_id.is_none() || args.client_secret.is_none();
    let config = EmulatorConfig {
        seed: args.seed,
        sites: args.sites,
        connectors: args.connectors,
        tenant: args.tenant,
        client_id: args.client_id.unwrap_or(defaults.client_id),
        client_secret: args.client_secret.unwrap_or(defaults.client_secret),
        client_token: args.client_token.filter(|t| !t.is_empty()),
        rate_per_second: args.rate,
        token_ttl_secs: args.token_ttl,
        users: args.users,
        groups: args.groups,
        audit_logs: args.audit_logs,
        forensics_logs: args.forensics_logs,
        auto_register_after_secs: args.auto_register_after,
        applications: args.applications,
        policies: args.policies,
        collections: args.collections,
        role_bindings: args.role_bindings,
        reference_examples: !args.no_reference_examples,
        ..defaults
    };
    if using_default_credentials {
        tracing::warn!(
            client_id = %config.client_id,
            "--client-id or --client-secret not given: using the built-in demo value for what is missing"
        );
    }

    let running = match Emulator::new(config).spawn(args.listen).await {
        Ok(running) => running,
        Err(err) => {
            eprintln!("ztna-emulator: cannot listen on {}: {err}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    println!("{}", running.origin());
    tracing::info!(
        origin = %running.origin(),
        client_id = %running.emulator.config().client_id,
        editor_sites = ?running.emulator.editor_sites(),
        "serving; Ctrl-C to stop"
    );

    if let Err(err) = tokio::signal::ctrl_c().await {
        eprintln!("ztna-emulator: cannot wait for Ctrl-C: {err}");
    }
    running.shutdown().await;
    ExitCode::SUCCESS
}

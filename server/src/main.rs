//! `server`: the ZTNA console. With no configuration it serves the console on
//! 127.0.0.1:3000 against the embedded tenant emulator.

use server::config::Config;
use server::demo::DemoPassword;
use server::Application;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("RUST_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,tower_http=warn,leptos=warn")),
        )
        .init();

    let config = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ztna-console: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut leptos_options = match leptos::config::get_configuration(None) {
        Ok(c) => c.leptos_options,
        Err(e) => {
            eprintln!("ztna-console: Leptos configuration: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    leptos_options.site_addr = config.listen;

    let app = match Application::build(config, leptos_options).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("ztna-console: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    match &app.demo_password {
        Some(DemoPassword::Generated(p)) => println!(
            "\nDemo accounts created: admin, editor, helpdesk\nPassword (shown once): {p}\n\
             Set CONSOLE_DEMO_PASSWORD to choose it yourself.\n"
        ),
        Some(DemoPassword::Unchanged) => println!(
            "\nDemo accounts: admin, editor, helpdesk (password unchanged; set \
             CONSOLE_DEMO_PASSWORD to reset it)\n"
        ),
        Some(DemoPassword::FromEnvironment) => {
            println!(
                "\nDemo accounts: admin, editor, helpdesk (password from CONSOLE_DEMO_PASSWORD)\n"
            )
        }
        None => {}
    }
    println!("ZTNA console listening on http://{}", app.addr);
    match app.run_until_stopped().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ztna-console: {e}");
            std::process::ExitCode::from(1)
        }
    }
}

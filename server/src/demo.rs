//! Demo accounts for the embedded emulator: `admin`, `editor` (site editor of three
//! named seeded sites) and `helpdesk`.

use console_store::{password, NewAccount, Store, StoreError};

/// Creates or refreshes the demo accounts. Returns the password when it was generated
/// here (so the caller prints it once); `None` when it came from the environment or the
/// accounts already existed.
pub async fn ensure_accounts(
    store: &Store,
    editor_sites: Vec<String>,
    password_from_env: Option<&str>,
) -> Result<DemoPassword, StoreError> {
    let existing = store.account_by_username("admin").await?;
    let (plain, outcome) = match (password_from_env, existing) {
        (Some(p), _) => (p.to_string(), DemoPassword::FromEnvironment),
        (None, None) => {
            let p = password::generate(16);
            (p.clone(), DemoPassword::Generated(p))
        }
        (None, Some(_)) => {
            // Keep the passwords people already use; still refresh scope and roles.
            refresh_roles(store, &editor_sites).await?;
            return Ok(DemoPassword::Unchanged);
        }
    };
    let hash = tokio::task::spawn_blocking(move || password::hash(&plain))
        .await
        .map_err(|e| StoreError::Join(e.to_string()))??;
    for account in accounts(&editor_sites, &hash) {
        store.upsert_account(account).await?;
    }
    Ok(outcome)
}

pub enum DemoPassword {
    FromEnvironment,
    Generated(String),
    Unchanged,
}

async fn refresh_roles(store: &Store, editor_sites: &[String]) -> Result<(), StoreError> {
    for mut account in accounts(editor_sites, "") {
        if let Some(existing) = store.account_by_username(&account.username).await? {
            account.password_hash = existing.password_hash;
            store.upsert_account(account).await?;
        }
    }
    Ok(())
}

fn accounts(editor_sites: &[String], hash: &str) -> Vec<NewAccount> {
    vec![
        NewAccount {
            username: "admin".into(),
            display_name: "Ada Admin".into(),
            role: "admin".into(),
            site_scope: vec![],
            password_hash: hash.to_string(),
        },
        NewAccount {
            username: "editor".into(),
            display_name: "Eddie Editor".into(),
            role: "delegated".into(),
            site_scope: editor_sites.to_vec(),
            password_hash: hash.to_string(),
        },
        NewAccount {
            username: "helpdesk".into(),
            display_name: "Hana Helpdesk".into(),
            role: "helpdesk".into(),
            site_scope: vec![],
            password_hash: hash.to_string(),
        },
    ]
}

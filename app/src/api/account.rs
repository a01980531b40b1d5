//! Who is signed in, and what their account may reach.

use crate::error::AppError;
use crate::model::{AccountView, Me};
use leptos::prelude::*;

/// The signed-in person for the shell (navigation, name, role).
#[server(endpoint = "me")]
pub async fn current_user() -> Result<Me, AppError> {
    let principal = crate::ssr::authz::current_principal()?;
    Ok(crate::ssr::usecases::account::me(&principal))
}

/// The account page.
#[server(endpoint = "account")]
pub async fn account_details() -> Result<AccountView, AppError> {
    let principal = crate::ssr::authz::current_principal()?;
    crate::ssr::usecases::account::details(&principal).await
}

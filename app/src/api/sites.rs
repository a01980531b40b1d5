//! Sites: the list, one site, creating, editing and deleting, and the health report.

use crate::error::AppError;
use crate::model::health::HealthReport;
use crate::model::{SiteDetail, SiteQuery, SitesPage};
use leptos::prelude::*;

/// One page of the sites the caller may see, with the overview counts.
#[server(endpoint = "sites/list")]
pub async fn list_sites(query: SiteQuery) -> Result<SitesPage, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewSites)?;
    crate::ssr::usecases::sites::list(&principal, query).await
}

/// A site and its connectors.
#[server(endpoint = "sites/get")]
pub async fn get_site_detail(id: String) -> Result<SiteDetail, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewSites)?;
    crate::ssr::usecases::sites::detail(&principal, &id).await
}

/// Creates a site (tenant admins only), then continues the wizard: connectors for a
/// connector-mode site, the registration key for a site-mode site.
#[server(endpoint = "sites/create")]
pub async fn create_site(
    #[server(default)] name: String,
    #[server(default)] region: String,
    #[server(default)] mode: String,
    #[server(default)] notifications: Option<String>,
) -> Result<String, AppError> {
    use crate::model::SiteMode;
    use crate::ssr::authz::{require, Permission};
    use crate::ssr::forms::keep_input;
    use crate::ssr::usecases::sites::{create, NewSiteInput};
    use leptos::server_fn::ServerFn;
    let principal = require(Permission::CreateSites)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let notify = notifications.is_some();
    let input = NewSiteInput {
        name: name.clone(),
        region: region.clone(),
        mode: mode.clone(),
        notifications: notify,
    };
    let created = create(&state, &principal, input).await;
    let (id, mode) = keep_input(
        CreateSite::PATH,
        "/sites/new",
        &[
            ("name", &name),
            ("region", &region),
            ("mode", &mode),
            ("notifications", if notify { "on" } else { "off" }),
        ],
        created,
    )?;
    let next = match mode {
        SiteMode::Site => format!("/sites/{id}/keys?wizard=1"),
        _ => format!("/sites/{id}/connectors/new?wizard=1"),
    };
    leptos_axum::redirect(&next);
    Ok(id)
}

/// Renames a site and switches its health notifications (read-merge-write).
#[server(endpoint = "sites/update")]
pub async fn update_site(
    id: String,
    #[server(default)] name: String,
    #[server(default)] notifications: Option<String>,
) -> Result<(), AppError> {
    use crate::ssr::authz::{require_site, Permission};
    use crate::ssr::forms::keep_input;
    use crate::ssr::usecases::sites::{update, SiteEdit};
    use leptos::server_fn::ServerFn;
    let principal = require_site(Permission::EditSites, &id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let notify = notifications.is_some();
    let edit = SiteEdit {
        name: name.clone(),
        notifications: notify,
    };
    let result = update(&state, &principal, &id, edit).await;
    keep_input(
        UpdateSite::PATH,
        &format!("/sites/{}", crate::model::encode_component(&id)),
        &[
            ("edit", "1"),
            ("name", &name),
            ("notifications", if notify { "on" } else { "off" }),
        ],
        result,
    )
}

/// Deletes a site (tenant admins only) after the person confirmed it.
#[server(endpoint = "sites/delete")]
pub async fn delete_site(
    id: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::error::ErrorKind;
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::DeleteSites, &id)?;
    if confirm.is_none() {
        let mut e = AppError::new(
            ErrorKind::Invalid,
            "Confirm that you want to delete this site.",
            "Tick the confirmation box, then delete.",
        );
        e.field = Some("confirm".into());
        return Err(e);
    }
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::sites::delete(&state, &principal, &id).await?;
    leptos_axum::redirect("/sites?notice=deleted");
    Ok(())
}

/// What needs attention across the caller's sites.
#[server(endpoint = "sites/health")]
pub async fn site_health() -> Result<HealthReport, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewSites)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::site_health::report(&state, &principal).await
}

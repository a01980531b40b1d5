//! Sites and their connectors.

use crate::error::AppError;
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

//! Sites: `/v2/sites`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ListQuery;
use crate::TenantClient;
use ztna_wire::{NewSite, Page, Site, SiteStatus};

const SITES: &str = "/sites";

fn site_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{SITES}/{}", segment("site id", id)?))
}

impl TenantClient {
    /// `GET /v2/sites?page&size&sort&filter`.
    pub async fn list_sites(&self, q: &ListQuery) -> Result<Page<Site>, ApiError> {
        self.call(Endpoint::get("list_sites", Family::Sites, SITES.into()).with_query(q.pairs()))
            .await
    }

    /// Every page of [`TenantClient::list_sites`] from `q.page` on (see the page walker's
    /// stop rules; at most 100 pages).
    pub async fn all_sites(&self, q: &ListQuery) -> Result<Vec<Site>, ApiError> {
        pager::walk(
            q,
            |s: &Site| s.id.as_str(),
            |q| {
                let this = self.clone();
                async move { this.list_sites(&q).await }
            },
        )
        .await
    }

    /// `GET /v2/sites/{id}`.
    pub async fn get_site(&self, id: &str) -> Result<Site, ApiError> {
        self.call(Endpoint::get("get_site", Family::Sites, site_path(id)?))
            .await
    }

    /// `POST /v2/sites`.
    pub async fn create_site(&self, s: &NewSite) -> Result<Site, ApiError> {
        self.call(Endpoint::post("create_site", Family::Sites, SITES.into()).with_json(s)?)
            .await
    }

    /// `PUT /v2/sites/{id}` (send the site's current `authentication_mode`: it is immutable).
    pub async fn update_site(&self, id: &str, s: &NewSite) -> Result<Site, ApiError> {
        self.call(Endpoint::put("update_site", Family::Sites, site_path(id)?).with_json(s)?)
            .await
    }

    /// Reads the site (bypassing the cache), lets `edit` change it, and writes the whole
    /// site back: `mute_health_notification` always explicit, `authentication_mode` as read
    /// (it is immutable), nothing the caller did not touch changed.
    pub async fn update_site_with<F>(&self, id: &str, edit: F) -> Result<Site, ApiError>
    where
        F: FnOnce(&mut Site) + Send,
    {
        let mut site: Site = self
            .call(Endpoint::get("get_site", Family::Sites, site_path(id)?).uncached())
            .await?;
        let mode = site.authentication_mode.clone();
        edit(&mut site);
        let mut body = NewSite::from(&site);
        body.authentication_mode = mode;
        self.update_site(id, &body).await
    }

    /// `DELETE /v2/sites/{id}`.
    pub async fn delete_site(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_site",
            Family::Sites,
            site_path(id)?,
        ))
        .await
    }

    /// `GET /v2/sites/{id}/status`.
    pub async fn site_status(&self, id: &str) -> Result<SiteStatus, ApiError> {
        let path = format!("{}/status", site_path(id)?);
        self.call(Endpoint::get("site_status", Family::Sites, path))
            .await
    }
}

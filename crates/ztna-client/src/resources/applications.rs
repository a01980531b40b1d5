//! Applications: `/v2/applications`. Writes also drop the sites' cached `application_ids`,
//! the policies by application and the collections' counts.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ApplicationQuery;
use crate::TenantClient;
use ztna_wire::{Application, ApplicationHealth, NewApplication, Page};

const APPLICATIONS: &str = "/applications";

/// What an application write invalidates besides applications.
const APP_WRITE_ALSO: &[Family] = &[Family::Sites, Family::Policies, Family::Collections];

fn application_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{APPLICATIONS}/{}", segment("application id", id)?))
}

impl TenantClient {
    /// `GET /v2/applications?page&size&sort&filter&type&siteId`.
    pub async fn list_applications(
        &self,
        q: &ApplicationQuery,
    ) -> Result<Page<Application>, ApiError> {
        self.call(
            Endpoint::get(
                "list_applications",
                Family::Applications,
                APPLICATIONS.into(),
            )
            .with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_applications`] from `q.list.page` on.
    pub async fn all_applications(
        &self,
        q: &ApplicationQuery,
    ) -> Result<Vec<Application>, ApiError> {
        pager::walk(
            &q.list,
            |a: &Application| a.id.as_str(),
            |list| {
                let this = self.clone();
                let q = ApplicationQuery { list, ..q.clone() };
                async move { this.list_applications(&q).await }
            },
        )
        .await
    }

    /// `GET /v2/applications/{id}`.
    pub async fn get_application(&self, id: &str) -> Result<Application, ApiError> {
        self.call(Endpoint::get(
            "get_application",
            Family::Applications,
            application_path(id)?,
        ))
        .await
    }

    /// `POST /v2/applications`.
    pub async fn create_application(&self, a: &NewApplication) -> Result<Application, ApiError> {
        self.call(
            Endpoint::post(
                "create_application",
                Family::Applications,
                APPLICATIONS.into(),
            )
            .also_invalidates(APP_WRITE_ALSO)
            .with_json(a)?,
        )
        .await
    }

    /// `PUT /v2/applications/{id}`: replaces the whole application (see
    /// [`TenantClient::update_application_with`]).
    pub async fn update_application(
        &self,
        id: &str,
        a: &NewApplication,
    ) -> Result<Application, ApiError> {
        self.call(
            Endpoint::put(
                "update_application",
                Family::Applications,
                application_path(id)?,
            )
            .also_invalidates(APP_WRITE_ALSO)
            .with_json(a)?,
        )
        .await
    }

    /// Reads the application (bypassing the cache), lets `edit` change it, and writes the
    /// whole object back with every boolean explicit and unknown properties kept.
    pub async fn update_application_with<F>(
        &self,
        id: &str,
        edit: F,
    ) -> Result<Application, ApiError>
    where
        F: FnOnce(&mut Application) + Send,
    {
        let mut app: Application = self
            .call(
                Endpoint::get(
                    "get_application",
                    Family::Applications,
                    application_path(id)?,
                )
                .uncached(),
            )
            .await?;
        edit(&mut app);
        let mut body = NewApplication::from(&app);
        body.id = Some(id.to_owned());
        self.update_application(id, &body).await
    }

    /// `DELETE /v2/applications/{id}`.
    pub async fn delete_application(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(
            Endpoint::delete(
                "delete_application",
                Family::Applications,
                application_path(id)?,
            )
            .also_invalidates(APP_WRITE_ALSO),
        )
        .await
    }

    /// `PUT /v2/applications/{id}/site-binding/{site_id}` (no body).
    pub async fn bind_application_to_site(
        &self,
        application_id: &str,
        site_id: &str,
    ) -> Result<(), ApiError> {
        let path = format!(
            "{}/site-binding/{}",
            application_path(application_id)?,
            segment("site id", site_id)?
        );
        self.call_empty(
            Endpoint::put("bind_application_to_site", Family::Applications, path)
                .also_invalidates(APP_WRITE_ALSO),
        )
        .await
    }

    /// `GET /v2/applications/{id}/status`.
    pub async fn application_status(&self, id: &str) -> Result<ApplicationHealth, ApiError> {
        let path = format!("{}/status", application_path(id)?);
        self.call(Endpoint::get(
            "application_status",
            Family::Applications,
            path,
        ))
        .await
    }
}

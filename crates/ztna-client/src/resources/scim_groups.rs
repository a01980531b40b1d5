//! SCIM groups of a Generic SAML identity provider: `/v2/identities/{idp}/scim/groups`
//! (identities family), including PATCH (add/remove/replace).

use super::scim_users::SCIM_PAGE;
use super::users::idp_path;
use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ScimQuery;
use crate::TenantClient;
use ztna_wire::{ScimGroup, ScimPage, ScimPatch};

fn scim_groups_path(idp_id: &str) -> Result<String, ApiError> {
    Ok(format!("{}/scim/groups", idp_path(idp_id)?))
}

fn scim_group_path(idp_id: &str, group_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/{}",
        scim_groups_path(idp_id)?,
        segment("SCIM group id", group_id)?
    ))
}

impl TenantClient {
    /// `POST /v2/identities/{idp}/scim/groups`.
    pub async fn create_scim_group(
        &self,
        idp_id: &str,
        g: &ScimGroup,
    ) -> Result<ScimGroup, ApiError> {
        self.call(
            Endpoint::post(
                "create_scim_group",
                Family::Identities,
                scim_groups_path(idp_id)?,
            )
            .with_json(&g.to_write())?,
        )
        .await
    }

    /// `GET /v2/identities/{idp}/scim/groups[?startIndex&count&filter]`.
    pub async fn list_scim_groups(
        &self,
        idp_id: &str,
        q: &ScimQuery,
    ) -> Result<ScimPage<ScimGroup>, ApiError> {
        self.call(
            Endpoint::get(
                "list_scim_groups",
                Family::Identities,
                scim_groups_path(idp_id)?,
            )
            .with_query(q.pairs()),
        )
        .await
    }

    /// Every SCIM group of `idp_id` (same stop rules as [`TenantClient::all_scim_users`]).
    pub async fn all_scim_groups(&self, idp_id: &str) -> Result<Vec<ScimGroup>, ApiError> {
        scim_groups_path(idp_id)?;
        pager::walk_scim(
            SCIM_PAGE,
            |g: &ScimGroup| g.id.as_str(),
            |start, count| {
                let this = self.clone();
                let idp_id = idp_id.to_owned();
                let q = ScimQuery {
                    start_index: Some(start),
                    count: Some(count),
                    filter: None,
                };
                async move { this.list_scim_groups(&idp_id, &q).await }
            },
        )
        .await
    }

    /// `GET /v2/identities/{idp}/scim/groups/{id}`.
    pub async fn get_scim_group(
        &self,
        idp_id: &str,
        group_id: &str,
    ) -> Result<ScimGroup, ApiError> {
        self.call(Endpoint::get(
            "get_scim_group",
            Family::Identities,
            scim_group_path(idp_id, group_id)?,
        ))
        .await
    }

    /// `PUT /v2/identities/{idp}/scim/groups/{id}` (the id is not sent in the body).
    pub async fn update_scim_group(
        &self,
        idp_id: &str,
        group_id: &str,
        g: &ScimGroup,
    ) -> Result<ScimGroup, ApiError> {
        self.call(
            Endpoint::put(
                "update_scim_group",
                Family::Identities,
                scim_group_path(idp_id, group_id)?,
            )
            .with_json(&g.to_write())?,
        )
        .await
    }

    /// `DELETE /v2/identities/{idp}/scim/groups/{id}`.
    pub async fn delete_scim_group(&self, idp_id: &str, group_id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_scim_group",
            Family::Identities,
            scim_group_path(idp_id, group_id)?,
        ))
        .await
    }

    /// `PATCH /v2/identities/{idp}/scim/groups/{id}` (e.g. [`ScimPatch::add_members`]).
    /// Not retried on 5xx.
    pub async fn patch_scim_group(
        &self,
        idp_id: &str,
        group_id: &str,
        patch: &ScimPatch,
    ) -> Result<ScimGroup, ApiError> {
        self.call(
            Endpoint::patch(
                "patch_scim_group",
                Family::Identities,
                scim_group_path(idp_id, group_id)?,
            )
            .with_json(patch)?,
        )
        .await
    }
}

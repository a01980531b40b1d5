//! SCIM users of a Generic SAML identity provider: `/v2/identities/{idp}/scim/users`
//! (identities family).

use super::users::idp_path;
use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ScimQuery;
use crate::TenantClient;
use ztna_wire::{ScimPage, ScimUser};

/// Items per page of the SCIM walkers.
pub(super) const SCIM_PAGE: u32 = 100;

fn scim_users_path(idp_id: &str) -> Result<String, ApiError> {
    Ok(format!("{}/scim/users", idp_path(idp_id)?))
}

fn scim_user_path(idp_id: &str, user_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/{}",
        scim_users_path(idp_id)?,
        segment("SCIM user id", user_id)?
    ))
}

impl TenantClient {
    /// `POST /v2/identities/{idp}/scim/users`.
    pub async fn create_scim_user(&self, idp_id: &str, u: &ScimUser) -> Result<ScimUser, ApiError> {
        self.call(
            Endpoint::post(
                "create_scim_user",
                Family::Identities,
                scim_users_path(idp_id)?,
            )
            .with_json(&u.to_write())?,
        )
        .await
    }

    /// `GET /v2/identities/{idp}/scim/users[?startIndex&count&filter]`.
    pub async fn list_scim_users(
        &self,
        idp_id: &str,
        q: &ScimQuery,
    ) -> Result<ScimPage<ScimUser>, ApiError> {
        self.call(
            Endpoint::get(
                "list_scim_users",
                Family::Identities,
                scim_users_path(idp_id)?,
            )
            .with_query(q.pairs()),
        )
        .await
    }

    /// Every SCIM user of `idp_id` (pages of 100 by `startIndex`; stops on an empty or
    /// repeated page, `totalResults` reached, or 100 pages).
    pub async fn all_scim_users(&self, idp_id: &str) -> Result<Vec<ScimUser>, ApiError> {
        scim_users_path(idp_id)?;
        pager::walk_scim(
            SCIM_PAGE,
            |u: &ScimUser| u.id.as_str(),
            |start, count| {
                let this = self.clone();
                let idp_id = idp_id.to_owned();
                let q = ScimQuery {
                    start_index: Some(start),
                    count: Some(count),
                    filter: None,
                };
                async move { this.list_scim_users(&idp_id, &q).await }
            },
        )
        .await
    }

    /// `GET /v2/identities/{idp}/scim/users/{id}`.
    pub async fn get_scim_user(&self, idp_id: &str, user_id: &str) -> Result<ScimUser, ApiError> {
        self.call(Endpoint::get(
            "get_scim_user",
            Family::Identities,
            scim_user_path(idp_id, user_id)?,
        ))
        .await
    }

    /// `PUT /v2/identities/{idp}/scim/users/{id}` (the id is not sent in the body).
    pub async fn update_scim_user(
        &self,
        idp_id: &str,
        user_id: &str,
        u: &ScimUser,
    ) -> Result<ScimUser, ApiError> {
        self.call(
            Endpoint::put(
                "update_scim_user",
                Family::Identities,
                scim_user_path(idp_id, user_id)?,
            )
            .with_json(&u.to_write())?,
        )
        .await
    }

    /// `DELETE /v2/identities/{idp}/scim/users/{id}`.
    pub async fn delete_scim_user(&self, idp_id: &str, user_id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_scim_user",
            Family::Identities,
            scim_user_path(idp_id, user_id)?,
        ))
        .await
    }
}

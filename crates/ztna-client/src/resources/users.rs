//! Users of an identity provider (`/v2/identities/{idp}/users`) and local users
//! (`/v2/identities/local/users`). Identity ids are opaque (`local`, `auth0|…`) and are
//! percent-encoded as one path segment.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager::{self, TrustLast};
use crate::path::segment;
use crate::query::IdentityQuery;
use crate::TenantClient;
use ztna_wire::{IdentityPage, NewLocalUser, User};

const LOCAL_USERS: &str = "/identities/local/users";

pub(super) fn idp_path(idp_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "/identities/{}",
        segment("identity provider id", idp_id)?
    ))
}

pub(super) fn user_path(idp_id: &str, user_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/users/{}",
        idp_path(idp_id)?,
        segment("user id", user_id)?
    ))
}

fn local_user_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{LOCAL_USERS}/{}", segment("user id", id)?))
}

impl TenantClient {
    /// `GET /v2/identities/{idp}/users?filter&pageOffset&sortBy&perPage&email`.
    pub async fn list_users(
        &self,
        idp_id: &str,
        q: &IdentityQuery,
    ) -> Result<IdentityPage<User>, ApiError> {
        let path = format!("{}/users", idp_path(idp_id)?);
        self.call(Endpoint::get("list_users", Family::Identities, path).with_query(q.user_pairs()))
            .await
    }

    /// Every user of `idp_id` matching `q`, from `q.page_offset` on: follows `nextPage`
    /// (passed back as received); stops on `last`, an empty page, a missing or repeated
    /// cursor, `totalElements` read, or 100 pages.
    pub async fn all_users(&self, idp_id: &str, q: &IdentityQuery) -> Result<Vec<User>, ApiError> {
        idp_path(idp_id)?;
        pager::walk_cursor(
            q.page_offset.clone(),
            TrustLast::Yes,
            |u: &User| u.id.as_str(),
            |cursor| {
                let this = self.clone();
                let q = IdentityQuery {
                    page_offset: cursor,
                    ..q.clone()
                };
                let idp_id = idp_id.to_owned();
                async move { this.list_users(&idp_id, &q).await }
            },
        )
        .await
    }

    /// `GET /v2/identities/{idp}/users/{id}`.
    pub async fn get_user(&self, idp_id: &str, user_id: &str) -> Result<User, ApiError> {
        self.call(Endpoint::get(
            "get_user",
            Family::Identities,
            user_path(idp_id, user_id)?,
        ))
        .await
    }

    /// `DELETE /v2/identities/{idp}/users/{id}` (Generic SAML and local users only).
    pub async fn delete_user(&self, idp_id: &str, user_id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_user",
            Family::Identities,
            user_path(idp_id, user_id)?,
        ))
        .await
    }

    /// `POST /v2/identities/local/users`.
    pub async fn create_local_user(&self, u: &NewLocalUser) -> Result<User, ApiError> {
        self.call(
            Endpoint::post("create_local_user", Family::Identities, LOCAL_USERS.into())
                .with_json(u)?,
        )
        .await
    }

    /// `PUT /v2/identities/local/users/{id}`.
    pub async fn update_local_user(&self, id: &str, u: &NewLocalUser) -> Result<User, ApiError> {
        self.call(
            Endpoint::put(
                "update_local_user",
                Family::Identities,
                local_user_path(id)?,
            )
            .with_json(u)?,
        )
        .await
    }

    /// `DELETE /v2/identities/local/users/{id}`.
    pub async fn delete_local_user(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_local_user",
            Family::Identities,
            local_user_path(id)?,
        ))
        .await
    }
}

//! Groups of an identity provider (`/v2/identities/{idp}/groups`) and membership of local
//! groups (`/v2/identities/local/groups/{id}/users/{user}`).

use super::users::idp_path;
use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager::{self, TrustLast};
use crate::path::segment;
use crate::query::IdentityQuery;
use crate::TenantClient;
use ztna_wire::{Group, IdentityPage, NewGroup, User};

fn group_path(idp_id: &str, group_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/groups/{}",
        idp_path(idp_id)?,
        segment("group id", group_id)?
    ))
}

fn local_member_path(group_id: &str, user_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "/identities/local/groups/{}/users/{}",
        segment("group id", group_id)?,
        segment("user id", user_id)?
    ))
}

impl TenantClient {
    /// `GET /v2/identities/{idp}/groups/{id}`.
    pub async fn get_group(&self, idp_id: &str, group_id: &str) -> Result<Group, ApiError> {
        self.call(Endpoint::get(
            "get_group",
            Family::Identities,
            group_path(idp_id, group_id)?,
        ))
        .await
    }

    /// `DELETE /v2/identities/{idp}/groups/{id}` (Generic SAML and local groups only).
    pub async fn delete_group(&self, idp_id: &str, group_id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_group",
            Family::Identities,
            group_path(idp_id, group_id)?,
        ))
        .await
    }

    /// `GET /v2/identities/{idp}/groups?filter&pageOffset&sortBy&perPage`.
    pub async fn list_groups(
        &self,
        idp_id: &str,
        q: &IdentityQuery,
    ) -> Result<IdentityPage<Group>, ApiError> {
        let path = format!("{}/groups", idp_path(idp_id)?);
        self.call(
            Endpoint::get("list_groups", Family::Identities, path).with_query(q.group_pairs()),
        )
        .await
    }

    /// Every group of `idp_id` matching `q` (same stop rules as
    /// [`TenantClient::all_users`]).
    pub async fn all_groups(
        &self,
        idp_id: &str,
        q: &IdentityQuery,
    ) -> Result<Vec<Group>, ApiError> {
        idp_path(idp_id)?;
        pager::walk_cursor(
            q.page_offset.clone(),
            TrustLast::Yes,
            |g: &Group| g.id.as_str(),
            |cursor| {
                let this = self.clone();
                let q = IdentityQuery {
                    page_offset: cursor,
                    ..q.clone()
                };
                let idp_id = idp_id.to_owned();
                async move { this.list_groups(&idp_id, &q).await }
            },
        )
        .await
    }

    /// `POST /v2/identities/{idp}/groups` with `{"name": ...}`.
    pub async fn create_group(&self, idp_id: &str, g: &NewGroup) -> Result<Group, ApiError> {
        let path = format!("{}/groups", idp_path(idp_id)?);
        self.call(Endpoint::post("create_group", Family::Identities, path).with_json(g)?)
            .await
    }

    /// `GET /v2/identities/{idp}/groups/{id}/users?pageOffset&perPage` (only those two
    /// fields of `q` are sent).
    pub async fn group_members(
        &self,
        idp_id: &str,
        group_id: &str,
        q: &IdentityQuery,
    ) -> Result<IdentityPage<User>, ApiError> {
        let path = format!("{}/users", group_path(idp_id, group_id)?);
        self.call(
            Endpoint::get("group_members", Family::Identities, path).with_query(q.member_pairs()),
        )
        .await
    }

    /// Every member of a group, `per_page` at a time. The answers' `last` is not trusted
    /// here: the walk stops on an empty page, a missing or repeated `nextPage`, or 100 pages.
    pub async fn all_group_members(
        &self,
        idp_id: &str,
        group_id: &str,
        per_page: u32,
    ) -> Result<Vec<User>, ApiError> {
        group_path(idp_id, group_id)?;
        pager::walk_cursor(
            None,
            TrustLast::No,
            |u: &User| u.id.as_str(),
            |cursor| {
                let this = self.clone();
                let q = IdentityQuery {
                    page_offset: cursor,
                    per_page,
                    ..IdentityQuery::default()
                };
                let (idp_id, group_id) = (idp_id.to_owned(), group_id.to_owned());
                async move { this.group_members(&idp_id, &group_id, &q).await }
            },
        )
        .await
    }

    /// `DELETE /v2/identities/local/groups/{group_id}/users/{user_id}`.
    pub async fn remove_user_from_local_group(
        &self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "remove_user_from_local_group",
            Family::Identities,
            local_member_path(group_id, user_id)?,
        ))
        .await
    }

    /// `PUT /v2/identities/local/groups/{group_id}/users/{user_id}` (no body).
    pub async fn add_user_to_local_group(
        &self,
        group_id: &str,
        user_id: &str,
    ) -> Result<(), ApiError> {
        self.call_empty(Endpoint::put(
            "add_user_to_local_group",
            Family::Identities,
            local_member_path(group_id, user_id)?,
        ))
        .await
    }
}

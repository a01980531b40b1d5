//! Blocked users: the list, and block/unblock of one user (identities family: a block drops
//! the cached users and blocked users).

use super::users::user_path;
use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::TenantClient;
use ztna_wire::{BlockedUser, OneOrMany};

impl TenantClient {
    /// `GET /v2/identities/settings/blocked-users`.
    pub async fn list_blocked_users(&self) -> Result<Vec<BlockedUser>, ApiError> {
        let all: OneOrMany<BlockedUser> = self
            .call(Endpoint::get(
                "list_blocked_users",
                Family::Identities,
                "/identities/settings/blocked-users".into(),
            ))
            .await?;
        Ok(all.0)
    }

    /// `POST /v2/identities/{idp}/users/{id}/block`: ends the user's sessions and blocks
    /// further logins.
    pub async fn block_user(&self, idp_id: &str, user_id: &str) -> Result<(), ApiError> {
        let path = format!("{}/block", user_path(idp_id, user_id)?);
        self.call_empty(Endpoint::post("block_user", Family::Identities, path))
            .await
    }

    /// `DELETE /v2/identities/{idp}/users/{id}/block`.
    pub async fn unblock_user(&self, idp_id: &str, user_id: &str) -> Result<(), ApiError> {
        let path = format!("{}/block", user_path(idp_id, user_id)?);
        self.call_empty(Endpoint::delete("unblock_user", Family::Identities, path))
            .await
    }
}

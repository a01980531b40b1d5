//! Role bindings: `/v2/collection/role-bindings` and the three create calls (collections
//! family).

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::query::RoleBindingQuery;
use crate::TenantClient;
use ztna_wire::{
    CollectionRoleBindingRequest, Page, RoleBinding, RoleBindingIds, RoleBindings,
    SiteRoleBindingRequest, TenantRoleBindingRequest,
};

const ROLE_BINDINGS: &str = "/collection/role-bindings";

impl TenantClient {
    /// `GET /v2/collection/role-bindings?sort&direction&page&size&<filters>`.
    pub async fn list_role_bindings(
        &self,
        q: &RoleBindingQuery,
    ) -> Result<Page<RoleBinding>, ApiError> {
        self.call(
            Endpoint::get(
                "list_role_bindings",
                Family::Collections,
                ROLE_BINDINGS.into(),
            )
            .with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_role_bindings`] from `q.list.page` on.
    pub async fn all_role_bindings(
        &self,
        q: &RoleBindingQuery,
    ) -> Result<Vec<RoleBinding>, ApiError> {
        pager::walk(
            &q.list,
            |b: &RoleBinding| b.id.as_str(),
            |list| {
                let this = self.clone();
                let q = RoleBindingQuery { list, ..q.clone() };
                async move { this.list_role_bindings(&q).await }
            },
        )
        .await
    }

    /// `POST /v2/collection/tenant-role-bindings`.
    pub async fn create_tenant_role_bindings(
        &self,
        body: &TenantRoleBindingRequest,
    ) -> Result<Vec<RoleBinding>, ApiError> {
        let answer: RoleBindings = self
            .call(
                Endpoint::post(
                    "create_tenant_role_bindings",
                    Family::Collections,
                    "/collection/tenant-role-bindings".into(),
                )
                .with_json(body)?,
            )
            .await?;
        Ok(answer.role_bindings)
    }

    /// `POST /v2/collection/collection-role-bindings`.
    pub async fn create_collection_role_bindings(
        &self,
        body: &CollectionRoleBindingRequest,
    ) -> Result<Vec<RoleBinding>, ApiError> {
        let answer: RoleBindings = self
            .call(
                Endpoint::post(
                    "create_collection_role_bindings",
                    Family::Collections,
                    "/collection/collection-role-bindings".into(),
                )
                .with_json(body)?,
            )
            .await?;
        Ok(answer.role_bindings)
    }

    /// `POST /v2/collection/site-role-bindings`.
    pub async fn create_site_role_bindings(
        &self,
        body: &SiteRoleBindingRequest,
    ) -> Result<Vec<RoleBinding>, ApiError> {
        let answer: RoleBindings = self
            .call(
                Endpoint::post(
                    "create_site_role_bindings",
                    Family::Collections,
                    "/collection/site-role-bindings".into(),
                )
                .with_json(body)?,
            )
            .await?;
        Ok(answer.role_bindings)
    }

    /// `POST /v2/collection/role-bindings/delete` with `{"roleBindingIds": [...]}`.
    pub async fn delete_role_bindings(&self, ids: &[String]) -> Result<(), ApiError> {
        let body = RoleBindingIds {
            role_binding_ids: ids.to_vec(),
        };
        self.call_empty(
            Endpoint::post(
                "delete_role_bindings",
                Family::Collections,
                format!("{ROLE_BINDINGS}/delete"),
            )
            .with_json(&body)?,
        )
        .await
    }
}

//! DNS resiliency groups: `/v2/wss-integration-tenant/dns-groups`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::path::segment;
use crate::query::ListQuery;
use crate::TenantClient;
use ztna_wire::{DnsGroup, EnableDnsGroups, NewDnsGroup, Page};

pub(super) const DNS_GROUPS: &str = "/wss-integration-tenant/dns-groups";

/// Suffix of enable/disable. INFERRED (not in the reference; see endpoints.md): change it
/// here only.
const ENABLE_BY_IDS_SUFFIX: &str = "/enable-by-ids";

pub(super) fn dns_group_path(id: &str) -> Result<String, ApiError> {
    Ok(format!("{DNS_GROUPS}/{}", segment("DNS group id", id)?))
}

impl TenantClient {
    /// `POST /v2/wss-integration-tenant/dns-groups`.
    pub async fn create_dns_group(&self, g: &NewDnsGroup) -> Result<DnsGroup, ApiError> {
        self.call(Endpoint::post("create_dns_group", Family::Dns, DNS_GROUPS.into()).with_json(g)?)
            .await
    }

    /// `GET /v2/wss-integration-tenant/dns-groups?page&size&sort&filter`.
    pub async fn list_dns_groups(&self, q: &ListQuery) -> Result<Page<DnsGroup>, ApiError> {
        self.call(
            Endpoint::get("list_dns_groups", Family::Dns, DNS_GROUPS.into()).with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_dns_groups`] from `q.page` on.
    pub async fn all_dns_groups(&self, q: &ListQuery) -> Result<Vec<DnsGroup>, ApiError> {
        pager::walk(
            q,
            |g: &DnsGroup| g.id.as_str(),
            |q| {
                let this = self.clone();
                async move { this.list_dns_groups(&q).await }
            },
        )
        .await
    }

    /// `GET /v2/wss-integration-tenant/dns-groups/{id}`.
    pub async fn get_dns_group(&self, id: &str) -> Result<DnsGroup, ApiError> {
        self.call(Endpoint::get(
            "get_dns_group",
            Family::Dns,
            dns_group_path(id)?,
        ))
        .await
    }

    /// `PUT /v2/wss-integration-tenant/dns-groups/{id}` (replaces name, suffixes and
    /// notifications).
    pub async fn update_dns_group(&self, id: &str, g: &NewDnsGroup) -> Result<DnsGroup, ApiError> {
        self.call(Endpoint::put("update_dns_group", Family::Dns, dns_group_path(id)?).with_json(g)?)
            .await
    }

    /// Reads the group (bypassing the cache), lets `edit` change it, and writes name,
    /// suffixes and `sendNotifications` (always explicit) back.
    pub async fn update_dns_group_with<F>(&self, id: &str, edit: F) -> Result<DnsGroup, ApiError>
    where
        F: FnOnce(&mut DnsGroup) + Send,
    {
        let mut g: DnsGroup = self
            .call(Endpoint::get("get_dns_group", Family::Dns, dns_group_path(id)?).uncached())
            .await?;
        edit(&mut g);
        self.update_dns_group(id, &NewDnsGroup::from(&g)).await
    }

    /// `DELETE /v2/wss-integration-tenant/dns-groups/{id}`.
    pub async fn delete_dns_group(&self, id: &str) -> Result<(), ApiError> {
        self.call_empty(Endpoint::delete(
            "delete_dns_group",
            Family::Dns,
            dns_group_path(id)?,
        ))
        .await
    }

    /// `POST /v2/wss-integration-tenant/dns-groups/enable-by-ids` with
    /// `{"enable": bool, "groupIds": [...]}`.
    pub async fn enable_dns_groups(
        &self,
        enable: bool,
        group_ids: &[String],
    ) -> Result<(), ApiError> {
        let body = EnableDnsGroups {
            enable,
            group_ids: group_ids.to_vec(),
        };
        self.call_empty(
            Endpoint::post(
                "enable_dns_groups",
                Family::Dns,
                format!("{DNS_GROUPS}{ENABLE_BY_IDS_SUFFIX}"),
            )
            .with_json(&body)?,
        )
        .await
    }
}

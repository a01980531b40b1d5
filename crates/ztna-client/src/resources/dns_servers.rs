//! DNS servers of a DNS group: `/v2/wss-integration-tenant/dns-groups/{id}/servers`.

use super::dns_groups::dns_group_path;
use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::path::segment;
use crate::TenantClient;
use ztna_wire::{DnsServer, DnsServerIds, NewDnsServer, OneOrMany};

/// Suffixes of delete-by-ids and of the priority order. INFERRED (not in the reference; see
/// endpoints.md): change them here only.
const DELETE_BY_IDS_SUFFIX: &str = "/servers/delete-by-ids";
const SERVER_ORDER_SUFFIX: &str = "/server-order";

fn servers_path(group_id: &str) -> Result<String, ApiError> {
    Ok(format!("{}/servers", dns_group_path(group_id)?))
}

fn server_path(group_id: &str, server_id: &str) -> Result<String, ApiError> {
    Ok(format!(
        "{}/{}",
        servers_path(group_id)?,
        segment("DNS server id", server_id)?
    ))
}

impl TenantClient {
    /// `POST /v2/wss-integration-tenant/dns-groups/{group_id}/servers`.
    pub async fn create_dns_server(
        &self,
        group_id: &str,
        s: &NewDnsServer,
    ) -> Result<DnsServer, ApiError> {
        self.call(
            Endpoint::post("create_dns_server", Family::Dns, servers_path(group_id)?)
                .with_json(s)?,
        )
        .await
    }

    /// `GET /v2/wss-integration-tenant/dns-groups/{group_id}/servers`.
    pub async fn list_dns_servers(&self, group_id: &str) -> Result<Vec<DnsServer>, ApiError> {
        let all: OneOrMany<DnsServer> = self
            .call(Endpoint::get(
                "list_dns_servers",
                Family::Dns,
                servers_path(group_id)?,
            ))
            .await?;
        Ok(all.0)
    }

    /// `GET /v2/wss-integration-tenant/dns-groups/{group_id}/servers/{server_id}`.
    pub async fn get_dns_server(
        &self,
        group_id: &str,
        server_id: &str,
    ) -> Result<DnsServer, ApiError> {
        self.call(Endpoint::get(
            "get_dns_server",
            Family::Dns,
            server_path(group_id, server_id)?,
        ))
        .await
    }

    /// `PUT /v2/wss-integration-tenant/dns-groups/{group_id}/servers/{server_id}`.
    pub async fn update_dns_server(
        &self,
        group_id: &str,
        server_id: &str,
        s: &NewDnsServer,
    ) -> Result<DnsServer, ApiError> {
        self.call(
            Endpoint::put(
                "update_dns_server",
                Family::Dns,
                server_path(group_id, server_id)?,
            )
            .with_json(s)?,
        )
        .await
    }

    /// Reads the server (bypassing the cache), lets `edit` change it, and writes the whole
    /// server back.
    pub async fn update_dns_server_with<F>(
        &self,
        group_id: &str,
        server_id: &str,
        edit: F,
    ) -> Result<DnsServer, ApiError>
    where
        F: FnOnce(&mut DnsServer) + Send,
    {
        let mut s: DnsServer = self
            .call(
                Endpoint::get(
                    "get_dns_server",
                    Family::Dns,
                    server_path(group_id, server_id)?,
                )
                .uncached(),
            )
            .await?;
        edit(&mut s);
        self.update_dns_server(group_id, server_id, &NewDnsServer::from(&s))
            .await
    }

    /// `POST /v2/wss-integration-tenant/dns-groups/{group_id}/servers/delete-by-ids` with
    /// `{"DnsServerIds": [...]}`.
    pub async fn delete_dns_servers(
        &self,
        group_id: &str,
        server_ids: &[String],
    ) -> Result<(), ApiError> {
        let body = DnsServerIds {
            dns_server_ids: server_ids.to_vec(),
        };
        let path = format!("{}{DELETE_BY_IDS_SUFFIX}", dns_group_path(group_id)?);
        self.call_empty(Endpoint::post("delete_dns_servers", Family::Dns, path).with_json(&body)?)
            .await
    }

    /// `PUT /v2/wss-integration-tenant/dns-groups/{group_id}/server-order` with
    /// `{"DnsServerIds": [...]}`, highest priority first.
    pub async fn set_dns_server_order(
        &self,
        group_id: &str,
        server_ids: &[String],
    ) -> Result<(), ApiError> {
        let body = DnsServerIds {
            dns_server_ids: server_ids.to_vec(),
        };
        let path = format!("{}{SERVER_ORDER_SUFFIX}", dns_group_path(group_id)?);
        self.call_empty(Endpoint::put("set_dns_server_order", Family::Dns, path).with_json(&body)?)
            .await
    }
}

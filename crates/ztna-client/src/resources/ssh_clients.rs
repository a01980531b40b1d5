//! SSH clients: `/v2/ssh-clients`.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager;
use crate::query::ListQuery;
use crate::TenantClient;
use ztna_wire::{Page, SshClient};

const SSH_CLIENTS: &str = "/ssh-clients";

impl TenantClient {
    /// `GET /v2/ssh-clients?sort&size&page&filter` (`sort` is a key: `name`, `created_on`,
    /// `last_accessed`, `expires`, `description`).
    pub async fn list_ssh_clients(&self, q: &ListQuery) -> Result<Page<SshClient>, ApiError> {
        self.call(
            Endpoint::get("list_ssh_clients", Family::SshClients, SSH_CLIENTS.into())
                .with_query(q.pairs()),
        )
        .await
    }

    /// Every page of [`TenantClient::list_ssh_clients`] from `q.page` on.
    pub async fn all_ssh_clients(&self, q: &ListQuery) -> Result<Vec<SshClient>, ApiError> {
        pager::walk(
            q,
            |c: &SshClient| c.id.as_str(),
            |q| {
                let this = self.clone();
                async move { this.list_ssh_clients(&q).await }
            },
        )
        .await
    }
}

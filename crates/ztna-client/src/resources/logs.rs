//! Audit and forensics log search: `POST /v2/logs/audit`, `POST /v2/logs/forensics`.
//! Searches are reads: never cached, retried like GETs, invalidating nothing.

use crate::endpoint::{Endpoint, Family};
use crate::error::ApiError;
use crate::pager::LogWalk;
use crate::TenantClient;
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use ztna_wire::{LogEntry, LogSearch, LogSearchResult};

/// Which logs to search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogKind {
    /// Administrative changes and logins.
    Audit,
    /// Users' access to applications and their activity in them.
    Forensics,
}

impl LogKind {
    fn path(self) -> &'static str {
        match self {
            Self::Audit => "/logs/audit",
            Self::Forensics => "/logs/forensics",
        }
    }

    fn operation(self) -> &'static str {
        match self {
            Self::Audit => "search_audit_logs",
            Self::Forensics => "search_forensics_logs",
        }
    }
}

impl TenantClient {
    /// One page of a log search (`search.search_after` continues after a document).
    pub async fn search_logs(
        &self,
        kind: LogKind,
        search: &LogSearch,
    ) -> Result<LogSearchResult, ApiError> {
        self.call(
            Endpoint::search(kind.operation(), Family::Logs, kind.path().into())
                .with_json(search)?,
        )
        .await
    }

    /// `POST /v2/logs/audit`.
    pub async fn search_audit_logs(&self, search: &LogSearch) -> Result<LogSearchResult, ApiError> {
        self.search_logs(LogKind::Audit, search).await
    }

    /// `POST /v2/logs/forensics`.
    pub async fn search_forensics_logs(
        &self,
        search: &LogSearch,
    ) -> Result<LogSearchResult, ApiError> {
        self.search_logs(LogKind::Forensics, search).await
    }

    /// The pages of a search as a stream, each page's `search_after` taken from the last
    /// document of the page before and passed back exactly. Ends when a page brings fewer
    /// documents than asked (or none), on a missing or repeated cursor, after `max_docs`
    /// documents (at most 100 000; the last page is cut to fit) or 100 pages. An error ends
    /// the stream after it is yielded.
    pub fn search_logs_pages(
        &self,
        kind: LogKind,
        search: LogSearch,
        max_docs: usize,
    ) -> BoxStream<'static, Result<Vec<LogEntry>, ApiError>> {
        let this = self.clone();
        futures::stream::unfold(Some(LogWalk::new(search, max_docs)), move |state| {
            let this = this.clone();
            async move {
                let mut walk = state?;
                let req = walk.next_request()?;
                match this.search_logs(kind, &req).await {
                    Ok(result) => {
                        let docs = walk.absorb(req.size, result);
                        if docs.is_empty() {
                            None
                        } else {
                            Some((Ok(docs), Some(walk)))
                        }
                    }
                    Err(e) => Some((Err(e), None)),
                }
            }
        })
        .boxed()
    }

    /// Every document of a search, up to `max_docs` (see [`TenantClient::search_logs_pages`]).
    pub async fn all_logs(
        &self,
        kind: LogKind,
        search: LogSearch,
        max_docs: usize,
    ) -> Result<Vec<LogEntry>, ApiError> {
        self.search_logs_pages(kind, search, max_docs)
            .try_concat()
            .await
    }
}

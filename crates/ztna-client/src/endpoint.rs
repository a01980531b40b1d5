//! One call's description, as the resource functions hand it to the core.

use crate::error::ApiError;
use reqwest::Method;
use serde::Serialize;

/// Families of resources sharing one read cache: a write to any member drops every cached
/// read of the family (and of the families the write names in [`Endpoint::also`]). Sites
/// embed connectors and own registration keys, so they are one family; role bindings and
/// site links live with collections; identity providers, users, groups, blocked users and
/// SCIM are one identities family. Logs are searched with POST and never cached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Sites,
    Regions,
    Applications,
    Policies,
    Collections,
    Dns,
    Identities,
    SshClients,
    CloudIntegrations,
    Logs,
}

/// Where a call goes: the API (under `/v2`, bearer token) or the token endpoint (Basic).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Api,
    Token,
}

pub(crate) struct RequestBody {
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// A call: operation name (metrics, logs), method, encoded path under `/v2`, query pairs,
/// optional body, cache family.
pub(crate) struct Endpoint {
    pub operation: &'static str,
    pub method: Method,
    pub target: Target,
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<RequestBody>,
    pub family: Family,
    /// Other families a successful (or failed: see `Inner::write`) write invalidates.
    pub also: &'static [Family],
    /// GET answers may be kept for the cache TTL (false for secret-bearing answers).
    pub cacheable: bool,
    /// A POST that only reads (log search): retried like a GET, invalidates nothing.
    pub read_only: bool,
}

impl Endpoint {
    fn new(operation: &'static str, method: Method, family: Family, path: String) -> Self {
        Self {
            operation,
            method,
            target: Target::Api,
            path,
            query: Vec::new(),
            body: None,
            family,
            also: &[],
            cacheable: true,
            read_only: false,
        }
    }

    pub fn get(operation: &'static str, family: Family, path: String) -> Self {
        Self::new(operation, Method::GET, family, path)
    }

    pub fn post(operation: &'static str, family: Family, path: String) -> Self {
        Self::new(operation, Method::POST, family, path)
    }

    pub fn put(operation: &'static str, family: Family, path: String) -> Self {
        Self::new(operation, Method::PUT, family, path)
    }

    pub fn delete(operation: &'static str, family: Family, path: String) -> Self {
        Self::new(operation, Method::DELETE, family, path)
    }

    pub fn patch(operation: &'static str, family: Family, path: String) -> Self {
        Self::new(operation, Method::PATCH, family, path)
    }

    /// A POST that only reads (search): never cached, retried like a GET, invalidates
    /// nothing.
    pub fn search(operation: &'static str, family: Family, path: String) -> Self {
        Self {
            cacheable: false,
            read_only: true,
            ..Self::new(operation, Method::POST, family, path)
        }
    }

    /// A write that also invalidates `families` (e.g. an application write drops the sites'
    /// `application_ids` and the policies by application).
    pub fn also_invalidates(mut self, families: &'static [Family]) -> Self {
        self.also = families;
        self
    }

    /// The families a write to this endpoint invalidates (none for a read-only search).
    pub fn invalidates(&self) -> impl Iterator<Item = Family> + '_ {
        let own = (!self.read_only).then_some(self.family);
        own.into_iter()
            .chain(self.also.iter().copied().filter(|_| !self.read_only))
    }

    /// `POST /v1/oauth/token` with `grant_type=client_credentials`.
    pub fn token() -> Self {
        Self {
            target: Target::Token,
            body: Some(RequestBody {
                content_type: "application/x-www-form-urlencoded",
                bytes: b"grant_type=client_credentials".to_vec(),
            }),
            cacheable: false,
            ..Self::new("token", Method::POST, Family::Sites, String::new())
        }
    }

    pub fn with_query(mut self, pairs: Vec<(&'static str, String)>) -> Self {
        self.query = pairs;
        self
    }

    pub fn with_json<B: Serialize>(mut self, body: &B) -> Result<Self, ApiError> {
        let bytes = serde_json::to_vec(body).map_err(|e| ApiError::Decode {
            detail: format!("could not encode the request body: {e}"),
            request_id: None,
        })?;
        self.body = Some(RequestBody {
            content_type: "application/json",
            bytes,
        });
        Ok(self)
    }

    /// Never served from (or stored in) the read cache; identical calls still merge.
    pub fn uncached(mut self) -> Self {
        self.cacheable = false;
        self
    }

    /// The encoded path and query under `/v2`; also the cache and merge key.
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(self.query.iter().map(|(k, v)| (*k, v.as_str())))
            .finish();
        format!("{}?{query}", self.path)
    }

    /// Safe to send twice: GET, PUT, DELETE, read-only searches, and the token call.
    pub fn is_idempotent(&self) -> bool {
        self.target == Target::Token
            || self.read_only
            || matches!(
                self.method,
                Method::GET | Method::HEAD | Method::PUT | Method::DELETE
            )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn path_and_query_is_stable_and_encoded() {
        let ep = Endpoint::get("list_sites", Family::Sites, "/sites".into()).with_query(vec![
            ("page", "0".into()),
            ("size", "10".into()),
            ("sort", "name,desc".into()),
            ("filter", "a b&c".into()),
        ]);
        assert_eq!(
            ep.path_and_query(),
            "/sites?page=0&size=10&sort=name%2Cdesc&filter=a+b%26c"
        );
        assert!(ep.is_idempotent());
        assert!(!Endpoint::post("x", Family::Sites, "/x".into()).is_idempotent());
        assert!(Endpoint::token().is_idempotent());
        assert!(Endpoint::search("s", Family::Logs, "/logs/audit".into()).is_idempotent());
        assert!(!Endpoint::patch("p", Family::Identities, "/x".into()).is_idempotent());
    }

    #[test]
    fn writes_name_the_families_they_invalidate() {
        let ep = Endpoint::put("w", Family::Applications, "/a".into())
            .also_invalidates(&[Family::Sites, Family::Policies]);
        let got: Vec<Family> = ep.invalidates().collect();
        assert_eq!(got, [Family::Applications, Family::Sites, Family::Policies]);
        let s = Endpoint::search("s", Family::Logs, "/logs/audit".into())
            .also_invalidates(&[Family::Sites]);
        assert_eq!(s.invalidates().count(), 0);
        assert!(!s.cacheable);
    }
}

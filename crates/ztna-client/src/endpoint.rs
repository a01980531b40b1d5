//! One call's description, as the resource functions hand it to the core.

use crate::error::ApiError;
use reqwest::Method;
use serde::Serialize;

/// Families of resources sharing one read cache: a successful write to any member drops
/// every cached read of the family. Sites embed connectors and own registration keys, so
/// they are one family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    Sites,
    Regions,
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
    /// GET answers may be kept for the cache TTL (false for secret-bearing answers).
    pub cacheable: bool,
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
            cacheable: true,
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

    /// Safe to send twice: GET, PUT, DELETE, and the token call.
    pub fn is_idempotent(&self) -> bool {
        self.target == Target::Token
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
    }
}

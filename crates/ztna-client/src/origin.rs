//! The tenant API origin, and the ONE place where `/v2` and `/v1/oauth/token` are added.

use std::fmt;
use std::str::FromStr;
use url::{Host, Url};

/// Path prefix of every API call (major version 2).
const API_PREFIX: &str = "/v2";
/// Path of the OAuth2 token endpoint (client credentials).
const TOKEN_PATH: &str = "/v1/oauth/token";

/// The API origin of one tenant, e.g. `https://api.acme.luminatesec.com`: a scheme and a host
/// (and port), nothing else. `https` is required except for loopback hosts (`127.0.0.0/8`,
/// `::1`, `localhost`), where `http` is allowed (emulator, tests).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ApiOrigin {
    /// `scheme://host[:port]`, no trailing slash.
    base: String,
    loopback: bool,
}

/// Why a string is not an acceptable API origin. Messages never repeat the input (it could
/// carry a password in its userinfo).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OriginError {
    #[error("the API origin is empty")]
    Empty,
    #[error("the API origin needs a scheme, e.g. https://api.<tenant>.luminatesec.com")]
    MissingScheme,
    #[error("the API origin is not a valid URL ({0})")]
    Invalid(String),
    #[error("the API origin must use https (http only for loopback addresses), not {0}")]
    UnsupportedScheme(String),
    #[error("http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost); use https")]
    InsecureNonLoopback,
    #[error("the API origin has no host")]
    MissingHost,
    #[error("the API origin must not contain a user name or password")]
    Userinfo,
    #[error("the API origin must not have a path (the client adds /v2 itself)")]
    Path,
    #[error("the API origin must not have a query")]
    Query,
    #[error("the API origin must not have a fragment")]
    Fragment,
}

impl ApiOrigin {
    pub fn parse(s: &str) -> Result<Self, OriginError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(OriginError::Empty);
        }
        if !s.contains("://") {
            return Err(OriginError::MissingScheme);
        }
        let url = Url::parse(s).map_err(|e| OriginError::Invalid(e.to_string()))?;
        if !url.username().is_empty() || url.password().is_some() {
            return Err(OriginError::Userinfo);
        }
        let loopback = match url.host() {
            None => return Err(OriginError::MissingHost),
            Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
            Some(Host::Ipv4(ip)) => ip.is_loopback(),
            Some(Host::Ipv6(ip)) => ip.is_loopback(),
        };
        match url.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => return Err(OriginError::InsecureNonLoopback),
            other => return Err(OriginError::UnsupportedScheme(other.to_owned())),
        }
        if !matches!(url.path(), "" | "/") {
            return Err(OriginError::Path);
        }
        if url.query().is_some() {
            return Err(OriginError::Query);
        }
        if url.fragment().is_some() {
            return Err(OriginError::Fragment);
        }
        Ok(Self {
            base: url.origin().ascii_serialization(),
            loopback,
        })
    }

    /// `scheme://host[:port]`.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// True for `127.0.0.0/8`, `::1` and `localhost`.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    /// The URL of an API call; `path_and_query` starts with `/` and is already encoded.
    pub(crate) fn api_url(&self, path_and_query: &str) -> String {
        format!("{}{API_PREFIX}{path_and_query}", self.base)
    }

    /// The URL of the token endpoint.
    pub(crate) fn token_url(&self) -> String {
        format!("{}{TOKEN_PATH}", self.base)
    }
}

impl FromStr for ApiOrigin {
    type Err = OriginError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for ApiOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.base)
    }
}

impl fmt::Debug for ApiOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiOrigin({})", self.base)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn accepts_https_and_loopback_http() {
        for (input, want) in [
            (
                "https://api.acme.luminatesec.com",
                "https://api.acme.luminatesec.com",
            ),
            (
                "https://api.acme.luminatesec.com/",
                "https://api.acme.luminatesec.com",
            ),
            ("HTTPS://API.Acme.com:8443/", "https://api.acme.com:8443"),
            ("https://api.acme.com:443", "https://api.acme.com"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://127.9.9.9", "http://127.9.9.9"),
            ("http://localhost:3001/", "http://localhost:3001"),
            ("http://LOCALHOST", "http://localhost"),
            ("http://[::1]:9000", "http://[::1]:9000"),
            ("  https://a.example  ", "https://a.example"),
        ] {
            let o = ApiOrigin::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(o.as_str(), want, "{input}");
        }
        assert!(ApiOrigin::parse("http://127.0.0.1:1")
            .unwrap()
            .is_loopback());
    }

    #[test]
    fn refuses_everything_else() {
        use OriginError::*;
        for (input, want) in [
            ("", Empty),
            ("api.acme.luminatesec.com", MissingScheme),
            ("localhost:8080", MissingScheme),
            ("http://api.acme.luminatesec.com", InsecureNonLoopback),
            ("http://10.0.0.1", InsecureNonLoopback),
            ("http://localhost.evil.com", InsecureNonLoopback),
            ("http://[::2]", InsecureNonLoopback),
            ("ftp://127.0.0.1", UnsupportedScheme("ftp".into())),
            ("https://api.acme.com/v2", Path),
            ("https://api.acme.com/v2/", Path),
            ("https://api.acme.com?x=1", Query),
            ("https://api.acme.com/?", Query),
            ("https://api.acme.com/#frag", Fragment),
            ("https://user:pw@api.acme.com", Userinfo),
            ("https://user@api.acme.com", Userinfo),
        ] {
            assert_eq!(ApiOrigin::parse(input), Err(want), "{input}");
        }
        assert!(matches!(
            ApiOrigin::parse("https://exa mple.com"),
            Err(Invalid(_))
        ));
        let msg = ApiOrigin::parse("https://admin:hunter2@api.acme.com")
            .unwrap_err()
            .to_string();
        assert!(!msg.contains("hunter2"));
    }

    #[test]
    fn prefixes_are_added_in_one_place() {
        let o = ApiOrigin::parse("https://api.acme.com/").unwrap();
        assert_eq!(o.api_url("/sites"), "https://api.acme.com/v2/sites");
        assert_eq!(o.token_url(), "https://api.acme.com/v1/oauth/token");
    }
}

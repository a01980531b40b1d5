//! Credentials. Nothing here can be printed by accident.

use std::fmt;

/// A secret string (client secret, static token). `Debug` prints `REDACTED`, there is no
/// `Display` and no `Serialize`; [`Secret::expose`] is the only way to the value.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(REDACTED)")
    }
}

/// How the console authenticates to the tenant.
#[derive(Clone, Debug)]
pub enum Credentials {
    /// An API client: the token comes from `POST /v1/oauth/token` (HTTP Basic).
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
    },
    /// A "client token" created in the admin portal, used as the bearer value as is.
    StaticToken(Secret),
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn debug_never_shows_secrets() {
        let c = Credentials::ClientCredentials {
            client_id: "id-1".into(),
            client_secret: Secret::new("s3cret"),
        };
        let t = Credentials::StaticToken(Secret::new("tok-xyz"));
        let text = format!("{c:?} {t:?}");
        assert!(
            !text.contains("s3cret") && !text.contains("tok-xyz"),
            "{text}"
        );
        assert!(text.contains("id-1"));
    }
}

//! Values that must never reach a log line by accident.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A secret string from the wire (access token, registration key). `Debug` prints
/// `REDACTED`; there is no `Display`; read it with [`SecretString::expose`].
/// It serialises as the plain string, because the wire needs it (emulator, request bodies).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself. Call it only where the value is really needed.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(REDACTED)")
    }
}

/// A connector's one-time password (OTP). Same rules as [`SecretString`].
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OneTimeSecret(String);

impl OneTimeSecret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The OTP itself. Call it only where the value is really needed.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for OneTimeSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeSecret(REDACTED)")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let s = SecretString::new("hunter2");
        let o = OneTimeSecret::new("2d1e1bfa");
        assert_eq!(format!("{s:?}"), "SecretString(REDACTED)");
        assert_eq!(format!("{o:?}"), "OneTimeSecret(REDACTED)");
        assert_eq!(s.expose(), "hunter2");
        assert_eq!(o.expose(), "2d1e1bfa");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"hunter2\"");
    }
}

//! The answer of `POST /v1/oauth/token`.

use crate::lenient::{flex_string, flex_u64, null_default};
use crate::secret::SecretString;
use serde::{Deserialize, Serialize};

/// The token answer. `Debug` redacts the access token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenResponse {
    #[serde(default, deserialize_with = "null_default")]
    pub access_token: SecretString,
    /// Lifetime in seconds (0 when missing).
    #[serde(default, deserialize_with = "flex_u64")]
    pub expires_in: u64,
    #[serde(default, deserialize_with = "flex_string")]
    pub scope: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub token_type: String,
    /// Empty on success.
    #[serde(default, deserialize_with = "flex_string")]
    pub error: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub error_description: String,
}

//! Identifiers in paths: opaque strings, percent-encoded as one path segment each.

use crate::error::ApiError;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except RFC 3986 unreserved characters is encoded (`auth0|abc` →
/// `auth0%7Cabc`, `a/b` → `a%2Fb`).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One encoded path segment. Empty, blank, `.` and `..` are refused before any URL exists
/// (the last two would be resolved away by URL normalisation).
pub(crate) fn segment(what: &'static str, id: &str) -> Result<String, ApiError> {
    if id.trim().is_empty() || id == "." || id == ".." {
        return Err(ApiError::InvalidId { what });
    }
    Ok(utf8_percent_encode(id, SEGMENT).to_string())
}

/// A non-empty identifier for a query parameter (encoded later with the query).
pub(crate) fn query_id(what: &'static str, id: &str) -> Result<String, ApiError> {
    if id.trim().is_empty() {
        return Err(ApiError::InvalidId { what });
    }
    Ok(id.to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn encodes_opaque_ids() {
        assert_eq!(segment("id", "auth0|abc").unwrap(), "auth0%7Cabc");
        assert_eq!(segment("id", "a/b").unwrap(), "a%2Fb");
        assert_eq!(segment("id", "a b?c#d%").unwrap(), "a%20b%3Fc%23d%25");
        assert_eq!(
            segment("id", "6fd0a892-8b70-471a-9dd7-bf374b07451f").unwrap(),
            "6fd0a892-8b70-471a-9dd7-bf374b07451f"
        );
        assert_eq!(segment("id", "é").unwrap(), "%C3%A9");
        assert_eq!(segment("id", "v1.2_x~").unwrap(), "v1.2_x~");
    }

    #[test]
    fn refuses_empty_and_dot_segments() {
        for bad in ["", " ", "\t", ".", ".."] {
            assert_eq!(
                segment("site id", bad),
                Err(ApiError::InvalidId { what: "site id" })
            );
        }
        assert!(query_id("site id", "").is_err());
    }
}

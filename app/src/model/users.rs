//! Helpdesk view models: finding tenant users across identity providers, one user's
//! detail, and the blocked users. Built on the server from wire types field by field.

use super::When;
use serde::{Deserialize, Serialize};

/// One tenant user as a result row (search results, group members).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub idp_id: String,
    pub idp_name: String,
    pub id: String,
    pub name: String,
    pub email: String,
    /// `None`: never logged in.
    pub last_login: Option<When>,
    pub logins: i64,
    pub mfa: bool,
    pub blocked: bool,
}

impl UserRow {
    pub fn href(&self) -> String {
        user_href(&self.idp_id, &self.id)
    }
}

/// The link of a user's page (ids are opaque: each is percent-encoded as one segment).
pub fn user_href(idp_id: &str, user_id: &str) -> String {
    format!(
        "/users/{}/{}",
        encode_segment(idp_id),
        encode_segment(user_id)
    )
}

/// Percent-encodes one path segment (a space is `%20`, never `+`).
pub fn encode_segment(s: &str) -> String {
    super::encode_component(s).replace('+', "%20")
}

/// Decodes what is left percent-encoded in a path segment (the browser's router leaves
/// some escapes in place). Invalid escapes are kept as they are.
pub fn decode_segment(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// A group whose name matched the search, with its members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupHit {
    pub idp_name: String,
    pub name: String,
    pub members: Vec<UserRow>,
}

/// The answer of one search over every identity provider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserSearch {
    pub q: String,
    pub rows: Vec<UserRow>,
    pub groups: Vec<GroupHit>,
    /// Identity providers searched (names).
    pub providers: Vec<String>,
    /// Some provider had more matches than are shown: refine the search.
    pub truncated: bool,
}

/// Who blocked a user through the console, and why (from the console's audit trail).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockInfo {
    pub since: Option<When>,
    pub by: Option<String>,
    pub reason: Option<String>,
    pub request_id: Option<String>,
}

/// A scheduled unblock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScheduleView {
    pub due: When,
    pub by: String,
}

/// One event of the tenant's audit log about a user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserEvent {
    pub at: Option<When>,
    pub event: String,
    pub outcome: String,
    pub summary: String,
}

/// The user page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserRow,
    pub username: String,
    pub created: Option<When>,
    pub block: Option<BlockInfo>,
    pub schedule: Option<ScheduleView>,
    /// Group names, when they were asked for (`None`: not looked up).
    pub groups: Option<Vec<String>>,
    pub events: Vec<UserEvent>,
    /// The audit log could not be read (the rest of the page still shows).
    pub events_error: Option<String>,
    pub can_block: bool,
}

/// One line of the blocked users list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockedRow {
    pub idp_id: String,
    pub idp_name: String,
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub since: Option<When>,
    pub reason: Option<String>,
    pub by: Option<String>,
    pub schedule: Option<When>,
}

impl BlockedRow {
    pub fn href(&self) -> String {
        user_href(&self.idp_id, &self.user_id)
    }

    /// The value of its checkbox in the bulk unblock form: `idp` and user id.
    pub fn key(&self) -> String {
        format!("{}\n{}", self.idp_id, self.user_id)
    }
}

/// The blocked users page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockedPage {
    pub rows: Vec<BlockedRow>,
    pub can_block: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opaque_ids_round_trip_through_links() {
        for id in ["auth0|5ac3 x/y", "00uAbc", "local", "a%2Fb"] {
            let href = user_href("okta id", id);
            let seg = href.rsplit('/').next().unwrap_or_default();
            assert_eq!(decode_segment(seg), id, "{href}");
        }
        assert!(user_href("a b", "c").starts_with("/users/a%20b/"));
        assert_eq!(decode_segment("100%"), "100%");
        assert_eq!(decode_segment("%zz"), "%zz");
    }
}

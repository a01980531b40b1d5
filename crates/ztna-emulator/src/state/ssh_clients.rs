//! SSH clients: key pairs that users and automation use to reach SSH applications. The API
//! only lists them.

use time::OffsetDateTime;

#[derive(Debug, Clone)]
pub(crate) struct SshClient {
    pub id: String,
    pub name: String,
    pub description: String,
    pub key_size: u32,
    pub created_on: OffsetDateTime,
    pub modified_on: OffsetDateTime,
    pub last_accessed: Option<OffsetDateTime>,
    pub expires: OffsetDateTime,
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    pub clients: Vec<SshClient>,
}

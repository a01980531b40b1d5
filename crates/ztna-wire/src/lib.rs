//! Typed wire models of the Symantec ZTNA (formerly Luminate) v2 API.
//!
//! No IO lives here: only serde models and their lenient decoding rules
//! (see `/work/shared/reference/endpoints.md`):
//! - missing and `null` mean the same (lists become empty, booleans false, numbers 0);
//! - unknown enum values are kept in an `Other(String)` variant and written back unchanged;
//! - property names are exactly those on the wire (`countCollections`, `ConnectorsUp`, `Id`);
//! - values that are secrets (OTP, registration key, access token, deployment command,
//!   connector environment) have a redacted `Debug` and an explicit `expose()`.

mod connector;
mod enums;
mod error;
pub mod lenient;
mod page;
mod region;
mod registration_key;
mod secret;
mod site;
mod token;

pub use connector::{
    Connector, ConnectorEnvironment, ConnectorVersion, DeploymentCommand, EnvValue, EnvVar,
    NewConnector,
};
pub use enums::{AuthenticationMode, ConnectorStatus, DeploymentType, SiteHealth, UpdateStatus};
pub use error::ErrorBody;
pub use page::Page;
pub use region::Region;
pub use registration_key::{RegistrationKey, RegistrationKeys, RotateKeyRequest, RotatedKey};
pub use secret::{OneTimeSecret, SecretString};
pub use site::{ConnectorLastSeen, LastSeen, NewSite, Site, SiteStatus};
pub use token::TokenResponse;

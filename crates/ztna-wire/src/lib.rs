//! Typed wire models of the Symantec ZTNA (formerly Luminate) v2 API.
//!
//! No IO lives here: only serde models and their lenient decoding rules
//! (see `/work/shared/reference/endpoints.md`):
//! - missing and `null` mean the same (lists become empty, booleans false, numbers 0);
//! - unknown enum values are kept in an `Other(String)` variant and written back unchanged;
//! - property names are exactly those on the wire (`countCollections`, `ConnectorsUp`, `Id`);
//! - values that are secrets (OTP, registration key, access token, deployment command,
//!   connector environment) have a redacted `Debug` and an explicit `expose()`.

mod application;
mod cloud_integration;
mod collection;
mod connector;
mod dns_group;
mod dns_server;
mod enums;
mod error;
mod group;
mod identity;
pub mod lenient;
mod log;
mod page;
mod policy;
mod region;
mod registration_key;
mod role_binding;
mod scim_group;
mod scim_user;
mod secret;
mod site;
mod ssh_client;
mod token;
mod user;

pub use application::{
    Application, ApplicationHealth, ApplicationHealthStatus, ApplicationSubType, ApplicationType,
    CloudIntegrationData, CloudTag, ConnectionSettings, HeaderCustomization,
    LinkTranslationSettings, NewApplication, RequestCustomizationSettings, SegmentSettings,
    TcpTarget, Vpc,
};
pub use cloud_integration::{
    CloudIntegration, CloudIntegrationError, CloudIntegrationHealth, NewCloudIntegration,
};
pub use collection::{
    Collection, CollectionSiteLink, CollectionSiteLinks, NewCollection, SiteCollections,
};
pub use connector::{
    Connector, ConnectorEnvironment, ConnectorVersion, DeploymentCommand, EnvValue, EnvVar,
    NewConnector,
};
pub use dns_group::{DnsGroup, EnableDnsGroups, NewDnsGroup};
pub use dns_server::{DnsServer, DnsServerHealth, DnsServerIds, NewDnsServer};
pub use enums::{AuthenticationMode, ConnectorStatus, DeploymentType, SiteHealth, UpdateStatus};
pub use error::ErrorBody;
pub use group::{Group, NewGroup};
pub use identity::{DirectoryEntity, EntityType, IdentityProvider, IdentityProviderType};
pub use log::{LogEntry, LogSearch, LogSearchResult, MatchField, SearchQuery};
pub use page::{IdentityPage, Page, PageCursor, ScimPage};
pub use policy::{
    ActionType, AppPolicies, ConditionDefinition, ConditionParameter, ConditionTypeMapping,
    EnumSettings, EnumValue, NumberSettings, OneOrMany, Policy, PolicyApplication, PolicyCondition,
    PolicyRule, PolicyTargetProtocol, PolicyTargetProtocolSubType, PolicyType, RdpSettings,
    SshSettings, StringSettings, TcpSettings, TimeSettings, TimeSettingsType, ValidatorType,
    Validators, WorkingHoursSettings,
};
pub use region::Region;
pub use registration_key::{RegistrationKey, RegistrationKeys, RotateKeyRequest, RotatedKey};
pub use role_binding::{
    CollectionRoleBindingRequest, Role, RoleBinding, RoleBindingIds, RoleBindings, RoleResource,
    RoleType, SiteRoleBindingRequest, SubjectType, TenantRoleBindingRequest,
};
pub use scim_group::{
    ScimGroup, ScimMember, ScimOperation, ScimPatch, SCIM_GROUP_SCHEMA, SCIM_PATCH_SCHEMA,
};
pub use scim_user::{ScimEmail, ScimUser, ScimUserName, SCIM_USER_SCHEMA};
pub use secret::{OneTimeSecret, SecretString};
pub use site::{ConnectorLastSeen, LastSeen, NewSite, Site, SiteStatus};
pub use ssh_client::SshClient;
pub use token::TokenResponse;
pub use user::{BlockedUser, NewLocalUser, User};

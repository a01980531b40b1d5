//! The reference's JSON examples of lines 2551-4270 (DNS resiliency, identities, SSH
//! clients, SCIM, cloud integrations, log search), converted from the reference's
//! "- key: value" rendering to JSON, one constant per example named after its first line.

#![allow(dead_code)] // Some examples are the same generic error body; not all are replayed.

pub const L2568: &str = r#"{
  "name": "group1",
  "domainSuffixes": [
    "[\"dns-group.com\",\"example.com\"]"
  ],
  "sendNotifications": "true"
}"#;

pub const L2573: &str = r#"{
  "id": "0115deec-b583-4335-92f2-8269f0bfd493",
  "name": "DNS Group 1",
  "status": "Available",
  "domainSuffixes": "[\"dns-group.com\",\"other-group.com\"]",
  "sendNotifications": "true",
  "servers": "[\"0115deec-b583-4335-92f2-8269f0bfd493\",\"cf5780a0-4c72-45db-92c4-c7ce517f86e9\"]",
  "serverInUsed": "0115deec-b583-4335-92f2-8269f0bfd493",
  "activeServerAddress": "1.1.1.1"
}"#;

pub const L2601: &str = r#"{
  "content": [
    {
      "id": "0115deec-b583-4335-92f2-8269f0bfd493",
      "name": "DNS Group 1",
      "status": "Available",
      "domainSuffixes": "[\"dns-group.com\",\"other-group.com\"]",
      "sendNotifications": "true",
      "servers": "[\"0115deec-b583-4335-92f2-8269f0bfd493\",\"cf5780a0-4c72-45db-92c4-c7ce517f86e9\"]",
      "serverInUsed": "0115deec-b583-4335-92f2-8269f0bfd493",
      "activeServerAddress": "1.1.1.1"
    }
  ],
  "first": true,
  "last": true,
  "size": 50,
  "totalElements": 1,
  "totalPages": 1,
  "number": 0,
  "numberOfElements": 1
}"#;

pub const L2636: &str = r#"{
  "id": "0115deec-b583-4335-92f2-8269f0bfd493",
  "name": "DNS Group 1",
  "status": "Available",
  "domainSuffixes": "[\"dns-group.com\",\"other-group.com\"]",
  "sendNotifications": "true",
  "servers": "[\"0115deec-b583-4335-92f2-8269f0bfd493\",\"cf5780a0-4c72-45db-92c4-c7ce517f86e9\"]",
  "serverInUsed": "0115deec-b583-4335-92f2-8269f0bfd493",
  "activeServerAddress": "1.1.1.1"
}"#;

pub const L2663: &str = r#"{
  "name": "group1",
  "domainSuffixes": [
    "[\"dns-group.com\",\"example.com\"]"
  ],
  "sendNotifications": "true"
}"#;

pub const L2668: &str = r#"{
  "id": "0115deec-b583-4335-92f2-8269f0bfd493",
  "name": "DNS Group 1",
  "status": "Available",
  "domainSuffixes": "[\"dns-group.com\",\"other-group.com\"]",
  "sendNotifications": "true",
  "servers": "[\"0115deec-b583-4335-92f2-8269f0bfd493\",\"cf5780a0-4c72-45db-92c4-c7ce517f86e9\"]",
  "serverInUsed": "0115deec-b583-4335-92f2-8269f0bfd493",
  "activeServerAddress": "1.1.1.1"
}"#;

pub const L2685: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L2711: &str = r#"{
  "name": "server1",
  "internalAddress": "1.1.1.1",
  "siteId": "8577c221-7f35-4019-b8d7-31d936bda96b",
  "groupId": "gg5ef47d-3e9c-418b-abfc-a1f702fa0c60"
}"#;

pub const L2716: &str = r#"{
  "id": "8577c221-7f35-4019-b8d7-31d936bda96b",
  "groupId": "9977c221-7f35-4019-b8d7-31d936bda95f",
  "siteId": "3377c221-7f35-4019-b8d7-31d936bda98d",
  "name": "server1",
  "internalAddress": "1.1.1.1",
  "healthStatus": "Available",
  "createdAt": "2024-04-12T23:20:50.52Z",
  "updatedAt": "2024-04-12T23:20:50.52Z"
}"#;

pub const L2741: &str = r#"[
  {
    "id": "8577c221-7f35-4019-b8d7-31d936bda96b",
    "groupId": "9977c221-7f35-4019-b8d7-31d936bda95f",
    "siteId": "3377c221-7f35-4019-b8d7-31d936bda98d",
    "name": "server1",
    "internalAddress": "1.1.1.1",
    "healthStatus": "Available",
    "createdAt": "2024-04-12T23:20:50.52Z",
    "updatedAt": "2024-04-12T23:20:50.52Z"
  }
]"#;

pub const L2770: &str = r#"{
  "id": "8577c221-7f35-4019-b8d7-31d936bda96b",
  "groupId": "9977c221-7f35-4019-b8d7-31d936bda95f",
  "siteId": "3377c221-7f35-4019-b8d7-31d936bda98d",
  "name": "server1",
  "internalAddress": "1.1.1.1",
  "healthStatus": "Available",
  "createdAt": "2024-04-12T23:20:50.52Z",
  "updatedAt": "2024-04-12T23:20:50.52Z"
}"#;

pub const L2800: &str = r#"{
  "name": "server1",
  "internalAddress": "1.1.1.1",
  "siteId": "8577c221-7f35-4019-b8d7-31d936bda96b",
  "groupId": "gg5ef47d-3e9c-418b-abfc-a1f702fa0c60"
}"#;

pub const L2805: &str = r#"{
  "id": "8577c221-7f35-4019-b8d7-31d936bda96b",
  "groupId": "9977c221-7f35-4019-b8d7-31d936bda95f",
  "siteId": "3377c221-7f35-4019-b8d7-31d936bda98d",
  "name": "server1",
  "internalAddress": "1.1.1.1",
  "healthStatus": "Available",
  "createdAt": "2024-04-12T23:20:50.52Z",
  "updatedAt": "2024-04-12T23:20:50.52Z"
}"#;

pub const L2823: &str = r#"{
  "DnsServerIds": [
    "6fd0a892-8b70-471a-9dd7-bf374b07451f"
  ]
}"#;

pub const L2827: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L2842: &str = r#"{
  "DnsServerIds": [
    "6fd0a892-8b70-471a-9dd7-bf374b07451f"
  ]
}"#;

pub const L2846: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L2861: &str = r#"{
  "enable": "true",
  "groupIds": [
    "[\"99116c18-d842-4d2e-82b7-a493cc86e649\"]"
  ]
}"#;

pub const L2866: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L2895: &str = r#"[
  {
    "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
    "name": "Okta ACME",
    "provider": "local",
    "is_authenticator": true,
    "is_user_store": true,
    "authenticator_id": null,
    "created_at": "2025-07-28T13:34:25Z",
    "updated_at": "2025-07-28T13:34:25Z",
    "auth0_connection_id": "con_RWvVa2P2YCCDzZt1",
    "upn_override_value_data_mapping": null
  }
]"#;

pub const L2934: &str = r#"{
  "content": [
    {
      "username": "john.doe@acme.luminatesec.com",
      "notification_email": "john.doe@gmail.com",
      "upn": "john.doe@acme.com",
      "first_name": "John",
      "last_name": "Doe",
      "email": "john.doe@acme.com",
      "created_at": "2025-07-28T13:34:25Z",
      "updated_at": "2025-07-28T13:34:25Z",
      "last_login": "2025-07-28T13:34:25Z",
      "logins_count": 1235,
      "repository_type": "local",
      "is_admin": false,
      "is_deleted": false,
      "blocked": false,
      "hasMfaSecret": false,
      "id": "978f38e3-ec9f-4779-829d-19f1f443dec8",
      "identity_provider_id": "local"
    }
  ],
  "first": true,
  "last": true,
  "size": 50,
  "totalElements": 1,
  "perPage": 1,
  "nextPage": 1
}"#;

pub const L2991: &str = r#"{
  "username": "john.doe@acme.luminatesec.com",
  "notification_email": "john.doe@gmail.com",
  "upn": "john.doe@acme.com",
  "first_name": "John",
  "last_name": "Doe",
  "email": "john.doe@acme.com",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "last_login": "2025-07-28T13:34:25Z",
  "logins_count": 1235,
  "repository_type": "local",
  "is_admin": false,
  "is_deleted": false,
  "blocked": false,
  "hasMfaSecret": false,
  "id": "978f38e3-ec9f-4779-829d-19f1f443dec8",
  "identity_provider_id": "local"
}"#;

pub const L3021: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3062: &str = r#"{
  "username": "john.doe@acme.luminatesec.com",
  "notification_email": "john.doe@gmail.com",
  "upn": "john.doe@acme.com",
  "first_name": "John",
  "last_name": "Doe",
  "email": "john.doe@acme.com",
  "repository_type": "local",
  "identity_provider_id": "local"
}"#;

pub const L3071: &str = r#"{
  "username": "john.doe@acme.luminatesec.com",
  "notification_email": "john.doe@gmail.com",
  "upn": "john.doe@acme.com",
  "first_name": "John",
  "last_name": "Doe",
  "email": "john.doe@acme.com",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "last_login": "2025-07-28T13:34:25Z",
  "logins_count": 1235,
  "repository_type": "local",
  "is_admin": false,
  "is_deleted": false,
  "blocked": false,
  "hasMfaSecret": false,
  "id": "978f38e3-ec9f-4779-829d-19f1f443dec8",
  "identity_provider_id": "local"
}"#;

pub const L3125: &str = r#"{
  "username": "john.doe@acme.luminatesec.com",
  "notification_email": "john.doe@gmail.com",
  "upn": "john.doe@acme.com",
  "first_name": "John",
  "last_name": "Doe",
  "email": "john.doe@acme.com",
  "repository_type": "local",
  "identity_provider_id": "local"
}"#;

pub const L3134: &str = r#"{
  "username": "john.doe@acme.luminatesec.com",
  "notification_email": "john.doe@gmail.com",
  "upn": "john.doe@acme.com",
  "first_name": "John",
  "last_name": "Doe",
  "email": "john.doe@acme.com",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "last_login": "2025-07-28T13:34:25Z",
  "logins_count": 1235,
  "repository_type": "local",
  "is_admin": false,
  "is_deleted": false,
  "blocked": false,
  "hasMfaSecret": false,
  "id": "978f38e3-ec9f-4779-829d-19f1f443dec8",
  "identity_provider_id": "local"
}"#;

pub const L3162: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3179: &str = r#"[
  {
    "identity_provider_id": "local",
    "user_id": "4fd0a357-8b70-345a-9dd7-bf359b07451f",
    "created_at": "2025-07-28T13:34:25Z"
  }
]"#;

pub const L3197: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3215: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3240: &str = r#"{
  "id": "d8028639-a76a-4614-965a-7e3d4832d94b",
  "name": "Administrators",
  "repository_type": "local",
  "identity_provider_id": "local",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z"
}"#;

pub const L3259: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3289: &str = r#"{
  "content": [
    {
      "id": "d8028639-a76a-4614-965a-7e3d4832d94b",
      "name": "Administrators",
      "repository_type": "local",
      "identity_provider_id": "local",
      "created_at": "2025-07-28T13:34:25Z",
      "updated_at": "2025-07-28T13:34:25Z"
    }
  ],
  "first": true,
  "last": true,
  "size": 50,
  "totalElements": 1,
  "perPage": 1,
  "nextPage": 1
}"#;

pub const L3322: &str = r#"{
  "name": "Administrators"
}"#;

pub const L3324: &str = r#"{
  "id": "d8028639-a76a-4614-965a-7e3d4832d94b",
  "name": "Administrators",
  "repository_type": "local",
  "identity_provider_id": "local",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z"
}"#;

pub const L3352: &str = r#"{
  "content": [
    {
      "username": "john.doe@acme.luminatesec.com",
      "notification_email": "john.doe@gmail.com",
      "upn": "john.doe@acme.com",
      "first_name": "John",
      "last_name": "Doe",
      "email": "john.doe@acme.com",
      "created_at": "2025-07-28T13:34:25Z",
      "updated_at": "2025-07-28T13:34:25Z",
      "last_login": "2025-07-28T13:34:25Z",
      "logins_count": 1235,
      "repository_type": "local",
      "is_admin": false,
      "is_deleted": false,
      "blocked": false,
      "hasMfaSecret": false,
      "id": "978f38e3-ec9f-4779-829d-19f1f443dec8",
      "identity_provider_id": "local"
    }
  ],
  "first": true,
  "last": true,
  "size": 50,
  "totalElements": 1,
  "perPage": 1,
  "nextPage": 1
}"#;

pub const L3390: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3407: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L3434: &str = r#"{
  "content": [
    {
      "id": "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59",
      "name": "mysshclient",
      "description": "This ssh client is used to access our production server",
      "key_size": 2048,
      "created_on": "2021-10-02T15:40:01.318Z",
      "modified_on": "2021-10-02T15:40:01.318Z",
      "last_accessed": "2021-10-02T15:40:01.318Z",
      "expires": "2022-04-02T15:40:01.318Z"
    }
  ],
  "first": true,
  "last": true,
  "size": 50,
  "totalElements": 1,
  "totalPages": 1,
  "number": 0,
  "numberOfElements": 1
}"#;

pub const L3480: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User"
  ],
  "name": {
    "givenName": "string",
    "familyName": "string"
  },
  "emails": [
    {
      "value": "string",
      "primary": true
    }
  ],
  "userName": "user3",
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "targetWorkstations": [
    "string"
  ]
}"#;

pub const L3497: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User"
  ],
  "name": {
    "givenName": "string",
    "familyName": "string"
  },
  "emails": [
    {
      "value": "string",
      "primary": true
    }
  ],
  "userName": "user3",
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "targetWorkstations": [
    "string"
  ]
}"#;

pub const L3527: &str = r#"{
  "content": [
    {
      "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:User"
      ],
      "name": {
        "givenName": "string",
        "familyName": "string"
      },
      "emails": [
        {
          "value": "string",
          "primary": true
        }
      ],
      "userName": "user3",
      "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
      "displayName": "string",
      "targetWorkstations": [
        "string"
      ]
    }
  ],
  "itemsPerPage": 1,
  "schemas": [
    "urn:ietf:params:scim:api:messages:2.0:ListResponse"
  ],
  "startIndex": 1,
  "totalResults": 1
}"#;

pub const L3570: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User"
  ],
  "name": {
    "givenName": "string",
    "familyName": "string"
  },
  "emails": [
    {
      "value": "string",
      "primary": true
    }
  ],
  "userName": "user3",
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "targetWorkstations": [
    "string"
  ]
}"#;

pub const L3596: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1551881524069,
  "status": 401,
  "reasonPhrase": "Unauthorized",
  "message": "You are not authorized to perform this operation.",
  "errors": [
    "Invalid session"
  ]
}"#;

pub const L3629: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User"
  ],
  "name": {
    "givenName": "string",
    "familyName": "string"
  },
  "emails": [
    {
      "value": "string",
      "primary": true
    }
  ],
  "userName": "user3",
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "targetWorkstations": [
    "string"
  ]
}"#;

pub const L3646: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:User"
  ],
  "name": {
    "givenName": "string",
    "familyName": "string"
  },
  "emails": [
    {
      "value": "string",
      "primary": true
    }
  ],
  "userName": "user3",
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "targetWorkstations": [
    "string"
  ]
}"#;

pub const L3682: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3693: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3717: &str = r#"{
  "content": [
    {
      "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "schemas": [
        "urn:ietf:params:scim:schemas:core:2.0:Group"
      ],
      "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
      "displayName": "string",
      "members": [
        {
          "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
          "type": "User"
        }
      ]
    }
  ],
  "itemsPerPage": 1,
  "schemas": [
    "urn:ietf:params:scim:api:messages:2.0:ListResponse"
  ],
  "startIndex": 1,
  "totalResults": 1
}"#;

pub const L3751: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3782: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3793: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3813: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1551881524069,
  "status": 401,
  "reasonPhrase": "Unauthorized",
  "message": "You are not authorized to perform this operation.",
  "errors": [
    "Invalid session"
  ]
}"#;

pub const L3838: &str = r#"{
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:PatchOp"
  ],
  "Operations": [
    {
      "op": "add",
      "path": "members",
      "value": [
        {
          "value": "99116c18-d842-4d2e-82b7-a493cc86e649",
          "type": "User"
        }
      ]
    }
  ]
}"#;

pub const L3853: &str = r#"{
  "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
  "schemas": [
    "urn:ietf:params:scim:schemas:core:2.0:Group"
  ],
  "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
  "displayName": "string",
  "members": [
    {
      "value": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
      "type": "User"
    }
  ]
}"#;

pub const L3886: &str = r#"[
  {
    "name": "AWS EU Integration",
    "provider": "amazon",
    "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
    "created_at": "2025-07-28T13:34:25Z",
    "updated_at": "2025-07-28T13:34:25Z",
    "aws_external_id": "aaabbbcccc",
    "aws_role_arn": "arn:xxx:yyy:zzz",
    "regions": [
      "string"
    ],
    "hostname_tag_name": "Name",
    "health": {
      "status": "Ready",
      "message": "string",
      "error": {
        "message": "string",
        "region": "string",
        "provider_err_code": "string",
        "provider_description": "string"
      }
    },
    "luminate_aws_account_id": 12312312
  }
]"#;

pub const L3932: &str = r#"{
  "name": "AWS EU Integration",
  "provider": "amazon",
  "regions": [
    "string"
  ],
  "hostname_tag_name": "Name"
}"#;

pub const L3938: &str = r#"{
  "name": "AWS EU Integration",
  "provider": "amazon",
  "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "aws_external_id": "aaabbbcccc",
  "aws_role_arn": "arn:xxx:yyy:zzz",
  "regions": [
    "string"
  ],
  "hostname_tag_name": "Name",
  "health": {
    "status": "Ready",
    "message": "string",
    "error": {
      "message": "string",
      "region": "string",
      "provider_err_code": "string",
      "provider_description": "string"
    }
  },
  "luminate_aws_account_id": 12312312
}"#;

pub const L3980: &str = r#"{
  "name": "AWS EU Integration",
  "provider": "amazon",
  "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "aws_external_id": "aaabbbcccc",
  "aws_role_arn": "arn:xxx:yyy:zzz",
  "regions": [
    "string"
  ],
  "hostname_tag_name": "Name",
  "health": {
    "status": "Ready",
    "message": "string",
    "error": {
      "message": "string",
      "region": "string",
      "provider_err_code": "string",
      "provider_description": "string"
    }
  },
  "luminate_aws_account_id": 12312312
}"#;

pub const L4027: &str = r#"{
  "name": "AWS EU Integration",
  "provider": "amazon",
  "aws_role_arn": "arn:xxx:yyy:zzz",
  "regions": [
    "string"
  ],
  "hostname_tag_name": "Name"
}"#;

pub const L4034: &str = r#"{
  "name": "AWS EU Integration",
  "provider": "amazon",
  "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
  "created_at": "2025-07-28T13:34:25Z",
  "updated_at": "2025-07-28T13:34:25Z",
  "aws_external_id": "aaabbbcccc",
  "aws_role_arn": "arn:xxx:yyy:zzz",
  "regions": [
    "string"
  ],
  "hostname_tag_name": "Name",
  "health": {
    "status": "Ready",
    "message": "string",
    "error": {
      "message": "string",
      "region": "string",
      "provider_err_code": "string",
      "provider_description": "string"
    }
  },
  "luminate_aws_account_id": 12312312
}"#;

pub const L4064: &str = r#"{
  "request-identifier": "c1f30631-de5d-4d5a-bba1-03571bdaf306",
  "timestamp": 1548259503065,
  "status": 400,
  "reasonPhrase": "Bad Request",
  "message": "Invalid request parameters: Invalid ID format - failed to process request"
}"#;

pub const L4083: &str = r#"{
  "size": 500,
  "query": {
    "free_text": "John Doe",
    "from_date": 1553502809000,
    "to_date": 1553675609000,
    "match_or_fields": [
      {
        "field_name": "clientip",
        "field_values": [
          "213.12.11.10",
          "0.0.1.10"
        ]
      }
    ]
  },
  "search_after": [
    1553589827407,
    "luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"
  ]
}"#;

pub const L4102: &str = r#"{
  "Hits": 1,
  "Logs": [
    {
      "Id": "6aebc61f-7e2f-46b3-805f-d206de8899c0",
      "Data": {
        "@timestamp": "2021-01-01T12:35:03.724Z",
        "additionalInfo": {},
        "eventStatus": "SUCCEEDED",
        "eventType": "LOGIN",
        "geoip": {
          "city_name": "Jerusalem",
          "country": "Israel",
          "country_code": "IL",
          "latitude": 31.5,
          "longitude": 34.75,
          "location": {
            "lon": 34.75,
            "lat": 31.5
          }
        },
        "id": "6aebc61f-7e2f-46b3-805f-d206de8899c0",
        "message": "{\\\"id\\\":\\\"6aebc61f-7e2f-46b3-805f-d206de8899c0\\\",\\\"date\\\":\\\"2019-02-13T12:35:03.724386395Z\\\",\\\"tenantId\\\":\\\"12f3e95861234567a123a7c582a0a51f_acme\\\",\\\"user\\\":\\\"user@acme.com\\\",\\\"sourceHost\\\":\\\"10.10.10.50\\\",\\\"targetService\\\":\\\"AUTH_SERVICE\\\",\\\"eventType\\\":\\\"LOGIN\\\",\\\"resourceType\\\":\\\"Authentication\\\",\\\"resourceName\\\":\\\"user@acme.com\\\",\\\"resourceId\\\":\\\"auth0|5ac324095d12345678931c97\\\",\\\"eventStatus\\\":\\\"SUCCEEDED\\\",\\\"sourceAgent\\\":\\\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36\\\"}\n",
        "resourceId": "auth0|9daa694c-d8d0-47cb-8e94-e84694153d1d",
        "resourceName": "user@acme.com",
        "resourceType": "Authentication",
        "role": "",
        "sourceAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_3) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36",
        "sourceHost": "10.10.10.50",
        "tenant_id": "12f3e95861234567a123a7c582a0a51f_acme",
        "entity_id": "494b5b76-4418-4a89-858e-774463c95b78",
        "entity_idp_id": "local",
        "entity_type": "User",
        "entity_name": "first last",
        "client_ip": "192.192.250.250",
        "client_port": "8080",
        "previous_revision": "\"{\"name\" :\"username\"}\"",
        "current_revision": "\"{\"name\" :\"updated_username\"}\"",
        "user": "user@acme.com",
        "user_agent_full": {
          "browser": "Chrome",
          "browser_major_version": 83,
          "browser_type": "Browser",
          "device_type": "Desktop",
          "platform": "Linux",
          "platform_version": "Intel x86_64",
          "raw_user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Safari/537.36"
        }
      },
      "SearchAfterValues": [
        1553589827407,
        "luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"
      ]
    }
  ]
}"#;

pub const L4169: &str = r#"{
  "size": 500,
  "query": {
    "free_text": "John Doe",
    "from_date": 1553502809000,
    "to_date": 1553675609000,
    "match_or_fields": [
      {
        "field_name": "clientip",
        "field_values": [
          "213.12.11.10",
          "0.0.1.10"
        ]
      }
    ]
  },
  "search_after": [
    1553589827407,
    "luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"
  ]
}"#;

pub const L4188: &str = r#"{
  "Hits": 1,
  "Logs": [
    {
      "Id": "6aebc61f-7e2f-46b3-805f-d206de8899c0",
      "Data": {
        "@timestamp": "2019-02-13T12:35:03.724Z",
        "action_result": "SUCCESS",
        "activity_type": "URI Access",
        "app_external_address": "app.acme.luminatesec.com",
        "app_id": "abcdefgh-5b31-41d7-b4a3-1d53faff6bad",
        "app_name": "app",
        "app_type": "HTTP",
        "authentication_method": "PUBLIC_KEY\n",
        "bytes_sent": 687,
        "client": "SSH-2.0-SSHJ_0.22.0",
        "client_ip": "10.10.10.50",
        "client_port": 51262,
        "client_type": "BROWSER",
        "compliance_state": "NOT_COMPLIANT",
        "description": "Accessing Web application app",
        "device_validation_action_type": "CLIENT_CERTIFICATE\n",
        "entity_id": "auth0|a1b2c3d4e5f6g7h8i9j0klmn",
        "entity_name": "user@acme.com",
        "entity_type": "User",
        "entity_idp_id": "local",
        "error_type": "",
        "event_type": "ACCESS\n",
        "geoip": {
          "city_name": "Jerusalem",
          "country": "Israel",
          "country_code": "IL",
          "latitude": 31.5,
          "longitude": 34.75,
          "location": {
            "lon": 34.75,
            "lat": 31.5
          }
        },
        "global_request_id": "abcdefgh-5b31-41d7-b4a3-1d53faff6bad",
        "hashed_session_id": "abcdefg1d883af497cf57a44d4950a32",
        "http_command": "GET",
        "http_version": "HTTP/1.1",
        "key_action_type": "CREATE\n",
        "key_event_target_user_name": "user@luminatesec.com\n",
        "log_id": "abcdefgh-5b31-41d7-b4a3-1d53faff6bad",
        "log_type": "WEB_ACCESS_LOG\n",
        "mfa_action_type": "GOOGLE\n",
        "policy_id": "abcdefgh-5b31-41d7-b4a3-1d53faff6bad",
        "policy_name": "my-policy",
        "policy_type": "ACCESS",
        "policy_is_static": "NO",
        "response_time": 0.029,
        "ssh_activity_command": "echo -n 'hello world'\n",
        "ssh_client_internal_user": "user",
        "ssh_internal_resource_identifier": "app-ssh.staging.eu-west-1.acmeops.com",
        "ssh_internal_resource_port": 22,
        "status_code": 200,
        "summary": "'user@acme.com' succeeded accessing HTTP application 'app'\n",
        "tcp_internal_resource_identifier": "127.0.0.1\n",
        "tcp_internal_resource_port": "22\n",
        "tenant_id": "12f3e95861234567a123a7c582a0a51f_acme",
        "time_to_first_byte": 0.001,
        "up_stream_response_time": 0.012,
        "uri": "/",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Safari/537.36",
        "user_agent_full": {
          "browser": "Chrome",
          "browser_major_version": 83,
          "browser_type": "Browser",
          "device_type": "Desktop",
          "platform": "Linux",
          "platform_version": "Intel x86_64",
          "raw_user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.106 Safari/537.36"
        },
        "wss_agent_device_id": "29129c76-8940-11c7-beeb-5y347b5667c1f",
        "wss_agent_device_version": "8.1.0",
        "wss_agent_type": "wss-agent",
        "wss_device_name": "EXAMPLE-10",
        "wss_os_info": "architecture=x86_64 name=Windows 10 Pro version=10.0.19043"
      },
      "SearchAfterValues": [
        1553589827407,
        "luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"
      ]
    }
  ]
}"#;

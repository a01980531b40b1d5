//! Every non-2xx answer is a typed error with the request id and the vendor's message.

use super::fake::*;
use crate::{ApiError, TenantClient};
use serde_json::json;
use std::time::Duration;
use ztna_wire::NewSite;

fn vendor_error(status: u16, message: &str) -> Reply {
    Reply::json(
        status,
        json!({
            "request-identifier": "body-rid", "timestamp": 1548259503065_i64,
            "status": status, "reasonPhrase": "x", "message": message
        }),
    )
    .rid(&format!("rid-{status}"))
}

async fn answer_with(status: u16, message: &'static str) -> (ApiError, Fake) {
    let fake = Fake::start(move |_, _| vendor_error(status, message)).await;
    let c = static_client(&fake, |c| c.max_retries = 0);
    let err = c.get_site("s1").await.unwrap_err();
    (err, fake)
}

#[tokio::test]
async fn statuses_map_to_variants_with_request_id_and_message() {
    let rid = |s: u16| Some(format!("rid-{s}"));
    let (e, _) = answer_with(400, "Invalid ID format").await;
    assert_eq!(
        e,
        ApiError::BadRequest {
            message: "Invalid ID format".into(),
            request_id: rid(400)
        }
    );
    let (e, f) = answer_with(401, "no").await;
    assert_eq!(
        e,
        ApiError::Unauthorized {
            request_id: rid(401)
        }
    );
    assert_eq!(f.api_calls().len(), 1, "static token: no refresh, no retry");
    let (e, _) = answer_with(403, "missing role").await;
    assert_eq!(
        e,
        ApiError::Forbidden {
            message: "missing role".into(),
            request_id: rid(403)
        }
    );
    assert!(e.to_string().contains("role or collection scope"));
    let (e, _) = answer_with(404, "no such site").await;
    assert_eq!(
        e,
        ApiError::NotFound {
            request_id: rid(404)
        }
    );
    let (e, _) = answer_with(409, "Site with name 'Edge' already exists").await;
    assert_eq!(
        e,
        ApiError::Conflict {
            message: "Site with name 'Edge' already exists".into(),
            field: Some("name".into()),
            request_id: rid(409)
        }
    );
    let (e, _) = answer_with(500, "boom").await;
    assert_eq!(
        e,
        ApiError::Upstream {
            status: 500,
            message: "boom".into(),
            request_id: rid(500)
        }
    );
    assert_eq!(e.status(), Some(500));
    assert_eq!(e.request_id(), Some("rid-500"));
    let (e, _) = answer_with(429, "slow down").await;
    assert_eq!(
        e,
        ApiError::RateLimited {
            request_id: rid(429)
        }
    );
}

#[tokio::test]
async fn request_id_falls_back_to_the_body_and_both_spellings() {
    let fake = Fake::start(|s, _| {
        if s.path.contains("a") {
            Reply::json(404, json!({"request-identifier": "r-dash"}))
        } else {
            Reply::json(404, json!({"requestIdentifier": "r-camel"}))
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(
        c.get_site("a").await.unwrap_err().request_id(),
        Some("r-dash")
    );
    assert_eq!(
        c.get_site("b").await.unwrap_err().request_id(),
        Some("r-camel")
    );
}

#[tokio::test]
async fn conflict_field_from_the_errors_array() {
    let fake = Fake::start(|_, _| {
        Reply::json(
            409,
            json!({"message": "Conflict", "errors": [{"field": "region", "message": "taken"}]}),
        )
    })
    .await;
    let c = static_client(&fake, |_| {});
    match c.create_site(&NewSite::named("x")).await.unwrap_err() {
        ApiError::Conflict { field, .. } => assert_eq!(field.as_deref(), Some("region")),
        e => panic!("{e:?}"),
    }
}

#[tokio::test]
async fn non_2xx_is_never_decoded_as_success() {
    // A 404 whose body happens to be a valid site, and a redirect.
    let fake = Fake::start(|s, _| {
        if s.path.ends_with("/a") {
            Reply::json(404, site_json("a"))
        } else {
            Reply::raw(302, "")
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert!(matches!(
        c.get_site("a").await,
        Err(ApiError::NotFound { .. })
    ));
    assert!(matches!(
        c.get_site("b").await,
        Err(ApiError::Upstream { status: 302, .. })
    ));
}

#[tokio::test]
async fn bad_2xx_body_is_a_decode_error_without_its_values() {
    let fake = Fake::start(|_, _| {
        Reply::ok(json!({"id": "s", "name": "n", "connectors": "s3cret-value"})).rid("r-9")
    })
    .await;
    let c = static_client(&fake, |_| {});
    match c.get_site("s").await.unwrap_err() {
        ApiError::Decode { detail, request_id } => {
            assert_eq!(request_id.as_deref(), Some("r-9"));
            assert!(!detail.contains("s3cret-value"), "{detail}");
        }
        e => panic!("{e:?}"),
    }
}

#[tokio::test]
async fn empty_ids_are_refused_before_any_request() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    let refused = |r: Result<(), ApiError>| assert!(matches!(r, Err(ApiError::InvalidId { .. })));
    refused(c.get_site("").await.map(drop));
    refused(c.get_site("  ").await.map(drop));
    refused(c.get_site("..").await.map(drop));
    refused(c.update_site("", &NewSite::named("n")).await.map(drop));
    refused(c.delete_site("").await);
    refused(c.site_status("").await.map(drop));
    refused(c.get_region("").await.map(drop));
    refused(c.list_registration_keys("").await.map(drop));
    refused(c.rotate_registration_key("", false).await.map(drop));
    refused(c.clean_registration_keys("").await);
    refused(c.get_connector("").await.map(drop));
    refused(
        c.create_connector(
            "",
            &ztna_wire::NewConnector::new("c", ztna_wire::DeploymentType::Linux),
        )
        .await
        .map(drop),
    );
    refused(c.delete_connector("").await);
    refused(c.connector_command("").await.map(drop));
    refused(c.connector_environment("").await.map(drop));
    assert!(fake.seen().is_empty());
    assert_eq!(
        c.get_site("").await.unwrap_err(),
        ApiError::InvalidId { what: "site id" }
    );
}

#[tokio::test]
async fn transport_errors_carry_no_secret() {
    // A port with nothing listening.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let origin = crate::ApiOrigin::parse(&format!("http://{addr}")).unwrap();
    let mut cfg = crate::ClientConfig::new(origin, static_creds());
    cfg.max_retries = 0;
    let c = TenantClient::new(cfg).unwrap();
    match c.get_site("s").await.unwrap_err() {
        ApiError::Transport { detail } => {
            assert!(!detail.contains("static-tok"), "{detail}");
            assert!(!detail.contains("/v2/sites"), "{detail}");
        }
        e => panic!("{e:?}"),
    }
}

#[tokio::test]
async fn slow_answers_time_out() {
    let fake = Fake::start(|_, _| Reply::ok(site_json("s")).after(Duration::from_secs(3))).await;
    let c = static_client(&fake, |c| {
        c.request_timeout = Duration::from_millis(200);
        c.max_retries = 0;
    });
    assert_eq!(c.get_site("s").await.unwrap_err(), ApiError::Timeout);
}

#[test]
fn new_needs_a_runtime_and_sane_settings() {
    use crate::{ApiOrigin, ClientConfig, ClientError, Credentials, Secret};
    let origin = ApiOrigin::parse("http://127.0.0.1:1").unwrap();
    let cfg = ClientConfig::new(origin, static_creds());
    assert_eq!(cfg.rate_per_second, 5);
    assert_eq!(cfg.cache_ttl, Duration::from_secs(5));
    assert_eq!(cfg.max_queue, 256);
    assert_eq!(cfg.request_timeout, Duration::from_secs(15));
    assert_eq!(cfg.max_retries, 3);
    assert!(matches!(
        TenantClient::new(cfg.clone()),
        Err(ClientError::NoRuntime)
    ));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let invalid = |c: ClientConfig| match TenantClient::new(c) {
            Err(ClientError::InvalidConfig { key, .. }) => key,
            other => panic!("{other:?}"),
        };
        let mut c = cfg.clone();
        c.rate_per_second = 0;
        assert_eq!(invalid(c), "rate_per_second");
        let mut c = cfg.clone();
        c.max_queue = 0;
        assert_eq!(invalid(c), "max_queue");
        let mut c = cfg.clone();
        c.credentials = Credentials::StaticToken(Secret::new(" "));
        assert_eq!(invalid(c), "token");
        let mut c = cfg.clone();
        c.credentials = Credentials::ClientCredentials {
            client_id: "id".into(),
            client_secret: Secret::new(""),
        };
        assert_eq!(invalid(c), "client_secret");
        TenantClient::new(cfg).unwrap();
    });
}

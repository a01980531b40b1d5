//! Replays every example of the reference's applications, policies, collections and role
//! bindings sections (lines 778-2550) against the demo tenant with the reference's example
//! objects: method, path and query as in the example (host dropped), the example request
//! body, the documented status, and a body with the documented keys (the example's keys must
//! all be in the answer, recursively for objects, arrays by their first element).
//!
//! The examples are grouped into scenarios, each on a fresh tenant, in an order where each
//! works as written (an example that creates "TestApplication" runs after the one deleting
//! it). Examples whose documented answer is the error body (the deletes, the by-app-id calls
//! with `policyIds: ["string"]`) are replayed for both outcomes where the example allows.

use axum::http::{Method, StatusCode};
use serde_json::Value;

use crate::access_common::examples;
use crate::common::{send, Api};
use crate::reference_examples as ex;

const APP: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const POLICY: &str = "6fd0a531-6b70-471a-9dd7-bf374b07814f";

struct Step {
    method: Method,
    path: String,
    body: Option<&'static str>,
    status: u16,
    response: Option<&'static str>,
    /// Keys of the example left out of the comparison, with the reason in the table.
    ignore: &'static [&'static str],
    /// The example's list may come back empty (its filters name nothing in the demo tenant).
    empty_ok: bool,
    /// The example shows one element of the list the operation returns.
    one_of_list: bool,
}

fn step(
    method: Method,
    path: impl Into<String>,
    body: Option<&'static str>,
    status: u16,
    response: Option<&'static str>,
) -> Step {
    Step {
        method,
        path: path.into(),
        body,
        status,
        response,
        ignore: &[],
        empty_ok: false,
        one_of_list: false,
    }
}

fn get(path: impl Into<String>, response: &'static str) -> Step {
    step(Method::GET, path, None, 200, Some(response))
}

/// Example keys missing from `actual`, as paths.
fn missing_keys(
    expected: &Value,
    actual: &Value,
    at: &str,
    ignore: &[&str],
    out: &mut Vec<String>,
) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                if ignore.contains(&key.as_str()) {
                    continue;
                }
                match a.get(key) {
                    None => out.push(format!("{at}.{key}")),
                    Some(av) => missing_keys(ev, av, &format!("{at}.{key}"), ignore, out),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if let (Some(e0), Some(a0)) = (e.first(), a.first()) {
                missing_keys(e0, a0, &format!("{at}[0]"), ignore, out);
            }
        }
        _ => {}
    }
}

/// The list part of an answer: the top-level array, or a page's `content`.
fn listed(v: &Value) -> Option<&Vec<Value>> {
    v.as_array()
        .or_else(|| v.get("content").and_then(Value::as_array))
}

async fn run(name: &str, steps: Vec<Step>) {
    let api: Api = examples().await;
    for (i, s) in steps.into_iter().enumerate() {
        let body = s.body.map(|b| serde_json::from_str::<Value>(b).unwrap());
        let r = send(
            &api.router,
            s.method.clone(),
            &s.path,
            Some(&api.bearer),
            body,
        )
        .await;
        let label = format!("{name} step {i}: {} {}", s.method, s.path);
        assert_eq!(
            r.status,
            StatusCode::from_u16(s.status).unwrap(),
            "{label}: {}",
            r.body
        );
        if s.status >= 400 {
            r.assert_error(s.status);
        }
        let Some(expected) = s.response else {
            continue;
        };
        let mut expected: Value = serde_json::from_str(expected).unwrap();
        if s.one_of_list {
            expected = Value::Array(vec![expected]);
        }
        assert_eq!(
            expected.is_array(),
            r.body.is_array(),
            "{label}: expected {} got {}",
            if expected.is_array() {
                "an array"
            } else {
                "an object"
            },
            r.body
        );
        if let (Some(e), Some(a)) = (listed(&expected), listed(&r.body)) {
            if !e.is_empty() && !s.empty_ok {
                assert!(
                    !a.is_empty(),
                    "{label}: the example lists items, the answer none"
                );
            }
        }
        let mut missing = Vec::new();
        missing_keys(&expected, &r.body, "$", s.ignore, &mut missing);
        assert!(
            missing.is_empty(),
            "{label}: missing {missing:?} in {}",
            r.body
        );
    }
}

#[tokio::test]
async fn applications_examples() {
    let list = "/v2/applications?sort=name,desc&size=10&page=0&filter=test&type=HTTP&siteId=5fa7bfe9e312345bce28f0a2ad9698b8";
    run(
        "applications",
        vec![
            // Its site id names no site of the demo tenant: an empty page...
            Step {
                empty_ok: true,
                ..get(list, ex::APP_LIST_RESP)
            },
            // ...and the same query on the example's site (DataCenterEurope) lists TestApplication.
            get(
                list.replace("5fa7bfe9e312345bce28f0a2ad9698b8", APP),
                ex::APP_LIST_RESP,
            ),
            get(format!("/v2/applications/{APP}"), ex::APP_GET_RESP),
            get(
                format!("/v2/applications/{APP}/status"),
                ex::APP_STATUS_RESP,
            ),
            // The update example turns the HTTP application into an SSH one while its answer
            // shows an HTTP application: its HTTP-only marker is not expected.
            Step {
                ignore: &["ApplicationHTTP"],
                ..step(
                    Method::PUT,
                    format!("/v2/applications/{APP}"),
                    Some(ex::APP_UPDATE_REQ),
                    200,
                    Some(ex::APP_UPDATE_RESP),
                )
            },
            // Bind (no body, answer null) to the example's site-id (TestSite).
            step(
                Method::PUT,
                format!("/v2/applications/{APP}/site-binding/3c536623-4763-4f67-a45a-e88f3d08cdd5"),
                None,
                200,
                None,
            ),
            step(
                Method::PUT,
                "/v2/applications/bad-id/site-binding/3c536623-4763-4f67-a45a-e88f3d08cdd5",
                None,
                400,
                Some(ex::ERROR_BODY),
            ),
            step(
                Method::DELETE,
                format!("/v2/applications/{APP}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                "/v2/applications/bad-id",
                None,
                400,
                Some(ex::ERROR_BODY),
            ),
            // Same as the update: the SSH request is answered with an HTTP example.
            Step {
                ignore: &["ApplicationHTTP"],
                ..step(
                    Method::POST,
                    "/v2/applications",
                    Some(ex::APP_CREATE_REQ),
                    201,
                    Some(ex::APP_CREATE_RESP),
                )
            },
        ],
    )
    .await;
}

#[tokio::test]
async fn policies_examples() {
    let by_app = format!("/v2/policies/by-app-id/{APP}");
    run(
        "policies",
        vec![
            get(
                "/v2/policies?sort=name,desc&size=10&page=0&filter=test",
                ex::POLICY_LIST_RESP,
            ),
            get(format!("/v2/policies/{POLICY}"), ex::POLICY_GET_RESP),
            // "Returns all supported conditions": a list, whose first element the example shows.
            Step {
                one_of_list: true,
                ..get(
                    "/v2/policies/config/condition-definitions",
                    ex::CONDITION_DEFS_RESP,
                )
            },
            get("/v2/policies/config/action-types", ex::ACTION_TYPES_RESP),
            get(
                "/v2/policies/config/validator-types",
                ex::VALIDATOR_TYPES_RESP,
            ),
            get(by_app.clone(), ex::POLICIES_BY_APP_RESP),
            // Documented with the error body: "string" is not a policy id.
            step(
                Method::PUT,
                by_app.clone(),
                Some(ex::POLICIES_BY_APP_REQ),
                400,
                Some(ex::ERROR_BODY),
            ),
            step(
                Method::POST,
                by_app.clone(),
                Some(ex::POLICIES_BY_APP_REQ),
                400,
                Some(ex::ERROR_BODY),
            ),
            step(
                Method::DELETE,
                by_app,
                Some(ex::POLICIES_BY_APP_REQ),
                400,
                Some(ex::ERROR_BODY),
            ),
            // The body's id (1e1513c8-…) is not the path's: the path wins.
            step(
                Method::PUT,
                format!("/v2/policies/{POLICY}"),
                Some(ex::POLICY_UPDATE_REQ),
                200,
                Some(ex::POLICY_UPDATE_RESP),
            ),
            step(
                Method::DELETE,
                format!("/v2/policies/{POLICY}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                "/v2/policies/bad-id",
                None,
                400,
                Some(ex::ERROR_BODY),
            ),
            step(
                Method::POST,
                "/v2/policies",
                Some(ex::POLICY_CREATE_REQ),
                201,
                Some(ex::POLICY_CREATE_RESP),
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn collections_examples() {
    run(
        "collections",
        vec![
            step(Method::POST, "/v2/collection/site-links", Some(ex::SITE_LINKS_REQ), 200, Some(ex::SITE_LINKS_RESP)),
            get(format!("/v2/collection/site-links/{APP}"), ex::SITE_LINKS_GET_RESP),
            get(
                format!("/v2/collection?sort=name,desc&size=10&page=0&name=test&application-id={APP}&site-id=3c536623-4763-4f67-a45a-e88f3d08cdd5&policy-id={POLICY}"),
                ex::COLLECTION_LIST_RESP,
            ),
            get(format!("/v2/collection/{APP}"), ex::COLLECTION_GET_RESP),
            get(format!("/v2/collection/site/{APP}"), ex::COLLECTIONS_OF_SITE_RESP),
            step(Method::POST, "/v2/collection", Some(ex::COLLECTION_CREATE_REQ), 201, Some(ex::COLLECTION_CREATE_RESP)),
        ],
    )
    .await;
    // The update renames the example collection to "string", the name the create example
    // takes: on a tenant of its own, followed by the unlink and delete examples (after the
    // example application and policy that live in the collection are gone).
    run(
        "collection changes",
        vec![
            step(
                Method::PUT,
                format!("/v2/collection/{APP}"),
                Some(ex::COLLECTION_UPDATE_REQ),
                200,
                Some(ex::COLLECTION_UPDATE_RESP),
            ),
            step(
                Method::DELETE,
                format!("/v2/applications/{APP}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                format!("/v2/policies/{POLICY}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                format!("/v2/collection/site-links/{APP}/{APP}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                format!("/v2/collection/site-links/{APP}/bad-id"),
                None,
                400,
                Some(ex::ERROR_BODY),
            ),
            step(
                Method::DELETE,
                format!("/v2/collection/{APP}"),
                None,
                204,
                None,
            ),
            step(
                Method::DELETE,
                "/v2/collection/bad-id",
                None,
                400,
                Some(ex::ERROR_BODY),
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn role_bindings_examples() {
    let list = "/v2/collection/role-bindings?sort=name&direction=asc&page=0&size=10&entityIdInIdp=18837193-a81a-400f-b38d-482379e3ab47&entityType=User&entityName=test&subjectId=18837193-a81a-400f-b38d-482379e3ab47&subjectType=undefined&subjectName=siteName&roleType=TenantAdmin";
    run(
        "role bindings",
        vec![
            // Its filters name nobody in the demo tenant...
            Step { empty_ok: true, ..get(list, ex::ROLE_BINDINGS_LIST_RESP) },
            // ...the same call with only its sort, direction, paging and `undefined` lists some.
            get("/v2/collection/role-bindings?sort=name&direction=asc&page=0&size=10&subjectType=undefined", ex::ROLE_BINDINGS_LIST_RESP),
            step(Method::POST, "/v2/collection/tenant-role-bindings", Some(ex::TENANT_RB_REQ), 200, Some(ex::TENANT_RB_RESP)),
            step(Method::POST, "/v2/collection/collection-role-bindings", Some(ex::COLLECTION_RB_REQ), 200, Some(ex::COLLECTION_RB_RESP)),
            step(Method::POST, "/v2/collection/site-role-bindings", Some(ex::SITE_RB_REQ), 200, Some(ex::SITE_RB_RESP)),
            step(Method::POST, "/v2/collection/role-bindings/delete", Some(ex::RB_DELETE_REQ), 200, None),
            step(Method::POST, "/v2/collection/role-bindings/delete", Some(r#"{"roleBindingIds": ["string"]}"#), 400, Some(ex::ERROR_BODY)),
        ],
    )
    .await;
}

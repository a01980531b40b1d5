//! Replays every example of the reference's lines 2551-4270 (DNS resiliency, identities,
//! SSH clients, SCIM, cloud integrations, log search) against the demo tenant: the method
//! and path of the example (host dropped), its query and request body, the documented status
//! and an answer with exactly the documented keys (compared recursively, arrays by their
//! first element; an example's `{}` is free-form).
//!
//! Adaptations, each marked in the table:
//! - `{placeholder}` path segments and ids the reference mixes up (a local user under the
//!   Generic SAML provider, a group id that is a user id) are replaced by the example objects
//!   the emulator seeds under their documented ids; request bodies naming sites get a seeded
//!   site.
//! - Examples whose only answer shown is the generic error body (deletes, block, membership,
//!   server order) are replayed twice: with existing ids (the documented success status, an
//!   empty body) and with malformed ids (the documented 400 body).
//! - The SCIM deletes show a 401 with an extra `errors` array: replayed with a token (204)
//!   and without one (401 with the documented error keys; the emulator's error body has no
//!   `errors`).
//! - List queries keep their parameters, with values that select something in the demo
//!   tenant (numeric page offsets start at 0 in the emulator).
//! - The log searches keep their body except the 2019 dates, moved to the last 29 days.
//! - Creating an object the seed already holds under the example's unique name deletes it
//!   first.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use ztna_emulator::EmulatorConfig;

use crate::common::{config, send, Api};
use crate::replay_b_examples as ex;

const DNS: &str = "/v2/wss-integration-tenant/dns-groups";
const GROUP_1: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
const SERVER_1: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
const SERVER_2: &str = "cf5780a0-4c72-45db-92c4-c7ce517f86e9";
const PATH_GROUP: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const PATH_SERVER: &str = "5gd0a892-8b70-471a-9dd7-bf374b07453g";
const SAML: &str = "a5ea5f01-f73c-427f-b3b6-da66433e7694";
const JOHN: &str = "978f38e3-ec9f-4779-829d-19f1f443dec8";
const BLOCKED: &str = "4fd0a357-8b70-345a-9dd7-bf359b07451f";
const MEMBER: &str = "64b2d04f-157f-48a3-a277-e1b4147c46c4";
const ADMINS: &str = "d8028639-a76a-4614-965a-7e3d4832d94b";
const ENGINEERING: &str = "b7188113-b9c6-4dee-9a3c-3963236f19a8";
const SCIM_USER: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const SCIM_USER_2: &str = "99116c18-d842-4d2e-82b7-a493cc86e649";
const SCIM_GROUP: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const EU: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
const US: &str = "18837193-a81a-400f-b38d-482379e3ab47";
const DAY_MS: i64 = 86_400_000;

/// Where a body's site ids go: a seeded site.
const SITE: &str = "{site}";

struct Step {
    /// Line of the example in the reference.
    line: u32,
    method: Method,
    path: String,
    body: Option<Value>,
    status: u16,
    response: Option<&'static str>,
    /// Requests run first (each must succeed).
    before: Vec<(Method, String)>,
    auth: bool,
    /// Keys of the example the emulator does not send, with the reason in the table.
    ignore: &'static [&'static str],
}

fn step(line: u32, method: Method, path: impl Into<String>, status: u16) -> Step {
    Step {
        line,
        method,
        path: path.into(),
        body: None,
        status,
        response: None,
        before: Vec::new(),
        auth: true,
        ignore: &[],
    }
}

impl Step {
    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    fn answers(mut self, example: &'static str) -> Self {
        self.response = Some(example);
        self
    }

    fn after(mut self, method: Method, path: impl Into<String>) -> Self {
        self.before.push((method, path.into()));
        self
    }

    fn without_token(mut self) -> Self {
        self.auth = false;
        self
    }

    fn ignoring(mut self, keys: &'static [&'static str]) -> Self {
        self.ignore = keys;
        self
    }
}

fn example(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

/// The example body with some properties replaced.
fn with(text: &str, changes: &[(&str, Value)]) -> Value {
    let mut v = example(text);
    for (key, value) in changes {
        v[*key] = value.clone();
    }
    v
}

fn steps(now: i64) -> Vec<Step> {
    use Method as M;
    let log_query = |text: &str| {
        let mut v = example(text);
        v["query"]["from_date"] = json!(now - 29 * DAY_MS);
        v["query"]["to_date"] = json!(now);
        v
    };
    vec![
        // ---- DNS resiliency ----
        step(2568, M::POST, DNS, 201).body(example(ex::L2568)).answers(ex::L2573),
        step(2600, M::GET, format!("{DNS}?sort=name,desc&size=10&page=0&filter=test"), 200)
            .answers(ex::L2601),
        // `{dnsGroupId}` → the example group.
        step(2635, M::GET, format!("{DNS}/{GROUP_1}"), 200).answers(ex::L2636),
        step(2663, M::PUT, format!("{DNS}/{GROUP_1}"), 200)
            .body(example(ex::L2663))
            .answers(ex::L2668),
        step(2684, M::DELETE, format!("{DNS}/{{dnsGroupId}}"), 400).answers(ex::L2685),
        step(2684, M::DELETE, format!("{DNS}/{GROUP_1}"), 204),
        // The body's site and group ids → a seeded site and the path's group.
        step(2711, M::POST, format!("{DNS}/{PATH_GROUP}/servers"), 201)
            .body(with(ex::L2711, &[("siteId", json!(SITE)), ("groupId", json!(PATH_GROUP))]))
            .answers(ex::L2716),
        step(2740, M::GET, format!("{DNS}/{PATH_GROUP}/servers/"), 200).answers(ex::L2741),
        step(2769, M::GET, format!("{DNS}/{PATH_GROUP}/servers/{PATH_SERVER}"), 200)
            .answers(ex::L2770),
        step(2800, M::PUT, format!("{DNS}/{PATH_GROUP}/servers/{PATH_SERVER}"), 200)
            .body(with(ex::L2800, &[("siteId", json!(SITE)), ("groupId", json!(PATH_GROUP))]))
            .answers(ex::L2805),
        step(2823, M::POST, format!("{DNS}/{{dnsGroupId}}/servers/delete-by-ids"), 400)
            .body(example(ex::L2823))
            .answers(ex::L2827),
        step(2823, M::POST, format!("{DNS}/{PATH_GROUP}/servers/delete-by-ids"), 204)
            .body(json!({"DnsServerIds": [PATH_SERVER]})),
        step(2842, M::PUT, format!("{DNS}/{{dnsGroupId}}/server-order"), 400)
            .body(example(ex::L2842))
            .answers(ex::L2846),
        step(2842, M::PUT, format!("{DNS}/{GROUP_1}/server-order"), 204)
            .body(json!({"DnsServerIds": [SERVER_2, SERVER_1]})),
        // The example's group id is not a DNS group: replayed with the example group, and
        // with a malformed id for the 400.
        step(2861, M::POST, format!("{DNS}/enable-by-ids"), 204)
            .body(json!({"enable": "true", "groupIds": [format!("[\"{GROUP_1}\"]")]})),
        step(2861, M::POST, format!("{DNS}/enable-by-ids"), 400)
            .body(json!({"enable": "true", "groupIds": ["[\"not-a-group-id\"]"]}))
            .answers(ex::L2866),
        // ---- identities ----
        step(2894, M::GET, "/v2/identities/settings/identity-providers?includeLocal=false", 200)
            .answers(ex::L2895),
        // Same parameters; values that select Dana Scully (user3) on the first page.
        step(
            2933,
            M::GET,
            format!("/v2/identities/{SAML}/users?filter=scully&pageOffset=0&sortBy=email:desc&perPage=10&email=globex"),
            200,
        )
        .answers(ex::L2934),
        // The example user lives in the local directory.
        step(2990, M::GET, format!("/v2/identities/local/users/{JOHN}"), 200).answers(ex::L2991),
        step(3020, M::DELETE, format!("/v2/identities/{SAML}/users/{SCIM_USER_2}"), 204),
        step(3020, M::DELETE, "/v2/identities/{identity-provider-id}/users/{entity-id}", 400)
            .answers(ex::L3021),
        // John Doe's username is taken until he is deleted.
        step(3062, M::POST, "/v2/identities/local/users", 201)
            .after(M::DELETE, format!("/v2/identities/local/users/{JOHN}"))
            .body(example(ex::L3062))
            .answers(ex::L3071),
        step(3125, M::PUT, format!("/v2/identities/local/users/{JOHN}"), 200)
            .body(example(ex::L3125))
            .answers(ex::L3134),
        step(3161, M::DELETE, format!("/v2/identities/local/users/{BLOCKED}"), 204),
        step(3161, M::DELETE, "/v2/identities/local/users/{entity-id}", 400).answers(ex::L3162),
        step(3178, M::GET, "/v2/identities/settings/blocked-users", 200).answers(ex::L3179),
        step(3196, M::POST, format!("/v2/identities/local/users/{JOHN}/block"), 204),
        step(3196, M::POST, "/v2/identities/{identity-provider-id}/users/{entity-id}/block", 400)
            .answers(ex::L3197),
        step(3214, M::DELETE, format!("/v2/identities/local/users/{BLOCKED}/block"), 204),
        step(3214, M::DELETE, "/v2/identities/{identity-provider-id}/users/{entity-id}/block", 400)
            .answers(ex::L3215),
        // The example group lives in the local directory.
        step(3239, M::GET, format!("/v2/identities/local/groups/{ADMINS}"), 200).answers(ex::L3240),
        step(3258, M::DELETE, format!("/v2/identities/{SAML}/groups/{SCIM_GROUP}"), 204),
        step(3258, M::DELETE, "/v2/identities/{identity-provider-id}/groups/{entity-id}", 400)
            .answers(ex::L3259),
        step(
            3288,
            M::GET,
            format!("/v2/identities/{SAML}/groups?filter=contract&pageOffset=0&sortBy=email:desc&perPage=10"),
            200,
        )
        .answers(ex::L3289),
        step(3322, M::POST, format!("/v2/identities/{SAML}/groups"), 201)
            .body(example(ex::L3322))
            .answers(ex::L3324),
        step(3351, M::GET, format!("/v2/identities/local/groups/{ADMINS}/users?pageOffset=0&perPage=10"), 200)
            .answers(ex::L3352),
        step(3389, M::DELETE, "/v2/identities/local/groups/{group-id}/users/{user-id}", 400)
            .answers(ex::L3390),
        step(3389, M::DELETE, format!("/v2/identities/local/groups/{ENGINEERING}/users/{MEMBER}"), 204)
            .after(M::PUT, format!("/v2/identities/local/groups/{ENGINEERING}/users/{MEMBER}")),
        step(3406, M::PUT, "/v2/identities/local/groups/{group-id}/users/{user-id}", 400)
            .answers(ex::L3407),
        step(3406, M::PUT, format!("/v2/identities/local/groups/{ENGINEERING}/users/{MEMBER}"), 204),
        // ---- SSH clients ----
        step(3433, M::GET, "/v2/ssh-clients?sort=undefined&size=10&page=0&filter=test", 200)
            .answers(ex::L3434),
        // ---- SCIM ----
        // "user3" exists until deleted.
        step(3480, M::POST, format!("/v2/identities/{SAML}/scim/users"), 201)
            .after(M::DELETE, format!("/v2/identities/{SAML}/scim/users/{SCIM_USER}"))
            .body(example(ex::L3480))
            .answers(ex::L3497),
        step(3526, M::GET, format!("/v2/identities/{SAML}/scim/users"), 200).answers(ex::L3527),
        step(3569, M::GET, format!("/v2/identities/{SAML}/scim/users/{SCIM_USER}"), 200)
            .answers(ex::L3570),
        step(3595, M::DELETE, format!("/v2/identities/{SAML}/scim/users/{SCIM_USER}"), 204),
        step(3595, M::DELETE, format!("/v2/identities/{SAML}/scim/users/{SCIM_USER}"), 401)
            .without_token()
            .answers(ex::L3596)
            .ignoring(&["errors"]),
        step(3629, M::PUT, format!("/v2/identities/{SAML}/scim/users/{SCIM_USER}"), 200)
            .body(example(ex::L3629))
            .answers(ex::L3646),
        step(3682, M::POST, format!("/v2/identities/{SAML}/scim/groups"), 201)
            .body(example(ex::L3682))
            .answers(ex::L3693),
        step(3716, M::GET, format!("/v2/identities/{SAML}/scim/groups"), 200).answers(ex::L3717),
        step(3750, M::GET, format!("/v2/identities/{SAML}/scim/groups/{SCIM_GROUP}"), 200)
            .answers(ex::L3751),
        step(3782, M::PUT, format!("/v2/identities/{SAML}/scim/groups/{SCIM_GROUP}"), 200)
            .body(example(ex::L3782))
            .answers(ex::L3793),
        step(3812, M::DELETE, format!("/v2/identities/{SAML}/scim/groups/{SCIM_GROUP}"), 204),
        step(3812, M::DELETE, format!("/v2/identities/{SAML}/scim/groups/{SCIM_GROUP}"), 401)
            .without_token()
            .answers(ex::L3813)
            .ignoring(&["errors"]),
        step(3838, M::PATCH, format!("/v2/identities/{SAML}/scim/groups/{SCIM_GROUP}"), 200)
            .body(example(ex::L3838))
            .answers(ex::L3853),
        // ---- cloud integrations ----
        step(3885, M::GET, "/v2/cloud-integrations/integrations", 200).answers(ex::L3886),
        // "AWS EU Integration" exists until deleted.
        step(3932, M::POST, "/v2/cloud-integrations/integrations", 201)
            .after(M::DELETE, format!("/v2/cloud-integrations/integrations/{EU}"))
            .body(example(ex::L3932))
            .answers(ex::L3938),
        step(3979, M::GET, format!("/v2/cloud-integrations/integrations/{US}"), 200)
            .answers(ex::L3980),
        step(4027, M::PUT, format!("/v2/cloud-integrations/integrations/{EU}"), 200)
            .body(example(ex::L4027))
            .answers(ex::L4034),
        step(4063, M::DELETE, format!("/v2/cloud-integrations/integrations/{US}"), 204),
        step(4063, M::DELETE, "/v2/cloud-integrations/integrations/{cloud-integration-id}", 400)
            .answers(ex::L4064),
        // ---- log search ----
        step(4083, M::POST, "/v2/logs/audit", 200)
            .body(log_query(ex::L4083))
            .answers(ex::L4102),
        step(4169, M::POST, "/v2/logs/forensics", 200)
            .body(log_query(ex::L4169))
            .answers(ex::L4188),
    ]
}

/// Differences between the example's keys and the answer's, as paths.
fn key_diff(expected: &Value, actual: &Value, at: &str, ignore: &[&str], out: &mut Vec<String>) {
    match (expected, actual) {
        // `{}` in an example is a free-form object.
        (Value::Object(e), Value::Object(_)) if e.is_empty() => {}
        (Value::Object(e), Value::Object(a)) => {
            let ek: BTreeSet<&String> =
                e.keys().filter(|k| !ignore.contains(&k.as_str())).collect();
            let ak: BTreeSet<&String> = a.keys().collect();
            for k in ek.difference(&ak) {
                out.push(format!("{at}.{k}: missing"));
            }
            for k in ak.difference(&ek) {
                out.push(format!("{at}.{k}: not in the example"));
            }
            for k in ek.intersection(&ak) {
                key_diff(
                    &e[k.as_str()],
                    &a[k.as_str()],
                    &format!("{at}.{k}"),
                    ignore,
                    out,
                );
            }
        }
        (Value::Array(e), Value::Array(a)) => match (e.first(), a.first()) {
            (Some(ef), Some(af)) => key_diff(ef, af, &format!("{at}[0]"), ignore, out),
            (Some(_), None) => out.push(format!("{at}: empty, the example has items")),
            _ => {}
        },
        (Value::Object(_), other) if !other.is_null() => {
            out.push(format!("{at}: an object in the example, {other} here"))
        }
        _ => {}
    }
}

#[tokio::test]
async fn every_example_of_lines_2551_to_4270() {
    let now = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
    let small = EmulatorConfig {
        audit_logs: 2_000,
        forensics_logs: 5_000,
        ..config()
    };
    // Reads share one tenant; every other step gets a fresh one.
    let shared = Api::with(small.clone()).await;
    let site = shared.editor_site("Frankfurt Datacenter");
    let mut failures = Vec::new();
    let mut replayed = 0;
    for s in steps(now) {
        let fresh;
        let api = if s.method == Method::GET && s.before.is_empty() {
            &shared
        } else {
            fresh = Api::with(small.clone()).await;
            &fresh
        };
        for (method, path) in &s.before {
            let r = send(&api.router, method.clone(), path, Some(&api.bearer), None).await;
            assert!(
                r.status.is_success(),
                "line {}: {method} {path}: {}",
                s.line,
                r.body
            );
        }
        let body = s.body.as_ref().map(|b| {
            let text = b.to_string().replace(SITE, &site);
            serde_json::from_str::<Value>(&text).unwrap()
        });
        let auth = s.auth.then_some(api.bearer.as_str());
        let r = send(&api.router, s.method.clone(), &s.path, auth, body).await;
        replayed += 1;
        let what = format!("line {}: {} {}", s.line, s.method, s.path);
        if r.status != StatusCode::from_u16(s.status).unwrap() {
            failures.push(format!(
                "{what}: status {} instead of {}: {}",
                r.status, s.status, r.body
            ));
            continue;
        }
        match s.response {
            Some(text) => {
                let mut diff = Vec::new();
                key_diff(&example(text), &r.body, "", s.ignore, &mut diff);
                if !diff.is_empty() {
                    failures.push(format!("{what}: {diff:?}"));
                }
                if s.status >= 400 {
                    r.assert_error(s.status);
                }
            }
            None if s.status == 204 && !r.body.is_null() => {
                failures.push(format!("{what}: 204 with a body {}", r.body));
            }
            None => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(replayed >= 60, "{replayed}");
}

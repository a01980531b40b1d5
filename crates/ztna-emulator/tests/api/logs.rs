//! Log search: paging with `search_after`, order, `Hits`, filters, limits, document shapes.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::Api;

const DAY_MS: i64 = 86_400_000;

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// Every document of `path` matching `query`, `size` at a time; checks the order, `Hits`
/// and the absence of repeats on the way.
async fn walk(api: &Api, path: &str, query: Value, size: usize) -> (Vec<Value>, u64, usize) {
    let mut all = Vec::new();
    let mut after: Option<Value> = None;
    let mut hits = None;
    let mut pages = 0;
    loop {
        let mut body = json!({"size": size, "query": query});
        if let Some(a) = &after {
            body["search_after"] = a.clone();
        }
        let r = api.post(path, body).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let h = r.body["Hits"].as_u64().unwrap();
        assert_eq!(
            *hits.get_or_insert(h),
            h,
            "Hits does not depend on search_after"
        );
        let logs = r.body["Logs"].as_array().unwrap().clone();
        pages += 1;
        let Some(last) = logs.last() else { break };
        after = Some(last["SearchAfterValues"].clone());
        all.extend(logs);
        assert!(pages < 1_000);
    }
    let keys: Vec<(i64, String)> = all
        .iter()
        .map(|l| {
            let sa = l["SearchAfterValues"].as_array().unwrap();
            (sa[0].as_i64().unwrap(), sa[1].as_str().unwrap().to_owned())
        })
        .collect();
    for w in keys.windows(2) {
        assert!(w[0] < w[1], "ascending by date, then id: {w:?}");
    }
    let unique: BTreeSet<&String> = keys.iter().map(|k| &k.1).collect();
    assert_eq!(unique.len(), all.len(), "no repeats");
    (all, hits.unwrap_or(0), pages)
}

#[tokio::test]
async fn search_after_walks_every_forensics_document() {
    let api = Api::new().await;
    let query = json!({"from_date": now_ms() - 30 * DAY_MS + 60_000, "to_date": now_ms()});
    let (all, hits, pages) = walk(&api, "/v2/logs/forensics", query, 1000).await;
    assert_eq!(all.len() as u64, hits, "no gaps");
    assert!(hits > 11_000, "{hits}");
    assert!(pages >= 12);
    // Timestamps agree with the sort values.
    for l in all.iter().take(50) {
        let ts = time::OffsetDateTime::parse(
            l["Data"]["@timestamp"].as_str().unwrap(),
            &time::format_description::well_known::Rfc3339,
        )
        .unwrap();
        assert_eq!(
            (ts.unix_timestamp_nanos() / 1_000_000) as i64,
            l["SearchAfterValues"][0].as_i64().unwrap()
        );
        assert!(l["SearchAfterValues"][1]
            .as_str()
            .unwrap()
            .starts_with("luminate-forensics#"));
    }
}

#[tokio::test]
async fn search_after_walks_audit_with_filters() {
    let api = Api::new().await;
    // Default window (the last 30 days), small pages, a free-text filter.
    let (all, hits, pages) =
        walk(&api, "/v2/logs/audit", json!({"free_text": "John Doe"}), 5).await;
    assert_eq!(all.len() as u64, hits);
    assert!(pages > 2, "{pages}");
    // Each term occurs: John Doe acted, or (an administrator) acted on John Doe.
    for l in &all {
        let data = &l["Data"];
        assert!(
            data["user"] == "john.doe@acme.com" || data["resourceName"] == "john.doe@acme.com",
            "{data}"
        );
    }
    assert!(all.iter().any(|l| l["Data"]["user"] == "john.doe@acme.com"));
    // The example's match_or_fields: John Doe's home address.
    let query = json!({
        "free_text": "John Doe",
        "match_or_fields": [{"field_name": "clientip", "field_values": ["213.12.11.10", "0.0.1.10"]}]
    });
    let (home, hits_home, _) = walk(&api, "/v2/logs/audit", query, 1000).await;
    assert!(hits_home > 0 && hits_home <= hits);
    assert!(home
        .iter()
        .all(|l| l["Data"]["client_ip"] == "213.12.11.10"));
    // Two fields are combined with AND; values of one field with OR.
    let query = json!({"match_or_fields": [
        {"field_name": "eventType", "field_values": ["LOGIN"]},
        {"field_name": "eventStatus", "field_values": ["FAILED"]}
    ]});
    let (failed, _, _) = walk(&api, "/v2/logs/audit", query, 1000).await;
    assert!(!failed.is_empty());
    assert!(failed
        .iter()
        .all(|l| l["Data"]["eventType"] == "LOGIN" && l["Data"]["eventStatus"] == "FAILED"));
    // Free text looks at outcomes too.
    let r = api
        .post(
            "/v2/logs/forensics",
            json!({"size": 200, "query": {"free_text": "failed"}}),
        )
        .await;
    let logs = r.body["Logs"].as_array().unwrap();
    assert!(!logs.is_empty());
    assert!(logs.iter().all(|l| l["Data"]["action_result"] == "FAILED"));
    // An unknown field matches nothing.
    let r = api
        .post(
            "/v2/logs/audit",
            json!({"query": {"match_or_fields": [{"field_name": "nope", "field_values": ["x"]}]}}),
        )
        .await;
    assert_eq!(r.body["Hits"], 0);
}

#[tokio::test]
async fn limits() {
    let api = Api::new().await;
    let now = now_ms();
    for path in ["/v2/logs/audit", "/v2/logs/forensics"] {
        // A window over 30 days is refused; exactly 30 days is fine.
        api.post(
            path,
            json!({"query": {"from_date": now - 31 * DAY_MS, "to_date": now}}),
        )
        .await
        .assert_error(400);
        let r = api
            .post(
                path,
                json!({"size": 1, "query": {"from_date": now - 30 * DAY_MS, "to_date": now}}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        api.post(
            path,
            json!({"query": {"from_date": now, "to_date": now - 1}}),
        )
        .await
        .assert_error(400);
        // size: 0..=1000.
        api.post(path, json!({"size": 1001, "query": {}}))
            .await
            .assert_error(400);
        api.post(path, json!({"size": -1, "query": {}}))
            .await
            .assert_error(400);
        let r = api.post(path, json!({"size": 0, "query": {}})).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body["Hits"].as_u64().unwrap() > 0);
        assert_eq!(r.body["Logs"], json!([]));
        // Default size is 1000.
        let r = api.post(path, json!({"query": {}})).await;
        assert_eq!(r.body["Logs"].as_array().unwrap().len(), 1000);
        // Malformed bodies.
        api.post(path, json!({"size": 10})).await.assert_error(400);
        api.post(path, json!({"query": {}, "search_after": "x"}))
            .await
            .assert_error(400);
        api.post(path, json!({"query": {}, "search_after": [1, "no-id"]}))
            .await
            .assert_error(400);
        api.post(path, json!({"query": {"from_date": "yesterday"}}))
            .await
            .assert_error(400);
    }
}

#[tokio::test]
async fn documents_look_like_the_reference() {
    let api = Api::new().await;
    let query = json!({"match_or_fields": [{"field_name": "id", "field_values": ["6aebc61f-7e2f-46b3-805f-d206de8899c0"]}]});
    let r = api.post("/v2/logs/audit", json!({"query": query})).await;
    assert_eq!(r.body["Hits"], 1, "{}", r.body);
    let doc = &r.body["Logs"][0];
    assert_eq!(doc["Id"], "6aebc61f-7e2f-46b3-805f-d206de8899c0");
    let data = &doc["Data"];
    assert_eq!(data["eventType"], "LOGIN");
    assert_eq!(data["geoip"]["city_name"], "Jerusalem");
    assert_eq!(data["client_ip"], "213.12.11.10");
    assert!(data["client_port"].is_string());
    // `message` holds the raw event: JSON with escaped quotes and a final newline.
    let message = data["message"].as_str().unwrap();
    assert!(
        message.starts_with("{\\\"id\\\":\\\"") || message.starts_with("{\\\""),
        "{message}"
    );
    assert!(message.ends_with("}\n"));
    let inner: Value =
        serde_json::from_str(message.trim_end().replace("\\\"", "\"").as_str()).unwrap();
    assert_eq!(inner["id"], "6aebc61f-7e2f-46b3-805f-d206de8899c0");
    assert_eq!(inner["targetService"], "AUTH_SERVICE");
    assert!(inner["date"].as_str().unwrap().len() == "2019-02-13T12:35:03.724386395Z".len());

    let r = api
        .post("/v2/logs/forensics", json!({"query": query}))
        .await;
    assert_eq!(r.body["Hits"], 1);
    let data = &r.body["Logs"][0]["Data"];
    assert_eq!(data["log_type"], "WEB_ACCESS_LOG");
    assert_eq!(data["app_type"], "HTTP");
    assert_eq!(data["status_code"], 200);
    assert_eq!(data["entity_name"], "john.doe@acme.com");

    // Realistic variety in an ordinary page.
    let r = api
        .post("/v2/logs/forensics", json!({"size": 1000, "query": {}}))
        .await;
    let logs = r.body["Logs"].as_array().unwrap();
    let types: BTreeSet<&str> = logs
        .iter()
        .map(|l| l["Data"]["log_type"].as_str().unwrap())
        .collect();
    assert!(types.len() >= 3, "{types:?}");
    let results: BTreeSet<&str> = logs
        .iter()
        .map(|l| l["Data"]["action_result"].as_str().unwrap())
        .collect();
    assert_eq!(results, BTreeSet::from(["FAILED", "SUCCESS"]));
    let entities: BTreeSet<&str> = logs
        .iter()
        .map(|l| l["Data"]["entity_name"].as_str().unwrap())
        .collect();
    assert!(entities.len() > 50, "{}", entities.len());
}

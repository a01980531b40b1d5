//! Policies: seeded variety, list/sort/filter, create/get/update/delete, validation, the
//! configuration catalogs and the policies of an application.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::access_common::{all, delete_json, enc, examples, str_set, ROOT_COLLECTION, UNKNOWN};
use crate::common::Api;

/// A directory entity that exists: the first one a seeded policy names.
async fn known_entity(api: &Api) -> Value {
    let policies = all(api, "/v2/policies").await;
    let e = policies
        .iter()
        .find_map(|p| {
            p["directoryEntities"]
                .as_array()
                .and_then(|l| l.first().cloned())
        })
        .expect("a seeded policy names a directory entity");
    json!({
        "identifierInProvider": e["identifierInProvider"],
        "identityProviderId": e["identityProviderId"],
        "identityProviderType": e["identityProviderType"],
        "type": e["type"],
        "displayName": e["displayName"]
    })
}

/// Some application of the given type.
async fn app_of(api: &Api, t: &str) -> Value {
    api.get(&format!("/v2/applications?type={t}&size=1"))
        .await
        .body["content"][0]
        .clone()
}

async fn access_policy(api: &Api, name: &str) -> Value {
    let app = app_of(api, "SSH").await;
    json!({
        "type": "ACCESS",
        "targetProtocol": "SSH",
        "name": name,
        "directoryEntities": [known_entity(api).await],
        "applications": [{"id": app["id"], "type": "SSH"}],
        "filterConditions": [{"conditionDefinitionId": "LOCATION_RESTRICTION", "arguments": {"COUNTRIES": ["Israel"]}}],
        "validators": {"VALIDATOR_MFA": true},
        "sshSettings": {"accounts": ["root"], "autoMapping": true}
    })
}

#[tokio::test]
async fn seeded_variety_and_list_shapes() {
    let api = Api::new().await;
    let policies = all(&api, "/v2/policies").await;
    assert_eq!(policies.len(), 60);
    assert_eq!(str_set(&policies, "name").len(), 60, "names are unique");
    let set = |key: &str| -> BTreeSet<String> {
        policies
            .iter()
            .map(|p| p[key].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        set("type"),
        BTreeSet::from(["ACCESS".into(), "ACTIVITY".into()])
    );
    assert_eq!(
        set("timeSettingsType"),
        BTreeSet::from([
            "permanent".into(),
            "temporary".into(),
            "working_hours".into()
        ])
    );
    assert!(set("targetProtocol").len() >= 3);
    assert!(set("Status").contains("expired"));
    assert!(policies
        .iter()
        .any(|p| p["validators"]["VALIDATOR_MFA"] == true));
    assert!(policies
        .iter()
        .any(|p| !p["filterConditions"].as_array().unwrap().is_empty()));
    assert!(policies
        .iter()
        .any(|p| !p["directoryEntities"].as_array().unwrap().is_empty()));
    assert!(policies
        .iter()
        .any(|p| !p["applications"].as_array().unwrap().is_empty()));
    for p in &policies {
        // Lists carry createdAt as an ISO string and leave the single-policy extras out.
        assert!(
            p["createdAt"].as_str().unwrap().ends_with('Z'),
            "{}",
            p["createdAt"]
        );
        assert!(p.get("containers").is_none() && p.get("PolicyAccess").is_none());
        // Applications named by a policy exist, with their real type.
        for a in p["applications"].as_array().unwrap() {
            let got = api
                .get(&format!("/v2/applications/{}", a["id"].as_str().unwrap()))
                .await;
            assert_eq!(got.body["type"], a["type"]);
        }
    }
    // The single-policy shape: createdAt {}, rules and the marker.
    let activity = policies.iter().find(|p| p["type"] == "ACTIVITY").unwrap();
    let one = api
        .get(&format!(
            "/v2/policies/{}",
            activity["id"].as_str().unwrap()
        ))
        .await
        .body;
    assert_eq!(one["createdAt"], json!({}));
    assert!(!one["containers"].as_array().unwrap().is_empty());
    assert_eq!(one["PolicyActivity"], "Policy");
    assert!(one.get("isWhitelist").is_some() && one.get("isIsolation").is_some());

    // Paging, sort, filter (on the name).
    let p = api.get("/v2/policies?size=25&page=2").await.body;
    assert_eq!(
        (
            p["numberOfElements"].clone(),
            p["last"].clone(),
            p["totalPages"].clone()
        ),
        (json!(10), json!(true), json!(3))
    );
    let desc = api.get("/v2/policies?sort=name,desc&size=100").await.body;
    let names: Vec<String> = desc["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut expected = names.clone();
    expected.sort();
    expected.reverse();
    assert_eq!(names, expected);
    let tests = all(&api, "/v2/policies?filter=TEST").await;
    assert!(!tests.is_empty());
    assert!(tests
        .iter()
        .all(|p| p["name"].as_str().unwrap().to_lowercase().contains("test")));
    api.get("/v2/policies?sort=created,asc")
        .await
        .assert_error(400);
}

#[tokio::test]
async fn create_get_update_delete() {
    let api = Api::new().await;
    let body = access_policy(&api, "Bastion for admins").await;
    let r = api.post("/v2/policies", body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let p = r.body;
    let id = p["id"].as_str().unwrap().to_owned();
    assert_eq!(p["createdAt"], json!({}));
    assert_eq!(p["PolicyAccess"], "Policy");
    assert_eq!(p["collectionId"], ROOT_COLLECTION);
    assert_eq!(p["enabled"], true);
    assert_eq!(p["targetProtocolSubType"], "RDP_NATIVE");
    assert_eq!(p["timeSettingsType"], "permanent");
    assert_eq!(p["Status"], "active");
    assert_eq!(p["sshSettings"]["accounts"], json!(["root"]));
    assert_eq!(
        p["sshSettings"]["agentForward"], false,
        "defaults fill the rest"
    );
    assert_eq!(
        p["directoryEntities"][0]["identifierInProvider"],
        body["directoryEntities"][0]["identifierInProvider"]
    );
    assert!(uuid::Uuid::parse_str(p["directoryEntities"][0]["id"].as_str().unwrap()).is_ok());
    let got = api.get(&format!("/v2/policies/{id}")).await.body;
    assert_eq!(got, p);

    // PUT replaces: whatever is left out takes its default; the path id wins over the body's.
    let mut next = json!({
        "id": UNKNOWN,
        "type": "ACCESS",
        "targetProtocol": "SSH",
        "name": "Bastion for admins v2",
        "enabled": false,
        "timeSettingsType": "temporary",
        "timeSettings": {"fromDate": "2020-01-01T00:00:00Z", "toDate": "2020-02-01T00:00:00Z"}
    });
    let r = api.put(&format!("/v2/policies/{id}"), next.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["id"], id);
    assert_eq!(r.body["enabled"], false);
    assert_eq!(r.body["Status"], "disabled");
    assert_eq!(
        r.body["validators"],
        json!({"VALIDATOR_MFA": false, "VALIDATOR_WEB_VERIFICATION": false})
    );
    assert_eq!(
        r.body["timeSettings"],
        json!({"fromDate": "2020-01-01T00:00:00Z", "toDate": "2020-02-01T00:00:00Z"})
    );
    assert_eq!(
        r.body["workingHoursSettings"],
        json!({"days": null, "fromHour": null, "toHour": null, "endDate": null})
    );
    assert_eq!(r.body["applications"], json!([]));
    next["enabled"] = json!(true);
    let r = api.put(&format!("/v2/policies/{id}"), next.clone()).await;
    assert_eq!(r.body["Status"], "expired");
    next.as_object_mut().unwrap().remove("enabled");
    assert_eq!(
        api.put(&format!("/v2/policies/{id}"), next).await.body["enabled"],
        true
    );
    // The list shows it with an ISO createdAt.
    let listed = all(
        &api,
        &format!("/v2/policies?filter={}", enc("bastion for admins")),
    )
    .await;
    assert_eq!(listed.len(), 1);
    assert!(listed[0]["createdAt"].is_string());

    assert_eq!(
        api.delete(&format!("/v2/policies/{id}")).await.status,
        StatusCode::NO_CONTENT
    );
    api.get(&format!("/v2/policies/{id}"))
        .await
        .assert_error(404);
    api.delete(&format!("/v2/policies/{id}"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn validation() {
    let api = Api::new().await;
    let base = access_policy(&api, "Validated").await;
    let with = |key: &str, value: Value| {
        let mut b = base.clone();
        b[key] = value;
        b
    };
    let without = |key: &str| {
        let mut b = base.clone();
        b.as_object_mut().unwrap().remove(key);
        b
    };
    let cases = [
        without("type"),
        with("type", json!("AUDIT")),
        without("targetProtocol"),
        with("targetProtocol", json!("FTP")),
        with("targetProtocolSubType", json!("RDP_WEB")),
        without("name"),
        with("name", json!("   ")),
        with("enabled", json!("maybe")),
        with("collectionId", json!(UNKNOWN)),
        with("collectionId", json!("xyz")),
        with("applications", json!([{"id": UNKNOWN, "type": "SSH"}])),
        with("applications", json!([{"id": "not-an-id"}])),
        with("applications", json!({"id": UNKNOWN})),
        with(
            "directoryEntities",
            json!([{"identifierInProvider": "nobody-at-all", "identityProviderId": "local", "type": "User"}]),
        ),
        with(
            "directoryEntities",
            json!([{"identityProviderId": "local"}]),
        ),
        with(
            "directoryEntities",
            json!([{"identifierInProvider": "x", "identityProviderId": "local", "type": "Robot"}]),
        ),
        with(
            "filterConditions",
            json!([{"conditionDefinitionId": "MOON_PHASE", "arguments": {}}]),
        ),
        with(
            "filterConditions",
            json!([{"conditionDefinitionId": "LOCATION_RESTRICTION"}]),
        ),
        with("validators", json!({"MFA": true})),
        with("validators", json!({"VALIDATOR_RETINA": true})),
        with("validators", json!({"VALIDATOR_MFA": "yes"})),
        with("timeSettingsType", json!("forever")),
        with("timeSettingsType", json!("temporary")),
        with("timeSettings", json!({"fromDate": "yesterday"})),
        with("timeSettingsType", json!("working_hours")),
        with(
            "workingHoursSettings",
            json!({"days": [true, true], "fromHour": "08:00", "toHour": "17:00"}),
        ),
        with(
            "workingHoursSettings",
            json!({"days": [true, true, true, true, true, false, false], "fromHour": "25:00", "toHour": "17:00"}),
        ),
        with(
            "containers",
            json!([{"conditions": [], "actionId": "EXPLODE"}]),
        ),
        with("sshSettings", json!(["root"])),
    ];
    for (i, body) in cases.into_iter().enumerate() {
        let r = api.post("/v2/policies", body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::BAD_REQUEST,
            "case {i}: {body} -> {}",
            r.body
        );
        r.assert_error(400);
    }
    // Validators belong to access policies.
    let mut activity = with("type", json!("ACTIVITY"));
    activity["validators"] = json!({"VALIDATOR_MFA": true});
    api.post("/v2/policies", activity).await.assert_error(400);
    // Unique names.
    assert_eq!(
        api.post("/v2/policies", base.clone()).await.status,
        StatusCode::CREATED
    );
    api.post("/v2/policies", base.clone())
        .await
        .assert_error(409);
    let other = api
        .post("/v2/policies", with("name", json!("Another")))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.put(&format!("/v2/policies/{other}"), base.clone())
        .await
        .assert_error(409);
    // Path ids.
    assert_eq!(
        api.get("/v2/policies/123").await.assert_error(400),
        "Invalid request parameters: Invalid ID format - failed to process request"
    );
    api.put("/v2/policies/123", base.clone())
        .await
        .assert_error(400);
    api.delete("/v2/policies/123").await.assert_error(400);
    api.get(&format!("/v2/policies/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.put(&format!("/v2/policies/{UNKNOWN}"), base)
        .await
        .assert_error(404);
}

#[tokio::test]
async fn configuration_catalogs() {
    let api = Api::new().await;
    let defs = api.get("/v2/policies/config/condition-definitions").await;
    assert_eq!(defs.status, StatusCode::OK);
    let defs = defs.body.as_array().unwrap().clone();
    let location = defs
        .iter()
        .find(|d| d["id"] == "LOCATION_RESTRICTION")
        .unwrap();
    assert_eq!(
        location["conditionParameters"][0]["parameterId"],
        "COUNTRIES"
    );
    assert_eq!(
        location["conditionParameters"][0]["enumSettings"]["isMultiple"],
        true
    );
    assert!(location["typeMapping"]
        .as_array()
        .unwrap()
        .contains(&json!({"applicationType": "HTTP", "policyType": "ACCESS"})));
    for d in &defs {
        for key in [
            "id",
            "displayName",
            "description",
            "conditionParameters",
            "typeMapping",
        ] {
            assert!(d.get(key).is_some(), "{key} in {d}");
        }
    }
    let actions = api.get("/v2/policies/config/action-types").await.body;
    assert_eq!(
        str_set(actions.as_array().unwrap(), "id"),
        BTreeSet::from(["ALLOW".into(), "BLOCK".into(), "BLOCK_USER".into()])
    );
    let validators = api.get("/v2/policies/config/validator-types").await.body;
    let validators = validators.as_array().unwrap();
    assert!(validators.contains(&json!({"id": "MFA", "displayName": "MFA", "description": "Multi Factor authentication", "applicationType": "HTTP"})));
}

#[tokio::test]
async fn policies_of_an_application() {
    let api = examples().await;
    let app = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
    let path = format!("/v2/policies/by-app-id/{app}");
    let of = |_: &Api| async { str_set(api.get(&path).await.body.as_array().unwrap(), "id") };
    assert_eq!(
        of(&api).await,
        BTreeSet::from(["6fd0a531-6b70-471a-9dd7-bf374b07814f".to_owned()])
    );
    let shaped = api.get(&path).await.body;
    assert!(shaped[0]["createdAt"].is_string());

    let ids: Vec<String> = all(&api, "/v2/policies")
        .await
        .iter()
        .take(3)
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    let body = |ids: &[String]| json!({"applicationType": "HTTP", "policyIds": ids});
    // Replace: exactly these.
    assert_eq!(api.put(&path, body(&ids[..2])).await.status, StatusCode::OK);
    assert_eq!(of(&api).await, ids[..2].iter().cloned().collect());
    // Add one.
    assert_eq!(
        api.post(&path, body(&ids[2..])).await.status,
        StatusCode::OK
    );
    assert_eq!(of(&api).await, ids.iter().cloned().collect());
    // Remove one (DELETE with a body).
    assert_eq!(
        delete_json(&api, &path, body(&ids[..1])).await.status,
        StatusCode::OK
    );
    assert_eq!(of(&api).await, ids[1..].iter().cloned().collect());
    // The policies show the application (in any order).
    let p = api.get(&format!("/v2/policies/{}", ids[1])).await.body;
    assert!(str_set(p["applications"].as_array().unwrap(), "id").contains(app));

    // Errors: malformed policy ids (the reference's own examples), unknown ones, wrong type,
    // unknown application.
    let m = api
        .put(
            &path,
            json!({"applicationType": "HTTP", "policyIds": ["string"]}),
        )
        .await
        .assert_error(400)
        .to_owned();
    assert_eq!(
        m,
        "Invalid request parameters: Invalid ID format - failed to process request"
    );
    api.post(
        &path,
        json!({"applicationType": "HTTP", "policyIds": [UNKNOWN]}),
    )
    .await
    .assert_error(404);
    api.post(
        &path,
        json!({"applicationType": "SSH", "policyIds": [ids[0]]}),
    )
    .await
    .assert_error(400);
    api.post(
        &path,
        json!({"applicationType": "DNS", "policyIds": [ids[0]]}),
    )
    .await
    .assert_error(400);
    api.post(&path, json!({"policyIds": [ids[0]]}))
        .await
        .assert_error(400);
    api.post(&path, json!({"applicationType": "HTTP"}))
        .await
        .assert_error(400);
    api.get(&format!("/v2/policies/by-app-id/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.get("/v2/policies/by-app-id/nope")
        .await
        .assert_error(400);

    // Deleting the application takes it out of every policy.
    api.delete(&format!("/v2/applications/{app}")).await;
    for id in &ids {
        let p = api.get(&format!("/v2/policies/{id}")).await.body;
        assert!(!str_set(p["applications"].as_array().unwrap(), "id").contains(app));
    }
}

//! The access seed through the API: sizes, determinism, the existing seed untouched, the
//! reference's example objects.

use serde_json::{json, Value};
use ztna_emulator::EmulatorConfig;

use crate::access_common::{all, examples, EXAMPLE_ID, EXAMPLE_POLICY};
use crate::common::{config, Api};

/// What must not change between two tenants of the same seed (health is "now"-relative).
async fn fingerprint(api: &Api) -> Vec<String> {
    let mut out = Vec::new();
    for a in all(api, "/v2/applications").await {
        out.push(format!(
            "app {} {} {} {} {} {}",
            a["id"],
            a["name"],
            a["type"],
            a["collectionId"],
            a["connectionSettings"],
            a["createdOn"]
        ));
    }
    for p in all(api, "/v2/policies").await {
        out.push(format!(
            "policy {} {} {} {} {} {}",
            p["id"],
            p["name"],
            p["applications"],
            p["directoryEntities"],
            p["filterConditions"],
            p["createdAt"]
        ));
    }
    for c in all(api, "/v2/collection").await {
        out.push(format!("collection {c}"));
    }
    for b in all(api, "/v2/collection/role-bindings?sort=createdAt").await {
        out.push(format!("binding {b}"));
    }
    out
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn same_seed_same_data_and_other_seeds_differ() {
    let make = |seed| Api::with(EmulatorConfig { seed, ..config() });
    let (a, b, c) = (make(5).await, make(5).await, make(6).await);
    let fa = fingerprint(&a).await;
    assert_eq!(fa, fingerprint(&b).await);
    assert_ne!(fa, fingerprint(&c).await);
}

#[tokio::test]
async fn the_site_and_connector_seed_is_untouched() {
    let without = Api::with(EmulatorConfig {
        applications: 0,
        policies: 0,
        collections: 1,
        role_bindings: 0,
        ..config()
    })
    .await;
    let with = Api::new().await;
    assert_eq!(
        ids(&without.all_sites().await),
        ids(&with.all_sites().await)
    );
    assert_eq!(
        ids(&without.all_connectors().await),
        ids(&with.all_connectors().await)
    );
    assert_eq!(
        without.emulator.editor_sites(),
        with.emulator.editor_sites()
    );
    // Sizes are honoured, down to none.
    assert_eq!(all(&without, "/v2/applications").await.len(), 0);
    assert_eq!(all(&without, "/v2/policies").await.len(), 0);
    assert_eq!(all(&without, "/v2/collection").await.len(), 1);
    assert_eq!(all(&without, "/v2/collection/role-bindings").await.len(), 0);
    // The examples add three sites and keep every other id.
    let ex = examples().await;
    let mut expected = ids(&with.all_sites().await);
    expected.extend(
        [
            EXAMPLE_ID,
            "3c536623-4763-4f67-a45a-e88f3d08cdd5",
            "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59",
        ]
        .map(String::from),
    );
    expected.sort();
    let mut got = ids(&ex.all_sites().await);
    got.sort();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn default_sizes_and_the_reference_examples() {
    let api = Api::with(EmulatorConfig {
        client_id: crate::common::CLIENT_ID.into(),
        client_secret: crate::common::CLIENT_SECRET.into(),
        rate_per_second: 0,
        ..EmulatorConfig::default()
    })
    .await;
    // The default tenant: the reference's examples count towards these sizes.
    assert_eq!(all(&api, "/v2/applications").await.len(), 400);
    assert_eq!(all(&api, "/v2/policies").await.len(), 60);
    assert_eq!(all(&api, "/v2/collection").await.len(), 8);
    assert_eq!(all(&api, "/v2/collection/role-bindings").await.len(), 50);

    let site = api.get(&format!("/v2/sites/{EXAMPLE_ID}")).await.body;
    assert_eq!(site["name"], "DataCenterEurope");
    assert_eq!(site["region"], "europe-west1");
    assert!(site["application_ids"]
        .as_array()
        .unwrap()
        .contains(&json!(EXAMPLE_ID)));
    let of_site = api
        .get(&format!("/v2/collection/site/{EXAMPLE_ID}"))
        .await
        .body;
    assert!(of_site["collectionIds"]
        .as_array()
        .unwrap()
        .contains(&json!(EXAMPLE_ID)));
    assert_eq!(
        site["countCollections"],
        of_site["collectionIds"].as_array().unwrap().len()
    );
    let app = api
        .get(&format!("/v2/applications/{EXAMPLE_ID}"))
        .await
        .body;
    assert_eq!(
        (
            app["name"].clone(),
            app["type"].clone(),
            app["collectionId"].clone()
        ),
        (json!("TestApplication"), json!("HTTP"), json!(EXAMPLE_ID))
    );
    assert_eq!(app["connectionSettings"]["healthUrl"], "/HealthCheck");
    let policy = api
        .get(&format!("/v2/policies/{EXAMPLE_POLICY}"))
        .await
        .body;
    assert_eq!(policy["name"], "Contractors Policy to Jira");
    assert_eq!(
        policy["applications"],
        json!([{"id": EXAMPLE_ID, "type": "HTTP"}])
    );
    assert_eq!(
        policy["directoryEntities"][0]["id"],
        "2fd0a178-8b70-296a-9dd7-bf260b07683f"
    );
    assert_eq!(
        policy["directoryEntities"][0]["identifierInProvider"],
        "4fd0a357-8b70-345a-9dd7-bf359b07451f"
    );
    let collection = api.get(&format!("/v2/collection/{EXAMPLE_ID}")).await.body;
    assert_eq!(
        (
            collection["countResources"].clone(),
            collection["countLinkedSites"].clone()
        ),
        (json!(2), json!(2))
    );
    let bindings = all(&api, "/v2/collection/role-bindings").await;
    assert!(bindings.iter().any(|b| b["id"] == EXAMPLE_ID));
}

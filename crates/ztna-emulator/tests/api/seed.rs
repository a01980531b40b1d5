//! The seeded demo tenant, as seen through the API.

use std::collections::BTreeSet;

use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};
use ztna_emulator::EmulatorConfig;

use crate::common::{config, Api};

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|v| format!("{}|{}", v["id"], v["name"]))
        .collect()
}

fn date(v: &Value) -> OffsetDateTime {
    OffsetDateTime::parse(v.as_str().unwrap(), &Rfc3339).unwrap()
}

#[tokio::test]
async fn same_seed_same_tenant() {
    let a = Api::with(EmulatorConfig {
        seed: 99,
        ..config()
    })
    .await;
    let b = Api::with(EmulatorConfig {
        seed: 99,
        ..config()
    })
    .await;
    let c = Api::with(EmulatorConfig {
        seed: 100,
        ..config()
    })
    .await;
    assert_eq!(ids(&a.all_sites().await), ids(&b.all_sites().await));
    assert_eq!(
        ids(&a.all_connectors().await),
        ids(&b.all_connectors().await)
    );
    assert_eq!(a.emulator.editor_sites(), b.emulator.editor_sites());
    assert_ne!(ids(&a.all_sites().await), ids(&c.all_sites().await));
    assert_ne!(a.emulator.editor_sites(), c.emulator.editor_sites());
}

#[tokio::test]
async fn sizes_and_variety() {
    let api = Api::new().await;
    let sites = api.all_sites().await;
    let connectors = api.all_connectors().await;
    assert!(sites.len() >= 40);
    assert!(connectors.len() >= 120);

    let regions: BTreeSet<&str> = sites
        .iter()
        .map(|s| s["region"].as_str().unwrap())
        .collect();
    assert!(regions.len() >= 4, "{regions:?}");
    let modes: BTreeSet<&str> = sites
        .iter()
        .map(|s| s["authentication_mode"].as_str().unwrap())
        .collect();
    assert_eq!(modes, BTreeSet::from(["connector", "site"]));
    assert!(sites
        .iter()
        .any(|s| s["connectors"] == serde_json::json!([])));
    let types: BTreeSet<&str> = connectors
        .iter()
        .map(|c| c["deployment_type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        BTreeSet::from(["docker-compose", "kubernetes", "linux", "windows"])
    );

    // The three fixed editor sites.
    let editor = api.emulator.editor_sites();
    let names: Vec<&str> = editor.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Frankfurt Datacenter", "London Office", "Toronto Lab"]
    );
    for (id, name) in &editor {
        let site = sites.iter().find(|s| s["id"] == id.as_str()).unwrap();
        assert_eq!(site["name"], name.as_str());
        assert_eq!(site["authentication_mode"], "connector");
        assert!(site["connectors"].as_array().unwrap().len() >= 2);
    }

    // Every state, through the site health buckets and connector fields.
    let now = OffsetDateTime::now_utc();
    let bucket = |name: &str| -> BTreeSet<String> {
        sites
            .iter()
            .flat_map(|s| {
                s["site_status"][name]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .map(|x| x["Id"].as_str().unwrap().to_owned())
            .collect()
    };
    let (up, down, not_configured, disabled) = (
        bucket("ConnectorsUp"),
        bucket("ConnectorsDown"),
        bucket("ConnectorsNotConfigured"),
        bucket("ConnectorsDisabled"),
    );
    assert_eq!(
        up.len() + down.len() + not_configured.len() + disabled.len(),
        connectors.len()
    );
    let by_id = |id: &String| connectors.iter().find(|c| c["id"] == id.as_str()).unwrap();

    assert!(!up.is_empty());
    for c in up.iter().map(by_id) {
        assert_eq!(c["registered"], true);
        assert_eq!(c["otp"], Value::Null);
        assert!(c["internal_ip"].as_str().unwrap().starts_with("10."));
        assert!(c["external_ip"].is_string() && c["hostname"].is_string());
        assert!(c["geo_location"].as_str().unwrap().split(", ").count() >= 3);
        assert!(c["version"].as_str().unwrap().starts_with("2."));
    }
    let up_last_seen = sites
        .iter()
        .flat_map(|s| {
            s["site_status"]["ConnectorsUp"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|x| date(&x["last_seen"]));
    for seen in up_last_seen {
        assert!(now - seen < Duration::minutes(5));
    }

    assert!(!not_configured.is_empty());
    for c in not_configured.iter().map(by_id) {
        assert_eq!(c["registered"], false);
        assert!(c["otp"].is_string());
        assert!(date(&c["date_otp_expire"]) > now);
        assert_eq!(c["connector_status"], "StatusUndefined");
    }

    assert!(!down.is_empty());
    let down_seen = sites
        .iter()
        .flat_map(|s| {
            s["site_status"]["ConnectorsDown"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|x| date(&x["last_seen"]));
    for seen in down_seen {
        assert!(now - seen > Duration::hours(1));
    }

    assert!(!disabled.is_empty());
    for c in disabled.iter().map(by_id) {
        assert_eq!(c["enabled"], false);
    }

    let failed: Vec<&Value> = connectors
        .iter()
        .filter(|c| c["update_status"] == "UpdateFailed")
        .collect();
    assert!(!failed.is_empty());
    assert!(failed.iter().all(|c| c["update_status_info"].is_string()));
    assert!(connectors
        .iter()
        .any(|c| c["update_status"] == "UpdateAvailable"));
    assert!(connectors.iter().any(|c| c["update_status"] == "UpToDate"));

    // Site Status agrees with the rule.
    for s in &sites {
        let st = &s["site_status"];
        let expected = if st["ConnectorsUp"].is_array() {
            "online"
        } else if s["connector_objects"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["registered"] == true)
        {
            "offline"
        } else {
            "not-configured"
        };
        assert_eq!(st["Status"], expected, "{}", s["name"]);
    }
}

#[tokio::test]
async fn realistic_names() {
    let api = Api::new().await;
    let sites = api.all_sites().await;
    let names: BTreeSet<&str> = sites.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), sites.len(), "site names are unique");
    assert!(names.iter().all(|n| n.len() >= 5 && n.contains(' ')));
    let connectors = api.all_connectors().await;
    assert!(connectors
        .iter()
        .all(|c| c["name"].as_str().unwrap().contains("-Connector-")));
}

//! Static material for the demo tenant: regions and places to name sites after.
//!
//! Geo locations follow the reference's "<provider>, <country>, <city>" format. External
//! address prefixes are only meant to look plausible.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Office,
    Datacenter,
    /// Cloud networks: the natural home of orchestrated, site-mode connectors.
    Cloud,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    pub name: &'static str,
    pub region: &'static str,
    pub geo: &'static str,
    pub ext_prefix: &'static str,
    pub kind: Kind,
}

const fn place(
    name: &'static str,
    region: &'static str,
    geo: &'static str,
    ext_prefix: &'static str,
    kind: Kind,
) -> Place {
    Place {
        name,
        region,
        geo,
        ext_prefix,
        kind,
    }
}

/// (name, default?, fallback geo location, fallback external prefix). The default comes first,
/// as in the reference's example.
#[rustfmt::skip]
pub(crate) const REGIONS: &[(&str, bool, &str, &str)] = &[
    ("us-west1", true, "Google Cloud, United States, The Dalles", "34.82"),
    ("us-central1", false, "Google Cloud, United States, Council Bluffs", "34.122"),
    ("us-east1", false, "Google Cloud, United States, Moncks Corner", "35.196"),
    ("northamerica-northeast1", false, "Google Cloud, Canada, Montreal", "34.95"),
    ("southamerica-east1", false, "Google Cloud, Brazil, Osasco", "34.95"),
    ("europe-west1", false, "Google Cloud, Belgium, St. Ghislain", "34.76"),
    ("europe-west2", false, "Google Cloud, United Kingdom, London", "34.89"),
    ("europe-west3", false, "Google Cloud, Germany, Frankfurt", "34.107"),
    ("me-west1", false, "Google Cloud, Israel, Tel Aviv", "34.165"),
    ("asia-south1", false, "Google Cloud, India, Mumbai", "34.93"),
    ("asia-southeast1", false, "Google Cloud, Singapore, Singapore", "34.87"),
    ("asia-northeast1", false, "Google Cloud, Japan, Tokyo", "34.84"),
    ("australia-southeast1", false, "Google Cloud, Australia, Sydney", "34.116"),
];

/// The three sites the console's demo `editor` account edits; always present, in this order.
pub(crate) const FIXED: [Place; 3] = [
    place(
        "Frankfurt Datacenter",
        "europe-west3",
        "Amazon Web Services, Germany, Frankfurt",
        "3.120",
        Kind::Datacenter,
    ),
    place(
        "London Office",
        "europe-west2",
        "British Telecommunications PLC, United Kingdom, London",
        "81.145",
        Kind::Office,
    ),
    place(
        "Toronto Lab",
        "northamerica-northeast1",
        "Bell Canada, Canada, Toronto",
        "142.112",
        Kind::Office,
    ),
];

use Kind::{Cloud, Datacenter, Office};

/// Everything else; shuffled per seed, then cycled with a " 2", " 3"… suffix if the tenant
/// asks for more sites than there are places.
#[rustfmt::skip]
pub(crate) const POOL: &[Place] = &[
    place("Chicago Branch Office", "us-central1", "Comcast Cable, United States, Chicago", "73.44", Office),
    place("AWS eu-central-1 VPC", "europe-west3", "Amazon Web Services, Germany, Frankfurt", "18.184", Cloud),
    place("AWS us-east-1 VPC", "us-east1", "Amazon Web Services, United States, Ashburn", "54.210", Cloud),
    place("AWS us-west-2 VPC", "us-west1", "Amazon Web Services, United States, Boardman", "35.86", Cloud),
    place("AWS ap-southeast-2 VPC", "australia-southeast1", "Amazon Web Services, Australia, Sydney", "13.236", Cloud),
    place("Azure West Europe VNet", "europe-west1", "Microsoft Azure, Netherlands, Amsterdam", "20.73", Cloud),
    place("Azure East US VNet", "us-east1", "Microsoft Azure, United States, Boydton", "20.119", Cloud),
    place("Azure Southeast Asia VNet", "asia-southeast1", "Microsoft Azure, Singapore, Singapore", "20.195", Cloud),
    place("GCP us-central1 Project", "us-central1", "Google Cloud, United States, Council Bluffs", "34.122", Cloud),
    place("GCP europe-west1 Project", "europe-west1", "Google Cloud, Belgium, St. Ghislain", "34.76", Cloud),
    place("New York Headquarters", "us-east1", "Verizon Business, United States, New York", "108.41", Office),
    place("San Francisco Office", "us-west1", "AT&T Services, United States, San Francisco", "12.96", Office),
    place("Seattle Engineering Hub", "us-west1", "CenturyLink, United States, Seattle", "63.228", Office),
    place("Austin Branch Office", "us-central1", "Spectrum Business, United States, Austin", "24.155", Office),
    place("Dallas Datacenter", "us-central1", "Equinix, United States, Dallas", "206.223", Datacenter),
    place("Atlanta Branch Office", "us-east1", "Comcast Business, United States, Atlanta", "50.201", Office),
    place("Boston Office", "us-east1", "Verizon Business, United States, Boston", "71.174", Office),
    place("Denver Warehouse", "us-central1", "Lumen Technologies, United States, Denver", "65.152", Office),
    place("Miami Sales Office", "us-east1", "AT&T Services, United States, Miami", "99.104", Office),
    place("Los Angeles Studio", "us-west1", "Cox Business, United States, Los Angeles", "68.101", Office),
    place("Phoenix Datacenter", "us-west1", "Cox Business, United States, Phoenix", "70.167", Datacenter),
    place("Portland Distribution Center", "us-west1", "Ziply Fiber, United States, Portland", "50.46", Office),
    place("Montreal Office", "northamerica-northeast1", "Videotron, Canada, Montreal", "24.201", Office),
    place("Vancouver Branch Office", "us-west1", "TELUS Communications, Canada, Vancouver", "154.20", Office),
    place("Mexico City Office", "us-central1", "Telmex, Mexico, Mexico City", "189.203", Office),
    place("São Paulo Office", "southamerica-east1", "Telefonica Brasil, Brazil, São Paulo", "177.69", Office),
    place("Paris Office", "europe-west1", "Orange S.A., France, Paris", "90.84", Office),
    place("Amsterdam Datacenter", "europe-west1", "Equinix, Netherlands, Amsterdam", "185.1", Datacenter),
    place("Dublin Support Center", "europe-west2", "Eir, Ireland, Dublin", "86.43", Office),
    place("Madrid Branch Office", "europe-west1", "Telefonica de Espana, Spain, Madrid", "83.44", Office),
    place("Milan Office", "europe-west3", "Telecom Italia, Italy, Milan", "79.9", Office),
    place("Stockholm Office", "europe-west1", "Telia Company, Sweden, Stockholm", "81.236", Office),
    place("Warsaw Development Center", "europe-west3", "Orange Polska, Poland, Warsaw", "83.26", Office),
    place("Zurich Office", "europe-west3", "Swisscom, Switzerland, Zurich", "85.5", Office),
    place("Munich Manufacturing Plant", "europe-west3", "Deutsche Telekom AG, Germany, Munich", "80.156", Datacenter),
    place("Berlin Lab", "europe-west3", "Vodafone GmbH, Germany, Berlin", "88.130", Office),
    place("Manchester Warehouse", "europe-west2", "Virgin Media, United Kingdom, Manchester", "82.14", Office),
    place("Edinburgh Office", "europe-west2", "British Telecommunications PLC, United Kingdom, Edinburgh", "86.128", Office),
    place("Tel Aviv R&D Center", "me-west1", "Bezeq International, Israel, Tel Aviv", "212.150", Office),
    place("Dubai Sales Office", "me-west1", "Emirates Telecommunications, United Arab Emirates, Dubai", "94.200", Office),
    place("Mumbai Office", "asia-south1", "Tata Communications, India, Mumbai", "115.110", Office),
    place("Bangalore Development Center", "asia-south1", "Bharti Airtel, India, Bangalore", "122.171", Office),
    place("Singapore Datacenter", "asia-southeast1", "Equinix, Singapore, Singapore", "103.252", Datacenter),
    place("Tokyo Office", "asia-northeast1", "NTT Communications, Japan, Tokyo", "153.156", Office),
    place("Seoul Branch Office", "asia-northeast1", "Korea Telecom, South Korea, Seoul", "211.36", Office),
    place("Hong Kong Office", "asia-southeast1", "PCCW, Hong Kong, Hong Kong", "203.198", Office),
    place("Sydney Office", "australia-southeast1", "Telstra, Australia, Sydney", "110.142", Office),
    place("Melbourne Branch Office", "australia-southeast1", "Optus, Australia, Melbourne", "49.195", Office),
    place("Auckland Office", "australia-southeast1", "Spark New Zealand, New Zealand, Auckland", "122.56", Office),
    place("Johannesburg Office", "europe-west1", "Vodacom, South Africa, Johannesburg", "41.13", Office),
];

/// The latest connector version and its build number.
pub(crate) const LATEST_VERSION: &str = "2.5.8";
pub(crate) const LATEST_BUILD: u32 = 1021;

/// Versions older connectors still run (their `update_status` is `UpdateAvailable`).
pub(crate) const OLDER_VERSIONS: &[&str] = &["2.5.6+1003", "2.5.4+987", "2.5.1+964", "2.4.12+921"];

pub(crate) const UPDATE_FAILURES: &[&str] = &[
    "error downloading new connector",
    "not enough disk space to extract the new connector image",
    "timeout waiting for the new connector container to become healthy",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_is_in_a_known_region() {
        for p in FIXED.iter().chain(POOL) {
            assert!(
                REGIONS.iter().any(|(name, ..)| *name == p.region),
                "{} has unknown region {}",
                p.name,
                p.region
            );
        }
        let mut names: Vec<_> = FIXED.iter().chain(POOL).map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FIXED.len() + POOL.len());
        assert_eq!(REGIONS.iter().filter(|r| r.1).count(), 1);
    }
}

//! Fabricated but plausible names, hostnames and addresses, shared by the seed and by
//! runtime registrations (so a connector registered through `/_emulator` looks like a
//! seeded one).

use rand::Rng;
use uuid::Uuid;

use crate::state::model::DeploymentType;

/// A v4 UUID drawn from `rng` (deterministic when `rng` is seeded).
pub(crate) fn uuid(rng: &mut impl Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.gen()).into_uuid()
}

/// ASCII letters, digits and dashes only: container names and hostnames cannot carry accents.
fn fold(c: char) -> Option<char> {
    let folded = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'ñ' => 'n',
        c if c.is_ascii_alphanumeric() || c == '-' => c,
        _ => return None,
    };
    Some(folded)
}

/// "São Paulo Office" → "Sao-Paulo-Office".
pub(crate) fn slug(name: &str) -> String {
    name.split_whitespace()
        .map(|word| word.chars().filter_map(fold).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// In the reference's style: "TestSite-Connector-3".
pub(crate) fn connector_name(site_name: &str, n: usize) -> String {
    format!("{}-Connector-{n}", slug(site_name))
}

pub(crate) fn internal_ip(rng: &mut impl Rng, network: u8) -> String {
    format!(
        "10.{network}.{}.{}",
        rng.gen_range(0..32u8),
        rng.gen_range(10..250u8)
    )
}

/// `prefix` holds the first two octets of the site's public range.
pub(crate) fn external_ip(rng: &mut impl Rng, prefix: &str) -> String {
    format!(
        "{prefix}.{}.{}",
        rng.gen_range(1..255u8),
        rng.gen_range(1..254u8)
    )
}

/// A hostname that fits the deployment type: a Linux box, a Windows server (15-character
/// NetBIOS limit), a Docker host or a Kubernetes pod.
pub(crate) fn hostname(
    rng: &mut impl Rng,
    site_name: &str,
    deployment: DeploymentType,
    n: usize,
    internal_ip: &str,
) -> String {
    let slug = slug(site_name).to_ascii_lowercase();
    match deployment {
        DeploymentType::Linux if site_name.starts_with("AWS ") => {
            format!("ip-{}", internal_ip.replace('.', "-"))
        }
        DeploymentType::Linux => format!("{slug}-lum{n:02}"),
        DeploymentType::DockerCompose => format!("{slug}-docker{n:02}"),
        DeploymentType::Windows => {
            let first: String = slug
                .split('-')
                .next()
                .unwrap_or("site")
                .chars()
                .take(8)
                .collect::<String>()
                .to_ascii_uppercase();
            format!("{first}-LUM{n:02}")
        }
        DeploymentType::Kubernetes => {
            const ALNUM: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
            let pod: String = (0..5)
                .map(|_| char::from(ALNUM[rng.gen_range(0..ALNUM.len())]))
                .collect();
            format!("luminate-connector-{:08x}-{pod}", rng.gen::<u32>() >> 2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("São Paulo Office"), "Sao-Paulo-Office");
        assert_eq!(slug("Tel Aviv R&D Center"), "Tel-Aviv-RD-Center");
        assert_eq!(
            connector_name("Frankfurt Datacenter", 2),
            "Frankfurt-Datacenter-Connector-2"
        );
    }

    #[test]
    fn windows_hostnames_fit_netbios() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let h = hostname(
            &mut rng,
            "Bangalore Development Center",
            DeploymentType::Windows,
            3,
            "10.1.2.3",
        );
        assert_eq!(h, "BANGALOR-LUM03");
        assert!(h.len() <= 15);
    }
}

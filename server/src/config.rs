//! Configuration: nothing set means the embedded emulator on loopback; a real tenant is
//! configuration only. Environment variables override an optional TOML file
//! (`CONSOLE_CONFIG`, default `console.toml` if present). A bad setting stops start-up
//! with a message that names the key.

use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;
use ztna_client::{ApiOrigin, Credentials, Secret};

#[derive(Debug, thiserror::Error)]
#[error("configuration error in {key}: {problem}")]
pub struct ConfigError {
    pub key: &'static str,
    pub problem: String,
}

fn bad(key: &'static str, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        key,
        problem: problem.into(),
    }
}

/// Where the tenant is.
#[derive(Debug)]
pub enum Tenant {
    /// The built-in emulator, started in-process on a loopback port (a random one unless
    /// `listen` pins it, e.g. for end-to-end tests that drive the emulator's controls).
    Embedded {
        seed: u64,
        listen: Option<SocketAddr>,
        /// Log documents to seed (`EMULATOR_AUDIT_LOGS`, `EMULATOR_FORENSICS_LOGS`).
        audit_logs: Option<usize>,
        forensics_logs: Option<usize>,
    },
    /// A real tenant (or a standalone emulator).
    Remote {
        origin: ApiOrigin,
        credentials: Credentials,
    },
}

#[derive(Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub tenant: Tenant,
    pub rate_per_second: u32,
    pub cache_ttl: Duration,
    /// Mark the session cookie `Secure` (set when the console is served over TLS).
    pub secure_cookies: bool,
    pub demo_password: Option<String>,
    pub session_idle: Duration,
}

/// The TOML file's keys (all optional; environment variables win).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    listen: Option<String>,
    data_dir: Option<String>,
    api_origin: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    client_secret_file: Option<String>,
    client_token: Option<String>,
    client_token_file: Option<String>,
    rate_limit: Option<u32>,
    cache_ttl_secs: Option<u64>,
    secure_cookies: Option<bool>,
    emulator_seed: Option<u64>,
    emulator_listen: Option<String>,
    session_idle_minutes: Option<u64>,
}

impl Config {
    /// Reads the process environment (and the file it may name).
    pub fn load() -> Result<Config, ConfigError> {
        Config::from_lookup(&|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Reads configuration through `env`, so tests can pass a map.
    pub fn from_lookup(env: &dyn Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let file = match env("CONSOLE_CONFIG") {
            Some(path) => read_file(Path::new(&path), "CONSOLE_CONFIG")?,
            None if Path::new("console.toml").exists() => {
                read_file(Path::new("console.toml"), "console.toml")?
            }
            None => FileConfig::default(),
        };

        let listen_raw = env("LEPTOS_SITE_ADDR")
            .map(|v| ("LEPTOS_SITE_ADDR", v))
            .or_else(|| env("CONSOLE_LISTEN").map(|v| ("CONSOLE_LISTEN", v)))
            .or_else(|| file.listen.clone().map(|v| ("listen", v)))
            .unwrap_or(("LEPTOS_SITE_ADDR", "127.0.0.1:3000".to_string()));
        let listen: SocketAddr = listen_raw.1.trim().parse().map_err(|_| {
            bad(
                listen_raw.0,
                format!("`{}` is not an address like 127.0.0.1:3000", listen_raw.1),
            )
        })?;

        let data_dir = PathBuf::from(
            env("CONSOLE_DATA_DIR")
                .or(file.data_dir.clone())
                .unwrap_or_else(|| "data".to_string()),
        );

        let rate_per_second = match env("ZTNA_RATE_LIMIT") {
            Some(v) => v.trim().parse::<u32>().map_err(|_| {
                bad(
                    "ZTNA_RATE_LIMIT",
                    "must be a whole number of requests per second",
                )
            })?,
            None => file.rate_limit.unwrap_or(5),
        };
        if !(1..=100).contains(&rate_per_second) {
            return Err(bad("ZTNA_RATE_LIMIT", "must be between 1 and 100"));
        }

        let cache_ttl = Duration::from_secs(match env("ZTNA_CACHE_TTL_SECS") {
            Some(v) => v
                .trim()
                .parse::<u64>()
                .map_err(|_| bad("ZTNA_CACHE_TTL_SECS", "must be a whole number of seconds"))?,
            None => file.cache_ttl_secs.unwrap_or(5),
        });

        let secure_cookies = match env("CONSOLE_SECURE_COOKIES") {
            Some(v) => parse_bool(&v)
                .ok_or_else(|| bad("CONSOLE_SECURE_COOKIES", "must be true or false"))?,
            None => file.secure_cookies.unwrap_or(false),
        };

        let session_idle = Duration::from_secs(
            60 * match env("CONSOLE_SESSION_IDLE_MINUTES") {
                Some(v) => v.trim().parse::<u64>().map_err(|_| {
                    bad(
                        "CONSOLE_SESSION_IDLE_MINUTES",
                        "must be a whole number of minutes",
                    )
                })?,
                None => file.session_idle_minutes.unwrap_or(480),
            },
        );

        let emulator_seed = match env("EMULATOR_SEED") {
            Some(v) => v
                .trim()
                .parse::<u64>()
                .map_err(|_| bad("EMULATOR_SEED", "must be a whole number"))?,
            None => file.emulator_seed.unwrap_or(42),
        };

        let count = |key: &'static str| -> Result<Option<usize>, ConfigError> {
            env(key)
                .map(|v| {
                    v.trim()
                        .parse::<usize>()
                        .map_err(|_| bad(key, "must be a whole number of documents"))
                })
                .transpose()
        };
        let sizes = (
            count("EMULATOR_AUDIT_LOGS")?,
            count("EMULATOR_FORENSICS_LOGS")?,
        );
        let tenant = tenant(env, &file, emulator_seed, sizes)?;

        Ok(Config {
            listen,
            data_dir,
            tenant,
            rate_per_second,
            cache_ttl,
            secure_cookies,
            demo_password: env("CONSOLE_DEMO_PASSWORD"),
            session_idle,
        })
    }
}

fn tenant(
    env: &dyn Fn(&str) -> Option<String>,
    file: &FileConfig,
    seed: u64,
    (audit_logs, forensics_logs): (Option<usize>, Option<usize>),
) -> Result<Tenant, ConfigError> {
    let origin = env("ZTNA_API_ORIGIN").or(file.api_origin.clone());
    let client_id = env("ZTNA_CLIENT_ID").or(file.client_id.clone());
    let secret = secret_value(
        env("ZTNA_CLIENT_SECRET").or(file.client_secret.clone()),
        env("ZTNA_CLIENT_SECRET_FILE").or(file.client_secret_file.clone()),
        "ZTNA_CLIENT_SECRET",
        "ZTNA_CLIENT_SECRET_FILE",
    )?;
    let token = secret_value(
        env("ZTNA_CLIENT_TOKEN").or(file.client_token.clone()),
        env("ZTNA_CLIENT_TOKEN_FILE").or(file.client_token_file.clone()),
        "ZTNA_CLIENT_TOKEN",
        "ZTNA_CLIENT_TOKEN_FILE",
    )?;

    let Some(origin) = origin else {
        if client_id.is_some() || secret.is_some() || token.is_some() {
            return Err(bad(
                "ZTNA_API_ORIGIN",
                "credentials are set but no API origin; set it, e.g. https://api.acme.luminatesec.com",
            ));
        }
        let listen = match env("CONSOLE_EMULATOR_LISTEN").or(file.emulator_listen.clone()) {
            None => None,
            Some(raw) => {
                let addr: SocketAddr = raw.trim().parse().map_err(|_| {
                    bad(
                        "CONSOLE_EMULATOR_LISTEN",
                        format!("`{raw}` is not an address like 127.0.0.1:3199"),
                    )
                })?;
                if !addr.ip().is_loopback() {
                    return Err(bad(
                        "CONSOLE_EMULATOR_LISTEN",
                        "the embedded emulator listens on loopback only (127.0.0.1 or ::1)",
                    ));
                }
                Some(addr)
            }
        };
        return Ok(Tenant::Embedded {
            seed,
            listen,
            audit_logs,
            forensics_logs,
        });
    };
    let origin =
        ApiOrigin::parse(origin.trim()).map_err(|e| bad("ZTNA_API_ORIGIN", e.to_string()))?;
    let credentials = match (client_id, secret, token) {
        (Some(id), Some(secret), None) => Credentials::ClientCredentials {
            client_id: id.trim().to_string(),
            client_secret: Secret::new(secret),
        },
        (None, None, Some(token)) => Credentials::StaticToken(Secret::new(token)),
        (Some(_), None, None) => {
            return Err(bad(
                "ZTNA_CLIENT_SECRET",
                "a client id needs its client secret",
            ))
        }
        (None, Some(_), None) => {
            return Err(bad("ZTNA_CLIENT_ID", "a client secret needs its client id"))
        }
        (None, None, None) => {
            return Err(bad(
                "ZTNA_CLIENT_ID",
                "set a client id and secret, or a client token, for the API origin",
            ))
        }
        _ => {
            return Err(bad(
                "ZTNA_CLIENT_TOKEN",
                "set either a client token or a client id and secret, not both",
            ))
        }
    };
    Ok(Tenant::Remote {
        origin,
        credentials,
    })
}

/// A secret given directly or as a file (the file wins over nothing, but not both).
fn secret_value(
    direct: Option<String>,
    file: Option<String>,
    key: &'static str,
    file_key: &'static str,
) -> Result<Option<String>, ConfigError> {
    match (direct, file) {
        (Some(_), Some(_)) => Err(bad(key, format!("set {key} or {file_key}, not both"))),
        (Some(v), None) => Ok(Some(v.trim().to_string())),
        (None, Some(path)) => {
            let v = std::fs::read_to_string(&path)
                .map_err(|e| bad(file_key, format!("cannot read {path}: {e}")))?;
            let v = v.trim().to_string();
            if v.is_empty() {
                return Err(bad(file_key, format!("{path} is empty")));
            }
            Ok(Some(v))
        }
        (None, None) => Ok(None),
    }
}

fn read_file(path: &Path, key: &'static str) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| bad(key, format!("cannot read {}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| bad(key, format!("{}: {e}", path.display())))
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(&move |k| map.get(k).cloned())
    }

    #[test]
    fn nothing_set_means_embedded_emulator_on_loopback() {
        let c = load(&[]).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            c.tenant,
            Tenant::Embedded {
                seed: 42,
                listen: None,
                ..
            }
        ));
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(c.rate_per_second, 5);
    }

    #[test]
    fn the_embedded_emulator_can_be_pinned_to_a_loopback_address() {
        let c = load(&[("CONSOLE_EMULATOR_LISTEN", "127.0.0.1:3199")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            c.tenant,
            Tenant::Embedded { listen: Some(addr), .. } if addr.port() == 3199
        ));
        for bad in ["0.0.0.0:3199", "10.1.2.3:1", "nonsense"] {
            assert_eq!(
                load(&[("CONSOLE_EMULATOR_LISTEN", bad)])
                    .err()
                    .map(|e| e.key),
                Some("CONSOLE_EMULATOR_LISTEN"),
                "{bad}"
            );
        }
    }

    #[test]
    fn leptos_site_addr_overrides_listen() {
        let c = load(&[
            ("LEPTOS_SITE_ADDR", "127.0.0.1:4555"),
            ("CONSOLE_LISTEN", "0.0.0.0:1"),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.listen.port(), 4555);
    }

    #[test]
    fn bad_settings_name_their_key() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("LEPTOS_SITE_ADDR", "nonsense")], "LEPTOS_SITE_ADDR"),
            (
                &[
                    ("ZTNA_API_ORIGIN", "api.acme.luminatesec.com"),
                    ("ZTNA_CLIENT_TOKEN", "t"),
                ],
                "ZTNA_API_ORIGIN",
            ),
            (
                &[
                    ("ZTNA_API_ORIGIN", "http://example.com"),
                    ("ZTNA_CLIENT_TOKEN", "t"),
                ],
                "ZTNA_API_ORIGIN",
            ),
            (
                &[
                    ("ZTNA_API_ORIGIN", "https://api.acme.luminatesec.com/v2"),
                    ("ZTNA_CLIENT_TOKEN", "t"),
                ],
                "ZTNA_API_ORIGIN",
            ),
            (
                &[("ZTNA_API_ORIGIN", "https://api.acme.luminatesec.com")],
                "ZTNA_CLIENT_ID",
            ),
            (
                &[
                    ("ZTNA_API_ORIGIN", "https://api.acme.luminatesec.com"),
                    ("ZTNA_CLIENT_ID", "x"),
                ],
                "ZTNA_CLIENT_SECRET",
            ),
            (&[("ZTNA_CLIENT_ID", "x")], "ZTNA_API_ORIGIN"),
            (&[("ZTNA_RATE_LIMIT", "fast")], "ZTNA_RATE_LIMIT"),
            (&[("ZTNA_RATE_LIMIT", "0")], "ZTNA_RATE_LIMIT"),
            (
                &[("CONSOLE_SECURE_COOKIES", "maybe")],
                "CONSOLE_SECURE_COOKIES",
            ),
            (
                &[
                    ("ZTNA_API_ORIGIN", "https://api.acme.luminatesec.com"),
                    ("ZTNA_CLIENT_TOKEN_FILE", "/nonexistent/token"),
                ],
                "ZTNA_CLIENT_TOKEN_FILE",
            ),
        ];
        for (pairs, key) in cases {
            match load(pairs) {
                Err(e) => {
                    assert_eq!(e.key, *key, "{pairs:?}: {e}");
                    assert!(e.to_string().contains(key));
                }
                Ok(_) => panic!("{pairs:?} should be refused"),
            }
        }
    }

    #[test]
    fn real_tenant_with_client_credentials_or_token() {
        let c = load(&[
            ("ZTNA_API_ORIGIN", "https://api.acme.luminatesec.com"),
            ("ZTNA_CLIENT_ID", "id"),
            ("ZTNA_CLIENT_SECRET", "s3cret"),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            c.tenant,
            Tenant::Remote {
                credentials: Credentials::ClientCredentials { .. },
                ..
            }
        ));
        // The secret never shows in Debug output of the configuration.
        assert!(!format!("{c:?}").contains("s3cret"));

        let dir = std::env::temp_dir().join(format!("cfg-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let token_file = dir.join("token");
        std::fs::write(&token_file, "tok-from-file\n").unwrap_or_else(|e| panic!("{e}"));
        let path = token_file.to_string_lossy().to_string();
        let c = load(&[
            ("ZTNA_API_ORIGIN", "http://127.0.0.1:8443"),
            ("ZTNA_CLIENT_TOKEN_FILE", &path),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(
            c.tenant,
            Tenant::Remote {
                credentials: Credentials::StaticToken(_),
                ..
            }
        ));
    }

    #[test]
    fn toml_file_is_read_and_env_wins() {
        let dir = std::env::temp_dir().join(format!("cfg-toml-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let file = dir.join("console.toml");
        std::fs::write(&file, "listen = \"127.0.0.1:4000\"\nrate_limit = 4\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let path = file.to_string_lossy().to_string();
        let c = load(&[("CONSOLE_CONFIG", &path), ("ZTNA_RATE_LIMIT", "3")])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.listen.port(), 4000);
        assert_eq!(c.rate_per_second, 3);
        std::fs::write(&file, "lisen = \"typo\"\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            load(&[("CONSOLE_CONFIG", &path)]).err().map(|e| e.key),
            Some("CONSOLE_CONFIG")
        );
    }
}

//! Password hashing: Argon2id with the argon2 crate's default parameters,
//! PHC strings, random salts from the OS RNG.
//!
//! These functions are CPU-heavy (tens of milliseconds); call them from
//! `tokio::task::spawn_blocking` in async code.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use rand::rngs::OsRng;
use rand::Rng;

use crate::StoreError;

/// Characters for [`generate`]: alphanumerics without look-alikes (0 O o 1 l I).
const UNAMBIGUOUS: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";

/// Hashes `plain` into an Argon2id PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub fn hash(plain: &str) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(plain.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Database(format!("password hashing failed: {e}")))
}

/// True if `plain` matches the PHC string `phc`. A malformed `phc` is `false`.
pub fn verify(plain: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default()
            .verify_password(plain.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Does the work of one [`verify`] against a throw-away hash, so a login for an
/// unknown username costs the same as one for a known username.
pub fn dummy_verify(plain: &str) {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let phc = DUMMY.get_or_init(|| {
        // Hashing cannot fail with default params and a generated salt; if it
        // somehow did, fall back to hashing on every call (still costs the same).
        hash(&generate(24)).unwrap_or_default()
    });
    if phc.is_empty() {
        let _ = hash(plain);
    } else {
        let _ = verify(plain, phc);
    }
}

/// A random string of `len` unambiguous alphanumerics (no 0/O/o/1/l/I), from the OS RNG.
pub fn generate(len: usize) -> String {
    let mut rng = OsRng;
    (0..len)
        .map(|_| char::from(UNAMBIGUOUS[rng.gen_range(0..UNAMBIGUOUS.len())]))
        .collect()
}

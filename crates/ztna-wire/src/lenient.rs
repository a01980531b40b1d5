//! Deserialisation helpers for the lenient decoding rules of the tenant API.
//!
//! Every helper treats `null` like a missing field (pair it with `#[serde(default)]`), and the
//! `flex_*` helpers also accept the other spellings seen on the wire (`"true"` for `true`,
//! `"3600"` for `3600`). Timestamps that cannot be parsed decode as "absent" rather than failing
//! the whole document.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serializer};
use serde_json::Value;
use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// `null` (or, with `#[serde(default)]`, a missing field) becomes `T::default()`.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Any value that does not decode as `T` (wrong type, `null`) becomes `T::default()`.
/// For diagnostic documents such as error bodies, where a partial answer beats none.
pub fn tolerant<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned + Default,
{
    let v = Value::deserialize(d)?;
    Ok(serde_json::from_value(v).unwrap_or_default())
}

fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => Some(true),
            "false" | "0" | "no" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        _ => None,
    }
}

/// `true`/`false`, `"true"`/`"false"`, `1`/`0`; `null`, missing or anything else is `false`.
pub fn flex_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?).unwrap_or(false))
}

/// Like [`flex_bool`] but `null` (and anything unreadable) is `true`; pair it with
/// `#[serde(default = "ztna_wire::lenient::yes")]` for fields whose documented default is true.
pub fn flex_bool_true<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?).unwrap_or(true))
}

/// `true`, for `#[serde(default = ...)]`.
pub fn yes() -> bool {
    true
}

fn i64_of(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An integer that may arrive as a number or a numeric string; anything else is `0`.
pub fn flex_i64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(i64_of(&Value::deserialize(d)?).unwrap_or(0))
}

/// A non-negative integer that may arrive as a number or a numeric string; else `0`.
pub fn flex_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(i64_of(&Value::deserialize(d)?)
        .and_then(|n| u64::try_from(n).ok())
        .unwrap_or(0))
}

/// A string; numbers and booleans are kept as their text, `null` and anything else is `""`.
pub fn flex_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    })
}

/// Parses the timestamp spellings seen on the wire: RFC 3339 (`2019-02-24T12:05:51.000Z`,
/// `1985-04-12T23:20:50.52Z`), or the same without an offset (read as UTC).
pub fn parse_datetime(s: &str) -> Option<OffsetDateTime> {
    let s = s.trim();
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        return Some(t);
    }
    let naive = format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    PrimitiveDateTime::parse(s, naive)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// The RFC 3339 text of a timestamp (`None` only for years RFC 3339 cannot write).
pub fn format_datetime(t: &OffsetDateTime) -> Option<String> {
    t.format(&Rfc3339).ok()
}

pub(crate) fn datetime_of(v: &Value) -> Option<OffsetDateTime> {
    match v {
        Value::String(s) => parse_datetime(s),
        // Epoch milliseconds, as the API uses for `timestamp`, `createdOn`, ...
        Value::Number(n) => n.as_i64().and_then(|ms| {
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
        }),
        _ => None,
    }
}

/// An optional timestamp: `null`, missing, empty or unparsable are all `None`.
pub fn datetime_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<OffsetDateTime>, D::Error> {
    Ok(datetime_of(&Value::deserialize(d)?))
}

/// Writes an optional timestamp as RFC 3339 text, or `null`.
pub fn serialize_datetime_opt<S: Serializer>(
    v: &Option<OffsetDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match v.as_ref().and_then(format_datetime) {
        Some(text) => s.serialize_str(&text),
        None => s.serialize_none(),
    }
}

/// An optional string where `null`, missing and `""` all mean `None`.
pub fn nonempty_string_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.is_empty() => Some(s),
        _ => None,
    })
}

/// An optional string: strings as they are (even `""`), numbers and booleans as their text;
/// `null`, missing, objects and arrays are `None`.
pub fn flex_string_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// An optional boolean: `true`/`"true"`/`1` and their opposites; `null`, missing and
/// anything unreadable are `None`.
pub fn flex_bool_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    Ok(bool_of(&Value::deserialize(d)?))
}

fn push_strings(v: Value, out: &mut Vec<String>, depth: u8) {
    match v {
        Value::Array(items) => {
            for item in items {
                push_strings(item, out, depth);
            }
        }
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                return;
            }
            // A JSON-encoded list (`"[\"a\",\"b\"]"`) or string, as some answers send.
            if depth < 3 && (t.starts_with('[') || t.starts_with('"')) {
                if let Ok(inner) = serde_json::from_str::<Value>(t) {
                    push_strings(inner, out, depth + 1);
                    return;
                }
            }
            out.push(s);
        }
        Value::Number(n) => out.push(n.to_string()),
        Value::Bool(b) => out.push(b.to_string()),
        _ => {}
    }
}

/// A list of strings that may arrive as an array, as a JSON-encoded string holding the array
/// (`"[\"a.com\",\"b.com\"]"`), or as an array of such strings; `null`/missing is empty.
/// Numbers are kept as text; empty strings are dropped.
pub fn string_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let mut out = Vec::new();
    push_strings(Value::deserialize(d)?, &mut out, 0);
    Ok(out)
}

/// A list that may arrive as an array or as one bare object (`null`/missing is empty).
/// Elements that do not decode as `T` are skipped rather than failing the document.
pub fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        Value::Null => Vec::new(),
        v => serde_json::from_value(v).into_iter().collect(),
    })
}

/// Parses a JSON document that may have been escaped or quoted once or twice more on its way
/// (`{\"id\":1}`, `"{\"id\":1}"`, `"{"id":1}"`), as log `message` and revision fields are.
/// Returns `None` when no reading gives a JSON object or array.
pub fn decode_embedded_json(text: &str) -> Option<Value> {
    let mut current = text.trim().to_owned();
    for _ in 0..4 {
        match serde_json::from_str::<Value>(&current) {
            Ok(Value::String(inner)) => current = inner.trim().to_owned(),
            Ok(v @ (Value::Object(_) | Value::Array(_))) => return Some(v),
            Ok(_) => return None,
            Err(_) => {
                if current.len() >= 2 && current.starts_with('"') && current.ends_with('"') {
                    current = current[1..current.len() - 1].trim().to_owned();
                } else if current.contains("\\\"") || current.contains("\\\\") {
                    current = unescape_once(&current);
                } else {
                    return None;
                }
            }
        }
    }
    None
}

/// Removes one level of backslash escaping of quotes and backslashes (`\"` → `"`,
/// `\\` → `\`); other escapes are left for the JSON parser.
fn unescape_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(q @ ('"' | '\\' | '/')) => out.push(q),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn parses_wire_timestamps() {
        for s in [
            "2019-02-24T12:05:51.000Z",
            "1985-04-12T23:20:50.52Z",
            "2025-07-28T13:34:24Z",
            "2025-07-28T13:34:24",
            "2025-07-28T13:34:24.123",
            "2025-07-28T15:34:24+02:00",
        ] {
            assert!(parse_datetime(s).is_some(), "{s}");
        }
        assert!(parse_datetime("yesterday").is_none());
        assert!(parse_datetime("").is_none());
    }
}

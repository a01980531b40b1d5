//! HTTP routes of the emulated tenant API, one module per resource, plus what they share:
//! JSON body parsing into [`Field`]s, list parameters and the page envelope.

pub(crate) mod applications;
pub(crate) mod cloud_integrations;
pub(crate) mod collections;
pub(crate) mod connectors;
pub(crate) mod dns;
pub(crate) mod identities;
pub(crate) mod logs;
pub(crate) mod policies;
pub(crate) mod regions;
pub(crate) mod registration_keys;
pub(crate) mod role_bindings;
pub(crate) mod scim;
pub(crate) mod sites;
pub(crate) mod ssh_clients;
pub(crate) mod token;

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{Method, Uri};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::state::Field;

/// Unknown paths: 404 with the documented body.
pub(crate) async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("No API operation for {method} {}", uri.path()))
}

/// A JSON request body. Parsed by hand (not `axum::Json`) so that a missing content type is
/// tolerated and a malformed body is a 400 with the documented error body, like the tenant,
/// rather than axum's 415/422. An empty body is `null`.
pub(crate) struct ApiJson(pub Value);

impl<S: Send + Sync> FromRequest<S> for ApiJson {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("Invalid request body: {e}")))?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Self(Value::Null));
        }
        serde_json::from_slice(&bytes).map(Self).map_err(|e| {
            ApiError::bad_request(format!("Invalid request body: malformed JSON ({e})"))
        })
    }
}

impl ApiJson {
    /// The body as a JSON object; `null`/empty counts as `{}` when `allow_empty`.
    pub fn object(self, allow_empty: bool) -> Result<Map<String, Value>, ApiError> {
        match self.0 {
            Value::Object(map) => Ok(map),
            Value::Null if allow_empty => Ok(Map::new()),
            Value::Null => Err(ApiError::bad_request(
                "Invalid request body: a JSON object is required",
            )),
            _ => Err(ApiError::bad_request(
                "Invalid request body: expected a JSON object",
            )),
        }
    }
}

fn type_error(key: &str, expected: &str) -> ApiError {
    ApiError::bad_request(format!(
        "Invalid request parameters: {key} must be a {expected}"
    ))
}

pub(crate) fn string_field(obj: &Map<String, Value>, key: &str) -> Result<Field<String>, ApiError> {
    match obj.get(key) {
        None => Ok(Field::Absent),
        Some(Value::Null) => Ok(Field::Null),
        Some(Value::String(s)) => Ok(Field::Value(s.clone())),
        Some(_) => Err(type_error(key, "string")),
    }
}

/// Booleans, also accepting "true"/"false" strings as some clients send them.
pub(crate) fn bool_field(obj: &Map<String, Value>, key: &str) -> Result<Field<bool>, ApiError> {
    match obj.get(key) {
        None => Ok(Field::Absent),
        Some(Value::Null) => Ok(Field::Null),
        Some(Value::Bool(b)) => Ok(Field::Value(*b)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Field::Value(true)),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Field::Value(false)),
        Some(_) => Err(type_error(key, "boolean")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortKey {
    Id,
    Name,
}

/// `page`, `size`, `sort` and `filter`, as in "Some of our API responses are paginated".
#[derive(Debug, Clone)]
pub(crate) struct ListParams {
    pub page: usize,
    pub size: usize,
    pub sort: SortKey,
    pub descending: bool,
    /// Lowercased substring to look for.
    pub filter: Option<String>,
}

pub(crate) const DEFAULT_PAGE_SIZE: usize = 50;
pub(crate) const MAX_PAGE_SIZE: usize = 100;

impl ListParams {
    pub fn parse(query: &HashMap<String, String>) -> Result<Self, ApiError> {
        let number = |key: &str| -> Result<Option<i64>, ApiError> {
            match query.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                None => Ok(None),
                Some(v) => v.parse::<i64>().map(Some).map_err(|_| {
                    ApiError::bad_request(format!(
                        "Invalid request parameters: {key} must be an integer"
                    ))
                }),
            }
        };
        let page = number("page")?.unwrap_or(0);
        let page = usize::try_from(page).map_err(|_| {
            ApiError::bad_request("Invalid request parameters: page must not be negative")
        })?;
        let size = number("size")?.unwrap_or(DEFAULT_PAGE_SIZE as i64);
        if size < 1 {
            return Err(ApiError::bad_request(
                "Invalid request parameters: size must be at least 1",
            ));
        }
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        if size > MAX_PAGE_SIZE {
            return Err(ApiError::bad_request(format!(
                "Invalid request parameters: size must not be greater than {MAX_PAGE_SIZE}"
            )));
        }

        let (sort, descending) = match query
            .get("sort")
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            None => (SortKey::Id, false),
            Some(raw) => {
                let (key, dir) = raw.split_once(',').unwrap_or((raw, "asc"));
                let key = match key.trim().to_ascii_lowercase().as_str() {
                    "id" => SortKey::Id,
                    "name" => SortKey::Name,
                    _ => {
                        return Err(ApiError::bad_request(format!(
                        "Invalid request parameters: unsupported sort key '{}' (use name or id)",
                        key.trim()
                    )))
                    }
                };
                let descending = match dir.trim().to_ascii_lowercase().as_str() {
                    "asc" | "" => false,
                    "desc" => true,
                    other => {
                        return Err(ApiError::bad_request(format!(
                            "Invalid request parameters: unsupported sort direction '{other}' (use asc or desc)"
                        )))
                    }
                };
                (key, descending)
            }
        };

        let filter = query
            .get("filter")
            .map(|f| f.trim().to_lowercase())
            .filter(|f| !f.is_empty());
        Ok(Self {
            page,
            size,
            sort,
            descending,
            filter,
        })
    }

    /// Case-insensitive substring match on any of `fields`.
    pub fn matches<'a>(&self, fields: impl IntoIterator<Item = &'a str>) -> bool {
        self.filter.as_deref().is_none_or(|needle| {
            fields
                .into_iter()
                .any(|field| field.to_lowercase().contains(needle))
        })
    }

    /// Sorts `(id, name, item)` rows; names compare case-insensitively, ties by id.
    pub fn sort<T>(&self, rows: &mut [(String, String, T)]) {
        rows.sort_by(|a, b| {
            let ordering = match self.sort {
                SortKey::Id => a.0.cmp(&b.0),
                SortKey::Name => {
                    a.1.to_lowercase()
                        .cmp(&b.1.to_lowercase())
                        .then_with(|| a.0.cmp(&b.0))
                }
            };
            if self.descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
    }
}

/// The page envelope.
#[derive(Debug, Serialize)]
pub(crate) struct Page<T> {
    pub content: Vec<T>,
    pub first: bool,
    pub last: bool,
    pub size: usize,
    #[serde(rename = "totalElements")]
    pub total_elements: usize,
    #[serde(rename = "totalPages")]
    pub total_pages: usize,
    pub number: usize,
    #[serde(rename = "numberOfElements")]
    pub number_of_elements: usize,
}

impl<T> Page<T> {
    /// Cuts page `params.page` out of `items` (already filtered and sorted).
    pub fn of(items: Vec<T>, params: &ListParams) -> Self {
        let total_elements = items.len();
        let total_pages = total_elements.div_ceil(params.size);
        let content: Vec<T> = items
            .into_iter()
            .skip(params.page.saturating_mul(params.size))
            .take(params.size)
            .collect();
        Self {
            number_of_elements: content.len(),
            content,
            first: params.page == 0,
            last: params.page + 1 >= total_pages,
            size: params.size,
            total_elements,
            total_pages,
            number: params.page,
        }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            content: self.content.into_iter().map(f).collect(),
            first: self.first,
            last: self.last,
            size: self.size,
            total_elements: self.total_elements,
            total_pages: self.total_pages,
            number: self.number,
            number_of_elements: self.number_of_elements,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Result<ListParams, ApiError> {
        let map = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        ListParams::parse(&map)
    }

    #[test]
    fn list_params() {
        let p = params(&[]).unwrap();
        assert_eq!(
            (p.page, p.size, p.sort, p.descending),
            (0, 50, SortKey::Id, false)
        );
        let p = params(&[("sort", "name,desc"), ("size", "10"), ("page", "2")]).unwrap();
        assert_eq!(
            (p.page, p.size, p.sort, p.descending),
            (2, 10, SortKey::Name, true)
        );
        assert!(params(&[("size", "101")]).is_err());
        assert!(params(&[("size", "0")]).is_err());
        assert!(params(&[("page", "-1")]).is_err());
        assert!(params(&[("page", "x")]).is_err());
        assert!(params(&[("sort", "color,asc")]).is_err());
        assert!(params(&[("sort", "name,up")]).is_err());
    }

    #[test]
    fn page_envelope() {
        let p = params(&[("size", "3"), ("page", "1")]).unwrap();
        let page = Page::of((0..7).collect::<Vec<_>>(), &p);
        assert_eq!(page.content, vec![3, 4, 5]);
        assert_eq!((page.first, page.last, page.total_pages), (false, false, 3));
        let empty = Page::of(Vec::<u8>::new(), &p);
        assert_eq!(
            (empty.total_pages, empty.last, empty.number_of_elements),
            (0, true, 0)
        );
    }
}

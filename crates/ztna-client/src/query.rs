//! Parameters of paginated lists.

/// `page`, `size`, `sort`, `filter` of a list call. `size` defaults to 50 and is clamped to
/// 1..=100 when sent (0 means the default).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// 0-based page number.
    pub page: u32,
    pub size: u32,
    /// `key,dir`, e.g. `name,desc`.
    pub sort: Option<String>,
    pub filter: Option<String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        Self {
            page: 0,
            size: Self::DEFAULT_SIZE,
            sort: None,
            filter: None,
        }
    }
}

impl ListQuery {
    pub const DEFAULT_SIZE: u32 = 50;
    pub const MAX_SIZE: u32 = 100;

    /// The size actually sent.
    pub fn effective_size(&self) -> u32 {
        match self.size {
            0 => Self::DEFAULT_SIZE,
            n => n.min(Self::MAX_SIZE),
        }
    }

    /// Query pairs, in a fixed order (so equal queries give equal cache keys).
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = vec![
            ("page", self.page.to_string()),
            ("size", self.effective_size().to_string()),
        ];
        if let Some(s) = self.sort.as_deref().filter(|s| !s.is_empty()) {
            v.push(("sort", s.to_owned()));
        }
        if let Some(f) = self.filter.as_deref().filter(|f| !f.is_empty()) {
            v.push(("filter", f.to_owned()));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn size_is_clamped() {
        let q = |size| ListQuery {
            size,
            ..ListQuery::default()
        };
        assert_eq!(q(0).effective_size(), 50);
        assert_eq!(q(10).effective_size(), 10);
        assert_eq!(q(500).effective_size(), 100);
        assert_eq!(ListQuery::default().effective_size(), 50);
    }

    #[test]
    fn pairs_skip_empty_options() {
        let q = ListQuery {
            page: 2,
            size: 10,
            sort: Some("name,desc".into()),
            filter: Some(String::new()),
        };
        assert_eq!(
            q.pairs(),
            vec![
                ("page", "2".to_string()),
                ("size", "10".to_string()),
                ("sort", "name,desc".to_string())
            ]
        );
    }
}

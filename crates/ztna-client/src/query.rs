//! Parameters of paginated lists.

use ztna_wire::{ApplicationType, EntityType, PageCursor, RoleType, SubjectType};

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

fn push_opt(v: &mut Vec<(&'static str, String)>, key: &'static str, value: Option<&str>) {
    if let Some(s) = value.filter(|s| !s.trim().is_empty()) {
        v.push((key, s.to_owned()));
    }
}

/// `GET /v2/applications`: the page/size/sort/filter of [`ListQuery`] plus the application
/// type and site.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ApplicationQuery {
    pub list: ListQuery,
    pub app_type: Option<ApplicationType>,
    pub site_id: Option<String>,
}

impl ApplicationQuery {
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = self.list.pairs();
        push_opt(&mut v, "type", self.app_type.as_ref().map(|t| t.as_str()));
        push_opt(&mut v, "siteId", self.site_id.as_deref());
        v
    }
}

/// `GET /v2/collection`: page, size and sort (of [`ListQuery`]; its `filter` is not a
/// parameter of this call and is not sent) plus name and the resource filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CollectionQuery {
    pub list: ListQuery,
    pub name: Option<String>,
    pub application_id: Option<String>,
    pub site_id: Option<String>,
    pub policy_id: Option<String>,
}

impl CollectionQuery {
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = self.list.pairs();
        v.retain(|(k, _)| *k != "filter");
        push_opt(&mut v, "name", self.name.as_deref());
        push_opt(&mut v, "application-id", self.application_id.as_deref());
        push_opt(&mut v, "site-id", self.site_id.as_deref());
        push_opt(&mut v, "policy-id", self.policy_id.as_deref());
        v
    }
}

/// `GET /v2/collection/role-bindings`: page and size (of [`ListQuery`]; its `sort` is the
/// sort key alone, e.g. `displayName`, and `filter` is not sent), the direction and the
/// filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoleBindingQuery {
    pub list: ListQuery,
    /// `asc` or `desc`.
    pub direction: Option<String>,
    pub entity_id_in_idp: Option<String>,
    pub entity_type: Option<EntityType>,
    pub entity_name: Option<String>,
    pub subject_id: Option<String>,
    pub subject_type: Option<SubjectType>,
    pub subject_name: Option<String>,
    pub role_type: Option<RoleType>,
}

impl RoleBindingQuery {
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        push_opt(&mut v, "sort", self.list.sort.as_deref());
        push_opt(&mut v, "direction", self.direction.as_deref());
        v.push(("page", self.list.page.to_string()));
        v.push(("size", self.list.effective_size().to_string()));
        push_opt(&mut v, "entityIdInIdp", self.entity_id_in_idp.as_deref());
        push_opt(
            &mut v,
            "entityType",
            self.entity_type.as_ref().map(|t| t.as_str()),
        );
        push_opt(&mut v, "entityName", self.entity_name.as_deref());
        push_opt(&mut v, "subjectId", self.subject_id.as_deref());
        push_opt(
            &mut v,
            "subjectType",
            self.subject_type.as_ref().map(|t| t.as_str()),
        );
        push_opt(&mut v, "subjectName", self.subject_name.as_deref());
        push_opt(
            &mut v,
            "roleType",
            self.role_type.as_ref().map(|t| t.as_str()),
        );
        v
    }
}

/// Users and groups of an identity provider: `filter`, `pageOffset` (the `nextPage` of the
/// previous answer, passed back as received), `sortBy` (`email:desc`), `perPage` (default
/// 25, clamped to 1..=100) and, for users, `email`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdentityQuery {
    pub filter: Option<String>,
    pub page_offset: Option<PageCursor>,
    pub sort_by: Option<String>,
    pub per_page: u32,
    /// Users only.
    pub email: Option<String>,
}

impl Default for IdentityQuery {
    fn default() -> Self {
        Self {
            filter: None,
            page_offset: None,
            sort_by: None,
            per_page: Self::DEFAULT_PER_PAGE,
            email: None,
        }
    }
}

impl IdentityQuery {
    pub const DEFAULT_PER_PAGE: u32 = 25;
    pub const MAX_PER_PAGE: u32 = 100;

    /// The `perPage` actually sent.
    pub fn effective_per_page(&self) -> u32 {
        match self.per_page {
            0 => Self::DEFAULT_PER_PAGE,
            n => n.min(Self::MAX_PER_PAGE),
        }
    }

    fn offset_pairs(&self, v: &mut Vec<(&'static str, String)>) {
        if let Some(c) = &self.page_offset {
            v.push(("pageOffset", c.as_query()));
        }
        v.push(("perPage", self.effective_per_page().to_string()));
    }

    /// Pairs of `GET /v2/identities/{idp}/users`.
    pub(crate) fn user_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        push_opt(&mut v, "filter", self.filter.as_deref());
        self.offset_pairs(&mut v);
        push_opt(&mut v, "sortBy", self.sort_by.as_deref());
        push_opt(&mut v, "email", self.email.as_deref());
        v
    }

    /// Pairs of `GET /v2/identities/{idp}/groups` (no `email`).
    pub(crate) fn group_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        push_opt(&mut v, "filter", self.filter.as_deref());
        self.offset_pairs(&mut v);
        push_opt(&mut v, "sortBy", self.sort_by.as_deref());
        v
    }

    /// Pairs of `GET /v2/identities/{idp}/groups/{id}/users` (`pageOffset`, `perPage`).
    pub(crate) fn member_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        self.offset_pairs(&mut v);
        v
    }
}

/// SCIM lists: `startIndex` (1-based) and `count`, sent only when set (the reference
/// documents no parameters; these are the SCIM 2.0 ones), and a SCIM `filter`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScimQuery {
    pub start_index: Option<u32>,
    pub count: Option<u32>,
    pub filter: Option<String>,
}

impl ScimQuery {
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if let Some(s) = self.start_index {
            v.push(("startIndex", s.max(1).to_string()));
        }
        if let Some(c) = self.count {
            v.push(("count", c.to_string()));
        }
        push_opt(&mut v, "filter", self.filter.as_deref());
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

    #[test]
    fn resource_queries_send_their_parameters() {
        let a = ApplicationQuery {
            list: ListQuery::default(),
            app_type: Some(ApplicationType::Http),
            site_id: Some("s1".into()),
        };
        assert_eq!(
            a.pairs(),
            vec![
                ("page", "0".to_string()),
                ("size", "50".to_string()),
                ("type", "HTTP".to_string()),
                ("siteId", "s1".to_string())
            ]
        );
        let c = CollectionQuery {
            list: ListQuery {
                filter: Some("ignored".into()),
                ..ListQuery::default()
            },
            name: Some("n".into()),
            policy_id: Some("p".into()),
            ..CollectionQuery::default()
        };
        let keys: Vec<&str> = c.pairs().iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["page", "size", "name", "policy-id"]);
        let i = IdentityQuery {
            page_offset: Some(PageCursor::Text("abc".into())),
            per_page: 500,
            email: Some("j".into()),
            ..IdentityQuery::default()
        };
        assert_eq!(
            i.user_pairs(),
            vec![
                ("pageOffset", "abc".to_string()),
                ("perPage", "100".to_string()),
                ("email", "j".to_string())
            ]
        );
        assert!(i.group_pairs().iter().all(|(k, _)| *k != "email"));
        assert_eq!(i.member_pairs().len(), 2);
        assert!(ScimQuery::default().pairs().is_empty());
    }
}

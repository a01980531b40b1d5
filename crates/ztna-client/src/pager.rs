//! Walks every page of a paginated list.

use crate::error::ApiError;
use crate::query::ListQuery;
use std::collections::HashSet;
use std::future::Future;
use ztna_wire::Page;

/// At most this many pages are read by one walk.
pub(crate) const MAX_PAGES: u32 = 100;

/// Reads pages from `start.page` on and concatenates their items. Stops on: a page marked
/// `last`, an empty page, `totalPages` reached, a page that repeats only items already seen
/// (a server that ignores `page`), or [`MAX_PAGES`]. Items seen twice (shifting pages) are
/// kept once.
pub(crate) async fn walk<T, F, Fut>(
    start: &ListQuery,
    id_of: fn(&T) -> &str,
    mut fetch: F,
) -> Result<Vec<T>, ApiError>
where
    F: FnMut(ListQuery) -> Fut,
    Fut: Future<Output = Result<Page<T>, ApiError>>,
{
    let mut q = start.clone();
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for read in 1..=MAX_PAGES {
        let page = fetch(q.clone()).await?;
        if page.content.is_empty() {
            break;
        }
        let before = out.len();
        for item in page.content {
            let id = id_of(&item);
            if id.is_empty() || seen.insert(id.to_owned()) {
                out.push(item);
            }
        }
        if out.len() == before {
            tracing::debug!(page = q.page, "page repeats earlier items; stopping");
            break;
        }
        if page.last {
            break;
        }
        if page.total_pages > 0 && i64::from(q.page) + 1 >= page.total_pages {
            break;
        }
        if read == MAX_PAGES {
            tracing::warn!(pages = MAX_PAGES, "page walk stopped at its page cap");
            break;
        }
        q.page = q.page.saturating_add(1);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Debug, PartialEq)]
    struct Item(String);

    fn id_of(i: &Item) -> &str {
        &i.0
    }

    fn page(ids: &[&str], last: bool, total_pages: i64, number: i64) -> Page<Item> {
        Page {
            content: ids.iter().map(|s| Item((*s).to_owned())).collect(),
            last,
            total_pages,
            number,
            ..Page::default()
        }
    }

    /// Runs a walk over scripted pages; returns the ids read and the page numbers asked.
    async fn run(
        script: impl Fn(u32) -> Page<Item> + Send + Sync + 'static,
    ) -> (Vec<String>, Vec<u32>) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let a = Arc::clone(&asked);
        let script = Arc::new(script);
        let items = walk(&ListQuery::default(), id_of, move |q| {
            a.lock().unwrap().push(q.page);
            let p = script(q.page);
            async move { Ok(p) }
        })
        .await
        .unwrap();
        let asked = asked.lock().unwrap().clone();
        (items.into_iter().map(|i| i.0).collect(), asked)
    }

    #[tokio::test]
    async fn stops_on_last() {
        let (ids, asked) = run(|n| match n {
            0 => page(&["a", "b"], false, 0, 0),
            1 => page(&["c"], true, 0, 1),
            _ => page(&["x"], false, 0, 2),
        })
        .await;
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(asked, [0, 1]);
    }

    #[tokio::test]
    async fn stops_on_empty_page() {
        let (ids, asked) = run(|n| match n {
            0 => page(&["a"], false, 0, 0),
            1 => page(&["b"], false, 0, 1),
            _ => page(&[], false, 0, 2),
        })
        .await;
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(asked, [0, 1, 2]);
    }

    #[tokio::test]
    async fn stops_when_total_pages_reached() {
        let (ids, asked) =
            run(|n| page(&[["a", "b", "c", "d"][n as usize % 4]], false, 3, 0)).await;
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(asked, [0, 1, 2]);
    }

    #[tokio::test]
    async fn stops_on_repeated_page() {
        // A server that ignores `page` and always answers the first page.
        let (ids, asked) = run(|_| page(&["a", "b"], false, 0, 0)).await;
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(asked, [0, 1]);
    }

    #[tokio::test]
    async fn overlapping_pages_keep_items_once() {
        let (ids, _) = run(|n| match n {
            0 => page(&["a", "b"], false, 0, 0),
            1 => page(&["b", "c"], true, 0, 1),
            _ => page(&[], true, 0, 2),
        })
        .await;
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[tokio::test]
    async fn stops_at_the_hard_cap() {
        let (ids, asked) = run(|n| page(&[&format!("id{n}")], false, 0, i64::from(n))).await;
        assert_eq!(ids.len(), MAX_PAGES as usize);
        assert_eq!(asked.len(), MAX_PAGES as usize);
    }

    #[tokio::test]
    async fn errors_are_returned() {
        let r: Result<Vec<Item>, _> = walk(&ListQuery::default(), id_of, |_| async {
            Err(ApiError::NotFound { request_id: None })
        })
        .await;
        assert!(matches!(r, Err(ApiError::NotFound { .. })));
    }
}

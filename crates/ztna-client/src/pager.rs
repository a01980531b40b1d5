//! Walks every page of a paginated list, for each of the API's four ways of paging:
//! `page`/`size` ([`walk`]), identity `pageOffset`/`nextPage` cursors ([`walk_cursor`]),
//! SCIM `startIndex`/`totalResults` ([`walk_scim`]) and log `search_after` ([`LogWalk`]).
//! Every walk stops on an empty page, on a page that brings nothing new or a cursor seen
//! before (a server ignoring the paging parameters), when the answer says there is no more,
//! and at a hard cap.

use crate::error::ApiError;
use crate::query::ListQuery;
use serde_json::Value;
use std::collections::HashSet;
use std::future::Future;
use ztna_wire::{IdentityPage, LogEntry, LogSearch, LogSearchResult, Page, PageCursor, ScimPage};

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

/// Whether the `last` flag (and `totalElements`) of identity pages may end a walk. Group
/// members pages are known to say `last` early, so that walk ignores both and stops only on
/// an empty page, a missing `nextPage` or a repeated cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TrustLast {
    Yes,
    No,
}

/// Reads identity pages from cursor `first` (`None`: the first page), passing each answer's
/// `nextPage` back exactly as received. Stops on: an empty page, a page that brings no new
/// item, a missing `nextPage`, a cursor already sent, [`MAX_PAGES`], and (with
/// [`TrustLast::Yes`]) a page marked `last` or `totalElements` items read.
pub(crate) async fn walk_cursor<T, F, Fut>(
    first: Option<PageCursor>,
    trust: TrustLast,
    id_of: fn(&T) -> &str,
    mut fetch: F,
) -> Result<Vec<T>, ApiError>
where
    F: FnMut(Option<PageCursor>) -> Fut,
    Fut: Future<Output = Result<IdentityPage<T>, ApiError>>,
{
    let mut cursor = first;
    let mut sent: HashSet<PageCursor> = cursor.iter().cloned().collect();
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for read in 1..=MAX_PAGES {
        let page = fetch(cursor.clone()).await?;
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
            tracing::debug!("identity page repeats earlier items; stopping");
            break;
        }
        if trust == TrustLast::Yes {
            let total = usize::try_from(page.total_elements).unwrap_or(0);
            if page.last || (total > 0 && out.len() >= total) {
                break;
            }
        }
        let Some(next) = page.next_page else { break };
        if !sent.insert(next.clone()) {
            tracing::debug!(cursor = %next, "identity cursor repeats; stopping");
            break;
        }
        if read == MAX_PAGES {
            tracing::warn!(pages = MAX_PAGES, "identity walk stopped at its page cap");
            break;
        }
        cursor = Some(next);
    }
    Ok(out)
}

/// Reads SCIM pages of `count` items from `startIndex` 1 on. Stops on: an empty page, a page
/// that brings no new item (a server ignoring `startIndex`), `totalResults` reached, and
/// [`MAX_PAGES`].
pub(crate) async fn walk_scim<T, F, Fut>(
    count: u32,
    id_of: fn(&T) -> &str,
    mut fetch: F,
) -> Result<Vec<T>, ApiError>
where
    F: FnMut(u32, u32) -> Fut,
    Fut: Future<Output = Result<ScimPage<T>, ApiError>>,
{
    let count = count.max(1);
    let mut start: u32 = 1;
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for read in 1..=MAX_PAGES {
        let page = fetch(start, count).await?;
        if page.content.is_empty() {
            break;
        }
        let got = u32::try_from(page.content.len()).unwrap_or(u32::MAX);
        let before = out.len();
        for item in page.content {
            let id = id_of(&item);
            if id.is_empty() || seen.insert(id.to_owned()) {
                out.push(item);
            }
        }
        if out.len() == before {
            tracing::debug!(start, "SCIM page repeats earlier items; stopping");
            break;
        }
        // The answer's own startIndex, when it gives one, is where this page began.
        let began = u32::try_from(page.start_index)
            .ok()
            .filter(|s| *s >= 1)
            .unwrap_or(start);
        let next = began.saturating_add(got);
        let total = u32::try_from(page.total_results).unwrap_or(0);
        if total > 0 && next > total {
            break;
        }
        if read == MAX_PAGES {
            tracing::warn!(pages = MAX_PAGES, "SCIM walk stopped at its page cap");
            break;
        }
        if next <= start {
            break;
        }
        start = next;
    }
    Ok(out)
}

/// At most this many log documents are read by one walk, whatever the caller asks.
pub(crate) const MAX_LOG_DOCS: usize = 100_000;

/// The state of a `search_after` walk over log pages. Stops when a page brings fewer
/// documents than asked, none, or a cursor already used (or an empty one), when the
/// caller's `max_docs` (at most [`MAX_LOG_DOCS`]) are read, and at [`MAX_PAGES`].
pub(crate) struct LogWalk {
    search: LogSearch,
    remaining: usize,
    pages: u32,
    used: HashSet<String>,
    done: bool,
}

fn cursor_key(c: &[Value]) -> String {
    Value::Array(c.to_vec()).to_string()
}

impl LogWalk {
    pub fn new(search: LogSearch, max_docs: usize) -> Self {
        let mut used = HashSet::new();
        if let Some(c) = &search.search_after {
            used.insert(cursor_key(c));
        }
        let size = search.size.clamp(1, LogSearch::MAX_SIZE);
        Self {
            search: LogSearch { size, ..search },
            remaining: max_docs.min(MAX_LOG_DOCS),
            pages: 0,
            used,
            done: max_docs == 0,
        }
    }

    /// The next search to send, or `None` when the walk is over.
    pub fn next_request(&self) -> Option<LogSearch> {
        if self.done || self.remaining == 0 || self.pages >= MAX_PAGES {
            return None;
        }
        let mut s = self.search.clone();
        let left = u32::try_from(self.remaining).unwrap_or(u32::MAX);
        s.size = s.size.min(left).max(1);
        Some(s)
    }

    /// Takes the answer to [`LogWalk::next_request`]'s search: returns its documents (cut to
    /// what is left of `max_docs`) and decides whether there is a next page.
    pub fn absorb(&mut self, asked: u32, result: LogSearchResult) -> Vec<LogEntry> {
        self.pages += 1;
        let mut logs = result.logs;
        let full = u32::try_from(logs.len()).unwrap_or(u32::MAX) >= asked;
        logs.truncate(self.remaining);
        self.remaining -= logs.len();
        let cursor = logs
            .last()
            .map(|l| l.search_after_values.clone())
            .unwrap_or_default();
        if logs.is_empty() || !full || self.remaining == 0 || self.pages >= MAX_PAGES {
            self.done = true;
        } else if cursor.is_empty() || !self.used.insert(cursor_key(&cursor)) {
            tracing::debug!("log cursor missing or repeated; stopping");
            self.done = true;
        } else {
            self.search.search_after = Some(cursor);
        }
        logs
    }
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

    // ------------------------------------------------------------ identity cursors

    fn ipage(ids: &[&str], last: bool, next: Option<PageCursor>) -> IdentityPage<Item> {
        IdentityPage {
            content: ids.iter().map(|s| Item((*s).to_owned())).collect(),
            last,
            next_page: next,
            ..IdentityPage::default()
        }
    }

    async fn run_cursor(
        trust: TrustLast,
        script: impl Fn(Option<PageCursor>, usize) -> IdentityPage<Item> + Send + Sync + 'static,
    ) -> (Vec<String>, Vec<Option<PageCursor>>) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let a = Arc::clone(&asked);
        let script = Arc::new(script);
        let items = walk_cursor(None, trust, id_of, move |c| {
            let n = {
                let mut a = a.lock().unwrap();
                a.push(c.clone());
                a.len()
            };
            let p = script(c, n);
            async move { Ok(p) }
        })
        .await
        .unwrap();
        let asked = asked.lock().unwrap().clone();
        (items.into_iter().map(|i| i.0).collect(), asked)
    }

    #[tokio::test]
    async fn cursor_walk_follows_number_and_string_cursors() {
        let (ids, asked) = run_cursor(TrustLast::Yes, |c, _| match c {
            None => ipage(&["a"], false, Some(PageCursor::from(2))),
            Some(PageCursor::Number(_)) => ipage(&["b"], false, Some("x".into())),
            Some(PageCursor::Text(_)) => ipage(&["c"], false, None),
        })
        .await;
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(asked, [None, Some(PageCursor::from(2)), Some("x".into())]);
    }

    #[tokio::test]
    async fn cursor_walk_stop_rules() {
        // `last`, trusted.
        let (_, asked) = run_cursor(TrustLast::Yes, |_, n| {
            ipage(&[&format!("i{n}")], true, Some(PageCursor::from(n as u64)))
        })
        .await;
        assert_eq!(asked.len(), 1);
        // `last`, not trusted: goes on until the cursor repeats.
        let (ids, asked) = run_cursor(TrustLast::No, |_, n| {
            let next = if n < 3 { n as u64 } else { 2 };
            ipage(&[&format!("i{n}")], true, Some(PageCursor::from(next)))
        })
        .await;
        assert_eq!(ids.len(), 3);
        assert_eq!(asked.len(), 3);
        // totalElements reached (trusted).
        let (ids, _) = run_cursor(TrustLast::Yes, |_, n| IdentityPage {
            total_elements: 2,
            ..ipage(&[&format!("i{n}")], false, Some(PageCursor::from(n as u64)))
        })
        .await;
        assert_eq!(ids.len(), 2);
        // A page that repeats earlier items.
        let (ids, asked) = run_cursor(TrustLast::No, |_, n| {
            ipage(&["same"], false, Some(PageCursor::from(n as u64)))
        })
        .await;
        assert_eq!((ids.len(), asked.len()), (1, 2));
        // The hard cap.
        let (ids, asked) = run_cursor(TrustLast::No, |_, n| {
            ipage(&[&format!("i{n}")], false, Some(PageCursor::from(n as u64)))
        })
        .await;
        assert_eq!(
            (ids.len(), asked.len()),
            (MAX_PAGES as usize, MAX_PAGES as usize)
        );
    }

    // ------------------------------------------------------------ SCIM

    async fn run_scim(
        script: impl Fn(u32, u32) -> ScimPage<Item> + Send + Sync + 'static,
    ) -> (Vec<String>, Vec<u32>) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let a = Arc::clone(&asked);
        let script = Arc::new(script);
        let items = walk_scim(2, id_of, move |start, count| {
            a.lock().unwrap().push(start);
            let p = script(start, count);
            async move { Ok(p) }
        })
        .await
        .unwrap();
        let asked = asked.lock().unwrap().clone();
        (items.into_iter().map(|i| i.0).collect(), asked)
    }

    fn spage(from: u32, n: u32, total: i64, start_index: i64) -> ScimPage<Item> {
        ScimPage {
            content: (from..from + n).map(|i| Item(format!("s{i}"))).collect(),
            total_results: total,
            start_index,
            ..ScimPage::default()
        }
    }

    #[tokio::test]
    async fn scim_walk_stop_rules() {
        // totalResults reached.
        let (ids, asked) = run_scim(|s, c| spage(s, c.min(6 - s), 5, i64::from(s))).await;
        assert_eq!(ids.len(), 5);
        assert_eq!(asked, [1, 3, 5]);
        // An empty page (no totalResults).
        let (ids, asked) = run_scim(|s, c| spage(s, if s > 3 { 0 } else { c }, 0, 0)).await;
        assert_eq!((ids.len(), asked.len()), (4, 3));
        // startIndex ignored: the same items again.
        let (ids, asked) = run_scim(|_, c| spage(1, c, 0, 1)).await;
        assert_eq!((ids.len(), asked.len()), (2, 2));
        // The hard cap.
        let (_, asked) = run_scim(|s, c| spage(s, c, 0, 0)).await;
        assert_eq!(asked.len(), MAX_PAGES as usize);
    }

    // ------------------------------------------------------------ logs

    fn logs(from: usize, n: usize) -> LogSearchResult {
        LogSearchResult {
            hits: 0,
            logs: (from..from + n)
                .map(|i| LogEntry {
                    id: format!("l{i}"),
                    data: Value::Null,
                    search_after_values: vec![Value::from(i), Value::from(format!("k{i}"))],
                })
                .collect(),
        }
    }

    fn search(size: u32) -> LogSearch {
        LogSearch::new(ztna_wire::SearchQuery::default(), size)
    }

    #[test]
    fn log_walk_stop_rules() {
        // Fewer than asked.
        let mut w = LogWalk::new(search(2), 100);
        let r = w.next_request().unwrap();
        assert!(r.search_after.is_none());
        assert_eq!(w.absorb(r.size, logs(0, 2)).len(), 2);
        let r = w.next_request().unwrap();
        assert_eq!(
            r.search_after,
            Some(vec![Value::from(1), Value::from("k1")])
        );
        assert_eq!(w.absorb(r.size, logs(2, 1)).len(), 1);
        assert!(w.next_request().is_none());
        // Empty.
        let mut w = LogWalk::new(search(2), 100);
        assert!(w.absorb(2, logs(0, 0)).is_empty());
        assert!(w.next_request().is_none());
        // The caller's maximum, the last page cut to fit.
        let mut w = LogWalk::new(search(4), 6);
        w.absorb(4, logs(0, 4));
        assert_eq!(w.next_request().unwrap().size, 2);
        assert_eq!(w.absorb(2, logs(4, 5)).len(), 2);
        assert!(w.next_request().is_none());
        // A repeated cursor (also the one the caller started from).
        let mut start = search(2);
        start.search_after = Some(vec![Value::from(1), Value::from("k1")]);
        let mut w = LogWalk::new(start, 100);
        w.absorb(2, logs(0, 2));
        assert!(w.next_request().is_none());
        // A page without a cursor.
        let mut w = LogWalk::new(search(1), 100);
        let mut page = logs(0, 1);
        page.logs[0].search_after_values.clear();
        w.absorb(1, page);
        assert!(w.next_request().is_none());
        // Nothing asked.
        assert!(LogWalk::new(search(1), 0).next_request().is_none());
        // The hard cap.
        let mut w = LogWalk::new(search(1), MAX_LOG_DOCS);
        let mut pages = 0;
        while let Some(r) = w.next_request() {
            w.absorb(r.size, logs(pages, 1));
            pages += 1;
        }
        assert_eq!(pages, MAX_PAGES as usize);
    }
}

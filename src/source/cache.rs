//! The last good copy of each feed, kept in the browser's storage so that a
//! returning reader sees articles at once while a fresh copy is fetched.
//!
//! The storage belongs to the host page (`localStorage` is per origin), so the
//! cache stays small: at most [`MAX_ENTRIES`] documents and [`MAX_TOTAL`]
//! bytes of text, none over [`MAX_ENTRY`], least recently saved dropped
//! first. Every key starts with [`PREFIX`]. Storage that is full, disabled or
//! throws is the same as no cache: nothing here fails.

use super::policy;

/// What every key of the cache starts with.
pub use crate::contract::CACHE_PREFIX as PREFIX;
/// A document larger than this (bytes of text) is not kept.
pub const MAX_ENTRY: usize = 512 * 1024;
/// All documents together stay under this.
pub const MAX_TOTAL: usize = 1024 * 1024;
/// At most this many documents are kept.
pub const MAX_ENTRIES: usize = 8;

use crate::contract::CACHE_INDEX as INDEX;

/// A key-value store of strings, such as `localStorage`. Implementations
/// never panic; `set` returns `false` when the value was not stored.
pub trait Store {
    /// The value of `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`; `false` if the store refused (quota).
    fn set(&self, key: &str, value: &str) -> bool;
    /// Removes `key`.
    fn remove(&self, key: &str);
    /// Every key in the store.
    fn keys(&self) -> Vec<String>;
}

/// One cached document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The response's `ETag`, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// The next page, when the response's headers named one.
    pub next_page: Option<String>,
    /// The document's text.
    pub text: String,
    /// When it was last fetched or confirmed unchanged (ms since the epoch).
    pub saved_at: u64,
}

/// The cached copy of `url`, if there is one young enough to show at `now`.
pub fn read(store: &dyn Store, url: &str, now: u64) -> Option<Entry> {
    let saved_at = index(store).into_iter().find(|l| l.url == url)?.saved_at;
    if !policy::cache_usable(saved_at, now) {
        return None;
    }
    let value = store.get(&key(url))?;
    let mut lines = value.splitn(3, '\n');
    let etag = lines.next()?;
    let next_page = lines.next()?;
    let text = lines.next()?.to_owned();
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    // The storage is the host page's: an ETag that is not one would throw
    // when it is sent as If-None-Match.
    let etag = some(etag).filter(|e| is_entity_tag(e));
    Some(Entry {
        etag,
        next_page: some(next_page),
        text,
        saved_at,
    })
}

/// Keeps `entry` as the copy of `url`, making room by dropping the least
/// recently saved documents. A document too large to keep removes any older
/// copy instead, so that a stale one is never shown.
pub fn write(store: &dyn Store, url: &str, entry: &Entry) {
    let mut lines = index(store);
    lines.retain(|l| l.url != url);
    let size = entry.text.len();
    if size > MAX_ENTRY || entry.etag.as_deref().unwrap_or("").contains('\n') {
        store.remove(&key(url));
        save_index(store, lines);
        return;
    }
    while !lines.is_empty()
        && (lines.len() >= MAX_ENTRIES
            || lines.iter().map(|l| l.size).sum::<usize>() + size > MAX_TOTAL)
    {
        drop_oldest(store, &mut lines);
    }
    let value = format!(
        "{}\n{}\n{}",
        entry.etag.as_deref().unwrap_or(""),
        entry.next_page.as_deref().unwrap_or(""),
        entry.text
    );
    // The quota is shared with the host page: when it is full, give up older
    // documents of ours one by one, then give up.
    while !store.set(&key(url), &value) {
        if lines.is_empty() {
            save_index(store, lines);
            return;
        }
        drop_oldest(store, &mut lines);
    }
    lines.insert(
        0,
        Line {
            saved_at: entry.saved_at,
            size,
            url: url.to_owned(),
        },
    );
    save_index(store, lines);
}

/// Records that the copy of `url` was confirmed current at `now` (a `304`).
pub fn touch(store: &dyn Store, url: &str, now: u64) {
    let mut lines = index(store);
    if let Some(at) = lines.iter().position(|l| l.url == url) {
        let mut line = lines.remove(at);
        line.saved_at = now;
        lines.insert(0, line);
        save_index(store, lines);
    }
}

/// Removes the copy of `url` (the server said `no-store`).
pub fn forget(store: &dyn Store, url: &str) {
    let mut lines = index(store);
    lines.retain(|l| l.url != url);
    store.remove(&key(url));
    save_index(store, lines);
}

/// An RFC 9110 entity tag in ASCII (`"x"` or `W/"x"`), short enough to send.
pub fn is_entity_tag(value: &str) -> bool {
    let opaque = value.strip_prefix("W/").unwrap_or(value);
    value.len() <= 256
        && opaque.len() >= 2
        && opaque.starts_with('"')
        && opaque.ends_with('"')
        && opaque[1..opaque.len() - 1]
            .bytes()
            .all(|b| b == 0x21 || (0x23..=0x7e).contains(&b))
}

fn key(url: &str) -> String {
    format!("{PREFIX}{url}")
}

/// One document in the index: `saved_at size url`, newest first.
struct Line {
    saved_at: u64,
    size: usize,
    url: String,
}

fn index(store: &dyn Store) -> Vec<Line> {
    let text = store.get(INDEX).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            Some(Line {
                saved_at: parts.next()?.parse().ok()?,
                size: parts.next()?.parse().ok()?,
                url: parts.next().filter(|u| !u.is_empty())?.to_owned(),
            })
        })
        .collect()
}

/// Writes the index, and removes documents it does not list (left by an
/// index write that failed, or by another tab writing at the same time), so
/// the cache stays within its bounds whatever happened before.
fn save_index(store: &dyn Store, lines: Vec<Line>) {
    let text: Vec<String> = lines
        .iter()
        .map(|l| format!("{} {} {}", l.saved_at, l.size, l.url))
        .collect();
    if lines.is_empty() || !store.set(INDEX, &text.join("\n")) {
        store.remove(INDEX);
    }
    let listed = |k: &str| lines.iter().any(|l| key(&l.url) == k);
    for stray in store.keys() {
        if stray.starts_with(PREFIX) && stray != INDEX && !listed(&stray) {
            store.remove(&stray);
        }
    }
}

fn drop_oldest(store: &dyn Store, lines: &mut Vec<Line>) {
    if let Some(old) = lines.pop() {
        store.remove(&key(&old.url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    /// A store with a quota in characters, like `localStorage`.
    #[derive(Default)]
    struct Memory {
        items: RefCell<BTreeMap<String, String>>,
        quota: Cell<Option<usize>>,
    }

    impl Store for Memory {
        fn get(&self, key: &str) -> Option<String> {
            self.items.borrow().get(key).cloned()
        }
        fn set(&self, key: &str, value: &str) -> bool {
            let mut items = self.items.borrow_mut();
            let others: usize = items
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if self
                .quota
                .get()
                .is_some_and(|q| others + key.len() + value.len() > q)
            {
                return false;
            }
            items.insert(key.to_owned(), value.to_owned());
            true
        }
        fn remove(&self, key: &str) {
            self.items.borrow_mut().remove(key);
        }
        fn keys(&self) -> Vec<String> {
            self.items.borrow().keys().cloned().collect()
        }
    }

    fn entry(text: &str, saved_at: u64) -> Entry {
        Entry {
            etag: Some("\"v1\"".into()),
            next_page: None,
            text: text.into(),
            saved_at,
        }
    }

    fn ours(store: &Memory) -> usize {
        store
            .keys()
            .iter()
            .filter(|k| k.starts_with(PREFIX) && *k != INDEX)
            .count()
    }

    #[test]
    fn a_saved_document_is_read_back() {
        let store = Memory::default();
        assert_eq!(read(&store, "https://a.example/feed.json", 0), None);
        let e = Entry {
            next_page: Some("https://a.example/feed.json?page=2".into()),
            ..entry("{\"items\":[]}\n\nwith lines", 5)
        };
        write(&store, "https://a.example/feed.json", &e);
        assert_eq!(read(&store, "https://a.example/feed.json", 10), Some(e));
        assert_eq!(read(&store, "https://b.example/feed.json", 10), None);
    }

    #[test]
    fn what_another_script_left_in_storage_is_not_trusted() {
        let store = Memory::default();
        write(&store, "u", &entry("{}", 100));
        assert!(read(&store, "u", 50).is_none(), "saved in the future");
        for (etag, kept) in [
            ("\"v1\"", true),
            ("W/\"v1\"", true),
            ("\"\"", true),
            ("v1", false),
            ("\"a\rb\"", false),
            ("\"caf\u{e9}\"", false),
            ("\"a\"b\"", false),
        ] {
            store.set(&key("u"), &format!("{etag}\n\n{{}}"));
            let read = read(&store, "u", 200).expect("the document itself is kept");
            assert_eq!(read.etag.is_some(), kept, "{etag:?}");
        }
        store.set(&key("u"), "no lines");
        assert!(read(&store, "u", 200).is_none(), "a cut entry");
        store.set(INDEX, "not an index");
        assert!(read(&store, "u", 200).is_none());
    }

    #[test]
    fn a_week_old_copy_is_not_shown() {
        let store = Memory::default();
        write(&store, "u", &entry("{}", 0));
        assert!(read(&store, "u", policy::CACHE_MAX_AGE_MS).is_some());
        assert!(read(&store, "u", policy::CACHE_MAX_AGE_MS + 1).is_none());
    }

    #[test]
    fn a_304_makes_the_copy_current_again() {
        let store = Memory::default();
        write(&store, "u", &entry("{}", 1));
        touch(&store, "u", 99);
        assert_eq!(read(&store, "u", 100).map(|e| e.saved_at), Some(99));
        touch(&store, "unknown", 99);
        assert!(read(&store, "unknown", 100).is_none());
    }

    #[test]
    fn at_most_eight_documents_least_recently_saved_dropped_first() {
        let store = Memory::default();
        for i in 0..12 {
            write(&store, &format!("u{i}"), &entry("{}", i));
        }
        assert_eq!(ours(&store), MAX_ENTRIES);
        assert!(read(&store, "u3", 20).is_none());
        assert!(read(&store, "u4", 20).is_some());
        // Saving again moves it to the front.
        write(&store, "u4", &entry("{}", 30));
        write(&store, "u12", &entry("{}", 31));
        assert!(read(&store, "u4", 40).is_some());
        assert!(read(&store, "u5", 40).is_none());
    }

    #[test]
    fn large_documents_are_not_kept_and_the_total_is_bounded() {
        let store = Memory::default();
        write(&store, "big", &entry("{}", 0));
        write(&store, "big", &entry(&"x".repeat(MAX_ENTRY + 1), 1));
        assert!(read(&store, "big", 2).is_none(), "the older copy went too");
        let half = "x".repeat(MAX_ENTRY - 10);
        for i in 0..3 {
            write(&store, &format!("h{i}"), &entry(&half, i));
        }
        assert_eq!(ours(&store), 2);
        assert!(read(&store, "h0", 5).is_none());
        let total: usize = store.items.borrow().values().map(String::len).sum();
        assert!(total <= MAX_TOTAL + 1000, "{total}");
    }

    #[test]
    fn a_full_store_drops_our_older_copies_then_gives_up_quietly() {
        let store = Memory::default();
        write(&store, "a", &entry(&"a".repeat(300), 0));
        write(&store, "b", &entry(&"b".repeat(300), 1));
        store.quota.set(Some(900));
        write(&store, "c", &entry(&"c".repeat(300), 2));
        assert!(read(&store, "c", 3).is_some());
        assert!(read(&store, "a", 3).is_none());
        write(&store, "d", &entry(&"d".repeat(5000), 4));
        assert!(read(&store, "d", 5).is_none());
        store.quota.set(Some(0));
        write(&store, "e", &entry("{}", 6));
        assert!(read(&store, "e", 7).is_none());
        assert_eq!(ours(&store), 0);
    }

    #[test]
    fn strays_and_garbage_are_cleaned_up_and_others_keys_left_alone() {
        let store = Memory::default();
        store.set(&format!("{PREFIX}orphan"), "x\n\n{}");
        store.set(INDEX, "garbage\n12 nonsense\n");
        store.set("host-page-key", "theirs");
        assert!(read(&store, "orphan", 0).is_none());
        write(&store, "u", &entry("{}", 1));
        assert!(store.get(&format!("{PREFIX}orphan")).is_none());
        assert_eq!(store.get("host-page-key").as_deref(), Some("theirs"));
        forget(&store, "u");
        assert!(read(&store, "u", 2).is_none());
        assert_eq!(store.keys(), ["host-page-key"]);
    }
}

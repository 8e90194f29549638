//! "My recent secrets": receipt links kept in this browser's
//! `localStorage`, only after the user opts in. Share links are never
//! stored (they open the secret); receipt links only show its state and
//! can destroy it.

use crate::api::wire::Fields;

const ENABLED_KEY: &str = "sdo-recent-enabled";
const LIST_KEY: &str = "sdo-recent";
/// Enough to find last week's secrets; older entries have expired anyway.
const MAX_ENTRIES: usize = 50;

#[derive(Clone, PartialEq, Eq)]
pub struct Entry {
    pub receipt_url: String,
    pub created_at: i64,
    pub expires_at: i64,
}

redacted_debug!(Entry);

impl Entry {
    fn read(f: &Fields) -> Option<Self> {
        Some(Self {
            receipt_url: f.string("receipt_url")?,
            created_at: f.int("created_at")?,
            expires_at: f.int("expires_at")?,
        })
    }

    fn write(&self) -> Fields {
        // Unix seconds, never negative in a browser's clock.
        let seconds = |t: i64| u64::try_from(t).unwrap_or(0);
        Fields::new()
            .put_string("receipt_url", &self.receipt_url)
            .put_int("created_at", seconds(self.created_at))
            .put_int("expires_at", seconds(self.expires_at))
    }
}

/// The list as stored: a JSON array of entries. Entries this version
/// cannot read are dropped, not the whole list.
fn to_json(entries: &[Entry]) -> String {
    Fields::list_to_json(entries.iter().map(Entry::write))
}

fn from_json(text: &str) -> Vec<Entry> {
    Fields::parse_list(text)
        .unwrap_or_default()
        .iter()
        .filter_map(Entry::read)
        .collect()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the user asked to remember receipts.
pub fn enabled() -> bool {
    storage()
        .and_then(|s| s.get_item(ENABLED_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// The remembered receipts whose secrets have not expired, newest first.
pub fn list(now: i64) -> Vec<Entry> {
    let mut entries: Vec<Entry> = storage()
        .and_then(|s| s.get_item(LIST_KEY).ok().flatten())
        .map(|json| from_json(&json))
        .unwrap_or_default();
    entries.retain(|e| e.expires_at > now);
    entries.sort_by_key(|e| std::cmp::Reverse(e.created_at));
    entries
}

/// Turns remembering on and keeps `entry`; false if the browser refused.
pub fn remember(entry: Entry, now: i64) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let mut entries = list(now);
    entries.retain(|e| e.receipt_url != entry.receipt_url);
    entries.insert(0, entry);
    entries.truncate(MAX_ENTRIES);
    storage.set_item(ENABLED_KEY, "1").is_ok()
        && storage.set_item(LIST_KEY, &to_json(&entries)).is_ok()
}

/// Forgets one receipt and stops remembering new ones.
pub fn forget(receipt_url: &str, now: i64) {
    let Some(storage) = storage() else {
        return;
    };
    let mut entries = list(now);
    entries.retain(|e| e.receipt_url != receipt_url);
    let _ = storage.remove_item(ENABLED_KEY);
    if entries.is_empty() {
        let _ = storage.remove_item(LIST_KEY);
    } else {
        let _ = storage.set_item(LIST_KEY, &to_json(&entries));
    }
}

/// Forgets everything, in one click.
pub fn clear() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(LIST_KEY);
        let _ = storage.remove_item(ENABLED_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn remembers_forgets_and_drops_expired() {
        clear();
        assert!(!enabled());
        let entry = |n: i64| Entry {
            receipt_url: format!("https://x/#/r/{n}"),
            created_at: n,
            expires_at: 100 + n,
        };
        assert!(remember(entry(1), 0));
        assert!(remember(entry(2), 0));
        assert!(enabled());
        assert_eq!(list(0), vec![entry(2), entry(1)]);
        assert_eq!(list(101), vec![entry(2)], "expired entries are dropped");
        forget(&entry(2).receipt_url, 0);
        assert!(!enabled());
        assert_eq!(list(0), vec![entry(1)]);
        clear();
        assert!(list(0).is_empty());
    }

    #[test]
    fn reads_what_earlier_versions_stored_and_skips_what_it_cannot() {
        // serde_json's form, which the list was stored in before.
        let stored = r#"[{"receipt_url":"https://x/#/r/1","created_at":1,"expires_at":101},
            {"receipt_url":7},"junk",{"receipt_url":"https://x/#/r/2","created_at":2,"expires_at":102}]"#;
        let entries = from_json(stored);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].receipt_url, "https://x/#/r/2");
        assert_eq!(from_json(&to_json(&entries)), entries);
        assert!(from_json("{").is_empty());
    }
}

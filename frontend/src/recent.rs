//! "My recent secrets": receipt links kept in this browser's
//! `localStorage`, only after the user opts in. Share links are never
//! stored (they open the secret); receipt links only show its state and
//! can destroy it.

use serde::{Deserialize, Serialize};

const ENABLED_KEY: &str = "sdo-recent-enabled";
const LIST_KEY: &str = "sdo-recent";
/// Enough to find last week's secrets; older entries have expired anyway.
const MAX_ENTRIES: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub receipt_url: String,
    pub created_at: i64,
    pub expires_at: i64,
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
        .and_then(|json| serde_json::from_str(&json).ok())
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
    let Ok(json) = serde_json::to_string(&entries) else {
        return false;
    };
    storage.set_item(ENABLED_KEY, "1").is_ok() && storage.set_item(LIST_KEY, &json).is_ok()
}

/// Forgets one receipt and stops remembering new ones.
pub fn forget(receipt_url: &str, now: i64) {
    let Some(storage) = storage() else {
        return;
    };
    let mut entries = list(now);
    entries.retain(|e| e.receipt_url != receipt_url);
    let _ = storage.remove_item(ENABLED_KEY);
    match serde_json::to_string(&entries) {
        Ok(json) if !entries.is_empty() => {
            let _ = storage.set_item(LIST_KEY, &json);
        }
        _ => {
            let _ = storage.remove_item(LIST_KEY);
        }
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
}

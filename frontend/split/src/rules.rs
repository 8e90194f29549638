//! Which functions wait: rules over names, as `frontend/split.txt` writes
//! them.

/// Which functions to defer, by name (from the name section, crate hashes
/// left out): globs over the whole name, `*` matching anything, one per
/// line; `!glob` keeps instead; the last line that matches decides, and a
/// name no line matches stays. Keeping matters for generic library items:
/// wasm-opt folds identical instances into one function that keeps a
/// single type's name, so `<alloc::rc::Rc<copy_button::Copied>>::new` may
/// well be the create form's `Rc::new` too.
#[derive(Debug, Default, Clone)]
pub struct Rules {
    /// In file order: (defer?, glob).
    lines: Vec<(bool, String)>,
}

impl Rules {
    /// Reads the rules; `#` starts a comment line.
    pub fn parse(text: &str) -> Rules {
        let lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| match l.strip_prefix('!') {
                Some(keep) => (false, keep.trim().to_owned()),
                None => (true, l.to_owned()),
            })
            .collect();
        Rules { lines }
    }

    /// Whether the function named `name` (crate hashes left out) waits.
    pub fn defers(&self, name: &str) -> bool {
        self.lines
            .iter()
            .rev()
            .find(|(_, glob)| glob_matches(glob, name))
            .is_some_and(|(defer, _)| *defer)
    }
}

/// `*` matches any run of characters; everything else itself.
fn glob_matches(glob: &str, name: &str) -> bool {
    let mut parts = glob.split('*');
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// A symbol as written in source: rustc's names carry each crate's
/// disambiguator (`sdo_frontend[b2b710bda759008f]::pages`), which changes
/// from build to build.
pub(crate) fn without_crate_hashes(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(']') {
            Some(close) if close > 0 && after[..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                rest = &after[close + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_matches(
            "*app::created::*",
            "<yew::X<app::created::View> as S>::view"
        ));
        assert!(glob_matches("core::*", "core::ptr::drop"));
        assert!(!glob_matches("core::*", "<core::ptr::drop"));
        assert!(glob_matches(
            "*X<app::*>::view",
            "<yew::X<app::V> as S>::view"
        ));
        assert!(!glob_matches(
            "*X<app::*>::view",
            "<yew::X<app::V> as S>::rendered"
        ));
        assert!(glob_matches("exact", "exact"));
        assert!(!glob_matches("exact", "exactly"));
        assert!(!glob_matches("a*a", "a"));
    }

    #[test]
    fn the_last_matching_line_decides() {
        let rules =
            Rules::parse("*created::*\n!<yew::*\n*CompState<*created::*>::view\n# a comment");
        assert!(rules.defers("app::created::view"));
        assert!(!rules.defers("<yew::CompState<app::created::V> as S>::rendered"));
        assert!(rules.defers("<yew::CompState<app::created::V> as S>::view"));
        assert!(!rules.defers("app::form::view"));
    }
}

//! Text from the server (error messages) or from the sender (file names)
//! goes to the user's terminal only through here: a control character in it
//! could move the cursor, rewrite earlier lines, retitle the window or fake
//! a line of our own output.

use std::borrow::Cow;

/// `text` with every control character written as `\u{..}`: C0 (newlines
/// included), DEL and C1, so no escape sequence (ESC or the 8-bit CSI
/// U+009B) reaches the terminal, and the bidirectional and line-separator
/// marks that reorder or split what is shown. Printable text is unchanged.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` escaped and in double quotes, for a name inside a sentence.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// Whether `c` must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped_and_text_is_not() {
        assert_eq!(
            escape("plain: ünïcödé ✓ \\ \"q\""),
            "plain: ünïcödé ✓ \\ \"q\""
        );
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("line\nsdo: fake\r"), "line\\u{a}sdo: fake\\u{d}");
        assert_eq!(
            escape("\u{0}\u{7}\u{8}\t\u{7f}"),
            "\\u{0}\\u{7}\\u{8}\\u{9}\\u{7f}"
        );
        assert_eq!(escape("\u{9b}31m\u{85}"), "\\u{9b}31m\\u{85}");
        assert_eq!(escape("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(quoted("a\u{1b}b"), "\"a\\u{1b}b\"");
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = escape("\u{1b}]0;title\u{7}\u{9b}");
        assert!(!once.chars().any(is_unsafe));
        assert_eq!(escape(&once), once);
    }
}

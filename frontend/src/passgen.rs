//! Passphrase suggestions: words picked uniformly from the EFF large word
//! list (7,776 words, fetched only when asked for), or random characters.
//! Randomness is the browser's `crypto.getRandomValues` (through the
//! protocol crate); picks are unbiased (rejection sampling).

use sdo_shared::{RandomError, random_bytes};

/// The word list, relative to the app's address (Trunk copies it there).
pub const WORD_LIST_PATH: &str = "eff-large-wordlist.txt";
pub const WORD_LIST_LEN: usize = 7_776;
pub const WORDS: usize = 6;
pub const CHARACTERS: usize = 20;
/// Letters, digits and symbols that survive being read aloud or typed on
/// any keyboard layout (no quotes, spaces or backslashes).
const ALPHABET: &[u8] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!@#%+=?*";

#[derive(Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub passphrase: String,
    /// Bits of entropy: log2 of the number of equally likely suggestions.
    pub bits: u32,
}

redacted_debug!(Suggestion);

/// Parses the word list; `None` unless it has exactly the expected words.
pub fn parse_word_list(text: &str) -> Option<Vec<String>> {
    let words: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    (words.len() == WORD_LIST_LEN).then_some(words)
}

pub fn words(list: &[String]) -> Result<Suggestion, RandomError> {
    let picked = (0..WORDS)
        .map(|_| uniform(list.len()).map(|i| list[i].as_str()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Suggestion {
        passphrase: picked.join("-"),
        bits: bits(list.len(), WORDS),
    })
}

pub fn characters() -> Result<Suggestion, RandomError> {
    let picked = (0..CHARACTERS)
        .map(|_| uniform(ALPHABET.len()).map(|i| char::from(ALPHABET[i])))
        .collect::<Result<String, _>>()?;
    Ok(Suggestion {
        passphrase: picked,
        bits: bits(ALPHABET.len(), CHARACTERS),
    })
}

/// An index in `0..n`, without modulo bias.
fn uniform(n: usize) -> Result<usize, RandomError> {
    let n = n as u32;
    // The largest multiple of n that fits; draws at or above it are redrawn.
    let zone = u32::MAX - (u32::MAX % n);
    loop {
        let draw = u32::from_le_bytes(random_bytes::<4>()?);
        if draw < zone {
            return Ok((draw % n) as usize);
        }
    }
}

/// floor(count × log2(choices)), in integers (both fit in a u128 here).
fn bits(choices: usize, count: usize) -> u32 {
    (choices as u128).pow(count as u32).ilog2()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn entropy_is_counted_from_the_choices() {
        assert_eq!(bits(WORD_LIST_LEN, WORDS), 77);
        assert_eq!(bits(ALPHABET.len(), CHARACTERS), 123);
        assert_eq!(bits(2, 1), 1);
    }

    #[test]
    fn suggestions_use_only_their_alphabet_and_differ() {
        let a = characters().unwrap();
        let b = characters().unwrap();
        assert_eq!(a.passphrase.len(), CHARACTERS);
        assert!(a.passphrase.bytes().all(|c| ALPHABET.contains(&c)));
        assert_ne!(a.passphrase, b.passphrase);
        let list = parse_word_list(include_str!("../assets/eff-large-wordlist.txt")).unwrap();
        let w = words(&list).unwrap();
        assert!(is_words(&w.passphrase, &list, WORDS), "{}", w.passphrase);
        // Four words of the list have a hyphen of their own, so counting
        // the parts between hyphens failed one run in about 300.
        assert!(is_words(
            "t-shirt-abacus-yo-yo-abdomen-drop-down-felt-tip",
            &list,
            WORDS
        ));
        assert!(!is_words("abacus-abdomen", &list, WORDS));
        assert_eq!(w.bits, 77);
        assert!(parse_word_list("just\nthree\nwords").is_none());
    }

    /// Whether `s` is `n` words of `list` joined by hyphens.
    fn is_words(s: &str, list: &[String], n: usize) -> bool {
        list.iter().any(|word| match s.strip_prefix(word.as_str()) {
            Some("") => n == 1,
            Some(rest) => {
                n > 1
                    && rest
                        .strip_prefix('-')
                        .is_some_and(|r| is_words(r, list, n - 1))
            }
            None => false,
        })
    }

    #[test]
    fn picks_cover_the_range_evenly() {
        let mut seen = [0u32; 6];
        for _ in 0..6_000 {
            seen[uniform(6).unwrap()] += 1;
        }
        assert!(seen.iter().all(|&c| (800..1200).contains(&c)), "{seen:?}");
    }
}

//! A rough passphrase strength hint: an entropy estimate from length and
//! character classes, with penalties for repetition and well-known choices.
//! It is a hint for people, not a policy: any non-empty passphrase works.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    VeryWeak,
    Weak,
    Fair,
    Strong,
    VeryStrong,
}

impl Strength {
    /// The message id of its name.
    pub fn label_id(self) -> &'static str {
        match self {
            Strength::VeryWeak => "strength-very-weak",
            Strength::Weak => "strength-weak",
            Strength::Fair => "strength-fair",
            Strength::Strong => "strength-strong",
            Strength::VeryStrong => "strength-very-strong",
        }
    }

    /// 1..=5, for a meter.
    pub fn score(self) -> u8 {
        self as u8 + 1
    }

    /// A CSS class suffix.
    pub fn class(self) -> &'static str {
        match self {
            Strength::VeryWeak | Strength::Weak => "weak",
            Strength::Fair => "fair",
            Strength::Strong | Strength::VeryStrong => "strong",
        }
    }
}

const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "123456",
    "12345678",
    "123456789",
    "qwerty",
    "letmein",
    "admin",
    "welcome",
    "iloveyou",
    "monkey",
    "dragon",
    "secret",
    "abc123",
    "111111",
    "sunshine",
    "football",
    "baseball",
    "princess",
    "trustno1",
    "changeme",
    "opensesame",
];

/// Estimated bits of entropy (an upper bound for a person's choice).
pub fn bits(passphrase: &str) -> f64 {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.is_empty() {
        return 0.0;
    }
    // The common list is ASCII, so ASCII lowering finds every match, and
    // full Unicode lowering would ship 12 KB of case tables to every visitor.
    let lowered: String = passphrase
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if COMMON
        .iter()
        .any(|c| lowered == *c || lowered.starts_with(c) && lowered.len() <= c.len() + 2)
    {
        return 8.0;
    }
    let mut pool = 0u32;
    if chars.iter().any(char::is_ascii_lowercase) {
        pool += 26;
    }
    if chars.iter().any(char::is_ascii_uppercase) {
        pool += 26;
    }
    if chars.iter().any(char::is_ascii_digit) {
        pool += 10;
    }
    if chars.iter().any(|c| c.is_ascii_punctuation() || *c == ' ') {
        pool += 33;
    }
    if chars.iter().any(|c| !c.is_ascii()) {
        pool += 100;
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    // Repeats and runs ("aaaa", "1234") add little: count distinct
    // characters fully and the rest at a quarter.
    let effective = distinct.len() as f64 + (chars.len() - distinct.len()) as f64 * 0.25;
    let sequential = chars
        .windows(2)
        .filter(|w| (w[1] as i64 - w[0] as i64).abs() == 1)
        .count();
    let effective = effective - sequential as f64 * 0.5;
    effective.max(1.0) * f64::from(pool.max(1)).log2()
}

pub fn estimate(passphrase: &str) -> Strength {
    match bits(passphrase) {
        b if b < 28.0 => Strength::VeryWeak,
        b if b < 40.0 => Strength::Weak,
        b if b < 60.0 => Strength::Fair,
        b if b < 80.0 => Strength::Strong,
        _ => Strength::VeryStrong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn ordering_makes_sense() {
        assert_eq!(estimate("password"), Strength::VeryWeak);
        assert_eq!(estimate("Password1"), Strength::VeryWeak);
        assert_eq!(estimate("aaaaaaaaaaaa"), Strength::VeryWeak);
        assert_eq!(estimate("12345678901234"), Strength::VeryWeak);
        assert!(estimate("tr0ub4dor") <= Strength::Fair);
        assert!(estimate("correct horse battery staple") >= Strength::Strong);
        assert_eq!(estimate("xK9#mQ2$vL8@nR4!"), Strength::VeryStrong);
        assert!(estimate("café-Ünïcode-ключ") >= Strength::Strong);
        assert_eq!(Strength::VeryStrong.score(), 5);
    }
}

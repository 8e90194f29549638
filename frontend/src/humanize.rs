//! Numbers for people: sizes, durations and dates.

/// `1536` -> `"1.5 KiB"`; `262_104` -> `"255.9 KiB"` (rounded down).
pub fn bytes(n: usize) -> String {
    let (unit, size) = match n {
        0..1024 => return format!("{n} bytes"),
        1024..1_048_576 => ("KiB", 1024),
        _ => ("MiB", 1_048_576),
    };
    // Tenths, rounded down so a limit is never overstated; integers only
    // (float formatting costs kilobytes of wasm).
    let tenths = n * 10 / size;
    match tenths % 10 {
        0 => format!("{} {unit}", tenths / 10),
        d => format!("{}.{d} {unit}", tenths / 10),
    }
}

/// `5400` -> `"1 hour 30 minutes"`; the two largest units.
pub fn duration(secs: u64) -> String {
    let units = [
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
        (1, "second"),
    ];
    let mut parts = Vec::new();
    let mut rest = secs;
    for (size, name) in units {
        let n = rest / size;
        if n > 0 {
            parts.push(format!("{n} {name}{}", if n == 1 { "" } else { "s" }));
            rest %= size;
        }
        if parts.len() == 2 {
            break;
        }
    }
    if parts.is_empty() {
        "0 seconds".into()
    } else {
        parts.join(" ")
    }
}

/// Seconds from now until the unix time `at` (negative: past).
pub fn seconds_until(at: i64) -> i64 {
    at - now_unix()
}

pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A unix time in the reader's locale and time zone.
pub fn local_time(unix: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// `"in 3 hours 2 minutes"`, `"2 minutes ago"`, or `"just now"`.
pub fn relative(unix: i64) -> String {
    let delta = seconds_until(unix);
    if delta.abs() < 10 {
        "just now".into()
    } else if delta > 0 {
        format!("in {}", duration(delta.unsigned_abs()))
    } else {
        format!("{} ago", duration(delta.unsigned_abs()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn sizes_and_durations() {
        assert_eq!(bytes(12), "12 bytes");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(2048), "2 KiB");
        assert_eq!(bytes(3 * 1024 * 1024), "3 MiB");
        assert_eq!(bytes(1023), "1023 bytes");
        assert_eq!(bytes(5000), "4.8 KiB");
        assert_eq!(bytes(262_104), "255.9 KiB");
        assert_eq!(duration(0), "0 seconds");
        assert_eq!(duration(300), "5 minutes");
        assert_eq!(duration(5400), "1 hour 30 minutes");
        assert_eq!(duration(86_400 + 3_600 + 61), "1 day 1 hour");
        assert_eq!(duration(7 * 86_400), "7 days");
    }
}

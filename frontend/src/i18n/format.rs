//! Numbers for people, in the reader's language: sizes, durations, dates.
//!
//! The browser's `Intl` does the work (it carries the CLDR data already,
//! so none of it is shipped in our wasm); our code only picks units.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::{I18n, n, s};

/// `1536` -> `"1.5 KiB"` (`"1,5 KiB"` in German); rounded down so a limit
/// is never overstated.
pub fn bytes(i18n: &I18n, size: usize) -> String {
    let (id, unit) = match size {
        0..1024 => return i18n.tf("size-bytes", [("count", n(size as f64))]),
        1024..1_048_576 => ("size-kib", 1024),
        _ => ("size-mib", 1_048_576),
    };
    let tenths = size * 10 / unit;
    let value = number(i18n, tenths as f64 / 10.0, 1);
    i18n.tf(id, [("size", s(value))])
}

/// `5400` -> `"1 hour, 30 minutes"`: the two largest units.
pub fn duration(i18n: &I18n, secs: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (86_400, "days"),
        (3_600, "hours"),
        (60, "minutes"),
        (1, "seconds"),
    ];
    let parts = Object::new();
    let mut rest = secs;
    let mut used = 0;
    for (size, name) in UNITS {
        let count = rest / size;
        if count > 0 && used < 2 {
            set(&parts, name, JsValue::from_f64(count as f64));
            rest %= size;
            used += 1;
        }
    }
    if used == 0 {
        set(&parts, "seconds", JsValue::from_f64(0.0));
    }
    let formatted = intl_constructor("DurationFormat").and_then(|ctor| {
        let options = Object::new();
        set(&options, "style", "long".into());
        let formatter = Reflect::construct(&ctor, &Array::of2(&locales(i18n), &options)).ok()?;
        call_method(&formatter, "format", &parts)
    });
    formatted.unwrap_or_else(|| {
        // Older browsers: each unit on its own.
        UNITS
            .iter()
            .filter_map(|(_, name)| {
                let count = Reflect::get(&parts, &(*name).into()).ok()?.as_f64()?;
                Some(unit_number(i18n, count, &name[..name.len() - 1]))
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `"in 3 hours"`, `"2 minutes ago"`, `"now"`: the largest whole unit.
pub fn relative(i18n: &I18n, unix: i64) -> String {
    let delta = unix - now_unix();
    let magnitude = delta.unsigned_abs();
    let (size, unit) = match magnitude {
        0..120 => (1, "second"),
        120..7_200 => (60, "minute"),
        7_200..172_800 => (3_600, "hour"),
        _ => (86_400, "day"),
    };
    let value = delta.signum() * (magnitude / size) as i64;
    let options = Object::new();
    set(&options, "numeric", "auto".into());
    let formatter = js_sys::Intl::RelativeTimeFormat::new(&locales(i18n), &options);
    formatter.format(value as f64, unit).into()
}

/// A unix time as a date and time in the reader's language and zone.
pub fn date_time(i18n: &I18n, unix: i64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(unix as f64 * 1000.0));
    let options = Object::new();
    set(&options, "dateStyle", "medium".into());
    set(&options, "timeStyle", "short".into());
    date.to_locale_string(i18n.lang().code(), &options).into()
}

/// A number with at most `fraction_digits` decimals, in the language's
/// digits and separators.
pub fn number(i18n: &I18n, value: f64, fraction_digits: u32) -> String {
    let options = Object::new();
    set(
        &options,
        "maximumFractionDigits",
        JsValue::from(fraction_digits),
    );
    format_with(
        &js_sys::Intl::NumberFormat::new(&locales(i18n), &options).format(),
        value,
    )
}

/// `"3 hours"` in the language: a count with a unit of time.
fn unit_number(i18n: &I18n, value: f64, unit: &str) -> String {
    let options = Object::new();
    set(&options, "style", "unit".into());
    set(&options, "unit", unit.into());
    set(&options, "unitDisplay", "long".into());
    format_with(
        &js_sys::Intl::NumberFormat::new(&locales(i18n), &options).format(),
        value,
    )
}

pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

fn locales(i18n: &I18n) -> Array {
    Array::of1(&i18n.lang().code().into())
}

fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &key.into(), &value);
}

fn format_with(format: &Function, value: f64) -> String {
    format
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value))
        .ok()
        .and_then(|v| v.as_string())
        // Never reached in a browser with `Intl`; Rust's own float
        // formatting would cost 10 KB of wasm for it.
        .unwrap_or_default()
}

fn intl_constructor(name: &str) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()
}

fn call_method(target: &JsValue, name: &str, arg: &JsValue) -> Option<String> {
    let method: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    method.call1(target, arg).ok()?.as_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{I18n, Lang};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn en() -> I18n {
        I18n::parse(Lang::En, crate::i18n::ENGLISH.into()).unwrap()
    }

    #[test]
    fn sizes_round_down_and_follow_the_language() {
        let en = en();
        assert_eq!(bytes(&en, 1), "1 byte");
        assert_eq!(bytes(&en, 12), "12 bytes");
        assert_eq!(bytes(&en, 1536), "1.5 KiB");
        assert_eq!(bytes(&en, 2048), "2 KiB");
        assert_eq!(bytes(&en, 5000), "4.8 KiB");
        assert_eq!(bytes(&en, 262_104), "255.9 KiB");
        assert_eq!(bytes(&en, 3 * 1024 * 1024), "3 MiB");
        let de = I18n::parse(Lang::De, "size-kib = { $size } KiB".into()).unwrap();
        assert_eq!(bytes(&de, 1536), "1,5 KiB");
    }

    #[test]
    fn durations_use_the_two_largest_units() {
        let en = en();
        assert_eq!(duration(&en, 300), "5 minutes");
        assert_eq!(duration(&en, 5400), "1 hour, 30 minutes");
        assert_eq!(duration(&en, 86_400 + 3_600 + 61), "1 day, 1 hour");
        assert_eq!(duration(&en, 7 * 86_400), "7 days");
        let de = I18n::parse(Lang::De, String::new()).unwrap();
        assert_eq!(duration(&de, 7 * 86_400), "7 Tage");
    }

    #[test]
    fn relative_times() {
        let en = en();
        assert_eq!(relative(&en, now_unix() + 3 * 3600 + 60), "in 3 hours");
        assert_eq!(relative(&en, now_unix() - 300), "5 minutes ago");
        assert_eq!(relative(&en, now_unix()), "now");
    }
}

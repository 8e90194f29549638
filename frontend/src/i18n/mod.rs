//! The app's languages: which one to use, its messages, and formatting.
//!
//! Every user-facing string lives in `frontend/locales/{lang}.ftl`, in
//! Fluent syntax, formatted by Fluent's reference implementation
//! (`@fluent/bundle`, vendored as `frontend/js/fluent-bundle.js`), whose
//! plural rules are the browser's CLDR data (`Intl.PluralRules`). The Rust
//! `fluent-bundle` crate does the same job but added 41 KB gzipped to the
//! first load, against 4 KB. Only the chosen language's file is fetched, so
//! each added language costs nothing on a first load. Numbers, dates and
//! durations are formatted by the browser's `Intl` in the same language
//! ([`format`]).

pub mod format;

use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(module = "/js/fluent-bundle.js")]
extern "C" {
    type FluentBundle;
    #[wasm_bindgen(constructor)]
    fn new(locales: &Array, options: &Object) -> FluentBundle;
    /// Returns the errors (duplicate ids); the resource's own syntax errors
    /// are skipped entries, which the completeness test catches.
    #[wasm_bindgen(method, js_name = addResource)]
    fn add_resource(this: &FluentBundle, resource: &FluentResource) -> Array;
    #[wasm_bindgen(method, js_name = hasMessage)]
    fn has_message(this: &FluentBundle, id: &str) -> bool;
    #[wasm_bindgen(method, js_name = getMessage)]
    fn get_message(this: &FluentBundle, id: &str) -> JsValue;
    #[wasm_bindgen(method, js_name = formatPattern)]
    fn format_pattern(
        this: &FluentBundle,
        pattern: &JsValue,
        args: &Object,
        errors: &Array,
    ) -> String;

    type FluentResource;
    #[wasm_bindgen(constructor)]
    fn new(source: &str) -> FluentResource;
}

/// A message's variable: text, or a number (plural rules select on it, and
/// Fluent shows it with the language's digits and separators).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

/// The English messages, for tests (not linked into the app, which fetches
/// its language's file).
pub const ENGLISH: &str = include_str!("../../locales/en.ftl");

/// Where the choice made in the language picker is remembered.
const STORAGE_KEY: &str = "sdo-lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    Ja,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ja, Lang::Ar];

    /// The BCP 47 tag, which is also the message file's name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, for the picker: a reader looks for
    /// their own language's name, not its name in the current one.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ja => "日本語",
            Lang::Ar => "العربية",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The language of a tag like `de-AT` or `pt-BR`, if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The message file, relative to the app's address.
    pub fn messages_path(self) -> String {
        format!("locales/{}.ftl", self.code())
    }
}

/// The remembered choice, else the first of the browser's languages we
/// have, else English.
pub fn preferred() -> Lang {
    let Some(window) = web_sys::window() else {
        return Lang::En;
    };
    let stored = window
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    if let Some(lang) = stored.as_deref().and_then(Lang::from_tag) {
        return lang;
    }
    let languages = window.navigator().languages();
    languages
        .iter()
        .filter_map(|v| v.as_string())
        .find_map(|tag| Lang::from_tag(&tag))
        .unwrap_or(Lang::En)
}

/// Remembers the picker's choice; a browser that refuses storage (private
/// mode, policy) simply forgets it.
pub fn remember(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

/// Sets `<html lang dir>`, which screen readers, hyphenation, fonts and
/// the mirrored layout follow.
pub fn apply_to_document(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", if lang.is_rtl() { "rtl" } else { "ltr" });
    }
}

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("the {0} messages could not be fetched")]
    Fetch(&'static str),
    #[error("the {0} messages have {1} duplicate ids")]
    Duplicates(&'static str, u32),
}

/// One language's messages. Cheap to clone; equal only to itself, so a
/// language change re-renders everything.
#[derive(Clone)]
pub struct I18n(Rc<Inner>);

struct Inner {
    lang: Lang,
    bundle: FluentBundle,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "I18n({})", self.0.lang.code())
    }
}

impl I18n {
    pub fn parse(lang: Lang, source: String) -> Result<Self, I18nError> {
        let options = Object::new();
        // Isolation marks keep a left-to-right name or number from being
        // reordered inside right-to-left text; left-to-right text needs none.
        let _ = Reflect::set(&options, &"useIsolating".into(), &lang.is_rtl().into());
        let bundle = FluentBundle::new(&Array::of1(&lang.code().into()), &options);
        let errors = bundle.add_resource(&FluentResource::new(&source));
        if errors.length() > 0 {
            return Err(I18nError::Duplicates(lang.code(), errors.length()));
        }
        Ok(Self(Rc::new(Inner { lang, bundle })))
    }

    /// Fetches and parses a language's messages (revalidated with the
    /// server each time, since the file name carries no version).
    pub async fn fetch(lang: Lang) -> Result<Self, I18nError> {
        let response = gloo_net::http::Request::get(&lang.messages_path())
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .map_err(|_| I18nError::Fetch(lang.code()))?;
        if !response.ok() {
            return Err(I18nError::Fetch(lang.code()));
        }
        let text = response
            .text()
            .await
            .map_err(|_| I18nError::Fetch(lang.code()))?;
        Self::parse(lang, text)
    }

    pub fn lang(&self) -> Lang {
        self.0.lang
    }

    /// Whether the file has this message (for the completeness test).
    pub fn has(&self, id: &str) -> bool {
        self.0.bundle.has_message(id)
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        self.tf(id, [])
    }

    /// A message with variables: `i18n.tf("views", [("views", n(3))])`.
    pub fn tf<'a>(&self, id: &str, args: impl IntoIterator<Item = (&'a str, Arg)>) -> String {
        self.format_checked(id, args)
            .unwrap_or_else(|(text, _)| text)
    }

    /// The message, or what it could make of it and what went wrong (a
    /// missing message or variable); tests use this to check every file.
    pub fn format_checked<'a>(
        &self,
        id: &str,
        args: impl IntoIterator<Item = (&'a str, Arg)>,
    ) -> Result<String, (String, Vec<String>)> {
        let message = self.0.bundle.get_message(id);
        let pattern = Reflect::get(&message, &"value".into()).unwrap_or(JsValue::NULL);
        if pattern.is_null() || pattern.is_undefined() {
            // Every language has every id (a test checks); showing the id
            // beats showing nothing if one slips through.
            return Err((id.to_owned(), vec![format!("no message {id}")]));
        }
        let values = Object::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => JsValue::from(text),
                Arg::Number(number) => JsValue::from(number),
            };
            let _ = Reflect::set(&values, &name.into(), &value);
        }
        let errors = Array::new();
        let text = self.0.bundle.format_pattern(&pattern, &values, &errors);
        if errors.length() == 0 {
            Ok(text)
        } else {
            let reasons = errors
                .iter()
                .map(|e| String::from(js_sys::Error::from(e).message()))
                .collect();
            Err((text, reasons))
        }
    }
}

/// A text argument.
pub fn s(value: impl Into<String>) -> Arg {
    Arg::Text(value.into())
}

/// A number argument.
pub fn n(value: impl Into<f64>) -> Arg {
    Arg::Number(value.into())
}

/// The current language's messages, from the app's context.
#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("the app provides its messages")
}

/// Sets `document.title` to `{page} · self-destruct-o`, so a tab, the
/// history and a screen reader's window list say where the user is.
pub fn set_title(i18n: &I18n, page: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&i18n.tf("page-title", [("page", s(page))]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("ja_JP"), Some(Lang::Ja));
        assert_eq!(Lang::from_tag("pt-BR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn plurals_follow_the_language() {
        let source = "n = { $n ->\n    [one] one\n    [two] two\n    [few] few\n   *[other] other\n}\nd = x\nd = y";
        assert!(
            I18n::parse(Lang::En, source.into()).is_err(),
            "duplicate ids"
        );
        let source = source.trim_end_matches("\nd = x\nd = y").to_owned();
        let en = I18n::parse(Lang::En, source.clone()).unwrap();
        let ar = I18n::parse(Lang::Ar, source).unwrap();
        let pick = |i: &I18n, v: u32| i.tf("n", [("n", n(v))]);
        assert_eq!(pick(&en, 1), "one");
        assert_eq!(pick(&en, 2), "other");
        assert_eq!(pick(&ar, 2), "two");
        assert_eq!(pick(&ar, 3), "few");
        assert!(en.format_checked("missing", []).is_err());
    }
}

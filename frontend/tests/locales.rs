//! Every language has every message, with the English variables, and every
//! message formats without an error for every plural category.

use std::collections::BTreeSet;

use sdo_frontend::i18n::{I18n, Lang, n};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const FILES: [(Lang, &str); 6] = [
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::De, include_str!("../locales/de.ftl")),
    (Lang::Fr, include_str!("../locales/fr.ftl")),
    (Lang::Es, include_str!("../locales/es.ftl")),
    (Lang::Ja, include_str!("../locales/ja.ftl")),
    (Lang::Ar, include_str!("../locales/ar.ftl")),
];

/// Message ids in file order, each with the variables its text uses.
fn messages(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in source.lines() {
        let starts_entry = line.starts_with(|c: char| c.is_ascii_lowercase());
        if starts_entry && let Some((id, _)) = line.split_once(" =") {
            out.push((id.to_owned(), BTreeSet::new()));
        } else if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some((_, vars)) = out.last_mut() {
            for piece in line.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect();
                vars.insert(name);
            }
        }
    }
    out
}

#[wasm_bindgen_test]
fn every_language_has_every_message_with_its_variables() {
    let english = messages(FILES[0].1);
    assert!(english.len() > 150, "{} English messages", english.len());
    for (lang, source) in FILES {
        let found = messages(source);
        let ids = |m: &[(String, BTreeSet<String>)]| {
            m.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&found),
            ids(&english),
            "{}: ids differ from English",
            lang.code()
        );
        for ((id, vars), (_, en_vars)) in found.iter().zip(&english) {
            assert_eq!(vars, en_vars, "{}: {id} uses other variables", lang.code());
        }
        let i18n = I18n::parse(lang, source.to_owned()).unwrap();
        assert!(english.iter().all(|(id, _)| i18n.has(id)));
    }
}

#[wasm_bindgen_test]
fn every_message_formats_for_every_plural_category() {
    let english = messages(FILES[0].1);
    for (lang, source) in FILES {
        let i18n = I18n::parse(lang, source.to_owned()).unwrap();
        // 0, 1, 2, 3, 11 and 100 reach every CLDR category these languages have.
        for count in [0, 1, 2, 3, 11, 100] {
            for (id, vars) in &english {
                let args = vars.iter().map(|v| (v.as_str(), n(count)));
                let text = i18n.format_checked(id, args);
                let text =
                    text.unwrap_or_else(|(_, e)| panic!("{} {id} ({count}): {e:?}", lang.code()));
                assert!(!text.trim().is_empty(), "{} {id} is empty", lang.code());
            }
        }
    }
}

//! Link parsing (share, receipt, inbox and request links): whatever
//! `link::parse` accepts, written back with `Link::to_url`,
//! must parse to the same link and write the same text again. A link that
//! changed on the way through a terminal or a chat would open another secret,
//! or none.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sdo_shared::link;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = link::parse(text) else {
        return;
    };
    let url = parsed.to_url();
    // Debug of a link shows the origin and id, never the key (`LinkKey(***)`).
    let again = link::parse(&url)
        .unwrap_or_else(|e| panic!("a written link does not parse: {e}; link {parsed:?}"));
    assert_eq!(again, parsed, "the round trip changed the link");
    assert_eq!(again.to_url(), url, "writing is not stable");
    // The fragment alone is what the browser app parses.
    let fragment = url.split_once('#').map(|(_, f)| f).unwrap_or_default();
    assert!(
        link::parse_fragment(fragment).is_ok(),
        "a written link's fragment does not parse on its own"
    );
});

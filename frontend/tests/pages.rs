//! Component tests: the real app, rendered in the browser, with `fetch`
//! stubbed; they check the DOM and every request the app makes.

mod support;

use sdo_frontend::api::Api;
use sdo_shared::base64url::{decode, encode};
use sdo_shared::blob;
use sdo_shared::client;
use sdo_shared::kdf::{self, KdfParams};
use sdo_shared::link::{self, Link};
use sdo_shared::payload::Payload;
use sdo_shared::secret::{LinkKey, ManageToken, SecretId};
use support::{Route, calls, mount, mount_with, origin, sleep, stub_fetch};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlInputElement;

wasm_bindgen_test_configure!(run_in_browser);

const ID: &str = "AQEBAQEBAQEBAQEBAQEBAQ";

fn api() -> Api {
    Api::new(&origin())
}

fn meta_json(kdf: Option<&KdfParams>, views_left: u32) -> String {
    serde_json::json!({
        "kdf": kdf, "expires_at": (js_sys::Date::now() / 1000.0) as i64 + 3600, "views_left": views_left
    })
    .to_string()
}

#[wasm_bindgen_test]
async fn create_page_is_a_labelled_form_with_the_defaults() {
    stub_fetch(&[]);
    let app = mount("#/", api()).await;
    app.wait_for("#create").await;
    // Every control has a label (or an aria-label).
    let controls = app
        .root
        .query_selector_all("input, textarea, select")
        .unwrap();
    for i in 0..controls.length() {
        let el: web_sys::Element = controls.get(i).unwrap().unchecked_into();
        let id = el.id();
        let labelled = !id.is_empty() && app.query(&format!("label[for=\"{id}\"]")).is_some();
        assert!(
            labelled || el.has_attribute("aria-label"),
            "unlabelled control {}",
            el.outer_html()
        );
    }
    assert_eq!(app.value("#expiry"), "86400");
    assert_eq!(app.value("#views"), "1");
    assert_eq!(
        app.get("#passphrase").get_attribute("type").as_deref(),
        Some("password")
    );
    assert!(app.text().contains("Create secret link"));
    assert!(calls().is_empty(), "the create page fetched on load");
}

#[wasm_bindgen_test]
async fn create_refuses_an_empty_secret_without_a_request() {
    stub_fetch(&[]);
    let app = mount("#/", api()).await;
    app.wait_for("#create").await;
    app.click("#create");
    app.wait_for_text("Write the secret to share.").await;
    assert_eq!(
        app.get("#secret").get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    // A custom expiry outside the limits is refused too.
    app.type_into("#secret", "something");
    let expiry = app
        .get("#expiry")
        .unchecked_into::<web_sys::HtmlSelectElement>();
    expiry.set_value("custom");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    expiry
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    app.wait_for("#expiry-amount").await;
    app.type_into("#expiry-amount", "300");
    app.click("#create");
    app.wait_for_text("The expiry must be between").await;
    sleep(50).await;
    assert!(calls().is_empty());
}

#[wasm_bindgen_test]
async fn the_form_offers_what_the_server_allows() {
    // A server that keeps secrets two hours at most, for three views.
    stub_fetch(&[Route {
        method: "GET",
        path: "/api/v1/config",
        status: 200,
        body: serde_json::json!({
            "min_ttl_secs": 60, "max_ttl_secs": 7200, "max_views": 3,
            "max_payload_bytes": 1024, "max_attempts": 2, "requests_enabled": false
        })
        .to_string(),
    }]);
    let app = mount_with("#/", api(), None).await;
    app.wait_for("#create").await;
    support::wait_until(
        "the server's limits",
        || app.get("#views").get_attribute("max").as_deref() == Some("3"),
        || app.get("#views").outer_html(),
    )
    .await;
    let presets: Vec<String> = {
        let options = app.root.query_selector_all("#expiry option").unwrap();
        (0..options.length())
            .map(|i| {
                options
                    .get(i)
                    .unwrap()
                    .unchecked_into::<web_sys::HtmlOptionElement>()
                    .value()
            })
            .collect()
    };
    assert_eq!(presets, ["300", "3600", "custom"]);
    // The one-day default is not offered; the longest allowed preset is.
    support::wait_until(
        "the default expiry to follow the limits",
        || app.value("#expiry") == "3600",
        || app.value("#expiry"),
    )
    .await;
    assert!(app.text().contains("at most 3"));
    // More views, or a longer secret, than allowed: refused here, no request.
    app.type_into("#secret", &"x".repeat(2000));
    app.type_into("#views", "4");
    app.click("#create");
    app.wait_for_text("from 1 to 3").await;
    app.wait_for_text("the limit is about 1 KiB").await;
    assert_eq!(calls().len(), 1, "only the config was fetched");
}

#[wasm_bindgen_test]
async fn passphrase_shows_strength_and_toggles_visibility() {
    stub_fetch(&[]);
    let app = mount("#/", api()).await;
    app.wait_for("#passphrase").await;
    app.type_into("#passphrase", "password");
    app.wait_for_text("Strength: very weak").await;
    app.type_into("#passphrase", "correct horse battery staple");
    app.wait_for_text("Strength: very strong").await;
    // The toggle is named for what it does to what (not "Show" alone).
    let toggle = "button[aria-controls=passphrase]";
    assert_eq!(
        app.get(toggle).get_attribute("aria-label").as_deref(),
        Some("Show passphrase")
    );
    app.click(toggle);
    sleep(20).await;
    assert_eq!(
        app.get("#passphrase").get_attribute("type").as_deref(),
        Some("text")
    );
    assert_eq!(
        app.get(toggle).get_attribute("aria-label").as_deref(),
        Some("Hide passphrase")
    );
}

#[wasm_bindgen_test]
async fn create_posts_only_ciphertext_and_the_link_opens_it() {
    let manage = ManageToken::from_bytes([7; 32]);
    stub_fetch(&[Route {
        method: "POST",
        path: "/api/v1/secrets",
        status: 201,
        body: serde_json::json!({
            "id": ID, "manage_token": manage.to_base64url(), "expires_at": 4_102_444_800i64
        })
        .to_string(),
    }]);
    let app = mount("#/", api()).await;
    app.wait_for("#secret").await;
    let plaintext = "hunter2 is my password, unique-7f3a";
    app.type_into("#secret", plaintext);
    app.type_into("#views", "3");
    app.click("#create");
    let share = app.wait_for("#share-link").await;
    let share = share.unchecked_into::<HtmlInputElement>().value();
    let receipt = app
        .get("#receipt-link")
        .unchecked_into::<HtmlInputElement>()
        .value();

    let Ok(Link::Share(share)) = link::parse(&share) else {
        panic!("not a share link: {share}");
    };
    assert_eq!(share.id.to_string(), ID);
    assert_eq!(share.origin, origin());
    let Ok(Link::Receipt(receipt)) = link::parse(&receipt) else {
        panic!("not a receipt link");
    };
    assert_eq!(receipt.manage_token, manage);

    let calls = calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(
        (calls[0].method.as_str(), calls[0].path.as_str()),
        ("POST", "/api/v1/secrets")
    );
    assert!(calls[0].auth.is_empty());
    let body: serde_json::Value = serde_json::from_str(&calls[0].body).unwrap();
    let mut keys: Vec<_> = body.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "blob",
            "kdf",
            "link_verifier",
            "max_views",
            "reveal_verifier",
            "ttl_secs"
        ]
    );
    assert_eq!(body["kdf"], serde_json::Value::Null);
    assert_eq!(body["max_views"], 3);
    assert_eq!(body["ttl_secs"], 86_400);
    assert!(!calls[0].body.contains(plaintext));
    assert!(!calls[0].body.contains(&share.link_key.to_base64url()));

    // What was posted opens with the link's key, to the same plaintext.
    let keys = client::derive_keys(&share.link_key, None, None).unwrap();
    let blob_bytes = decode(body["blob"].as_str().unwrap()).unwrap();
    let opened = blob::open(&keys.content_key, &blob_bytes).unwrap();
    assert_eq!(opened, Payload::text(plaintext));
    let link_token = kdf::link_token(&share.link_key);
    assert_eq!(
        body["link_verifier"].as_str().unwrap(),
        encode(sdo_shared::secret::Verifier::of(link_token.expose()).as_bytes())
    );

    let qr = app.get("img.qr");
    assert!(
        qr.get_attribute("src")
            .unwrap()
            .starts_with("data:image/svg+xml;base64,")
    );
    assert!(app.text().contains("It can be viewed 3 times"));
    // The secret no longer sits in the page once it is sent.
    assert!(!app.root.inner_html().contains(plaintext));
}

fn share_hash(link_key: &LinkKey) -> String {
    format!("#/s/{ID}/{}", link_key.to_base64url())
}

#[wasm_bindgen_test]
async fn only_the_bundle_that_shows_a_link_takes_its_key_out_of_the_address_bar() {
    use sdo_frontend::bundle::{Reveal, Share};
    let hash = share_hash(&LinkKey::from_bytes([4; 32]));
    stub_fetch(&[Route {
        method: "GET",
        path: &format!("/api/v1/secrets/{ID}"),
        status: 200,
        body: meta_json(None, 1),
    }]);
    // The create bundle, given a share link (only while it loads, when
    // boot.js has already sent the page on to the reveal bundle): the key
    // stays for the bundle that can read it.
    let app = support::mount_bundle::<Share>(&hash, api(), Some(Default::default())).await;
    app.wait_for("#not-found").await;
    assert_eq!(support::window().location().hash().unwrap(), hash);
    drop(app);
    let app = support::mount_bundle::<Reveal>(&hash, api(), Some(Default::default())).await;
    app.wait_for("#reveal").await;
    assert_eq!(
        support::window().location().hash().unwrap(),
        format!("#/s/{ID}")
    );
}

#[wasm_bindgen_test]
async fn reveal_page_scrubs_the_key_checks_without_consuming_and_ignores_scripted_clicks() {
    let link_key = LinkKey::from_bytes([3; 32]);
    stub_fetch(&[Route {
        method: "GET",
        path: &format!("/api/v1/secrets/{ID}"),
        status: 200,
        body: meta_json(None, 1),
    }]);
    let app = mount(&share_hash(&link_key), api()).await;
    // The key left the address bar (and this history entry) at once.
    assert_eq!(
        support::window().location().hash().unwrap(),
        format!("#/s/{ID}")
    );
    app.wait_for("#reveal").await;
    assert!(
        app.text()
            .contains("revealing it destroys it on the server")
    );

    let token = kdf::link_token(&link_key).to_base64url();
    let seen = calls();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].method, "GET");
    assert_eq!(seen[0].auth, format!("Bearer {token}"));

    // What a scanner does: a scripted click.
    app.click("#reveal");
    sleep(300).await;
    assert!(calls().iter().all(|c| c.method == "GET"), "{:?}", calls());
    assert!(app.query("#reveal").is_some());
    assert!(app.query("#secret-text").is_none());
}

#[wasm_bindgen_test]
async fn reveal_page_asks_for_the_passphrase_when_the_secret_has_one() {
    let link_key = LinkKey::from_bytes([4; 32]);
    let kdf = KdfParams::new([1; 16], kdf::M_KIB_MIN, 1, 1).unwrap();
    stub_fetch(&[Route {
        method: "GET",
        path: ID,
        status: 200,
        body: meta_json(Some(&kdf), 3),
    }]);
    let app = mount(&share_hash(&link_key), api()).await;
    app.wait_for("#reveal-passphrase").await;
    assert_eq!(
        app.get("label[for=reveal-passphrase]")
            .text_content()
            .as_deref(),
        Some("Passphrase")
    );
    assert!(app.text().contains("3 more times"));
    // A synthetic Enter in the field does not reveal either.
    app.type_into("#reveal-passphrase", "open sesame");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    app.get("#reveal-passphrase")
        .dispatch_event(&enter)
        .unwrap();
    app.click("#reveal");
    sleep(300).await;
    assert!(calls().iter().all(|c| c.method == "GET"), "{:?}", calls());
}

#[wasm_bindgen_test]
async fn a_gone_secret_says_so() {
    stub_fetch(&[]);
    let app = mount(&share_hash(&LinkKey::from_bytes([5; 32])), api()).await;
    app.wait_for("#gone").await;
    assert!(app.text().contains("This secret is gone"));
}

#[wasm_bindgen_test]
async fn an_unreachable_server_is_a_clear_error_with_a_retry() {
    // Nothing listens on port 9 (discard): the request fails outright.
    support::restore_fetch();
    let app = mount(
        &share_hash(&LinkKey::from_bytes([6; 32])),
        Api::new("http://127.0.0.1:9"),
    )
    .await;
    app.wait_for("#check-error").await;
    assert!(app.text().contains("could not be reached"));
    assert!(app.query("#retry").is_some());
}

#[wasm_bindgen_test]
async fn a_server_error_is_a_clear_error() {
    stub_fetch(&[Route {
        method: "GET",
        path: ID,
        status: 500,
        body: r#"{"error":"internal","message":"internal error"}"#.into(),
    }]);
    let app = mount(&share_hash(&LinkKey::from_bytes([6; 32])), api()).await;
    app.wait_for("#check-error").await;
    assert!(app.text().contains("error 500"));
}

fn receipt_json(state: &str, revealed_at: Option<i64>) -> String {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    serde_json::json!({
        "state": state, "created_at": now - 60, "expires_at": now + 3600,
        "views_left": if state == "waiting" { 1 } else { 0 }, "failed_attempts": 2,
        "revealed_at": revealed_at
    })
    .to_string()
}

#[wasm_bindgen_test]
async fn receipt_shows_the_state_and_burns_after_confirmation() {
    let manage = ManageToken::from_bytes([8; 32]);
    stub_fetch(&[
        Route {
            method: "GET",
            path: "/receipt",
            status: 200,
            body: receipt_json("waiting", None),
        },
        Route {
            method: "DELETE",
            path: ID,
            status: 204,
            body: String::new(),
        },
    ]);
    let app = mount(&format!("#/r/{ID}/{}", manage.to_base64url()), api()).await;
    app.wait_for("#receipt-state").await;
    assert_eq!(
        app.get("#receipt-state").text_content().as_deref(),
        Some("Waiting")
    );
    // The receipt's token leaves the address bar and history, like a key.
    let hash = support::window().location().hash().unwrap();
    assert!(!hash.contains(&manage.to_base64url()), "{hash}");
    assert_eq!(hash, format!("#/r/{ID}"));
    app.click("#burn");
    app.wait_for("#confirm-burn").await;
    assert!(calls().iter().all(|c| c.method == "GET"));
    app.click("#confirm-burn");
    support::wait_until(
        "the DELETE",
        || calls().iter().any(|c| c.method == "DELETE"),
        || format!("{:?}", calls()),
    )
    .await;
    let delete = calls().into_iter().find(|c| c.method == "DELETE").unwrap();
    assert_eq!(delete.path, format!("/api/v1/secrets/{ID}"));
    assert_eq!(delete.auth, format!("Bearer {}", manage.to_base64url()));
}

#[wasm_bindgen_test]
async fn receipt_says_when_it_was_revealed() {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    stub_fetch(&[Route {
        method: "GET",
        path: "/receipt",
        status: 200,
        body: receipt_json("revealed", Some(now - 30)),
    }]);
    let manage = ManageToken::from_bytes([9; 32]);
    let app = mount(&format!("#/r/{ID}/{}", manage.to_base64url()), api()).await;
    app.wait_for("#receipt-state").await;
    assert_eq!(
        app.get("#receipt-state").text_content().as_deref(),
        Some("Viewed")
    );
    assert!(app.text().contains("It was viewed"));
    assert!(app.query("#burn").is_none());
}

#[wasm_bindgen_test]
async fn broken_and_scrubbed_links_explain_themselves() {
    stub_fetch(&[]);
    let app = mount(&format!("#/s/{ID}"), api()).await;
    app.wait_for("#key-removed").await;
    drop(app);
    let app = mount(&format!("#/s/{ID}/AAAA"), api()).await;
    app.wait_for("#damaged").await;
    drop(app);
    let app = mount("#/nowhere", api()).await;
    app.wait_for("#not-found").await;
    assert!(calls().is_empty());
    let _ = SecretId::parse(ID).unwrap();
}

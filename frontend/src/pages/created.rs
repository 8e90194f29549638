//! After create: the share link (copy, QR code), the passphrase as typed,
//! what to send where, and the creator's private receipt link, which the
//! page will not let go unnoticed before it was copied, opened or
//! remembered.

use std::rc::Rc;

use yew::prelude::*;
use zeroize::Zeroizing;

use crate::components::{
    AlertKind, CopyButton, LinkFieldProps, PageHeading, QrCode, alert, confirm_leave, link_field,
    use_leave_guard,
};
use crate::i18n::{format, n, s, use_i18n};
use crate::recent;

/// A secret just created, and its two links.
#[derive(Clone, PartialEq)]
pub struct Created {
    pub share_url: String,
    pub receipt_url: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub max_views: u32,
    /// The passphrase as the creator typed it, so a typo can be seen
    /// while it can still be fixed; it lives only as long as this page.
    pub passphrase: Option<Rc<Zeroizing<String>>>,
}

redacted_debug!(Created);

#[derive(Debug, Properties, PartialEq)]
pub struct CreatedViewProps {
    pub created: Rc<Created>,
    pub onreset: Callback<()>,
}

#[function_component(CreatedView)]
pub fn created_view(props: &CreatedViewProps) -> Html {
    let i18n = use_i18n();
    let c = &props.created;
    // Copied, opened or remembered: the receipt is not thrown away.
    let kept = use_leave_guard();
    let remembered = use_state(|| false);
    let mark_kept = {
        let kept = kept.clone();
        Callback::from(move |()| kept.set(true))
    };
    let onreset = {
        let (cb, kept, question) = (
            props.onreset.clone(),
            kept.clone(),
            i18n.t("receipt-not-copied"),
        );
        Callback::from(move |_: MouseEvent| {
            if confirm_leave(&kept, &question) {
                cb.emit(());
            }
        })
    };
    let on_remember = {
        let (remembered, kept, created) = (remembered.clone(), kept.clone(), c.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            let now = format::now_unix();
            if on {
                let entry = recent::Entry {
                    receipt_url: created.receipt_url.clone(),
                    created_at: created.created_at,
                    expires_at: created.expires_at,
                };
                let stored = recent::remember(entry, now);
                kept.set(stored || kept.get());
                remembered.set(stored);
            } else {
                recent::forget(&created.receipt_url, now);
                remembered.set(false);
            }
        })
    };
    let opened = {
        let mark_kept = mark_kept.clone();
        Callback::from(move |_: MouseEvent| mark_kept.emit(()))
    };
    let when = format!(
        "{} ({})",
        format::relative(&i18n, c.expires_at),
        format::date_time(&i18n, c.expires_at)
    );
    let lifetime = i18n.tf(
        "created-lifetime",
        [("views", n(c.max_views)), ("when", s(when))],
    );
    let protected = c.passphrase.is_some();
    html! {
        <section class="card" aria-labelledby="created-title">
            <PageHeading id="created-title" text={i18n.t("created-title")} />
            <p class="lede">{ lifetime }</p>
            <div class="share">
                <div class="share-links">
                    { link_field(LinkFieldProps {
                        id: "share-link".into(),
                        label: i18n.t("share-link-label").into(),
                        value: c.share_url.clone().into(),
                        copy_label: i18n.t("copy-share-link").into(),
                        hint: Some(i18n.t(if protected { "share-link-hint-protected" } else { "share-link-hint" }).into()),
                        primary: true,
                        oncopied: Callback::noop(),
                    }) }
                    if let Some(passphrase) = &c.passphrase {
                        <PassphraseShown value={AttrValue::from(passphrase.as_str().to_owned())} />
                        { alert(AlertKind::Warning, Some(i18n.t("separate-title")), None, html! { <p>{ i18n.t("separate-text") }</p> }) }
                    } else {
                        { alert(AlertKind::Info, Some(i18n.t("link-is-key-title")), None, html! { <p>{ i18n.t("link-is-key-text") }</p> }) }
                    }
                </div>
                <figure class="qr-figure">
                    <QrCode data={c.share_url.clone()} alt={i18n.t("qr-alt")} />
                    <figcaption>{ i18n.t("qr-caption") }</figcaption>
                </figure>
            </div>
            <div class="receipt-box">
                <h2>{ i18n.t("receipt-box-title") }</h2>
                { link_field(LinkFieldProps {
                    id: "receipt-link".into(),
                    label: i18n.t("receipt-link-label").into(),
                    value: c.receipt_url.clone().into(),
                    copy_label: i18n.t("copy-receipt-link").into(),
                    hint: Some(i18n.t("receipt-link-hint").into()),
                    primary: false,
                    oncopied: mark_kept,
                }) }
                <div class="check">
                    <input type="checkbox" id="remember-receipt" checked={*remembered}
                           onchange={on_remember} aria-describedby="remember-receipt-hint" />
                    <label for="remember-receipt">{ i18n.t("remember-receipt") }</label>
                </div>
                <p class="hint" id="remember-receipt-hint">{ i18n.t("remember-receipt-hint") }</p>
                <a class="btn btn-secondary" href={c.receipt_url.clone()} id="open-receipt"
                   target="_blank" rel="noopener noreferrer" onclick={opened}>{ i18n.t("open-receipt") }</a>
            </div>
            <div class="actions">
                <button type="button" class="btn btn-link" id="create-another" onclick={onreset}>
                    { i18n.t("create-another") }
                </button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PassphraseShownProps {
    value: AttrValue,
}

redacted_debug!(PassphraseShownProps);

/// The creator's passphrase, hidden until asked for, with a copy button.
#[function_component(PassphraseShown)]
fn passphrase_shown(props: &PassphraseShownProps) -> Html {
    let i18n = use_i18n();
    let visible = use_state(|| false);
    let toggle = {
        let visible = visible.clone();
        Callback::from(move |_: MouseEvent| visible.set(!*visible))
    };
    html! {
        <div class="field">
            <label for="created-passphrase">{ i18n.t("your-passphrase-label") }</label>
            <div class="input-row">
                <input id="created-passphrase" class="mono" readonly=true
                       type={if *visible { "text" } else { "password" }}
                       value={props.value.clone()} autocomplete="off" spellcheck="false"
                       aria-describedby="created-passphrase-hint" />
                <button type="button" class="btn btn-secondary toggle" id="created-passphrase-toggle"
                        aria-label={i18n.t(if *visible { "passphrase-hide-label" } else { "passphrase-show-label" })}
                        aria-controls="created-passphrase" onclick={toggle}>
                    { i18n.t(if *visible { "passphrase-hide" } else { "passphrase-show" }) }
                </button>
                <CopyButton text={props.value.clone()} id="created-passphrase-copy"
                            aria_label={i18n.t("copy-passphrase")} />
            </div>
            <p class="hint" id="created-passphrase-hint">{ i18n.t("your-passphrase-hint") }</p>
        </div>
    }
}

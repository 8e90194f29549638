//! After a request is made: the request link to send (copy, QR code) and
//! the requester's inbox link, which the page will not let go unnoticed
//! before it was copied or opened: nothing else can open the answer.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    AlertKind, LinkFieldProps, PageHeading, QrCode, alert, confirm_leave, link_field,
    use_leave_guard,
};
use crate::i18n::{format, s, use_i18n};

/// A request just made, and its two links.
#[derive(Clone, PartialEq)]
pub struct RequestMade {
    pub request_url: String,
    pub inbox_url: String,
    pub expires_at: i64,
    pub has_note: bool,
}

redacted_debug!(RequestMade);

#[derive(Debug, Properties, PartialEq)]
pub struct RequestMadeViewProps {
    pub made: Rc<RequestMade>,
    pub onreset: Callback<()>,
}

#[function_component(RequestMadeView)]
pub fn request_made_view(props: &RequestMadeViewProps) -> Html {
    let i18n = use_i18n();
    let m = &props.made;
    let kept = use_leave_guard();
    let mark_kept = {
        let kept = kept.clone();
        Callback::from(move |()| kept.set(true))
    };
    let opened = {
        let kept = kept.clone();
        Callback::from(move |_: MouseEvent| kept.set(true))
    };
    let onreset = {
        let (cb, question) = (props.onreset.clone(), i18n.t("inbox-not-copied"));
        Callback::from(move |_: MouseEvent| {
            if confirm_leave(&kept, &question) {
                cb.emit(());
            }
        })
    };
    let when = format!(
        "{} ({})",
        format::relative(&i18n, m.expires_at),
        format::date_time(&i18n, m.expires_at)
    );
    html! {
        <section class="card" aria-labelledby="request-made-title">
            <PageHeading id="request-made-title" text={i18n.t("request-made-title")} />
            <p class="lede">{ i18n.tf("request-made-lede", [("when", s(when))]) }</p>
            <div class="share">
                <div class="share-links">
                    { link_field(LinkFieldProps {
                        id: "request-link".into(),
                        label: i18n.t("request-link-label").into(),
                        value: m.request_url.clone().into(),
                        copy_label: i18n.t("copy-request-link").into(),
                        hint: Some(i18n.t(if m.has_note { "request-link-hint-note" } else { "request-link-hint" }).into()),
                        primary: true,
                        oncopied: Callback::noop(),
                    }) }
                    { alert(AlertKind::Info, Some(i18n.t("request-how-title")), None, html! { <p>{ i18n.t("request-how-text") }</p> }) }
                </div>
                <figure class="qr-figure">
                    <QrCode data={m.request_url.clone()} alt={i18n.t("request-qr-alt")} />
                    <figcaption>{ i18n.t("qr-caption") }</figcaption>
                </figure>
            </div>
            <div class="receipt-box">
                <h2>{ i18n.t("inbox-box-title") }</h2>
                { link_field(LinkFieldProps {
                    id: "inbox-link".into(),
                    label: i18n.t("inbox-link-label").into(),
                    value: m.inbox_url.clone().into(),
                    copy_label: i18n.t("copy-inbox-link").into(),
                    hint: Some(i18n.t("inbox-link-hint").into()),
                    primary: false,
                    oncopied: mark_kept,
                }) }
                <a class="btn btn-secondary" href={m.inbox_url.clone()} id="open-inbox"
                   target="_blank" rel="noopener noreferrer" onclick={opened}>{ i18n.t("open-inbox") }</a>
            </div>
            <div class="actions">
                <button type="button" class="btn btn-link" id="request-another" onclick={onreset}>
                    { i18n.t("request-another") }
                </button>
            </div>
        </section>
    }
}

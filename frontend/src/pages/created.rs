//! After create: the share link (copy, QR code), what to send where, and
//! the creator's private receipt link.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{Alert, AlertKind, LinkField, QrCode};
use crate::humanize;

/// A secret just created, and its two links.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub share_url: String,
    pub receipt_url: String,
    pub expires_at: i64,
    pub max_views: u32,
    pub protected: bool,
}

#[derive(Debug, Properties, PartialEq)]
pub struct CreatedViewProps {
    pub created: Rc<Created>,
    pub onreset: Callback<()>,
}

#[function_component(CreatedView)]
pub fn created_view(props: &CreatedViewProps) -> Html {
    let c = &props.created;
    let heading = use_node_ref();
    {
        // Focus the heading so keyboard and screen reader users start here.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let onreset = {
        let cb = props.onreset.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let views = if c.max_views == 1 {
        "It can be read once".to_owned()
    } else {
        format!("It can be read {} times", c.max_views)
    };
    let lifetime = format!(
        "{views}, and expires {} ({}).",
        humanize::relative(c.expires_at),
        humanize::local_time(c.expires_at)
    );
    html! {
        <section class="card" aria-labelledby="created-title">
            <h1 id="created-title" tabindex="-1" ref={heading}>{ "Your secret link is ready" }</h1>
            <p class="lede">{ lifetime }</p>
            <div class="share">
                <div class="share-links">
                    <LinkField id="share-link" label="Share link" value={c.share_url.clone()} primary=true
                               hint="Anyone who opens this link can read the secret, so send it only to the recipient." />
                    if c.protected {
                        <Alert kind={AlertKind::Warning} title="Send the link and the passphrase separately">
                            <p>{ "Send the link by one channel (for example, email) and the passphrase by another (a phone call, a different messenger). Someone who intercepts one of them cannot read the secret." }</p>
                        </Alert>
                    } else {
                        <Alert kind={AlertKind::Info} title="The link is the key">
                            <p>{ "The link alone opens the secret. Send it by a channel you trust, or add a passphrase next time and send that by another channel." }</p>
                        </Alert>
                    }
                </div>
                <figure class="qr-figure">
                    <QrCode data={c.share_url.clone()} alt="QR code of the share link" />
                    <figcaption>{ "Scan to open on a phone" }</figcaption>
                </figure>
            </div>
            <div class="receipt-box">
                <h2>{ "Private receipt link" }</h2>
                <LinkField id="receipt-link" label="Receipt link (keep this one)" value={c.receipt_url.clone()}
                           hint="Only for you: it shows whether the secret was read, and lets you destroy it now. It cannot open the secret." />
                <a class="btn btn-secondary" href={c.receipt_url.clone()} id="open-receipt"
                   target="_blank" rel="noopener noreferrer">{ "Open receipt in a new tab" }</a>
            </div>
            <div class="actions">
                <button type="button" class="btn btn-link" id="create-another" onclick={onreset}>
                    { "Create another secret" }
                </button>
            </div>
        </section>
    }
}

//! Create, step by step: seal in this browser (Argon2id in the worker when
//! there is a passphrase), post only the blob and verifiers, build links.

use sdo_shared::api::CreateRequest;
use sdo_shared::base64url::Base64Bytes;
use sdo_shared::blob;
use sdo_shared::kdf::{self, KdfParams};
use sdo_shared::link::{ReceiptLink, ShareLink};
use sdo_shared::payload::Payload;
use sdo_shared::secret::{LinkKey, ManageToken, SecretId, Verifier};

use std::rc::Rc;

use yew::UseStateHandle;
use zeroize::Zeroizing;

use super::file_picker::PickedFile;
use super::{Errors, Phase};
use crate::api::Api;
use crate::components::focus_soon;
use crate::i18n::{I18n, format};
use crate::pages::Created;
use crate::worker;

/// What the form hands over.
pub struct Submission {
    pub payload: Payload,
    /// Empty means none.
    pub passphrase: String,
    pub ttl_secs: u64,
    pub max_views: u32,
}

impl std::fmt::Debug for Submission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Submission")
            .field("payload", &self.payload)
            .field("passphrase", &"***")
            .field("ttl_secs", &self.ttl_secs)
            .field("max_views", &self.max_views)
            .finish()
    }
}

impl Drop for Submission {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.passphrase);
    }
}

/// Where the work is, for the progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Stretching,
    Encrypting,
    Uploading,
}

impl Stage {
    /// The message id of what is happening.
    pub fn label_id(self) -> &'static str {
        match self {
            Stage::Stretching => "stage-stretching",
            Stage::Encrypting => "stage-encrypting",
            Stage::Uploading => "stage-uploading",
        }
    }

    pub fn detail_id(self) -> Option<&'static str> {
        match self {
            Stage::Stretching => Some("stage-stretching-detail"),
            _ => None,
        }
    }
}

/// The page's address without its fragment or query: what links start with.
pub fn app_origin() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.find(['#', '?']).unwrap_or(href.len());
    href[..end].trim_end_matches('/').to_owned()
}

/// `client::prepare` for a secret without a passphrase, on the page's
/// thread. It is spelled out from the protocol's own steps instead of
/// calling `client::prepare` because that function's passphrase branch
/// would link Argon2id and the Unicode normalization tables into the
/// first-load wasm, where they are never used (the worker has them). A
/// test checks that both give requests the same keys open.
pub fn prepare_without_passphrase(
    payload: &Payload,
    ttl_secs: u64,
    max_views: u32,
) -> Result<(LinkKey, CreateRequest), String> {
    let link_key = LinkKey::generate().map_err(|e| e.to_string())?;
    let keys = kdf::secret_keys(&link_key, None);
    let sealed = blob::seal(&keys.content_key, payload).map_err(|e| e.to_string())?;
    let link_token = kdf::link_token(&link_key);
    let request = CreateRequest {
        blob: Base64Bytes::new(sealed),
        link_verifier: Base64Bytes::new(Verifier::of(link_token.expose()).as_bytes().to_vec()),
        reveal_verifier: Base64Bytes::new(
            Verifier::of(keys.reveal_token.expose()).as_bytes().to_vec(),
        ),
        kdf: None,
        ttl_secs,
        max_views,
    };
    Ok((link_key, request))
}

pub async fn run(
    api: &Api,
    i18n: &I18n,
    submission: Submission,
    on_stage: impl Fn(Stage),
) -> Result<Created, String> {
    let protected = !submission.passphrase.is_empty();
    let no_randomness = |_| i18n.t("no-randomness");
    let (link_key, request): (LinkKey, CreateRequest) = if protected {
        on_stage(Stage::Stretching);
        let kdf = KdfParams::generate_default().map_err(no_randomness)?;
        worker::prepare(
            &submission.payload,
            &submission.passphrase,
            kdf,
            submission.ttl_secs,
            submission.max_views,
        )
        .await
        // The worker's reason is for developers; the reader gets what to do.
        .map_err(|e| i18n.t(e.message_key("out-of-date-form", "derive-failed")))?
    } else {
        on_stage(Stage::Encrypting);
        prepare_without_passphrase(
            &submission.payload,
            submission.ttl_secs,
            submission.max_views,
        )
        .map_err(|_| i18n.t("no-randomness"))?
    };
    on_stage(Stage::Uploading);
    let response = api.create(&request).await.map_err(|e| e.message(i18n))?;
    let bad = |_| i18n.t("error-bad-response");
    let id = SecretId::parse(&response.id).map_err(bad)?;
    let manage_token = ManageToken::from_slice(response.manage_token.as_bytes()).map_err(bad)?;
    let origin = app_origin();
    Ok(Created {
        share_url: ShareLink {
            origin: origin.clone(),
            id,
            link_key,
        }
        .to_url(),
        receipt_url: ReceiptLink {
            origin,
            id,
            manage_token,
        }
        .to_url(),
        created_at: format::now_unix(),
        expires_at: response.expires_at,
        max_views: submission.max_views,
        passphrase: protected.then(|| Rc::new(Zeroizing::new(submission.passphrase.clone()))),
    })
}

/// The form's state that a finished or failed create changes.
pub(super) struct Form {
    pub phase: UseStateHandle<Phase>,
    pub errors: UseStateHandle<Errors>,
    pub text: UseStateHandle<String>,
    pub passphrase: UseStateHandle<String>,
    pub file: UseStateHandle<Option<PickedFile>>,
}

/// Runs a create and puts its outcome in the form. A function of this
/// module rather than an async block in the form's callback, so that the
/// build can defer it by name with the rest of what runs after the first
/// render (`frontend/split.txt`).
pub(super) async fn finish(api: Api, i18n: I18n, submission: Submission, form: Form) {
    let stage_phase = form.phase.clone();
    let result = run(&api, &i18n, submission, move |stage| {
        stage_phase.set(Phase::Working(stage));
    })
    .await;
    match result {
        Ok(created) => {
            // The plaintext leaves the page's state; the passphrase stays
            // only in the "ready" view.
            form.text.set(String::new());
            form.passphrase.set(String::new());
            form.file.set(None);
            form.phase.set(Phase::Done(Rc::new(created)));
        }
        Err(message) => {
            form.phase.set(Phase::Editing);
            form.errors.set(Errors {
                submit: Some(message),
                ..Errors::default()
            });
            // Back to the button that started it; the error, an alert, is
            // announced by itself.
            focus_soon("#create");
        }
    }
}

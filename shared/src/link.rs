//! Share and receipt links, and a secret request's inbox and request links.
//!
//! ```text
//! share:   {origin}/#/s/{id}/{link_key}
//! receipt: {origin}/#/r/{id}/{manage_token}
//! inbox:   {origin}/#/i/{rid}/{request_key}     (kept by the requester)
//! request: {origin}/#/q/{rid}/{public_key}      (sent to the responder)
//! ```
//! Everything secret sits after `#`, which browsers never send to a server.
//! Link types have no `Display`: printing one is printing its key.

use crate::request::RequestId;
use crate::secret::{FormatError, LinkKey, ManageToken, RequestKey, RequestPublicKey, SecretId};

pub const SHARE_ROUTE: &str = "s";
pub const RECEIPT_ROUTE: &str = "r";
pub const INBOX_ROUTE: &str = "i";
pub const REQUEST_ROUTE: &str = "q";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("not a self-destruct-o link (expected …/#/s/, /r/, /i/ or /q/ then ID/KEY)")]
    NotALink,
    #[error("the link's server address must start with http:// or https://")]
    BadOrigin,
    #[error("the link is damaged: {0}")]
    Damaged(#[from] FormatError),
}

/// The link a creator sends to the recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    pub origin: String,
    pub id: SecretId,
    pub link_key: LinkKey,
}

/// The creator's private link to the secret's status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptLink {
    pub origin: String,
    pub id: SecretId,
    pub manage_token: ManageToken,
}

/// The requester's private link: opens what the responder sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxLink {
    pub origin: String,
    pub id: RequestId,
    pub request_key: RequestKey,
}

/// The link a requester sends to whoever should fill the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLink {
    pub origin: String,
    pub id: RequestId,
    pub public_key: RequestPublicKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Share(ShareLink),
    Receipt(ReceiptLink),
    Inbox(InboxLink),
    Request(RequestLink),
}

impl Link {
    pub fn to_url(&self) -> String {
        match self {
            Link::Share(l) => l.to_url(),
            Link::Receipt(l) => l.to_url(),
            Link::Inbox(l) => l.to_url(),
            Link::Request(l) => l.to_url(),
        }
    }

    pub fn origin(&self) -> &str {
        match self {
            Link::Share(l) => &l.origin,
            Link::Receipt(l) => &l.origin,
            Link::Inbox(l) => &l.origin,
            Link::Request(l) => &l.origin,
        }
    }
}

impl ShareLink {
    pub fn to_url(&self) -> String {
        format!(
            "{}/#/{SHARE_ROUTE}/{}/{}",
            self.origin,
            self.id,
            self.link_key.to_base64url()
        )
    }
}

impl ReceiptLink {
    pub fn to_url(&self) -> String {
        format!(
            "{}/#/{RECEIPT_ROUTE}/{}/{}",
            self.origin,
            self.id,
            self.manage_token.to_base64url()
        )
    }
}

impl InboxLink {
    pub fn to_url(&self) -> String {
        format!(
            "{}/#/{INBOX_ROUTE}/{}/{}",
            self.origin,
            self.id,
            self.request_key.to_base64url()
        )
    }

    /// The link to send for this inbox: everything in it follows from the
    /// inbox link, never the other way round.
    pub fn request_link(&self) -> RequestLink {
        RequestLink {
            origin: self.origin.clone(),
            id: self.id,
            public_key: crate::request::public_key(&self.request_key),
        }
    }
}

impl RequestLink {
    pub fn to_url(&self) -> String {
        format!(
            "{}/#/{REQUEST_ROUTE}/{}/{}",
            self.origin,
            self.id,
            self.public_key.to_base64url()
        )
    }
}

/// Trims what the protocol does not want after an origin (trailing `/`).
pub fn normalize_origin(origin: &str) -> Result<String, LinkError> {
    let origin = origin.trim().trim_end_matches('/');
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or(LinkError::BadOrigin)?;
    if rest.is_empty() || rest.contains(['#', '?', ' ']) {
        return Err(LinkError::BadOrigin);
    }
    Ok(origin.to_owned())
}

/// Parses a full link, as pasted into a terminal.
pub fn parse(url: &str) -> Result<Link, LinkError> {
    let url = url.trim();
    let (origin, fragment) = url.split_once('#').ok_or(LinkError::NotALink)?;
    let origin = normalize_origin(origin)?;
    Ok(match parse_fragment(fragment)? {
        Fragment::Share { id, link_key } => Link::Share(ShareLink {
            origin,
            id,
            link_key,
        }),
        Fragment::Receipt { id, manage_token } => Link::Receipt(ReceiptLink {
            origin,
            id,
            manage_token,
        }),
        Fragment::Inbox { id, request_key } => Link::Inbox(InboxLink {
            origin,
            id,
            request_key,
        }),
        Fragment::Request { id, public_key } => Link::Request(RequestLink {
            origin,
            id,
            public_key,
        }),
    })
}

/// A link's fragment on its own, as the browser app sees `location.hash`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fragment {
    Share {
        id: SecretId,
        link_key: LinkKey,
    },
    Receipt {
        id: SecretId,
        manage_token: ManageToken,
    },
    Inbox {
        id: RequestId,
        request_key: RequestKey,
    },
    Request {
        id: RequestId,
        public_key: RequestPublicKey,
    },
}

/// Parses `/s/ID/KEY`, `/r/ID/TOKEN`, `/i/RID/KEY` or `/q/RID/PUBLIC_KEY`,
/// with or without the leading `#`. A known route whose id or key is not
/// exactly its base64url form is `Damaged`, so a link cut short in a chat
/// is told apart from something that is no link at all.
pub fn parse_fragment(fragment: &str) -> Result<Fragment, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let path = fragment.strip_prefix('/').ok_or(LinkError::NotALink)?;
    let mut parts = path.split('/');
    let (Some(route), Some(id), Some(secret), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(LinkError::NotALink);
    };
    match route {
        SHARE_ROUTE => Ok(Fragment::Share {
            id: SecretId::parse(id)?,
            link_key: LinkKey::from_base64url(secret)?,
        }),
        RECEIPT_ROUTE => Ok(Fragment::Receipt {
            id: SecretId::parse(id)?,
            manage_token: ManageToken::from_base64url(secret)?,
        }),
        INBOX_ROUTE => Ok(Fragment::Inbox {
            id: RequestId::parse(id)?,
            request_key: RequestKey::from_base64url(secret)?,
        }),
        REQUEST_ROUTE => Ok(Fragment::Request {
            id: RequestId::parse(id)?,
            public_key: RequestPublicKey::from_base64url(secret)?,
        }),
        _ => Err(LinkError::NotALink),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn share_and_receipt_round_trip() {
        let share = ShareLink {
            origin: "https://sdo.example".into(),
            id: SecretId::from_bytes([1; 16]),
            link_key: LinkKey::from_bytes([2; 32]),
        };
        let url = share.to_url();
        assert_eq!(
            url,
            "https://sdo.example/#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI"
        );
        assert_eq!(parse(&url).unwrap(), Link::Share(share));

        let receipt = ReceiptLink {
            origin: "http://127.0.0.1:8080".into(),
            id: SecretId::from_bytes([3; 16]),
            manage_token: ManageToken::from_bytes([4; 32]),
        };
        assert_eq!(parse(&receipt.to_url()).unwrap(), Link::Receipt(receipt));
    }

    #[test]
    fn bad_links_are_refused() {
        let good = "https://x.example/#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI";
        assert!(parse(good).is_ok());
        assert_eq!(parse("https://x.example/"), Err(LinkError::NotALink));
        assert_eq!(
            parse(&good.replace("https", "ftp")),
            Err(LinkError::BadOrigin)
        );
        assert!(matches!(
            parse(&good[..good.len() - 1]),
            Err(LinkError::Damaged(_))
        ));
        assert_eq!(parse(&format!("{good}/extra")), Err(LinkError::NotALink));
        assert_eq!(parse(&good.replace("/s/", "/x/")), Err(LinkError::NotALink));
        assert!(
            parse_fragment(
                "#/s/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI"
            )
            .is_ok()
        );
    }

    #[test]
    fn inbox_and_request_round_trip() {
        let inbox = InboxLink {
            origin: "https://sdo.example".into(),
            id: RequestId::from_bytes([1; 16]),
            request_key: RequestKey::from_bytes([2; 32]),
        };
        let url = inbox.to_url();
        assert_eq!(
            url,
            "https://sdo.example/#/i/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI"
        );
        assert_eq!(parse(&url).unwrap(), Link::Inbox(inbox.clone()));

        let request = inbox.request_link();
        assert_eq!(
            request.public_key,
            crate::request::public_key(&inbox.request_key)
        );
        let url = request.to_url();
        assert!(url.starts_with("https://sdo.example/#/q/AQEBAQEBAQEBAQEBAQEBAQ/"));
        let link = parse(&url).unwrap();
        assert_eq!(link, Link::Request(request));
        assert_eq!(link.to_url(), url);
        assert_eq!(link.origin(), "https://sdo.example");
        // Debug shows the route and id, never a key.
        let debug = format!("{link:?}");
        assert!(debug.contains("RequestPublicKey(***)"), "{debug}");
    }

    #[test]
    fn damaged_request_links_are_told_apart() {
        let inbox = "https://x.example/#/i/AQEBAQEBAQEBAQEBAQEBAQ/AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI";
        let request = inbox.replace("/i/", "/q/");
        for good in [inbox, &request] {
            assert!(parse(good).is_ok());
            let cut = &good[..good.len() - 1];
            assert!(matches!(parse(cut), Err(LinkError::Damaged(_))), "{cut}");
            let bad_id = good.replace("/AQEB", "/AQE=");
            assert!(matches!(parse(&bad_id), Err(LinkError::Damaged(_))));
            assert_eq!(parse(&format!("{good}/x")), Err(LinkError::NotALink));
        }
        assert_eq!(
            parse(&inbox.replace("/i/", "/I/")),
            Err(LinkError::NotALink)
        );
    }

    fn link_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("#".to_owned()),
            Just("/".to_owned()),
            Just("https://x.example".to_owned()),
            Just("AQEBAQEBAQEBAQEBAQEBAQ".to_owned()),
            Just("AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI".to_owned()),
            prop::sample::select(vec!["s", "r", "i", "q"]).prop_map(str::to_owned),
            "[A-Za-z0-9_=+/#?. -]{0,50}",
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
    }

    /// Mostly well-formed links, each part good, damaged or odd.
    fn structured_link() -> impl Strategy<Value = String> {
        let origin = prop::sample::select(vec![
            "https://x.example",
            "http://127.0.0.1:8080/",
            " https://x.example// ",
            "ftp://x",
            "https://",
            "",
        ]);
        let route = prop::sample::select(vec!["s", "r", "i", "q", "x", ""]);
        let id = prop_oneof![
            any::<[u8; 16]>().prop_map(|b| crate::base64url::encode(&b)),
            "[A-Za-z0-9_=-]{20,23}",
        ];
        let key = prop_oneof![
            any::<[u8; 32]>().prop_map(|b| crate::base64url::encode(&b)),
            "[A-Za-z0-9_=/-]{41,45}",
        ];
        let tail = prop::sample::select(vec!["", "/", "/x", "#", " "]);
        (origin, route, id, key, tail).prop_map(|(o, r, i, k, t)| format!("{o}/#/{r}/{i}/{k}{t}"))
    }

    proptest! {
        /// Whatever is pasted, parsing answers, and what it accepts it
        /// writes back to a link that parses the same (fuzz/ does this at
        /// length; this runs in every `cargo test`).
        #[test]
        fn parsing_never_panics_and_round_trips(
            text in prop_oneof![link_like(), structured_link()],
        ) {
            let _ = parse_fragment(&text);
            if let Ok(link) = parse(&text) {
                let url = link.to_url();
                prop_assert_eq!(parse(&url), Ok(link));
                let fragment = url.split_once('#').map(|(_, f)| f).unwrap_or_default();
                prop_assert!(parse_fragment(fragment).is_ok());
            }
        }
    }
}

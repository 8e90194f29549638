//! Share and receipt links.
//!
//! ```text
//! share:   {origin}/#/s/{id}/{link_key}
//! receipt: {origin}/#/r/{id}/{manage_token}
//! ```
//! Everything secret sits after `#`, which browsers never send to a server.
//! Link types have no `Display`: printing one is printing its key.

use crate::secret::{FormatError, LinkKey, ManageToken, SecretId};

pub const SHARE_ROUTE: &str = "s";
pub const RECEIPT_ROUTE: &str = "r";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("not a self-destruct-o link (expected …/#/s/ID/KEY or …/#/r/ID/TOKEN)")]
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Share(ShareLink),
    Receipt(ReceiptLink),
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
}

/// Parses `/s/ID/KEY` or `/r/ID/TOKEN`, with or without the leading `#`.
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
        _ => Err(LinkError::NotALink),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

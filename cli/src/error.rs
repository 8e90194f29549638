//! What can go wrong, and the exit code each maps to (see `sdo --help`).

use sdo_shared::api::{ErrorBody, ErrorCode};

/// What `OutcomeUnknown` says after `sdo get`: the reveal may have taken the
/// last view, and only the receipt's holder can find out.
pub const REVEAL_UNCONFIRMED: &str =
    "the secret was used up; it may be gone: ask the sender to check the receipt";

/// The most of a server's error message shown: it is untrusted text.
const MAX_MESSAGE_CHARS: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("this secret does not exist or is no longer available")]
    Gone,
    /// A request that is gone, with what its state says, if it was read
    /// (`""` or `": it expired"`…).
    #[error("this request does not exist or is no longer available{0}")]
    RequestGone(&'static str),
    /// `sdo fill` on a request that already has its answer.
    #[error(
        "this request was already answered; nothing was sent (if the answer was not yours, \
         tell the requester: someone else has the request link)"
    )]
    AlreadyAnswered,
    /// `sdo collect` without `--wait` on a request still open.
    #[error(
        "this request has not been answered yet (open until {0}): try again later, or wait \
         with `sdo collect --wait`"
    )]
    NotAnswered(String),
    #[error("{}", wrong_passphrase(*attempts_left))]
    WrongPassphrase { attempts_left: u32 },
    #[error("cannot reach {server}: {cause}")]
    Network { server: String, cause: String },
    #[error("the server answered {status}: {message}")]
    Server { status: u16, message: String },
    /// `unavailable`: the server failed before writing anything.
    #[error("the server is temporarily unavailable; nothing was used up: try again")]
    Unavailable,
    /// `outcome_unknown`: a consuming write was sent and its answer lost. The
    /// text says what may or may not have happened, which depends on the call.
    #[error("the server could not confirm whether {0}")]
    OutcomeUnknown(&'static str),
    #[error("{0}")]
    Other(String),
}

fn wrong_passphrase(attempts_left: u32) -> String {
    match attempts_left {
        0 => "wrong passphrase; that was the last attempt and the secret is destroyed".into(),
        1 => "wrong passphrase; 1 attempt left before the secret is destroyed".into(),
        n => format!("wrong passphrase; {n} attempts left before the secret is destroyed"),
    }
}

impl CliError {
    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Other(_) => 1,
            CliError::Usage(_) => 2,
            CliError::Gone | CliError::RequestGone(_) => 3,
            CliError::WrongPassphrase { .. } => 4,
            CliError::Network { .. } => 5,
            CliError::Server { .. } | CliError::Unavailable => 6,
            CliError::OutcomeUnknown(_) => 7,
            CliError::NotAnswered(_) => 8,
            // Not 3: a script that retries a fill must tell "someone answered
            // it" (perhaps not us) from "it is gone".
            CliError::AlreadyAnswered => 9,
        }
    }

    /// The error for a non-success answer from the API.
    pub fn from_api(status: u16, body: &str) -> Self {
        let parsed: Option<ErrorBody> = serde_json::from_str(body).ok();
        match (status, parsed) {
            // Only the API's own 404: a wrong server's or a proxy's page
            // says nothing about the secret.
            (404, Some(_)) => CliError::Gone,
            // What was sent does not fit this server's limits (size, TTL,
            // views): the caller's to change, as documented for exit 2.
            (413, Some(e)) => {
                CliError::Usage(format!("the server refused it: {}", shortened(&e.message)))
            }
            (400, Some(e)) if e.error == ErrorCode::InvalidRequest => {
                CliError::Usage(format!("the server refused it: {}", shortened(&e.message)))
            }
            (
                403,
                Some(ErrorBody {
                    attempts_left: Some(n),
                    ..
                }),
            ) => CliError::WrongPassphrase { attempts_left: n },
            (_, Some(e)) if e.error == ErrorCode::Unavailable => CliError::Unavailable,
            (_, Some(e)) if e.error == ErrorCode::OutcomeUnknown => {
                CliError::OutcomeUnknown(REVEAL_UNCONFIRMED)
            }
            (_, Some(e)) => CliError::Server {
                status,
                message: shortened(&e.message),
            },
            (_, None) => CliError::Server {
                status,
                message: "an answer that is not the self-destruct-o API".into(),
            },
        }
    }
}

fn shortened(message: &str) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &message[..cut]),
        None => message.to_owned(),
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Other(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_503s_say_different_things() {
        let unavailable = CliError::from_api(503, r#"{"error":"unavailable","message":"m"}"#);
        assert!(matches!(unavailable, CliError::Unavailable));
        assert!(unavailable.to_string().contains("nothing was used up"));
        assert_eq!(unavailable.exit_code(), 6);
        let unknown = CliError::from_api(503, r#"{"error":"outcome_unknown","message":"m"}"#);
        assert!(unknown.to_string().contains("may be gone"), "{unknown}");
        assert_eq!(unknown.exit_code(), 7);
    }

    /// A 404 that is not the API's JSON (a wrong server, a proxy) is not
    /// "gone"; a request that does not fit the server's limits is the
    /// caller's to change (exit 2), as `sdo --help` says.
    #[test]
    fn statuses_map_to_the_documented_exits() {
        let gone = CliError::from_api(404, r#"{"error":"not_found","message":"gone"}"#);
        assert_eq!(gone.exit_code(), 3);
        let page = CliError::from_api(404, "<html>Not Found</html>");
        assert_eq!(page.exit_code(), 6, "{page}");
        let big = CliError::from_api(
            413,
            r#"{"error":"too_large","message":"the secret is 2077 bytes; this server takes at most 1000"}"#,
        );
        assert_eq!(big.exit_code(), 2);
        assert!(big.to_string().contains("at most 1000"), "{big}");
        let ttl = CliError::from_api(
            400,
            r#"{"error":"invalid_request","message":"ttl_secs must be between 60 and 3600"}"#,
        );
        assert_eq!(ttl.exit_code(), 2);
        assert!(ttl.to_string().contains("between 60 and 3600"), "{ttl}");
    }

    #[test]
    fn a_long_server_message_is_cut() {
        let body = format!(r#"{{"error":"internal","message":"{}"}}"#, "é".repeat(5000));
        let CliError::Server { message, .. } = CliError::from_api(500, &body) else {
            panic!("not a server error");
        };
        assert_eq!(message.chars().count(), MAX_MESSAGE_CHARS + 1);
    }
}

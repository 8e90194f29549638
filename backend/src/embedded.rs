//! The browser app built into the binary (cargo feature `embed-app`), so a
//! single copied file serves everything. `scripts/frontend.sh build` writes
//! `dist/` with a gzip twin of each text and wasm file; those twins are
//! served to clients that accept gzip. Content-hashed files (Trunk's, and
//! the crypto worker's, hashed by `scripts/frontend.sh`) are cached for a
//! year; everything else (`index.html`, `boot.js`, the message files) is
//! revalidated on each load.
//!
//! Like `--static-dir`, responses get the app's CSP and security headers
//! from the router's layers; this module adds only caching and encoding.

use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rust_embed::Embed;

use crate::api::error::ApiError;

#[derive(Embed)]
#[folder = "../dist/"]
struct Dist;

/// Hashed files never change under their name.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else is checked with the server on each use (cheap: 304).
const REVALIDATE: &str = "no-cache";

/// Whether the build really embedded an app (a build without `dist/`
/// fails at compile time, but an empty one would not).
pub fn has_app() -> bool {
    Dist::get("index.html").is_some()
}

/// Serves `GET`/`HEAD` for any path the API does not own.
pub async fn serve(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::for_status(StatusCode::METHOD_NOT_ALLOWED).into_response();
    }
    let path = match uri.path().trim_start_matches('/') {
        "" => "index.html",
        p => p,
    };
    // The twins are an encoding of their file, not files of their own.
    let Some(file) = Dist::get(path).filter(|_| !path.ends_with(".gz")) else {
        return ApiError::for_status(StatusCode::NOT_FOUND).into_response();
    };
    let twin = if accepts_gzip(&headers) {
        Dist::get(&format!("{path}.gz"))
    } else {
        None
    };
    let gzipped = twin.is_some();
    let hash = hex(&file.metadata.sha256_hash());
    let kind = content_type(path, file.metadata.mimetype());
    // One validator per representation: the gzip bytes differ.
    let etag = if gzipped {
        format!("\"{hash}-gz\"")
    } else {
        format!("\"{hash}\"")
    };
    let mut response = if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        StatusCode::NOT_MODIFIED.into_response()
    } else if method == Method::HEAD {
        StatusCode::OK.into_response()
    } else {
        let bytes = twin.map_or(file.data, |t| t.data);
        Response::new(Body::from(bytes.into_owned()))
    };
    let set = |response: &mut Response, name, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            response.headers_mut().insert(name, value);
        }
    };
    set(&mut response, header::CONTENT_TYPE, kind);
    set(&mut response, header::ETAG, &etag);
    set(
        &mut response,
        header::CACHE_CONTROL,
        if is_hashed(path) {
            IMMUTABLE
        } else {
            REVALIDATE
        },
    );
    set(&mut response, header::VARY, "Accept-Encoding");
    if gzipped {
        set(&mut response, header::CONTENT_ENCODING, "gzip");
    }
    response
}

fn content_type(path: &str, guessed: &str) -> &'static str {
    // Types mime_guess lacks or gets too vague for the browser's needs
    // (wasm must be application/wasm for streaming compilation).
    match path.rsplit('.').next() {
        Some("ftl") | Some("txt") => "text/plain; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("js") => "text/javascript; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => match guessed {
            "application/json" => "application/json",
            _ => "application/octet-stream",
        },
    }
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

/// Trunk names content-hashed files `name-{hash}` (also as a directory,
/// for wasm-bindgen's snippets), the hash being a 64-bit value in hex
/// without leading zeros: up to 16 digits, and fewer than 10 only about
/// once in a million builds.
fn is_hashed(path: &str) -> bool {
    path.split('-').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        (10..=16).contains(&digits)
            && !part[digits..].starts_with(|c: char| c.is_ascii_alphanumeric())
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        assert!(is_hashed("sdo-frontend-5e96c049b279c627_bg.wasm"));
        assert!(is_hashed("sdo-frontend-5e96c049b279c627.js"));
        assert!(is_hashed("style-b7c061439a604770.css"));
        // A hash with a leading zero is one digit shorter (a real build's).
        assert!(is_hashed("sdo-frontend-43784154b552252_bg.wasm"));
        assert!(is_hashed(
            "snippets/sdo-frontend-a354b16bb17c3345/js/fluent-bundle.js"
        ));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("sdo-crypto-worker.js"));
        assert!(!is_hashed("locales/en.ftl"));
        assert!(!is_hashed("eff-large-wordlist.txt"));
        assert!(
            !is_hashed("a-5e96c049b279c627ab.js"),
            "17+ digits is not Trunk's hash"
        );
    }

    #[test]
    fn gzip_is_used_only_when_accepted() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            accepts_gzip(&h)
        };
        assert!(with("gzip, deflate, br"));
        assert!(with("br;q=1.0, GZIP;q=0.5"));
        assert!(with("*"));
        assert!(!with("br"));
        assert!(!with("gzip;q=0"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}

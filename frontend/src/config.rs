//! What this server allows (`GET /api/v1/config`), so the form offers
//! exactly that instead of the protocol's defaults.

use sdo_shared::api::{
    ConfigResponse, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_TTL_SECS, MAX_VIEWS_LIMIT, MIN_TTL_SECS,
};
use sdo_shared::payload::MAX_PADDED_LEN;

/// The server's limits. Until they arrive (or if the server is older and
/// has no such endpoint), the protocol's defaults stand in; the server
/// enforces its real limits either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub min_ttl_secs: u64,
    pub max_ttl_secs: u64,
    pub max_views: u32,
    /// The largest padded payload the server takes.
    pub max_payload_bytes: usize,
    /// Wrong passphrases before a secret is destroyed.
    pub max_attempts: u32,
    pub requests_enabled: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            min_ttl_secs: MIN_TTL_SECS,
            max_ttl_secs: DEFAULT_MAX_TTL_SECS,
            max_views: MAX_VIEWS_LIMIT,
            max_payload_bytes: MAX_PADDED_LEN,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            requests_enabled: false,
        }
    }
}

impl From<ConfigResponse> for Limits {
    /// The server's answer, bounded by what this app can do at all.
    fn from(c: ConfigResponse) -> Self {
        let min_ttl_secs = c.min_ttl_secs.max(MIN_TTL_SECS);
        Self {
            min_ttl_secs,
            max_ttl_secs: c.max_ttl_secs.max(min_ttl_secs),
            max_views: c.max_views.clamp(1, MAX_VIEWS_LIMIT),
            max_payload_bytes: usize::try_from(c.max_payload_bytes)
                .unwrap_or(MAX_PADDED_LEN)
                .min(MAX_PADDED_LEN),
            max_attempts: c.max_attempts.max(1),
            requests_enabled: c.requests_enabled,
        }
    }
}

//! What one server accepts: the operator's limits, and what they mean for
//! clients (`GET /api/v1/config`).

use sdo_shared::api::{
    ConfigResponse, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_TTL_SECS, MAX_VIEWS_LIMIT, MIN_TTL_SECS,
};
use sdo_shared::blob;
use sdo_shared::payload::{MAX_PADDED_LEN, PAD_BLOCK};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_ttl_secs: u64,
    pub max_blob_bytes: usize,
    pub max_attempts: u32,
    pub max_views: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_ttl_secs: DEFAULT_MAX_TTL_SECS,
            max_blob_bytes: blob::MAX_LEN,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            max_views: MAX_VIEWS_LIMIT,
        }
    }
}

impl Limits {
    /// The largest padded payload whose blob is within `max_blob_bytes`.
    /// Clients think in padded payloads, the server in blobs; a blob is the
    /// padded payload plus a fixed overhead, and padded lengths come only in
    /// whole blocks, so a limit between two blocks' blobs admits the lower.
    /// 0 when not even one block fits (the flags never allow that).
    pub fn max_payload_bytes(&self) -> usize {
        let room = self.max_blob_bytes.saturating_sub(blob::OVERHEAD);
        (room / PAD_BLOCK * PAD_BLOCK).min(MAX_PADDED_LEN)
    }

    /// The largest fill of a request accepted: the fill of the largest
    /// padded payload, so `max_payload_bytes` bounds secrets and requests
    /// alike (a fill's overhead is larger than a blob's).
    pub fn max_fill_bytes(&self) -> usize {
        self.max_payload_bytes() + sdo_shared::request::fill::OVERHEAD
    }

    /// What `GET /api/v1/config` tells clients.
    pub fn config(&self) -> ConfigResponse {
        ConfigResponse {
            min_ttl_secs: MIN_TTL_SECS,
            max_ttl_secs: self.max_ttl_secs,
            max_views: self.max_views,
            max_payload_bytes: self.max_payload_bytes() as u64,
            max_attempts: self.max_attempts,
            // Not a limit but the store's: `Service::config` fills it in.
            requests_enabled: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_payload_bytes_is_the_largest_padded_payload_whose_blob_fits() {
        let with_blob = |max_blob_bytes| Limits {
            max_blob_bytes,
            ..Limits::default()
        };
        assert_eq!(Limits::default().max_payload_bytes(), MAX_PADDED_LEN);
        assert_eq!(with_blob(blob::MIN_LEN).max_payload_bytes(), PAD_BLOCK);
        assert_eq!(with_blob(blob::MIN_LEN - 1).max_payload_bytes(), 0);
        // Beyond the protocol's ceiling, which clients never exceed.
        assert_eq!(with_blob(usize::MAX).max_payload_bytes(), MAX_PADDED_LEN);
        for max_blob_bytes in blob::MIN_LEN..=blob::MAX_LEN {
            let padded = with_blob(max_blob_bytes).max_payload_bytes();
            assert!(padded.is_multiple_of(PAD_BLOCK), "{max_blob_bytes}");
            assert!(
                blob::OVERHEAD + padded <= max_blob_bytes,
                "{max_blob_bytes}"
            );
            let next = blob::OVERHEAD + padded + PAD_BLOCK;
            assert!(
                next > max_blob_bytes || padded == MAX_PADDED_LEN,
                "{max_blob_bytes}"
            );
        }
    }

    #[test]
    fn config_reports_the_limits() {
        let limits = Limits {
            max_ttl_secs: 3600,
            max_blob_bytes: 10_000,
            max_attempts: 2,
            max_views: 3,
        };
        assert_eq!(
            limits.config(),
            ConfigResponse {
                min_ttl_secs: 60,
                max_ttl_secs: 3600,
                max_views: 3,
                // (10_000 - 29) / 256 = 38 whole blocks.
                max_payload_bytes: 38 * 256,
                max_attempts: 2,
                requests_enabled: false,
            }
        );
        let defaults = Limits::default().config();
        assert_eq!(
            (
                defaults.max_ttl_secs,
                defaults.max_views,
                defaults.max_attempts
            ),
            (7 * 86_400, 100, 5)
        );
        assert_eq!(defaults.max_payload_bytes, 256 * 1024);
    }
}

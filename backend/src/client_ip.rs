//! Which address a request comes from, for the per-client rate limit.
//!
//! The peer of the connection (or API Gateway's `sourceIp`) is the client
//! unless the operator says a proxy stands in front. Forwarding headers are
//! written by whoever sends them, so they are believed only from trusted
//! peers, never by default: `X-Forwarded-For` is walked from the right past
//! the trusted hops, and `CloudFront-Viewer-Address` is taken only when the
//! deployment routes every request through CloudFront.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

const X_FORWARDED_FOR: &str = "x-forwarded-for";
const CLOUDFRONT_VIEWER_ADDRESS: &str = "cloudfront-viewer-address";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientIp {
    /// Proxies whose `X-Forwarded-For` entries are believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Believe `CloudFront-Viewer-Address` (the AWS stack sends every
    /// request through CloudFront, which sets it and drops a client's own).
    pub cloudfront: bool,
}

impl ClientIp {
    /// Parses `--trusted-proxies`: CIDRs or single addresses, comma-separated.
    pub fn parse_proxies(text: &str) -> Result<Vec<IpNet>, String> {
        text.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(Self::parse_proxy)
            .collect()
    }

    /// One trusted proxy: a CIDR or a single address.
    pub fn parse_proxy(text: &str) -> Result<IpNet, String> {
        let s = text.trim();
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
            .map_err(|_| format!("{s:?} is not an address or CIDR"))
    }

    /// The client's address, given the connection's `peer`.
    pub fn resolve(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if self.cloudfront
            && let Some(ip) = headers
                .get(CLOUDFRONT_VIEWER_ADDRESS)
                .and_then(|v| v.to_str().ok())
                .and_then(viewer_address)
        {
            return ip;
        }
        if !self.is_trusted(peer) {
            return peer;
        }
        // Later headers and later entries were added by nearer hops.
        let mut client = peer;
        let entries = headers
            .get_all(X_FORWARDED_FOR)
            .iter()
            .rev()
            .flat_map(|v| v.to_str().unwrap_or("").rsplit(','));
        for entry in entries {
            match forwarded_ip(entry.trim()) {
                Some(ip) => {
                    client = ip;
                    if !self.is_trusted(ip) {
                        return ip;
                    }
                }
                // A trusted hop wrote something unreadable: stop at that hop
                // rather than believe anything left of it.
                None => return client,
            }
        }
        client
    }

    fn is_trusted(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.trusted_proxies.iter().any(|net| net.contains(&ip))
    }
}

/// IPv4-mapped IPv6 addresses as the IPv4 they are.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// An `X-Forwarded-For` entry: an address, or one with a port.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(canonical)
}

/// `CloudFront-Viewer-Address` is `ip:port`, IPv6 without brackets.
fn viewer_address(value: &str) -> Option<IpAddr> {
    let (ip, port) = value.trim().rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    ip.parse::<IpAddr>().ok().map(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn headers_from_untrusted_peers_are_ignored() {
        let none = ClientIp::default();
        let spoof = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("cloudfront-viewer-address", "203.0.113.9:443"),
        ]);
        assert_eq!(none.resolve(ip("198.51.100.1"), &spoof), ip("198.51.100.1"));
        let proxies = ClientIp {
            trusted_proxies: ClientIp::parse_proxies("10.0.0.0/8").unwrap(),
            cloudfront: false,
        };
        assert_eq!(
            proxies.resolve(ip("198.51.100.1"), &spoof),
            ip("198.51.100.1")
        );
    }

    #[test]
    fn x_forwarded_for_is_walked_from_the_right_past_trusted_hops() {
        let c = ClientIp {
            trusted_proxies: ClientIp::parse_proxies("10.0.0.0/8, 192.0.2.7").unwrap(),
            cloudfront: false,
        };
        // The client put a fake address first; the proxies appended theirs.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.5, 10.1.1.1")]);
        assert_eq!(c.resolve(ip("10.0.0.2"), &h), ip("203.0.113.5"));
        // Two header lines are one list, in order.
        let h = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-for", "203.0.113.5:5555, 192.0.2.7"),
        ]);
        assert_eq!(c.resolve(ip("10.0.0.2"), &h), ip("203.0.113.5"));
        // Only trusted hops all the way: the leftmost is the client.
        let h = headers(&[("x-forwarded-for", "10.2.2.2")]);
        assert_eq!(c.resolve(ip("10.0.0.2"), &h), ip("10.2.2.2"));
        // Garbage stops the walk at the last trusted hop.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, garbage, 10.3.3.3")]);
        assert_eq!(c.resolve(ip("10.0.0.2"), &h), ip("10.3.3.3"));
        // No header: the proxy itself.
        assert_eq!(c.resolve(ip("10.0.0.2"), &HeaderMap::new()), ip("10.0.0.2"));
        // A mapped IPv4 peer is the IPv4 it maps.
        let h = headers(&[("x-forwarded-for", "203.0.113.5")]);
        assert_eq!(c.resolve(ip("::ffff:10.0.0.2"), &h), ip("203.0.113.5"));
    }

    #[test]
    fn cloudfront_viewer_address_when_told_to() {
        let c = ClientIp {
            trusted_proxies: vec![],
            cloudfront: true,
        };
        let v4 = headers(&[("cloudfront-viewer-address", "203.0.113.5:46532")]);
        assert_eq!(c.resolve(ip("130.176.1.1"), &v4), ip("203.0.113.5"));
        let v6 = headers(&[(
            "cloudfront-viewer-address",
            "2001:db8:85a3::8a2e:370:7334:46532",
        )]);
        assert_eq!(
            c.resolve(ip("130.176.1.1"), &v6),
            ip("2001:db8:85a3::8a2e:370:7334")
        );
        let bad = headers(&[("cloudfront-viewer-address", "nonsense")]);
        assert_eq!(c.resolve(ip("130.176.1.1"), &bad), ip("130.176.1.1"));
        assert!(ClientIp::parse_proxies("10.0.0.0/33").is_err());
    }
}

//! Per-client request budget for the API (token bucket per address).
//!
//! IPv6 clients are keyed by their /64, since one host commonly holds a
//! whole /64 and could otherwise rotate addresses to dodge the limit. The
//! client's address comes from [`ClientIp`] (proxies, CloudFront). Idle
//! buckets are pruned as requests arrive, so a long-lived Lambda container
//! bounds its memory just as the server does.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock as _, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::api::error::ApiError;
use crate::client_ip::ClientIp;
use crate::metrics::{Event, Metrics};

/// How often idle buckets are forgotten.
pub const PRUNE_EVERY: Duration = Duration::from_secs(60);

#[derive(Debug)]
pub struct RateLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    clock: DefaultClock,
    client_ip: ClientIp,
    prune_every: Duration,
    last_prune: Mutex<Instant>,
}

impl RateLimit {
    /// `None` when `per_minute` is 0, which turns limiting off.
    pub fn per_minute(per_minute: u32) -> Option<Arc<Self>> {
        Self::new(per_minute, ClientIp::default(), PRUNE_EVERY)
    }

    /// A limit keyed on the address `client_ip` resolves, pruned of idle
    /// clients every `prune_every`.
    pub fn new(per_minute: u32, client_ip: ClientIp, prune_every: Duration) -> Option<Arc<Self>> {
        let n = NonZeroU32::new(per_minute)?;
        Some(Arc::new(Self {
            limiter: RateLimiter::keyed(Quota::per_minute(n)),
            clock: DefaultClock::default(),
            client_ip,
            prune_every,
            last_prune: Mutex::new(Instant::now()),
        }))
    }

    /// Clients with a bucket in memory.
    pub fn tracked_clients(&self) -> usize {
        self.limiter.len()
    }

    /// Forgets clients whose buckets are full again, at most once per
    /// `prune_every`.
    fn prune_if_due(&self) {
        let Ok(mut last) = self.last_prune.try_lock() else {
            return; // another request is pruning
        };
        if last.elapsed() >= self.prune_every {
            *last = Instant::now();
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
    }

    /// Seconds until `addr` may try again, or `None` if it may go now.
    pub fn check(&self, addr: IpAddr) -> Option<u64> {
        self.prune_if_due();
        self.limiter
            .check_key(&client_key(addr))
            .err()
            .map(|not_until| {
                not_until
                    .wait_time_from(self.clock.now())
                    .as_secs_f64()
                    .ceil()
                    .max(1.0) as u64
            })
    }
}

fn client_key(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
        v4 => v4,
    }
}

pub async fn middleware(
    State((limit, metrics)): State<(Arc<RateLimit>, Arc<Metrics>)>,
    request: Request,
    next: Next,
) -> Response {
    // In-process callers (tests) have no socket: one shared bucket. Lambda
    // puts API Gateway's sourceIp here (see lambda.rs).
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let addr = limit.client_ip.resolve(peer, request.headers());
    match limit.check(addr) {
        Some(retry_after) => {
            metrics.record(Event::RateLimited);
            ApiError::rate_limited(retry_after).into_response()
        }
        None => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_share_their_64() {
        let a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(client_key(a), client_key(b));
        assert_ne!(client_key(a), client_key(c));
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(client_key(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn over_the_budget_says_when_to_come_back() {
        let limit = RateLimit::per_minute(2).unwrap();
        let ip: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(limit.check(ip), None);
        assert_eq!(limit.check(ip), None);
        let wait = limit.check(ip).unwrap();
        assert!((1..=60).contains(&wait), "{wait}");
        assert_eq!(limit.check("192.0.2.8".parse().unwrap()), None);
        assert!(RateLimit::per_minute(0).is_none());
    }

    #[test]
    fn idle_clients_are_forgotten_without_a_maintenance_task() {
        // 6000/min refills a bucket in 10 ms; prune on every request.
        let limit = RateLimit::new(6000, ClientIp::default(), Duration::ZERO).unwrap();
        for i in 0..200u8 {
            limit.check(IpAddr::V4(Ipv4Addr::new(192, 0, 2, i)));
        }
        assert!(
            limit.tracked_clients() >= 199,
            "{}",
            limit.tracked_clients()
        );
        std::thread::sleep(Duration::from_millis(50));
        limit.check("198.51.100.1".parse().unwrap());
        assert!(limit.tracked_clients() <= 1, "{}", limit.tracked_clients());
    }
}

//! Command-line flags, each with an environment variable of the same name.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sdo_shared::api::{DEFAULT_MAX_ATTEMPTS, MAX_VIEWS_LIMIT, MIN_TTL_SECS};
use sdo_shared::blob;

use crate::client_ip::ClientIp;
use crate::store::Durability;

/// self-destruct-o server: one-time secrets the operator cannot read.
///
/// Serves the JSON API under /api/v1 (and the browser app with
/// --static-dir). Keeps secrets in SQLite and the master key in the data
/// directory unless told otherwise.
#[derive(Debug, Clone, Parser)]
#[command(name = "sdo-server", version, about, long_about)]
pub struct Config {
    /// Without a command, the server runs.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Address and port to listen on.
    #[arg(long, env = "SDO_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Serve Prometheus metrics at GET /metrics on this address (e.g.
    /// 127.0.0.1:9090), apart from the API so they are never public by
    /// accident. Off by default; ignored on Lambda, which logs them as
    /// CloudWatch EMF instead.
    #[arg(long, env = "SDO_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,

    /// Directory for the SQLite database and the master key (created 0700;
    /// the key file must stay private, mode 0600).
    #[arg(long, env = "SDO_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,

    /// Serve the built browser app (Trunk's dist/) from this directory;
    /// overrides the app built into a release binary (feature embed-app).
    #[arg(long, env = "SDO_STATIC_DIR", value_parser = parse_dir)]
    pub static_dir: Option<PathBuf>,

    /// Longest lifetime a creator may ask for (e.g. 1h, 7d; at most 366d).
    #[arg(long, env = "SDO_MAX_TTL", default_value = "7d", value_parser = parse_ttl)]
    pub max_ttl: Duration,

    /// Largest blob accepted, in bytes (the protocol's ceiling is the default).
    #[arg(long, env = "SDO_MAX_BLOB_BYTES", default_value_t = blob::MAX_LEN,
          value_parser = parse_max_blob)]
    pub max_blob_bytes: usize,

    /// Most views a creator may allow per secret.
    #[arg(long, env = "SDO_MAX_VIEWS", default_value_t = MAX_VIEWS_LIMIT,
          value_parser = clap::value_parser!(u32).range(1..=MAX_VIEWS_LIMIT as i64))]
    pub max_views: u32,

    /// Wrong passphrases before a secret is destroyed.
    #[arg(long, env = "SDO_MAX_ATTEMPTS", default_value_t = DEFAULT_MAX_ATTEMPTS,
          value_parser = clap::value_parser!(u32).range(1..=100))]
    pub max_attempts: u32,

    /// Allow this origin (e.g. https://app.example) to call the API from a
    /// browser (CORS). Not needed when the app is served by this server.
    #[arg(long, env = "SDO_ALLOWED_ORIGIN", value_parser = parse_origin)]
    pub allowed_origin: Option<String>,

    /// API requests per minute per client address (IPv6: per /64); over it
    /// the answer is 429 with Retry-After. 0 turns limiting off.
    #[arg(long, env = "SDO_RATE_LIMIT", default_value_t = 120)]
    pub rate_limit: u32,

    /// Reverse proxies in front of the server (CIDRs or addresses,
    /// comma-separated). Only from these peers is `X-Forwarded-For`
    /// believed, walked from the right past them, to find the client's
    /// address for the rate limit. Never trusted by default.
    #[arg(long, env = "SDO_TRUSTED_PROXIES", value_delimiter = ',', value_parser = ClientIp::parse_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Every request arrives through CloudFront (the AWS stack): take the
    /// client's address from `CloudFront-Viewer-Address`.
    #[arg(long, env = "SDO_TRUST_CLOUDFRONT", default_value_t = false)]
    pub trust_cloudfront: bool,

    /// On AWS Lambda, the time a consuming write (reveal, wrong passphrase,
    /// burn) needs before the invocation's deadline; with less left, the
    /// request gets 503 and nothing is used up. The default covers the AWS
    /// SDK's 5 s operation timeout twice (the write, and the read that
    /// settles a lost answer), plus a margin.
    #[arg(long, env = "SDO_WRITE_BUDGET", default_value = "11s", value_parser = humantime::parse_duration)]
    pub write_budget: Duration,

    /// Longest a request may take before it is answered with 503.
    #[arg(long, env = "SDO_REQUEST_TIMEOUT", default_value = "30s", value_parser = parse_request_timeout)]
    pub request_timeout: Duration,

    /// How often expired secrets are deleted; 0s turns the sweep off.
    /// Defaults to 60s on SQLite and off on DynamoDB, whose TTL deletes
    /// expired items by itself (reads check expiry either way).
    #[arg(long, env = "SDO_SWEEP_INTERVAL", value_parser = humantime::parse_duration)]
    pub sweep_interval: Option<Duration>,

    /// Where secrets are kept.
    #[arg(long, env = "SDO_STORE", value_enum, default_value_t = StoreKind::Sqlite, global = true)]
    pub store: StoreKind,

    /// DynamoDB table (with --store dynamodb): partition key `id` (string),
    /// TTL on `expires_at`.
    #[arg(
        long,
        env = "SDO_TABLE",
        required_if_eq("store", "dynamodb"),
        global = true
    )]
    pub table: Option<String>,

    /// Wrap data keys with this AWS KMS key (id, ARN or alias/...) instead of
    /// the local master key file. AWS settings come from the standard
    /// variables (AWS_REGION, AWS_ENDPOINT_URL, credentials).
    #[arg(long, env = "SDO_KMS_KEY_ID", global = true)]
    pub kms_key_id: Option<String>,

    /// SQLite durability: `full` fsyncs every commit, so a reveal or a burn
    /// survives a power cut; `normal` is faster but may lose the last
    /// commits on a power cut (not on a crash of the server).
    #[arg(long, env = "SDO_SQLITE_SYNC", value_enum, default_value_t = Durability::Full)]
    pub sqlite_sync: Durability,

    /// Log filter (tracing's EnvFilter syntax, e.g. info or sdo_backend=debug).
    #[arg(long, env = "SDO_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Log format.
    #[arg(long, env = "SDO_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Make a new local master key and rewrap every stored data key under
    /// it, then delete the old key. The server must be stopped; a rotation
    /// that was interrupted (even by kill -9) is finished by running this
    /// again. Not for AWS KMS, which rotates its keys itself.
    RotateMasterKey(RotateArgs),
    /// Write the manual pages (sdo-server.1 and one per command) into a
    /// directory; the Debian package installs them.
    Man {
        /// Where to write them (created if missing).
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Args)]
pub struct RotateArgs {
    /// Records read per batch; each is rewrapped in its own transaction.
    #[arg(long, default_value_t = 256,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub batch: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoreKind {
    /// SQLite in the data directory (the embedded default).
    Sqlite,
    /// AWS DynamoDB (--table).
    Dynamodb,
}

impl Config {
    /// The sweep's period, or `None` when it is off.
    pub fn sweep_every(&self) -> Option<Duration> {
        match (self.sweep_interval, self.store) {
            (Some(d), _) if d.is_zero() => None,
            (Some(d), _) => Some(d),
            (None, StoreKind::Sqlite) => Some(Duration::from_secs(60)),
            (None, StoreKind::Dynamodb) => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// The longest `--max-ttl` an operator may set: a year. A one-time secret
/// that waits longer is a liability, and the bound keeps `now + ttl` (and
/// the browser's JSON numbers) far from overflow whatever a client asks.
pub const MAX_TTL_LIMIT: Duration = Duration::from_secs(366 * 86_400);

fn parse_ttl(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text).map_err(|e| e.to_string())?;
    if d.as_secs() < MIN_TTL_SECS {
        return Err(format!("must be at least {MIN_TTL_SECS} seconds"));
    }
    if d > MAX_TTL_LIMIT {
        return Err("must be at most 366 days".into());
    }
    Ok(d)
}

/// A directory that exists: a wrong `--static-dir` would start "ready"
/// and answer 404 for the whole app.
fn parse_dir(text: &str) -> Result<PathBuf, String> {
    let dir = PathBuf::from(text);
    if !dir.is_dir() {
        return Err("not a directory".into());
    }
    Ok(dir)
}

/// A browser's `Origin`: scheme, host and port, nothing after. One with a
/// path never matches what a browser sends, so CORS would silently fail.
fn parse_origin(text: &str) -> Result<String, String> {
    const FORM: &str = "must be an origin like https://app.example or https://app.example:8443";
    let origin = sdo_shared::link::normalize_origin(text).map_err(|_| FORM.to_owned())?;
    let host = origin.split_once("://").map_or("", |(_, host)| host);
    if host.contains('/') {
        return Err(format!("{FORM} (no path)"));
    }
    Ok(origin)
}

/// At least a second: `0s` would answer every request 503.
fn parse_request_timeout(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text).map_err(|e| e.to_string())?;
    if d < Duration::from_secs(1) {
        return Err("must be at least 1s".into());
    }
    Ok(d)
}

fn parse_max_blob(text: &str) -> Result<usize, String> {
    let n: usize = text.parse().map_err(|e| format!("{e}"))?;
    if !(blob::MIN_LEN..=blob::MAX_LEN).contains(&n) {
        return Err(format!(
            "must be between {} and {} (the protocol's limit)",
            blob::MIN_LEN,
            blob::MAX_LEN
        ));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        let c = Config::try_parse_from(["sdo-server"]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.max_ttl, Duration::from_secs(7 * 86400));
        assert_eq!(c.max_attempts, 5);
        let c =
            Config::try_parse_from(["sdo-server", "--max-ttl", "1h", "--rate-limit", "0"]).unwrap();
        assert_eq!(c.max_ttl.as_secs(), 3600);
        assert_eq!(c.rate_limit, 0);
        assert!(Config::try_parse_from(["sdo-server", "--max-ttl", "5s"]).is_err());
        // Past i64 seconds, `now + ttl_secs` wrapped to an expiry in the past
        // (or panicked in a debug build); any bound far below that will do.
        assert!(Config::try_parse_from(["sdo-server", "--max-ttl", "366d"]).is_ok());
        let err = Config::try_parse_from(["sdo-server", "--max-ttl", "367d"]).unwrap_err();
        assert!(err.to_string().contains("at most 366 days"), "{err}");
        assert!(Config::try_parse_from(["sdo-server", "--max-ttl", "300000000000years"]).is_err());
        // Settings that would start "ready" and never work are refused.
        let refused = |args: &[&str]| {
            let mut argv = vec!["sdo-server"];
            argv.extend_from_slice(args);
            Config::try_parse_from(argv).unwrap_err().to_string()
        };
        assert!(refused(&["--allowed-origin", "https://a.example/path"]).contains("no path"));
        assert!(refused(&["--allowed-origin", "a.example"]).contains("must be an origin"));
        let c =
            Config::try_parse_from(["sdo-server", "--allowed-origin", "https://a.example:8443/"])
                .unwrap();
        assert_eq!(c.allowed_origin.as_deref(), Some("https://a.example:8443"));
        assert!(refused(&["--static-dir", "/nonexistent/dist"]).contains("not a directory"));
        assert!(refused(&["--static-dir", "/etc/hostname"]).contains("not a directory"));
        assert!(refused(&["--request-timeout", "0s"]).contains("at least 1s"));
        assert!(Config::try_parse_from(["sdo-server", "--max-attempts", "0"]).is_err());
        assert!(Config::try_parse_from(["sdo-server", "--max-blob-bytes", "99999999"]).is_err());
        assert!(
            Config::try_parse_from(["sdo-server", "--store", "dynamodb"]).is_err(),
            "needs --table"
        );
        let d =
            Config::try_parse_from(["sdo-server", "--store", "dynamodb", "--table", "t"]).unwrap();
        assert_eq!(d.sweep_every(), None);
        assert!(c.trusted_proxies.is_empty() && !c.trust_cloudfront);
        assert_eq!(c.metrics_listen, None);
        let m = Config::try_parse_from(["sdo-server", "--metrics-listen", "127.0.0.1:9090"]);
        assert_eq!(
            m.unwrap().metrics_listen,
            Some(([127, 0, 0, 1], 9090).into())
        );
        assert_eq!(c.write_budget, crate::service::DEFAULT_WRITE_BUDGET);
        let p =
            Config::try_parse_from(["sdo-server", "--trusted-proxies", "10.0.0.0/8,::1"]).unwrap();
        assert_eq!(p.trusted_proxies.len(), 2);
        assert!(Config::try_parse_from(["sdo-server", "--trusted-proxies", "nope"]).is_err());
        let s = Config::try_parse_from(["sdo-server", "--sweep-interval", "0s"]).unwrap();
        assert_eq!(s.sweep_every(), None);
        assert_eq!(c.sweep_every(), Some(Duration::from_secs(60)));
    }

    #[test]
    fn rotate_master_key_is_a_subcommand_and_the_server_the_default() {
        let c = Config::try_parse_from(["sdo-server", "--data-dir", "d"]).unwrap();
        assert!(c.command.is_none());
        for args in [
            &[
                "sdo-server",
                "rotate-master-key",
                "--data-dir",
                "d",
                "--batch",
                "5",
            ][..],
            &[
                "sdo-server",
                "--data-dir",
                "d",
                "rotate-master-key",
                "--batch",
                "5",
            ],
        ] {
            let c = Config::try_parse_from(args).unwrap();
            assert_eq!(c.data_dir, PathBuf::from("d"));
            let Some(Command::RotateMasterKey(r)) = c.command else {
                panic!("{args:?}")
            };
            assert_eq!(r.batch, 5);
        }
        let c = Config::try_parse_from(["sdo-server", "rotate-master-key"]).unwrap();
        assert!(matches!(
            c.command,
            Some(Command::RotateMasterKey(RotateArgs { batch: 256 }))
        ));
        assert!(
            Config::try_parse_from(["sdo-server", "rotate-master-key", "--batch", "0"]).is_err()
        );
        assert!(
            Config::try_parse_from(["sdo-server", "rotate-master-key", "--listen", "x"]).is_err()
        );
        // What the rotation refuses (KMS, DynamoDB) can be named after the
        // subcommand too, so the refusal is its own message, not a usage
        // error.
        let c = Config::try_parse_from([
            "sdo-server",
            "rotate-master-key",
            "--store",
            "dynamodb",
            "--table",
            "t",
            "--kms-key-id",
            "k",
        ])
        .unwrap();
        assert_eq!(c.store, StoreKind::Dynamodb);
        assert_eq!(c.kms_key_id.as_deref(), Some("k"));
    }
}

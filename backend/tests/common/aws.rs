//! A real AWS emulator for the tests: `moto_server` (KMS and DynamoDB) on a
//! free port, started once per test binary and stopped when the binary
//! exits, plus a TCP proxy that can cut the network to it.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use aws_config::BehaviorVersion;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
    TimeToLiveSpecification,
};
use aws_sdk_kms::config::{Credentials, Region};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Starts `scripts/moto_server.py` (moto, one request at a time: see that
/// file), watches its parent (the test binary) and stops moto when it is
/// gone, so no emulator outlives the tests even if they panic.
const WATCHDOG: &str = r#"
import os, subprocess, sys, time
p = subprocess.Popen([sys.executable, sys.argv[2], sys.argv[1]],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
parent = os.getppid()
while p.poll() is None and os.getppid() == parent:
    time.sleep(0.2)
p.terminate()
"#;

/// The emulator's URL: `SDO_TEST_MOTO_URL` if set, else one started here.
pub fn moto_url() -> String {
    // The watchdog lives as long as the test binary; it is never waited for.
    static MOTO: OnceLock<(String, Mutex<Child>)> = OnceLock::new();
    if let Ok(url) = std::env::var("SDO_TEST_MOTO_URL") {
        return url;
    }
    MOTO.get_or_init(|| {
        let port = super::free_port();
        let watchdog = Command::new("python3")
            .args(["-c", WATCHDOG, &port.to_string()])
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../scripts/moto_server.py"
            ))
            .stdin(Stdio::null())
            .spawn()
            .expect("python3 with moto_server on PATH (scripts/test.sh installs it)");
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "moto_server did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        (format!("http://127.0.0.1:{port}"), Mutex::new(watchdog))
    })
    .0
    .clone()
}

/// SDK settings for the emulator at `url`.
pub async fn sdk_config(url: &str) -> aws_config::SdkConfig {
    let timeouts = aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(2))
        .operation_timeout(Duration::from_secs(8))
        .build();
    aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .endpoint_url(url)
        .credentials_provider(Credentials::new("testing", "testing", None, None, "test"))
        .timeout_config(timeouts)
        .load()
        .await
}

/// A fresh KMS key and DynamoDB table (TTL on `expires_at`) for one test.
pub async fn create_key_and_table(url: &str) -> (String, String) {
    static N: AtomicU32 = AtomicU32::new(0);
    let sdk = sdk_config(url).await;
    let kms = aws_sdk_kms::Client::new(&sdk);
    let key = kms.create_key().send().await.expect("KMS CreateKey");
    let key_id = key.key_metadata.unwrap().key_id;
    let table = format!(
        "sdo-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    let ddb = aws_sdk_dynamodb::Client::new(&sdk);
    ddb.create_table()
        .table_name(&table)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("id")
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .expect("DynamoDB CreateTable");
    ddb.update_time_to_live()
        .table_name(&table)
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .attribute_name("expires_at")
                .enabled(true)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .expect("DynamoDB UpdateTimeToLive");
    (key_id, table)
}

/// A TCP proxy in front of the emulator. `cut()` drops every connection and
/// refuses new ones, as a network partition would; `restore()` ends it.
pub struct Proxy {
    pub url: String,
    down: watch::Sender<bool>,
}

impl Proxy {
    pub async fn start(target: &str) -> Self {
        let target = target.trim_start_matches("http://").to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (down, watch_down) = watch::channel(false);
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                let mut cut = watch_down.clone();
                if *cut.borrow() {
                    continue; // dropped: connection reset
                }
                let target = target.clone();
                tokio::spawn(async move {
                    let Ok(mut upstream) = tokio::net::TcpStream::connect(&target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut upstream) => {}
                        _ = cut.wait_for(|down| *down) => {}
                    }
                });
            }
        });
        Self { url, down }
    }

    pub fn cut(&self) {
        self.down.send_replace(true);
    }

    pub fn restore(&self) {
        self.down.send_replace(false);
    }
}

/// What [`FaultProxy`] does to the next matching request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Relay everything.
    None,
    /// Forward the first request whose `X-Amz-Target` ends with the given
    /// operation, then drop its response (close the connection unanswered):
    /// the write happens and its answer is lost. Later requests pass.
    DropFirstResponse(&'static str),
    /// As `DropFirstResponse`, and refuse every request after it: the
    /// network went away right after the write was sent.
    DropResponseThenCut(&'static str),
    /// As `DropFirstResponse`, then hold the next matching request (the
    /// SDK's retry) until [`FaultProxy::release`]: another write can land
    /// between an attempt and its retry.
    DropResponseThenHoldRetry(&'static str),
    /// Hold the next request for this operation (set by the one above).
    HoldNext(&'static str),
    /// As `DropFirstResponse`, then answer the next matching request (the
    /// SDK's retry) with DynamoDB's `AccessDeniedException`, unforwarded:
    /// credentials that changed between an attempt and its retry.
    DropResponseThenDenyRetry(&'static str),
    /// Deny the next request for this operation (set by the one above).
    DenyNext(&'static str),
}

/// An HTTP/1.1 proxy in front of the emulator that understands just enough
/// of each request (one per connection) to lose a chosen answer, as a
/// network does. `dropped()` counts the answers it lost.
pub struct FaultProxy {
    pub url: String,
    dropped: std::sync::Arc<AtomicU32>,
    /// True while a request is held; the test sends `true` to release it.
    held: watch::Receiver<bool>,
    release: watch::Sender<bool>,
}

impl FaultProxy {
    pub async fn start(target: &str, fault: Fault) -> Self {
        use std::sync::Arc;
        use tokio::io::{AsyncReadExt, AsyncWriteExt};

        let target = target.trim_start_matches("http://").to_owned();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let dropped = Arc::new(AtomicU32::new(0));
        let state = Arc::new(Mutex::new((fault, false))); // (fault, cut)
        let count = Arc::clone(&dropped);
        let (held_tx, held) = watch::channel(false);
        let (release, released) = watch::channel(false);
        let held_tx = Arc::new(held_tx);
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                let (target, state, count) = (target.clone(), state.clone(), count.clone());
                let (held_tx, mut released) = (held_tx.clone(), released.clone());
                tokio::spawn(async move {
                    let Some(request) = read_message(&mut client).await else {
                        return;
                    };
                    let head = String::from_utf8_lossy(&request).to_ascii_lowercase();
                    let is = |op: &str| head.contains(&format!(".{}\r\n", op.to_ascii_lowercase()));
                    let (drop_this, hold_this, deny_this) = {
                        let mut s = state.lock().unwrap();
                        if s.1 {
                            return; // cut: close unanswered
                        }
                        match s.0 {
                            Fault::DropFirstResponse(op) | Fault::DropResponseThenCut(op)
                                if is(op) =>
                            {
                                s.1 = matches!(s.0, Fault::DropResponseThenCut(_));
                                s.0 = Fault::None;
                                (true, false, false)
                            }
                            Fault::DropResponseThenHoldRetry(op) if is(op) => {
                                s.0 = Fault::HoldNext(op);
                                (true, false, false)
                            }
                            Fault::HoldNext(op) if is(op) => {
                                s.0 = Fault::None;
                                (false, true, false)
                            }
                            Fault::DropResponseThenDenyRetry(op) if is(op) => {
                                s.0 = Fault::DenyNext(op);
                                (true, false, false)
                            }
                            Fault::DenyNext(op) if is(op) => {
                                s.0 = Fault::None;
                                (false, false, true)
                            }
                            _ => (false, false, false),
                        }
                    };
                    if deny_this {
                        let body = r#"{"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException","message":"denied"}"#;
                        let denied = format!(
                            "HTTP/1.1 400 Bad Request\r\ncontent-type: application/x-amz-json-1.0\r\n\
                             content-length: {}\r\nconnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = client.write_all(denied.as_bytes()).await;
                        let _ = client.shutdown().await;
                        return;
                    }
                    if hold_this {
                        held_tx.send_replace(true);
                        let _ = released.wait_for(|r| *r).await;
                        held_tx.send_replace(false);
                    }
                    let Ok(mut upstream) = tokio::net::TcpStream::connect(&target).await else {
                        return;
                    };
                    if upstream.write_all(&request).await.is_err() {
                        return;
                    }
                    let Some(response) = read_message(&mut upstream).await else {
                        return;
                    };
                    if drop_this {
                        count.fetch_add(1, Ordering::SeqCst);
                        return; // the write was applied; its answer is lost
                    }
                    let _ = client.write_all(&response).await;
                    let _ = client.shutdown().await;
                    let mut rest = Vec::new();
                    let _ = client.read_to_end(&mut rest).await;
                });
            }
        });
        Self {
            url,
            dropped,
            held,
            release,
        }
    }

    pub fn dropped(&self) -> u32 {
        self.dropped.load(Ordering::SeqCst)
    }

    /// Waits until a request is held ([`Fault::DropResponseThenHoldRetry`]).
    pub async fn until_held(&self) {
        let mut held = self.held.clone();
        tokio::time::timeout(Duration::from_secs(10), held.wait_for(|h| *h))
            .await
            .expect("no request was held within 10 s")
            .unwrap();
    }

    /// Lets the held request go on.
    pub fn release(&self) {
        self.release.send_replace(true);
    }
}

/// One HTTP/1.1 message (head and a Content-Length body), with
/// `Connection: close` put in its head so neither side reuses the socket.
async fn read_message(stream: &mut tokio::net::TcpStream) -> Option<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let length = head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("content-length")
            .then(|| v.trim().parse::<usize>().ok())
            .flatten()
    });
    let length = match length {
        Some(n) => n,
        // A response without a length ends when the server closes.
        None if head.starts_with("HTTP/") => {
            stream.read_to_end(&mut buf).await.ok()?;
            buf.len() - head_end
        }
        None => 0,
    };
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let kept: Vec<&str> = head
        .trim_end_matches("\r\n")
        .split("\r\n")
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    let mut message = format!("{}\r\nConnection: close\r\n\r\n", kept.join("\r\n")).into_bytes();
    message.extend_from_slice(&buf[head_end..head_end + length]);
    Some(message)
}

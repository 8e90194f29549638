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

//! The counters on AWS Lambda, where nothing can scrape a port: one
//! CloudWatch Embedded Metric Format line per invocation, with how much each
//! counter grew since the last line. CloudWatch Logs turns the line into
//! metrics in [`NAMESPACE`], dimension `FunctionName`; the histogram and the
//! queue gauge stay out (API Gateway and Lambda measure latency themselves).
//!
//! Only counters that changed are sent, and an invocation that changed none
//! (a health check) writes no line: a missing point is a zero.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value, json};

use super::Metrics;

/// The CloudWatch namespace of the metrics.
pub const NAMESPACE: &str = "self-destruct-o";
/// The one dimension, whose value is the function's name.
pub const DIMENSION: &str = "FunctionName";

pub struct Emf {
    metrics: Arc<Metrics>,
    function_name: String,
    /// The counters as of the last line written.
    sent: Mutex<Vec<u64>>,
    out: Mutex<Box<dyn Write + Send>>,
}

impl std::fmt::Debug for Emf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emf")
            .field("function_name", &self.function_name)
            .finish_non_exhaustive()
    }
}

impl Emf {
    /// Lines go to `out`, labelled with `function_name`.
    pub fn new(
        metrics: Arc<Metrics>,
        function_name: impl Into<String>,
        out: Box<dyn Write + Send>,
    ) -> Self {
        let sent = metrics.counters().iter().map(|(_, v)| *v).collect();
        Self {
            metrics,
            function_name: function_name.into(),
            sent: Mutex::new(sent),
            out: Mutex::new(out),
        }
    }

    /// To stdout, as the Lambda runtime's log, named after the function.
    pub fn stdout(metrics: Arc<Metrics>) -> Self {
        let name =
            std::env::var("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_else(|_| "sdo-server".into());
        Self::new(metrics, name, Box::new(std::io::stdout()))
    }

    /// Writes one line with every counter's growth since the last one, if
    /// any grew. Concurrent invocations each send only their own growth:
    /// the snapshot and its line are taken under one lock.
    pub fn flush(&self) {
        let Ok(mut sent) = self.sent.lock() else {
            return;
        };
        let now = self.metrics.counters();
        let deltas: Vec<(&str, u64)> = now
            .iter()
            .zip(sent.iter())
            .map(|((name, value), before)| (name.as_str(), value.saturating_sub(*before)))
            .filter(|(_, delta)| *delta > 0)
            .collect();
        *sent = now.iter().map(|(_, v)| *v).collect();
        if deltas.is_empty() {
            return;
        }
        let timestamp_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        let mut line = document(&self.function_name, timestamp_ms, &deltas).to_string();
        line.push('\n');
        if let Ok(mut out) = self.out.lock() {
            // One write per line, so it is not interleaved with other logs.
            let written = out.write_all(line.as_bytes()).and_then(|()| out.flush());
            if let Err(e) = written {
                tracing::warn!(error = %e, "could not write the metrics line");
            }
        }
    }
}

/// The EMF document: the directive under `_aws`, then the dimension's and
/// each metric's value as top-level members.
pub fn document(function_name: &str, timestamp_ms: u64, deltas: &[(&str, u64)]) -> Value {
    let definitions: Vec<Value> = deltas
        .iter()
        .map(|(name, _)| json!({"Name": name, "Unit": "Count"}))
        .collect();
    let mut root = Map::new();
    root.insert(
        "_aws".into(),
        json!({
            "Timestamp": timestamp_ms,
            "CloudWatchMetrics": [{
                "Namespace": NAMESPACE,
                "Dimensions": [[DIMENSION]],
                "Metrics": definitions,
            }],
        }),
    );
    root.insert(DIMENSION.into(), json!(function_name));
    for (name, delta) in deltas {
        root.insert((*name).to_owned(), json!(delta));
    }
    Value::Object(root)
}

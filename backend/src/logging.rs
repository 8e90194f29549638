//! The server's log: the operator's filter (`--log`), with one exception.
//! Other crates' debug and trace lines print whole requests, responses and
//! errors: the Lambda runtime its raw event (bearer tokens, reveal bodies),
//! the AWS SDK its request bodies and a failed condition's old item
//! (verifiers, wrapped keys). So only our own targets go below `info`;
//! `--log trace` makes the server verbose, never its dependencies.

use std::io::IsTerminal;

use tracing::{Level, Metadata};
use tracing_subscriber::filter::{EnvFilter, FilterExt, ParseError, filter_fn};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{Layer, Registry, fmt};

use crate::config::LogFormat;

/// Sets the process's log up: `spec` as `--log` takes it, to stderr.
pub fn init(spec: &str, format: LogFormat) -> Result<(), ParseError> {
    let ansi = std::io::stderr().is_terminal();
    tracing_subscriber::registry()
        .with(layer(spec, format, std::io::stderr, ansi)?)
        .init();
    Ok(())
}

/// The log's one layer, writing to `writer`.
pub fn layer<W>(
    spec: &str,
    format: LogFormat,
    writer: W,
    ansi: bool,
) -> Result<Box<dyn Layer<Registry> + Send + Sync>, ParseError>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let env = EnvFilter::try_new(spec)?;
    // The operator's most verbose level stays the process's ceiling, so
    // that events (and `log` records) above it are skipped before any
    // filter runs; `filter_fn` alone would give no hint, and make it TRACE.
    let hint = env.max_level_hint();
    let mut ours_or_info = filter_fn(allowed);
    if let Some(hint) = hint {
        ours_or_info = ours_or_info.with_max_level_hint(hint);
    }
    let filter = env.and(ours_or_info);
    let lines = fmt::layer().with_writer(writer).with_ansi(ansi);
    Ok(match format {
        LogFormat::Text => lines.with_filter(filter).boxed(),
        LogFormat::Json => lines.json().with_filter(filter).boxed(),
    })
}

/// Ours at any level the operator asks for; anyone else's at `info` or
/// quieter.
fn allowed(meta: &Metadata<'_>) -> bool {
    *meta.level() <= Level::INFO || ours(meta.target())
}

/// The server's own targets: `sdo_backend::…`, the binary's `sdo_server`,
/// and the access log's `sdo::access`.
fn ours(target: &str) -> bool {
    target == "sdo" || target.starts_with("sdo::") || target.starts_with("sdo_")
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn logged(spec: &str, format: LogFormat, emit: impl FnOnce()) -> String {
        let out = Captured::default();
        let sink = out.clone();
        let layer = layer(spec, format, move || sink.clone(), false).unwrap();
        tracing::subscriber::with_default(Registry::default().with(layer), emit);
        String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
    }

    /// `--log trace` (or `debug`) shows the server's own detail, never a
    /// dependency's below `info`, where they print requests whole.
    #[test]
    fn dependencies_never_log_below_info() {
        for format in [LogFormat::Text, LogFormat::Json] {
            for spec in [
                "trace",
                "debug",
                "lambda_runtime=trace,aws_smithy_runtime=trace",
            ] {
                let text = logged(spec, format, || {
                    tracing::trace!(target: "lambda_runtime::layers::api_response", "raw event A");
                    tracing::debug!(target: "aws_smithy_runtime::client::orchestrator", "request B");
                    tracing::info!(target: "aws_config", "region C");
                    tracing::debug!(target: "sdo_backend::store", "ours D");
                    tracing::trace!(target: "sdo_server", "ours E");
                    tracing::info!(target: "sdo::access", "access F");
                });
                assert!(!text.contains("raw event A"), "{spec}: {text}");
                assert!(!text.contains("request B"), "{spec}: {text}");
                if spec != "lambda_runtime=trace,aws_smithy_runtime=trace" {
                    assert!(text.contains("region C"), "{spec}: {text}");
                    assert!(
                        text.contains("ours D") && text.contains("access F"),
                        "{text}"
                    );
                    assert_eq!(text.contains("ours E"), spec == "trace", "{spec}: {text}");
                }
            }
        }
        // The operator's filter still decides what is quieter.
        let text = logged("warn", LogFormat::Text, || {
            tracing::info!(target: "sdo::access", "access");
            tracing::warn!(target: "aws_config", "warned");
        });
        assert!(
            !text.contains("access") && text.contains("warned"),
            "{text}"
        );
    }

    /// The operator's filter stays the process's ceiling (events above it
    /// are skipped before any filter runs, `log` records too).
    #[test]
    fn the_filter_s_level_is_the_ceiling() {
        use tracing::Subscriber;
        use tracing::level_filters::LevelFilter;
        for (spec, ceiling) in [
            ("warn", LevelFilter::WARN),
            ("sdo_backend=debug", LevelFilter::DEBUG),
        ] {
            let layer = layer(spec, LogFormat::Text, std::io::sink, false).unwrap();
            let subscriber = Registry::default().with(layer);
            assert_eq!(subscriber.max_level_hint(), Some(ceiling), "{spec}");
        }
    }

    #[test]
    fn a_bad_filter_is_an_error() {
        assert!(layer("sdo_backend=loud", LogFormat::Text, std::io::stderr, false).is_err());
    }
}

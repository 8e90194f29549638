//! A spinner on stderr while Argon2 runs or `sdo collect --wait` waits, only
//! when stderr is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

pub fn with_spinner<T>(show: bool, message: &'static str, work: impl FnOnce() -> T) -> T {
    if !show || !std::io::stderr().is_terminal() {
        return work();
    }
    let spinner = ProgressBar::new_spinner().with_message(message);
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}…") {
        spinner.set_style(style);
    }
    spinner.enable_steady_tick(Duration::from_millis(80));
    let out = work();
    spinner.finish_and_clear();
    out
}

/// What `sdo collect --wait` shows while it waits: a spinner on a terminal,
/// or the message once, as a line, anywhere else (a log keeps one line, not
/// a line per poll).
pub struct Waiting(Option<ProgressBar>);

impl Waiting {
    pub fn start(message: String) -> Self {
        if !std::io::stderr().is_terminal() {
            eprintln!("{message}…");
            return Self(None);
        }
        let spinner = ProgressBar::new_spinner().with_message(message);
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}… ({elapsed})") {
            spinner.set_style(style);
        }
        spinner.enable_steady_tick(Duration::from_millis(120));
        Self(Some(spinner))
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        if let Some(spinner) = self.0.take() {
            spinner.finish_and_clear();
        }
    }
}

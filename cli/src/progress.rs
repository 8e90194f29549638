//! A spinner on stderr while Argon2 runs, only when stderr is a terminal.

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

//! `sdo`: send and receive self-destruct-o secrets from a terminal or a
//! script, with the same protocol code (`sdo-shared`) as the browser app.
//!
//! It must never put a secret, link key, token or passphrase anywhere but
//! where the user asked: the result goes to stdout (or `-o`), everything
//! else to stderr; passphrases come from the terminal or a file, never from
//! argv or the environment.

mod api;
mod args;
mod collect;
mod error;
mod escape;
mod get;
mod input;
mod manage;
mod output;
mod progress;
mod request;
mod rescue;
mod send;

use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Send(a) => send::run(a),
        Command::Get(a) => get::run(a),
        Command::Status(a) => manage::status(a),
        Command::Burn(a) => manage::burn(a),
        Command::Request(a) => request::request(a),
        Command::Fill(a) => request::fill(a),
        Command::Collect(a) => collect::run(a),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "sdo", &mut std::io::stdout());
            Ok(())
        }
        Command::Man { dir } => std::fs::create_dir_all(&dir)
            .and_then(|()| clap_mangen::generate_to(Cli::command(), &dir))
            .map_err(|e| error::CliError::Other(format!("{}: {e}", dir.display()))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Messages carry server and sender text (see escape.rs).
            eprintln!("sdo: {}", escape::escape(&e.to_string()));
            ExitCode::from(e.exit_code())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// A poll interval long enough to overflow the wait's arithmetic is a
    /// usage error, not a panic once the request is found open.
    #[test]
    fn the_poll_interval_is_bounded() {
        let parse = |every: &str| {
            Cli::try_parse_from(["sdo", "collect", "--wait", "--poll-interval", every, "-"])
        };
        assert!(parse("100ms").is_ok());
        assert!(parse("1h").is_ok());
        let err = parse("200000000000years").unwrap_err();
        assert!(err.to_string().contains("at most 1h"), "{err}");
    }
}

//! The command line.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  other error (a file that cannot be read or written)
  2  usage (bad arguments, a damaged link; a passphrase needed but no
     terminal to ask on; a secret too large, or a lifetime or view count
     beyond what the server allows)
  3  the secret or request does not exist or is no longer available
  4  wrong passphrase (the secret stays, until the attempt limit)
  5  the server cannot be reached (nothing was sent)
  6  the server failed or answered something unexpected (nothing was used up
     if it said it was unavailable)
  7  the server could not confirm whether the secret was used up (or burned,
     or stored), or a request filled, collected or cancelled: it may be gone;
     the receipt (or `sdo status INBOX_LINK`) tells
  8  `sdo collect`: the request has not been answered yet (add --wait to wait)
  9  `sdo fill`: the request was already answered (nothing was sent)";

/// Send and receive one-time secrets that the server cannot read.
///
/// The secret is encrypted here, with a key that exists only in the link's
/// #fragment; the server stores an opaque blob and releases it once.
#[derive(Debug, Parser)]
#[command(name = "sdo", version, about, long_about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Encrypt a secret from stdin or a file; print its one-time link.
    ///
    /// The share link goes to stdout, the private receipt link to stderr.
    /// Example: sdo send --ttl 1h < ~/.aws/credentials
    Send(SendArgs),
    /// Fetch and decrypt a secret (it is destroyed on the server).
    ///
    /// Example: sdo get "$LINK" > creds.env
    Get(GetArgs),
    /// Show a secret's status from its receipt link, or a request's from its
    /// inbox link.
    Status(StatusArgs),
    /// Destroy a secret now, with its share link or its receipt link; or
    /// cancel a request with its inbox link.
    Burn(BurnArgs),
    /// Ask someone for a secret: print a request link to send them.
    ///
    /// The request link goes to stdout: send it to whoever has the secret.
    /// The inbox link goes to stderr: keep it, only it opens the answer.
    /// Example: sdo request --note "the staging DB password, please"
    Request(RequestArgs),
    /// Answer a request: encrypt a secret from stdin or a file to it.
    ///
    /// Shows the requester's note first. Only the requester can open what is
    /// sent, and a request takes one answer.
    /// Example: sdo fill "$REQUEST_LINK" db.env
    Fill(FillArgs),
    /// Fetch and decrypt the answer to your request (it is then destroyed on
    /// the server).
    ///
    /// Example: sdo collect --wait "$INBOX_LINK" > db.env
    Collect(CollectArgs),
    /// Print shell completions (e.g. sdo completions bash > /etc/bash_completion.d/sdo).
    Completions { shell: Shell },
    /// Write the manual pages (sdo.1 and one per command, e.g. sdo-send.1)
    /// into a directory; the Debian package installs them.
    ///
    /// Example: sdo man /tmp/man && man -l /tmp/man/sdo-send.1
    Man {
        /// Where to write them (created if missing).
        dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SendArgs {
    /// A file to send (keeps its name and type), or - for stdin (the default).
    pub file: Option<PathBuf>,

    /// Protect the secret with a passphrase too, asked twice on the terminal.
    #[arg(long, conflicts_with = "passphrase_file")]
    pub passphrase: bool,

    /// Read the passphrase from this file (its first line).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,

    /// How long the link works: 10m, 1h, 7d... (60s up to the server's limit).
    #[arg(long, default_value = "1d", value_parser = humantime::parse_duration)]
    pub ttl: Duration,

    /// How many times the secret can be viewed.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub views: u32,

    /// The self-destruct-o server.
    #[arg(long, env = "SDO_SERVER", default_value = "http://127.0.0.1:8080")]
    pub server: String,

    /// Print {link, receipt, id, expires_at} as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The share link (…/#/s/ID/KEY), quoted: it contains '#'. Or - to read
    /// it from stdin, which keeps the key out of the process list and shell
    /// history (then a passphrase must come from --passphrase-file).
    pub link: String,

    /// Write the secret to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Read the passphrase from this file (its first line).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The receipt link (…/#/r/ID/TOKEN) or the inbox link of a request
    /// (…/#/i/ID/KEY), or - to read it from stdin.
    pub link: String,

    /// Print the receipt, or the request's state, as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BurnArgs {
    /// The share link or the receipt link, or a request's inbox link, or -
    /// to read it from stdin.
    pub link: String,
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// A note for the responder, shown when they answer ("the staging DB
    /// password, please"); at most 1015 bytes. Encrypted: the server cannot
    /// read it, but the command line can be seen in the process list.
    #[arg(long, value_name = "TEXT", conflicts_with = "note_file")]
    pub note: Option<String>,

    /// Read the note from this file, or - for stdin.
    #[arg(long, value_name = "FILE")]
    pub note_file: Option<PathBuf>,

    /// How long the request stays open, answered or not: 10m, 1h, 7d...
    /// (60s up to the server's limit). An answer not collected by then is
    /// destroyed.
    #[arg(long, default_value = "1d", value_parser = humantime::parse_duration)]
    pub ttl: Duration,

    /// The self-destruct-o server.
    #[arg(long, env = "SDO_SERVER", default_value = "http://127.0.0.1:8080")]
    pub server: String,

    /// Print {request_link, inbox_link, id, expires_at} as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct FillArgs {
    /// The request link (…/#/q/ID/KEY), quoted: it contains '#'. Or - to
    /// read it from stdin (then the secret must come from a FILE).
    pub link: String,

    /// A file to send (keeps its name and type), or - for stdin (the default).
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CollectArgs {
    /// The inbox link (…/#/i/ID/KEY) that `sdo request` printed, quoted, or -
    /// to read it from stdin.
    pub link: String,

    /// Write the secret to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// If the request has not been answered yet, wait for the answer (until
    /// the request expires) instead of exiting with code 8.
    #[arg(long)]
    pub wait: bool,

    /// How often --wait asks at first; it slows down to 5 times that.
    #[arg(long, hide = true, default_value = "2s", value_parser = parse_poll_interval)]
    pub poll_interval: Duration,
}

/// `--poll-interval`: at most an hour, so that the wait's arithmetic (five
/// times it, half as long again) cannot overflow.
fn parse_poll_interval(text: &str) -> Result<Duration, String> {
    let d = humantime::parse_duration(text).map_err(|e| e.to_string())?;
    if d > Duration::from_secs(3600) {
        return Err("at most 1h".into());
    }
    Ok(d)
}

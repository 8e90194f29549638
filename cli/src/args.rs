//! The command line.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  other error (a damaged link, a file that cannot be read or written)
  2  usage (bad arguments; a passphrase needed but no terminal to ask on)
  3  the secret does not exist or is no longer available
  4  wrong passphrase (the secret stays, until the attempt limit)
  5  the server cannot be reached
  6  the server failed or answered something unexpected (nothing was used up
     if it said it was unavailable)
  7  the server could not confirm whether the secret was used up (or burned,
     or stored): it may be gone; the receipt tells";

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
    /// Show a secret's status from its receipt link.
    Status(StatusArgs),
    /// Destroy a secret now, with its share link or its receipt link.
    Burn(BurnArgs),
    /// Print shell completions (e.g. sdo completions bash > /etc/bash_completion.d/sdo).
    Completions { shell: Shell },
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
    /// The receipt link (…/#/r/ID/TOKEN), or - to read it from stdin.
    pub receipt: String,

    /// Print the receipt as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BurnArgs {
    /// The share link or the receipt link, or - to read it from stdin.
    pub link: String,
}

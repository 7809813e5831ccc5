//! The `claimscope` binary: parse the arguments, run the command, exit with its code.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Not `Cli::parse`: clap would print a usage error itself, quoting the arguments raw.
    match cli::Cli::try_parse() {
        Ok(cli) => cli::run(cli),
        Err(error) => cli::usage_error(&error),
    }
}

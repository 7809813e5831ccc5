//! The command line: argument definitions, loading the model each command reads, and the
//! exit codes scripts rely on.

mod check;
mod export;
mod report;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimscope::model::{Index, LoadError, Source, load_str};

/// Exit code: everything was fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: the model is invalid, or (for queries) nothing matched.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: bad usage, or a file that could not be read.
pub const EXIT_USAGE: u8 = 2;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  the model is invalid
  2  usage error, or a file that cannot be read (missing, a directory, not UTF-8, too large)

Examples:
  claimscope                        explore the bundled article
  claimscope check                  validate the bundled model
  claimscope check my-article.toml  validate a model of your own
  claimscope --data my-article.toml export --format json";

/// Explore the structure of an opinion article: its claims, actors, timeline and argument.
#[derive(Debug, Parser)]
#[command(name = "claimscope", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Read this model file instead of the bundled article.
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate model files and report every problem with its line and column.
    #[command(after_help = "\
Checks the bundled model when no FILE (and no --data) is given.
Prints each problem as FILE:LINE:COL: error: message, then a count.
Exit codes: 0 valid, 1 invalid, 2 a file that cannot be read.

Examples:
  claimscope check
  claimscope check my-article.toml other.toml")]
    Check {
        /// Model files to check.
        files: Vec<PathBuf>,
    },
    /// Print the whole model in another format.
    #[command(after_help = "\
Examples:
  claimscope export --format json > model.json
  claimscope --data my-article.toml export --format json")]
    Export {
        /// Output format. JSON mirrors the TOML model key for key.
        #[arg(long, value_enum)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let code = match cli.command {
        Some(Command::Check { files }) => check::run(cli.data, &files),
        Some(Command::Export { format }) => with_model(cli.data, |index, out| match format {
            Format::Json => export::json(index.model(), out),
        }),
        None => explore(cli.data),
    };
    ExitCode::from(code)
}

/// Opens the explorer, when standard output is a terminal to draw on.
fn explore(data: Option<PathBuf>) -> u8 {
    if !io::stdout().is_terminal() {
        eprintln!(
            "claimscope: the explorer needs a terminal; for scripts use `claimscope check`, `claimscope export --format json` (see `claimscope --help`)"
        );
        return EXIT_USAGE;
    }
    let loaded = read_source(data).and_then(|source| load_str(&source));
    match loaded {
        Ok((model, _)) => match claimscope::tui::run(Index::new(model)) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("claimscope: terminal error: {e}");
                EXIT_USAGE
            }
        },
        Err(error) => {
            let stderr = io::stderr();
            let color = use_color(&stderr);
            let _ = report::load_error(&error, &mut stderr.lock(), color);
            if error.is_invalid_model() {
                EXIT_INVALID
            } else {
                EXIT_USAGE
            }
        }
    }
}

/// Reads the model named by `--data`, or the bundled one.
fn read_source(data: Option<PathBuf>) -> Result<Source, LoadError> {
    match data {
        Some(path) => Source::read(&path),
        None => Ok(Source::bundled()),
    }
}

/// Loads the model and runs `body` with it, writing to standard output. A model that does
/// not load is reported on standard error.
fn with_model(
    data: Option<PathBuf>,
    body: impl FnOnce(&Index, &mut dyn Write) -> io::Result<u8>,
) -> u8 {
    let loaded = read_source(data).and_then(|source| load_str(&source));
    match loaded {
        Ok((model, _)) => {
            let index = Index::new(model);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            match body(&index, &mut out).and_then(|code| out.flush().map(|()| code)) {
                Ok(code) => code,
                // A closed pipe (`| head`) is the reader's choice, not a failure.
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
                Err(e) => {
                    eprintln!("claimscope: cannot write output: {e}");
                    EXIT_USAGE
                }
            }
        }
        Err(error) => {
            let stderr = io::stderr();
            let color = use_color(&stderr);
            let _ = report::load_error(&error, &mut stderr.lock(), color);
            if error.is_invalid_model() {
                EXIT_INVALID
            } else {
                EXIT_USAGE
            }
        }
    }
}

/// Colour only for a terminal, and never when NO_COLOR is set to anything non-empty.
pub fn use_color(stream: &impl IsTerminal) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && stream.is_terminal()
}

//! `claimscope check`: validate model files for curators, reporting every problem.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::ValueEnum;

use claimscope::model::{LoadError, Model, ModelFile, check_str, sanitize};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, read_source, report, use_color};

/// How `check` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// FILE:LINE:COL: error: message, the line and a caret; a summary of each file.
    Text,
    /// One JSON object a problem, a line each, on standard output; nothing else.
    Json,
}

/// Checks each file (or the `--data` file, or the bundled model) and returns the worst
/// exit code: 2 if any file could not be read, else 1 if any was invalid (or, with
/// `deny_warnings`, had warnings), else 0. With `watch`, checks again after each save of
/// any of them, until interrupted.
pub fn run(
    data: Option<PathBuf>,
    files: &[PathBuf],
    deny_warnings: bool,
    format: ReportFormat,
    watch: bool,
) -> u8 {
    if !watch {
        return once(data, files, deny_warnings, format);
    }
    let paths: Vec<PathBuf> = if files.is_empty() {
        data.iter().cloned().collect()
    } else {
        files.to_vec()
    };
    if paths.is_empty() {
        eprintln!(
            "claimscope: check --watch watches model files: name one (the bundled model is never saved)"
        );
        return EXIT_USAGE;
    }
    let (saved, saves) = std::sync::mpsc::channel();
    let mut watches = Vec::new();
    for path in &paths {
        let told = saved.clone();
        match claimscope::watch::on_save(path, move || told.send(()).is_ok()) {
            Ok(watch) => watches.push(watch),
            Err(why) => {
                eprintln!("claimscope: {}", sanitize(&why));
                return EXIT_USAGE;
            }
        }
    }
    let clear = std::io::IsTerminal::is_terminal(&io::stdout()) && format == ReportFormat::Text;
    for round in 1.. {
        if clear {
            // The screen cleared and the cursor home, as cargo-watch and bacon do.
            print!("\x1b[2J\x1b[H");
        }
        let code = once(data.clone(), files, deny_warnings, format);
        if format == ReportFormat::Text {
            let files = if paths.len() == 1 { "file" } else { "files" };
            println!("[check {round}, exit {code}: watching the {files} for saves; Ctrl-c stops]");
        }
        let _ = io::stdout().flush();
        // A burst of saves is one more check.
        if saves.recv().is_err() {
            break;
        }
        while saves.try_recv().is_ok() {}
    }
    drop(watches);
    EXIT_OK
}

fn once(data: Option<PathBuf>, files: &[PathBuf], deny_warnings: bool, format: ReportFormat) -> u8 {
    let sources: Vec<Result<ModelFile, LoadError>> = if files.is_empty() {
        vec![read_source(data)]
    } else {
        files.iter().map(|f| ModelFile::read(f)).collect()
    };
    let stdout = io::stdout();
    let color = use_color(&stdout);
    let mut out = stdout.lock();
    let json = format == ReportFormat::Json;
    let mut worst = EXIT_OK;
    for source in sources {
        let (code, written) = match source {
            Ok(source) => match check_str(&source) {
                Ok(checked) => {
                    let written = if json {
                        report::json_lines(&source, &checked.warnings, &mut out)
                    } else {
                        report::diagnostics(&source, &checked.warnings, &mut out, color).and_then(
                            |()| {
                                let mut line = summary(&source.name, &checked.model);
                                if !checked.warnings.is_empty() {
                                    let tally = report::tally(&checked.warnings);
                                    line.push_str(&format!(" ({tally})"));
                                }
                                writeln!(out, "{line}")
                            },
                        )
                    };
                    let code = if deny_warnings && !checked.warnings.is_empty() {
                        EXIT_INVALID
                    } else {
                        EXIT_OK
                    };
                    (code, written)
                }
                Err(error) if json => (EXIT_INVALID, report::load_error_json(&error, &mut out)),
                Err(error) => (EXIT_INVALID, report::load_error(&error, &mut out, color)),
            },
            // In JSON a file that cannot be read is one more object on standard output,
            // where a tool reads the rest; in text it is a message on standard error.
            Err(error) if json => (EXIT_USAGE, report::load_error_json(&error, &mut out)),
            Err(error) => {
                let stderr = io::stderr();
                let written = report::load_error(&error, &mut stderr.lock(), use_color(&stderr));
                (EXIT_USAGE, written)
            }
        };
        if let Err(e) = written
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            eprintln!("claimscope: cannot write output: {e}");
            return EXIT_USAGE;
        }
        worst = worst.max(code);
    }
    worst
}

/// The one-line summary of a valid model.
pub fn summary(name: &str, model: &Model) -> String {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}: ok: {}, {}, {}, {}, {}, {}",
        sanitize(name),
        count(model.sentences.len(), "sentence", "sentences"),
        count(model.claims.len(), "claim", "claims"),
        count(model.actors.len(), "actor", "actors"),
        count(model.events.len(), "event", "events"),
        count(model.relations.len(), "relation", "relations"),
        count(model.arguments.len(), "argument node", "argument nodes"),
    )
}

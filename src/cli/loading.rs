//! The model a command works on, loaded: the bundled one, or a file of one's own, a draft
//! that still breaks rules included (shown as it stands, a word on standard error saying
//! so); and the explorer started on it. While a model of one's own loads for the
//! explorer, a line on standard error says what it is doing and how far ("parsing
//! big.toml: 45% of 38.6 MB"), so that a reader who opens a large model sees it working
//! instead of a blank terminal. The line is rewritten in place and wiped before the
//! explorer draws.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use claimscope::model::{
    FileError, Index, LoadError, LoadProgress, LoadStage, Located, Model, ModelFile, Severity,
    TextKind, read_text, sanitize,
};
use claimscope::open::{self, ForSearch};
use claimscope::search::Searcher;
use claimscope::tui::Ending;

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, report, search, use_color, write_out};

/// A model loaded for a command, with the rules it still breaks (none for the bundled
/// model or a finished one).
pub(super) struct Loaded {
    pub searcher: Searcher,
    pub problems: Vec<Located>,
}

/// Reads the model named by `--data`, or the bundled one.
pub(super) fn read_source(data: Option<PathBuf>) -> Result<ModelFile, LoadError> {
    match data {
        Some(path) => ModelFile::read(&path),
        None => Ok(ModelFile::bundled()),
    }
}

/// Loads the model (a large one by way of the cache), with its search, or reports on
/// standard error why it cannot be, as an exit code.
fn load(data: Option<PathBuf>) -> Result<Loaded, u8> {
    let loaded = match data {
        Some(path) => open::open(&path, &LoadProgress::new()).map(|opened| Loaded {
            searcher: opened.searcher,
            problems: opened.problems,
        }),
        None => Model::bundled().map(|model| Loaded {
            searcher: Searcher::new(Arc::new(Index::new(model))),
            problems: Vec::new(),
        }),
    };
    loaded.map_err(|error| load_failed(&error))
}

/// Says on standard error that the model at `path` is a draft, shown as it stands.
fn draft_note(path: Option<&Path>, problems: &[Located]) {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors == 0 {
        return;
    }
    let name = path.map_or_else(String::new, |p| {
        sanitize(&p.display().to_string()).into_owned()
    });
    let count = match errors {
        1 => "one error".to_string(),
        n => format!("{n} errors"),
    };
    eprintln!(
        "claimscope: {name} is a draft, shown as it stands: {count} still (`claimscope check {name}` lists them)"
    );
}

/// Reports on standard error why a model cannot be loaded, and gives the exit code.
pub(super) fn load_failed(error: &LoadError) -> u8 {
    let stderr = io::stderr();
    let color = use_color(&stderr);
    let _ = report::load_error(error, &mut stderr.lock(), color);
    if error.is_invalid_model() {
        EXIT_INVALID
    } else {
        EXIT_USAGE
    }
}

/// Loads the model and runs `body` with it and its problems, writing to standard output.
/// A draft is said to be one on standard error first.
pub(super) fn with_model(
    data: Option<PathBuf>,
    body: impl FnOnce(&Searcher, &[Located], &mut dyn Write, bool) -> io::Result<u8>,
) -> u8 {
    let Loaded { searcher, problems } = match load(data.clone()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let color = use_color(&io::stdout());
    let code = write_out(|out| body(&searcher, &problems, out, color));
    // Said of what was shown, after it; a command that refused the draft said why.
    if code == EXIT_OK {
        draft_note(data.as_deref(), &problems);
    }
    // The process exits next: the system takes the model's memory back at once, where
    // freeing a large model item by item costs a twentieth of the run.
    std::mem::forget(searcher);
    code
}

/// Runs `search` over the model named by `--data`: from a cached copy, over the search
/// engine and the items' names alone, without reading the model back.
pub(super) fn search_model(data: Option<PathBuf>, options: &search::Options) -> u8 {
    let loaded = match &data {
        Some(path) => open::open_for_search(path, &LoadProgress::new()),
        None => Model::bundled().map(|model| {
            let searcher = Searcher::new(Arc::new(Index::new(model)));
            (ForSearch::Model(searcher), Vec::new())
        }),
    };
    let (over, problems) = match loaded {
        Ok(loaded) => loaded,
        Err(error) => return load_failed(&error),
    };
    draft_note(data.as_deref(), &problems);
    let code = write_out(|out| search::run(&over, options, out));
    // As in `with_model`: the process exits next.
    std::mem::forget(over);
    code
}

/// The model file at `path`, for the explorer to read again at each save: watched from the
/// start when `on`.
fn watched(path: PathBuf, on: bool) -> claimscope::tui::Watched {
    let again = path.clone();
    let load: claimscope::tui::Reload =
        Arc::new(move || match open::open(&again, &LoadProgress::new()) {
            Ok(opened) => Ok((opened.searcher, opened.problems)),
            Err(error) => Err(located(&error)),
        });
    claimscope::tui::Watched { path, on, load }
}

/// What stops a model being read, at its places in the file.
pub(super) fn located(error: &LoadError) -> Vec<Located> {
    use claimscope::tui::app::whole_file;
    match error {
        LoadError::Invalid { file, diagnostics } => {
            // What stopped the model being shown, when that is what happened: the text
            // that is not TOML, or the ids given twice; else every error.
            let blocking =
                |d: &&claimscope::model::Diagnostic| d.is_syntax() || d.is_duplicate_id();
            let mut errors: Vec<_> = diagnostics.iter().filter(blocking).cloned().collect();
            if errors.is_empty() {
                errors = diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect();
            }
            claimscope::model::locate_all(&errors, &file.text)
        }
        LoadError::File(FileError::NotUtf8 { line, column, .. }) => vec![Located {
            at: claimscope::model::Location {
                line: *line,
                column: *column,
            },
            ..whole_file(report::NOT_UTF8.to_string())
        }],
        other => vec![whole_file(other.to_string())],
    }
}

/// Reads the explorer's configuration: the file named, else the one at the usual place if
/// there is one, else the defaults. Problems are reported as `check` reports a model's.
fn read_config(named: Option<PathBuf>) -> Result<claimscope::tui::config::Config, u8> {
    use claimscope::tui::config;
    let path = match named {
        Some(path) => path,
        None => match config::default_path().filter(|p| p.exists()) {
            Some(path) => path,
            None => return Ok(config::Config::default()),
        },
    };
    let stderr = io::stderr();
    let color = use_color(&stderr);
    // Read as every text file is: opened without waiting, checked as opened, capped.
    let source = match read_text(&path, TextKind::Configuration) {
        Ok(text) => ModelFile {
            name: path.display().to_string(),
            text,
        },
        Err(error) => {
            let _ = report::load_error(&LoadError::File(error), &mut stderr.lock(), color);
            return Err(EXIT_USAGE);
        }
    };
    config::parse(&source.text).map_err(|problems| {
        let mut err = stderr.lock();
        let _ = report::diagnostics(&source, &problems, &mut err, color);
        let _ = writeln!(
            err,
            "claimscope: the explorer did not start: {} in its configuration",
            report::tally(&problems)
        );
        EXIT_USAGE
    })
}

/// Opens the explorer, when standard output is a terminal to draw on.
pub(super) fn explore(data: Option<PathBuf>, config: Option<PathBuf>, watch: bool) -> u8 {
    let config = match read_config(config) {
        Ok(config) => config,
        Err(code) => return code,
    };
    if !io::stdout().is_terminal() {
        eprintln!(
            "claimscope: the explorer needs a terminal; for scripts use `claimscope search`, `show`, `check` or `export` (see `claimscope --help`)"
        );
        return EXIT_USAGE;
    }
    let file = data.clone().map(|path| watched(path, watch));
    let Loaded { searcher, problems } = match load_showing_progress(data) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    match claimscope::tui::run(searcher, problems, config, file) {
        Ok(Ending::Quit) => EXIT_OK,
        // Dies by the signal, as a shell expects; only if that fails, a shell's code for it.
        Ok(Ending::Signal(signal)) => {
            let _ = claimscope::tui::signals::die_by(signal);
            u8::try_from(128 + signal).unwrap_or(EXIT_USAGE)
        }
        Ok(Ending::Hangup) => u8::try_from(128 + 1).unwrap_or(EXIT_USAGE),
        Err(e) => {
            eprintln!("claimscope: the explorer stopped: {e}");
            EXIT_USAGE
        }
    }
}

/// How often the line is brought up to date.
const TICK: Duration = Duration::from_millis(100);

/// Loads the model named by `--data` (or the bundled one), showing progress on standard
/// error when it is a terminal. Errors are reported as `load` reports them.
fn load_showing_progress(data: Option<PathBuf>) -> Result<Loaded, u8> {
    let path = match data {
        Some(path) if io::stderr().is_terminal() => path,
        other => return load(other),
    };
    let progress = Arc::new(LoadProgress::new());
    let name = sanitize(&path.display().to_string()).into_owned();
    // Told when the load ends, however it ends (the sender drops with the thread).
    let (ended, end) = mpsc::channel::<()>();
    let worker = {
        let progress = Arc::clone(&progress);
        let path = path.clone();
        thread::Builder::new()
            .name("load".into())
            .spawn(move || -> Result<Loaded, LoadError> {
                let loaded = open::open(&path, &progress).map(|opened| Loaded {
                    searcher: opened.searcher,
                    problems: opened.problems,
                });
                let _ = ended.send(());
                loaded
            })
    };
    let worker = match worker {
        Ok(worker) => worker,
        // No thread to spare: load here, without the line.
        Err(_) => return load(Some(path)),
    };
    // Nothing is shown for a load quicker than a tick, and the explorer starts the
    // moment the load ends, not at the next tick.
    let mut shown = false;
    while let Err(RecvTimeoutError::Timeout) = end.recv_timeout(TICK) {
        let (stage, bytes) = progress.now();
        show(&line(&name, stage, bytes));
        shown = true;
    }
    if shown {
        show("");
    }
    match worker.join() {
        Ok(Ok(loaded)) => Ok(loaded),
        Ok(Err(error)) => Err(load_failed(&error)),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The progress line: the stage, the file, and in parsing the share done and the size.
fn line(name: &str, stage: LoadStage, bytes: Option<(u64, u64)>) -> String {
    match bytes {
        Some((done, total)) => format!(
            "claimscope: {} {name}: {}% of {:.1} MB",
            stage.doing(),
            done.saturating_mul(100) / total.max(1),
            total as f64 / 1e6
        ),
        None => format!("claimscope: {} {name}…", stage.doing()),
    }
}

/// Writes `text` over the line the cursor is on, cut to the terminal's width so that it
/// never wraps (a wrapped line could not be rewritten in place).
fn show(text: &str) {
    let width = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
    // Cut by columns, not characters: a wide character takes two.
    let room = width.saturating_sub(1);
    let mut used = 0;
    let cut: String = text
        .chars()
        .take_while(|c| {
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            used <= room
        })
        .collect();
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "\r\x1b[2K{cut}");
    let _ = stderr.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_what_and_how_far() {
        assert_eq!(
            line(
                "big.toml",
                LoadStage::Parsing,
                Some((19_300_000, 38_600_000))
            ),
            "claimscope: parsing big.toml: 50% of 38.6 MB"
        );
        assert_eq!(
            line("big.toml", LoadStage::Checking, None),
            "claimscope: checking big.toml…"
        );
    }
}

//! The line the explorer shows on standard error while a model of one's own loads: what
//! it is doing and how far ("parsing big.toml: 45% of 38.6 MB"), so that a reader who
//! opens a large model sees it working instead of a blank terminal. The line is
//! rewritten in place and wiped before the explorer draws.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use claimscope::model::{LoadError, LoadProgress, LoadStage, sanitize};
use claimscope::open;
use claimscope::search::Searcher;

/// How often the line is brought up to date.
const TICK: Duration = Duration::from_millis(100);

/// Loads the model named by `--data` (or the bundled one), showing progress on standard
/// error when it is a terminal. Errors are reported as `load` reports them.
pub(super) fn load_showing_progress(data: Option<PathBuf>) -> Result<Searcher, u8> {
    let path = match data {
        Some(path) if io::stderr().is_terminal() => path,
        other => return super::load(other),
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
            .spawn(move || -> Result<Searcher, LoadError> {
                let loaded = open::open(&path, &progress).map(|opened| opened.searcher);
                let _ = ended.send(());
                loaded
            })
    };
    let worker = match worker {
        Ok(worker) => worker,
        // No thread to spare: load here, without the line.
        Err(_) => return super::load(Some(path)),
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
        Ok(Ok(searcher)) => Ok(searcher),
        Ok(Err(error)) => Err(super::load_failed(&error)),
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

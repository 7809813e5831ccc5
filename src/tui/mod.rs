//! The explorer: a terminal interface over the model, with panes for the timeline, the
//! actors and the argument map, each claim beside its source, and one fuzzy search.

pub mod action;
pub mod app;
pub mod config;
pub mod content;
pub mod keymap;
pub mod layout;
pub mod output;
pub mod panes;
pub mod reading;
pub mod rebind;
pub mod search_box;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

pub use action::Action;
pub use app::App;
pub use state::{Mode, Pane};
pub use theme::Theme;

use crate::search::Searcher;

/// How long to wait for input before looking for signals again.
const POLL: Duration = Duration::from_millis(100);
/// How often to check that the terminal is still there when nothing happens.
const LIVENESS: Duration = Duration::from_secs(1);

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The reader quit.
    Quit,
    /// A signal (its number) ended it.
    Signal(i32),
    /// The terminal went away.
    Hangup,
}

/// Runs the explorer until the reader quits or a signal arrives, then restores the
/// terminal, whatever happened.
/// Runs the explorer on `index` with a user's `config` (keys and colours) in force.
pub fn run(searcher: Searcher, config: config::Config) -> io::Result<Ending> {
    let theme = config.theme(Theme::from_env());
    let mut app = App::with_config(searcher, config.keymap, theme);
    let signals = terminal::watch_signals()?;
    let mut term = terminal::setup(theme.color)?;
    let result = event_loop(&mut term, &mut app, &signals);
    terminal::restore();
    // Freeing a large model item by item takes a second at a million claims, after the
    // reader has quit. A thread of its own does it, so the shell's prompt comes back at
    // once: when the process exits first, the system takes the memory back whole.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(app));
    result
}

/// For tests of the ways out: `CLAIMSCOPE_FAULT=panic` panics and `CLAIMSCOPE_FAULT=error`
/// fails with an error, each right after the first frame, so that a test in a
/// pseudo-terminal can see the terminal restored on those paths too.
/// (`CLAIMSCOPE_FAULT=search-panic` makes the search thread panic on its first answer, and
/// `alloc` fails as an allocation does: by aborting.)
/// Built only with the `fault-injection` feature, which the tests turn on.
#[cfg(feature = "fault-injection")]
fn injected_fault() -> io::Result<()> {
    match fault().as_deref() {
        Some("panic") => panic!("a panic asked for by CLAIMSCOPE_FAULT"),
        Some("error") => Err(io::Error::other("an error asked for by CLAIMSCOPE_FAULT")),
        // What a failed allocation does: the allocation error handler aborts.
        Some("alloc") => std::alloc::handle_alloc_error(std::alloc::Layout::new::<[u8; 64]>()),
        _ => Ok(()),
    }
}

#[cfg(not(feature = "fault-injection"))]
fn injected_fault() -> io::Result<()> {
    Ok(())
}

/// The fault the tests asked for, if fault injection is built in.
fn fault() -> Option<String> {
    if cfg!(feature = "fault-injection") {
        std::env::var("CLAIMSCOPE_FAULT").ok()
    } else {
        None
    }
}

/// What reaches the main loop: terminal input, and answers from the search thread.
enum Incoming {
    Input(io::Result<Event>),
    Found(u64, Vec<crate::search::Hit>),
    /// A helper thread died; the explorer cannot go on without it.
    Failed(&'static str),
}

/// Reads terminal events on a thread of its own. The main loop then never blocks inside
/// the terminal library, so a signal or a vanished terminal is noticed within `POLL` even
/// when reading input has stalled or spins (as it does at end of input on a hung-up tty).
/// Searches run on another thread, so typing never waits for one.
fn spawn_threads(app: &mut App) -> io::Result<Receiver<Incoming>> {
    let (send, receive) = mpsc::channel();
    let input = send.clone();
    let report = send.clone();
    thread::Builder::new()
        .name("input".to_string())
        .spawn(move || {
            guarded("input", report, move || {
                loop {
                    let event = event::read();
                    let failed = event.is_err();
                    if input.send(Incoming::Input(event)).is_err() || failed {
                        break;
                    }
                }
            })
        })?;
    let (requests, queue) = mpsc::channel();
    let searcher = app.shared_searcher();
    let report = send.clone();
    let fail = fault().as_deref() == Some("search-panic");
    thread::Builder::new()
        .name("search".to_string())
        .spawn(move || {
            guarded("search", report, move || {
                search_box::search_worker(searcher, queue, |generation, hits| {
                    if cfg!(feature = "fault-injection") {
                        assert!(!fail, "a search-thread panic asked for by CLAIMSCOPE_FAULT");
                    }
                    send.send(Incoming::Found(generation, hits)).is_ok()
                })
            })
        })?;
    app.search.use_worker(requests);
    Ok(receive)
}

/// Runs a helper thread's work; if it panics, says so on `report` before the thread ends.
fn guarded(
    name: &'static str,
    report: mpsc::Sender<Incoming>,
    work: impl FnOnce() + std::panic::UnwindSafe,
) {
    if std::panic::catch_unwind(work).is_err() {
        let _ = report.send(Incoming::Failed(name));
    }
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    signals: &terminal::Signals,
) -> io::Result<Ending> {
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let input = spawn_threads(app)?;
    let mut idle = Instant::now();
    let mut first_frame = true;
    let mut backdrop = view::Backdrop::default();
    let hyperlinks = terminal::hyperlinks_supported();
    loop {
        term.draw(|frame| view::render_with(app, frame, &mut backdrop))?;
        if hyperlinks {
            terminal::write_links(term, &view::links(app), app.theme.color)?;
        }
        if std::mem::take(&mut first_frame) {
            injected_fault()?;
        }
        // Wait for input, looking at the signal flags and the terminal between waits.
        let first = loop {
            if let Some(signal) = signals.ending() {
                return Ok(Ending::Signal(signal));
            }
            if signals.take_stop() {
                terminal::suspend(term)?;
                signals.take_resumed(); // The continue that brought us back.
                break None;
            }
            if signals.take_resumed() {
                terminal::resume(term)?;
                break None;
            }
            match input.recv_timeout(POLL) {
                Ok(incoming) => break Some(incoming),
                Err(RecvTimeoutError::Timeout) => {
                    if idle.elapsed() >= LIVENESS {
                        if crossterm::terminal::window_size().is_err() {
                            return Ok(Ending::Hangup); // Nobody is left to draw for.
                        }
                        idle = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(Ending::Hangup),
            }
        };
        // Take everything already waiting before drawing again.
        let mut next = first;
        while let Some(incoming) = next {
            let action = match incoming {
                Incoming::Input(event) => app.action_for(&event?),
                Incoming::Found(generation, hits) => Some(Action::Found(generation, hits)),
                Incoming::Failed(name) => {
                    let said = terminal::HELPER_PANIC
                        .lock()
                        .ok()
                        .and_then(|mut p| p.take());
                    let detail = said.map_or_else(String::new, |s| format!(": {s}"));
                    return Err(io::Error::other(format!(
                        "the {name} thread failed{detail}; this is a bug in claimscope, please report it"
                    )));
                }
            };
            match action {
                Some(Action::Suspend) => {
                    terminal::suspend(term)?;
                    signals.take_resumed();
                }
                Some(action) => app.update(action),
                None => {}
            }
            if let Some(text) = app.take_clipboard() {
                terminal::write_clipboard(term, &text)?;
            }
            if app.should_quit() {
                return Ok(Ending::Quit);
            }
            next = input.try_recv().ok();
        }
    }
}

//! The explorer: a terminal interface over the model, with panes for the timeline, the
//! actors and the argument map, each claim beside its source, and one fuzzy search.

pub mod action;
pub mod app;
pub mod config;
pub mod content;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod output;
pub mod panes;
pub mod picture;
pub mod reading;
pub mod rebind;
pub mod search_box;
pub mod signals;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::panic::{AssertUnwindSafe, UnwindSafe};
use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use ratatui::crossterm::event::{self, Event};

pub use action::{Action, Answer};
pub use app::App;
pub use state::{Mode, Pane};
pub use theme::Theme;

use crate::model::Located;
use crate::search::Searcher;
use signals::Request;

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The reader quit.
    Quit,
    /// A signal (its number) ended it; [`signals::die_by`] ends the process by it too.
    Signal(i32),
    /// The terminal went away.
    Hangup,
}

/// Runs the explorer on `searcher`'s model (a draft with `problems` to list, or none)
/// with a user's `config` (keys and colours) in
/// force, until the reader quits, a signal asks it to end or the terminal goes away; then
/// restores the terminal, whatever happened. The terminal is asked for its background
/// first when the colours depend on it (a round trip, before it is taken over).
pub fn run(
    searcher: Searcher,
    problems: Vec<crate::model::Located>,
    config: config::Config,
    file: Option<Watched>,
) -> io::Result<Ending> {
    let theme = config.theme(Theme::from_env(), terminal::background);
    let mut app = App::with_config(searcher, config.keymap, theme);
    app.set_problems(problems);
    if let Some(file) = &file {
        let name = crate::model::sanitize(&file.path.display().to_string()).into_owned();
        app.set_file(name, file.on);
    }
    let signals = signals::watch()?;
    let mut term = terminal::setup(theme.color)?;
    let result = event_loop(&mut term, &mut app, signals, file);
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

/// A model file of the reader's own, which the explorer can read again at each save
/// (`--watch`, or `w`).
pub struct Watched {
    pub path: std::path::PathBuf,
    /// Whether to watch it from the start.
    pub on: bool,
    /// Reads the file again: the model with what it still breaks, or what stops it being
    /// read, located.
    pub load: Reload,
}

/// The file read again: the model with what it still breaks, or what stops it being read.
pub type ReadAgain = Result<(Searcher, Vec<Located>), Vec<Located>>;

/// How the explorer reads its file again.
pub type Reload = Arc<dyn Fn() -> ReadAgain + Send + Sync>;

/// What reaches the main loop: terminal input, answers from the search thread, signals,
/// and word of a helper thread or the terminal gone. The loop sleeps until one comes.
enum Incoming {
    Input(io::Result<Event>),
    Found(action::Answer),
    /// The model's file, read again after a save (boxed: a model is large beside the rest).
    Reloaded(Box<ReadAgain>),
    Signal(Request),
    /// The terminal hung up: nobody is left to draw for.
    Gone,
    /// A helper thread died; the explorer cannot go on without it.
    Failed(&'static str),
}

/// Starts the helper threads, each feeding the one channel the loop waits on: terminal
/// input (read on a thread of its own, so that the loop never blocks inside the terminal
/// library, whose reading stalls or spins when the terminal is gone), the searches (so
/// typing never waits for one), the signals, and a watch for the terminal hanging up.
fn spawn_threads(
    app: &mut App,
    signals: signals::Watch,
    send: &Sender<Incoming>,
) -> io::Result<()> {
    let input = send.clone();
    spawn("input", send, move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if input.send(Incoming::Input(event)).is_err() || failed {
                break;
            }
        }
    })?;
    start_search(app, send)?;
    let signalled = send.clone();
    // Nothing of the signal watch is looked at again after a panic: the thread ends.
    spawn(
        "signals",
        send,
        AssertUnwindSafe(move || {
            signals.forward(|request| signalled.send(Incoming::Signal(request)).is_ok());
        }),
    )?;
    let hangup = send.clone();
    spawn("hangup", send, move || {
        if terminal::wait_for_hangup() {
            let _ = hangup.send(Incoming::Gone);
        }
    })?;
    Ok(())
}

/// Starts the search thread for the app's model. A model read again gets one of its own:
/// the last one ends when the app lets go of its queue.
fn start_search(app: &mut App, send: &Sender<Incoming>) -> io::Result<()> {
    let (requests, queue) = mpsc::channel();
    let searcher = app.shared_searcher();
    let found = send.clone();
    let fail = fault().as_deref() == Some("search-panic");
    spawn("search", send, move || {
        search_box::search_worker(searcher, queue, |answer| {
            if cfg!(feature = "fault-injection") {
                assert!(!fail, "a search-thread panic asked for by CLAIMSCOPE_FAULT");
            }
            found.send(Incoming::Found(answer)).is_ok()
        })
    })?;
    app.search.use_worker(requests);
    Ok(())
}

/// Watches the file while the reader wants it watched: started when they ask, dropped
/// (and with it the watch) when they no longer do. A watch started again (`w`) reads the
/// file at once, for the saves made while it was off; the first, with the model just
/// read, does not (`read_now`).
fn keep_watch(
    app: &mut App,
    file: Option<&Watched>,
    watch: &mut Option<crate::watch::Watch>,
    send: &Sender<Incoming>,
    read_now: bool,
) {
    let Some(file) = file else { return };
    match (app.watching(), watch.is_some()) {
        (true, false) => {
            let load = Arc::clone(&file.load);
            let told = send.clone();
            let started = crate::watch::on_save(&file.path, move || {
                told.send(Incoming::Reloaded(Box::new(load()))).is_ok()
            });
            match started {
                Ok(started) => *watch = Some(started),
                Err(why) => app.watch_failed(&why),
            }
            if read_now && watch.is_some() {
                let load = Arc::clone(&file.load);
                let told = send.clone();
                let _ = thread::Builder::new()
                    .name("read".into())
                    .spawn(move || told.send(Incoming::Reloaded(Box::new(load()))));
            }
        }
        (false, true) => *watch = None,
        _ => {}
    }
}

/// Starts a helper thread named `name` doing `work`; if it panics, says so on `report`
/// before the thread ends.
fn spawn(
    name: &'static str,
    report: &Sender<Incoming>,
    work: impl FnOnce() + UnwindSafe + Send + 'static,
) -> io::Result<()> {
    let report = report.clone();
    thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            if std::panic::catch_unwind(work).is_err() {
                let _ = report.send(Incoming::Failed(name));
            }
        })?;
    Ok(())
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    signals: signals::Watch,
    file: Option<Watched>,
) -> io::Result<Ending> {
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut backdrop = view::Backdrop::default();
    let hyperlinks = terminal::hyperlinks_supported();
    // The links the last frame left: forgotten when the screen is cleared.
    let mut drawn = links::Drawn::default();
    let mut draw = |term: &mut terminal::Term, app: &App, cleared: bool| -> io::Result<()> {
        if cleared {
            drawn.forget();
        }
        let frame = term.draw(|frame| view::render_with(app, frame, &mut backdrop))?;
        if hyperlinks {
            let pending = drawn.update(frame.buffer, &view::links(app));
            pending.write(term.backend_mut())?;
        }
        Ok(())
    };
    // The file is watched before the first frame, so that no save made once the reader
    // sees the model is missed.
    let (send, incoming) = mpsc::channel();
    let mut watch = None;
    keep_watch(app, file.as_ref(), &mut watch, &send, false);
    // The first frame before the helper threads start: the reader does not wait for
    // them. Input typed meanwhile waits in the terminal, and a signal in the watch's
    // pipe, until they do.
    draw(term, app, false)?;
    injected_fault()?;
    spawn_threads(app, signals, &send)?;
    // Whether the explorer stopped itself and took the terminal back when continued, so
    // that the SIGCONT which continued it asks nothing more.
    let mut continued_already = false;
    // Whether the screen was cleared since the last frame.
    let mut cleared = false;
    loop {
        // Asleep until something comes. With every helper thread gone nothing can come
        // any more, not even input: as good as a terminal gone.
        let Ok(first) = incoming.recv() else {
            return Ok(Ending::Hangup);
        };
        // Take everything already waiting before drawing again.
        let mut next = Some(first);
        while let Some(message) = next {
            let action = match message {
                Incoming::Input(Ok(event)) => app.action_for(&event),
                Incoming::Input(Err(_)) if terminal::is_gone() => return Ok(Ending::Hangup),
                Incoming::Input(Err(e)) => return Err(e),
                Incoming::Found(answer) => Some(Action::Found(answer)),
                Incoming::Reloaded(read) => {
                    match *read {
                        Ok((searcher, problems)) => {
                            app.reload(searcher, problems);
                            start_search(app, &send)?;
                        }
                        Err(errors) => app.reload_failed(errors),
                    }
                    None
                }
                Incoming::Signal(Request::End(signal)) => return Ok(Ending::Signal(signal)),
                Incoming::Signal(Request::Stop) => Some(Action::Suspend),
                Incoming::Signal(Request::Continued) => {
                    if !std::mem::take(&mut continued_already) {
                        terminal::resume(term)?;
                        cleared = true;
                    }
                    None
                }
                Incoming::Gone => return Ok(Ending::Hangup),
                Incoming::Failed(name) => return Err(helper_failed(name)),
            };
            match action {
                Some(Action::Suspend) => {
                    terminal::suspend(term)?;
                    continued_already = true;
                    cleared = true;
                }
                Some(action) => app.update(action),
                None => {}
            }
            keep_watch(app, file.as_ref(), &mut watch, &send, true);
            if let Some(text) = app.take_clipboard() {
                terminal::write_clipboard(term, &text)?;
            }
            if app.should_quit() {
                return Ok(Ending::Quit);
            }
            next = incoming.try_recv().ok();
        }
        draw(term, app, std::mem::take(&mut cleared))?;
    }
}

/// The error that ends the explorer when helper thread `name` panicked, with what the
/// panic said.
fn helper_failed(name: &str) -> io::Error {
    let said = terminal::HELPER_PANIC
        .lock()
        .ok()
        .and_then(|mut p| p.take());
    let detail = said.map_or_else(String::new, |s| format!(": {s}"));
    io::Error::other(format!(
        "the {name} thread failed{detail}; this is a bug in claimscope, please report it"
    ))
}

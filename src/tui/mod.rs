//! The explorer: a terminal interface over the model, with panes for the timeline, the
//! actors and the argument map, each claim beside its source, and one fuzzy search.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod reading;
pub mod search_box;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod wrap;

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

pub use action::Action;
pub use app::{App, Mode, Pane};
pub use theme::Theme;

use crate::model::Index;

/// How long to wait for input before looking for signals again.
const POLL: Duration = Duration::from_millis(100);
/// How often to check that the terminal is still there when nothing happens.
const LIVENESS: Duration = Duration::from_secs(1);

/// Runs the explorer until the reader quits or a signal arrives, then restores the
/// terminal, whatever happened.
pub fn run(index: Index) -> io::Result<()> {
    let mut app = App::new(index, Theme::from_env());
    let stop = terminal::watch_signals()?;
    let mut term = terminal::setup()?;
    let result = event_loop(&mut term, &mut app, &stop);
    terminal::restore();
    result
}

/// Reads terminal events on a thread of its own. The main loop then never blocks inside
/// the terminal library, so a signal or a vanished terminal is noticed within `POLL` even
/// when reading input has stalled or spins (as it does at end of input on a hung-up tty).
fn spawn_input() -> io::Result<Receiver<io::Result<Event>>> {
    let (send, receive) = mpsc::channel();
    thread::Builder::new()
        .name("input".to_string())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if send.send(event).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(receive)
}

fn event_loop(term: &mut terminal::Term, app: &mut App, stop: &AtomicBool) -> io::Result<()> {
    let size = term.size()?;
    app.update(Action::Resize(size.width, size.height));
    let input = spawn_input()?;
    let mut idle = Instant::now();
    loop {
        term.draw(|frame| view::render(app, frame))?;
        // Wait for input, looking at the signal flag and the terminal between waits.
        let first = loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            match input.recv_timeout(POLL) {
                Ok(event) => break event?,
                Err(RecvTimeoutError::Timeout) => {
                    if idle.elapsed() >= LIVENESS {
                        if crossterm::terminal::window_size().is_err() {
                            return Ok(()); // The terminal is gone: nobody to draw for.
                        }
                        idle = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        };
        // Take everything already waiting before drawing again.
        let mut next = Some(first);
        while let Some(event) = next {
            if let Some(action) = keymap::action_for(app, &event) {
                app.update(action);
            }
            if app.should_quit() {
                return Ok(());
            }
            next = match input.try_recv() {
                Ok(event) => Some(event?),
                Err(_) => None,
            };
        }
    }
}

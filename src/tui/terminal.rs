//! Taking the terminal over and handing it back. Every mode turned on here is turned off
//! in `restore`, which runs on quit, on error, on panic and after a signal.

use std::io::{self, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::output::Output;

pub type Term = Terminal<CrosstermBackend<Output<Stdout>>>;

/// What a helper thread's panic said, for the main thread to report after the restore.
pub static HELPER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Signals that end the explorer cleanly instead of killing it with the terminal in raw
/// mode: hang-up, terminate, and an interrupt sent from outside (Ctrl-C itself arrives as
/// a key while the terminal is raw).
pub const SIGNALS: [i32; 3] = [
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGINT,
];

/// Registers the signals; the returned number turns from 0 to the signal's when one
/// arrives.
pub fn watch_signals() -> io::Result<Arc<AtomicUsize>> {
    let caught = Arc::new(AtomicUsize::new(0));
    for signal in SIGNALS {
        let number = usize::try_from(signal).unwrap_or(1);
        signal_hook::flag::register_usize(signal, Arc::clone(&caught), number)?;
    }
    Ok(caught)
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste on, cursor hidden.
/// A panic hook restores the terminal before the panic message is printed. With `color`
/// off, colour escapes are filtered out of everything drawn.
pub fn setup(color: bool) -> io::Result<Term> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Only the main thread owns the terminal. A helper thread that panics ends, and
        // the main loop, seeing it gone, ends too: it restores the terminal first, then
        // reports what happened (kept here, as printing it now would garble the screen).
        if std::thread::current().name() == Some("main") {
            restore();
            previous(info);
        } else if let Ok(mut last) = HELPER_PANIC.lock() {
            let payload = info.payload();
            let said = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            *last = Some(match info.location() {
                Some(at) => format!("{said} (at {at})"),
                None => said,
            });
        }
    }));
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    let entered = execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    );
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    let output = Output::new(io::stdout(), !color);
    Terminal::new(CrosstermBackend::new(output)).inspect_err(|_| restore())
}

/// Turns off everything `setup` turned on. Safe to call more than once, and when the
/// terminal is gone (errors are ignored: there is nowhere left to report them).
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

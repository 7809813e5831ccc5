//! Taking the terminal over and handing it back. Every mode turned on here is turned off
//! in `restore`, which runs on quit, on error, on panic and after a signal, and by a
//! SIGABRT handler when an allocation fails (see `signals`).

use std::io::{self, IsTerminal, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use rustix::event::{PollFd, PollFlags};
use rustix::fd::BorrowedFd;
use rustix::io::Errno;
use signal_hook::consts::signal;

use super::output::Output;
use super::signals;
use super::theme::Background;

pub type Term = Terminal<CrosstermBackend<Output<Stdout>>>;

/// What a helper thread's panic said, for the main thread to report after the restore.
pub static HELPER_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// The terminal the explorer reads: standard input when it is one (as the terminal
/// library reads it), else standard output, which the explorer draws on and which must be
/// one.
pub fn tty() -> BorrowedFd<'static> {
    if io::stdin().is_terminal() {
        rustix::stdio::stdin()
    } else {
        rustix::stdio::stdout()
    }
}

/// Whether the terminal draws on a light or a dark background. `COLORFGBG`, where a
/// terminal sets it, says so without asking; otherwise the terminal is asked for its
/// colours (OSC 10 and 11, followed by a query every terminal answers, so that one which
/// does not know the first is found out at once rather than at the timeout). Nothing when
/// it does not say. Asked before the explorer takes the terminal, so that no answer is
/// read as keys.
pub fn background() -> Option<Background> {
    if let Some(said) = std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| Background::from_colorfgbg(&v))
    {
        return Some(said);
    }
    match terminal_colorsaurus::theme_mode(terminal_colorsaurus::QueryOptions::default()) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => Some(Background::Light),
        Ok(terminal_colorsaurus::ThemeMode::Dark) => Some(Background::Dark),
        Err(_) => None,
    }
}

/// Waits until the terminal hangs up (its window closed, its connection dropped), asleep
/// until then: a thread waits here, so that the loop hears of it even when reading input
/// stalls or spins, as the terminal library's does at end of input on a hung-up terminal.
/// Returns false when the system cannot wait on a terminal this way (poll reports it
/// invalid, as macOS does for devices); the SIGHUP a hang-up sends says it then.
pub fn wait_for_hangup() -> bool {
    loop {
        match hung_up(None) {
            Ok(Some(gone)) => return gone,
            Ok(None) | Err(Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

/// Whether the terminal has hung up, at once.
pub fn is_gone() -> bool {
    let now = rustix::event::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    matches!(hung_up(Some(&now)), Ok(Some(true)))
}

/// Polls the terminal for nothing but the conditions poll always reports, for `timeout`
/// (`None`: for as long as it takes): `Some(true)` if it hung up, `Some(false)` if it
/// cannot be polled, `None` if nothing happened.
fn hung_up(timeout: Option<&rustix::event::Timespec>) -> rustix::io::Result<Option<bool>> {
    let mut fds = [PollFd::from_borrowed_fd(tty(), PollFlags::empty())];
    rustix::event::poll(&mut fds, timeout)?;
    let seen = fds[0].revents();
    Ok(if seen.intersects(PollFlags::HUP | PollFlags::ERR) {
        Some(true)
    } else if seen.contains(PollFlags::NVAL) {
        Some(false)
    } else {
        None
    })
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
    signals::hand_back_on_abort(tty())?;
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

/// Hands the terminal back and stops the process as Ctrl-z does in a shell; when the shell
/// continues it (`fg`), takes the terminal again and has the next frame drawn whole.
pub fn suspend(term: &mut Term) -> io::Result<()> {
    restore();
    // SIGTSTP is caught (that is how `kill -TSTP` brought us here), so raising it would
    // only bring us here again: this stops the process as its default action would.
    signal_hook::low_level::emulate_default_handler(signal::SIGTSTP)?;
    // Here again after SIGCONT.
    resume(term)
}

/// Takes the terminal again after the process was stopped and continued, whoever stopped
/// it: the shell may have put the terminal back in cooked mode meanwhile, and what was on
/// the screen is gone.
pub fn resume(term: &mut Term) -> io::Result<()> {
    // The terminal library remembers having turned raw mode on and would do nothing:
    // hand back its saved settings first, so that raw mode is really set again.
    disable_raw_mode()?;
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide,
        Clear(ClearType::All)
    )?;
    // The screen is blank now: with both of ratatui's buffers blank too, the next frame
    // is drawn whole. (Terminal::clear would ask the terminal where its cursor is, and
    // the input thread, not the terminal library, reads the answer.)
    term.swap_buffers();
    Ok(())
}

/// Puts `text` on the system clipboard through the terminal (OSC 52), which terminals
/// that allow it pass on; others ignore it.
pub fn write_clipboard(term: &mut Term, text: &str) -> io::Result<()> {
    let out = term.backend_mut();
    write!(out, "\x1b]52;c;{}\x1b\\", base64(text.as_bytes()))?;
    out.flush()
}

/// Standard base64 with padding, as OSC 52 takes it.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
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

/// Whether the terminal is known to make OSC 8 hyperlinks clickable. Terminals that do
/// not know them should ignore them, but some print them, so they are written only where
/// they are known to work; `CLAIMSCOPE_HYPERLINKS=1` or `0` decides instead.
pub fn hyperlinks_supported() -> bool {
    let var = |name: &str| std::env::var(name).ok();
    if let Some(choice) = var("CLAIMSCOPE_HYPERLINKS") {
        return choice == "1";
    }
    // Inside tmux or screen the outer terminal is unknown, and they may pass links on or
    // not depending on their configuration.
    if var("TMUX").is_some() || var("STY").is_some() {
        return false;
    }
    let term = var("TERM").unwrap_or_default();
    if term == "dumb" {
        return false;
    }
    let program = var("TERM_PROGRAM").unwrap_or_default();
    let vte = var("VTE_VERSION")
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    matches!(
        program.as_str(),
        "iTerm.app" | "WezTerm" | "vscode" | "ghostty" | "Hyper" | "rio"
    ) || vte >= 5000
        || var("KITTY_WINDOW_ID").is_some()
        || var("WT_SESSION").is_some()
        || var("KONSOLE_VERSION").is_some()
        || matches!(
            term.as_str(),
            "xterm-kitty" | "foot" | "foot-extra" | "alacritty" | "wezterm" | "xterm-ghostty"
        )
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_the_standard_vectors() {
        // The test vectors of RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(base64("“é”".as_bytes()), "4oCcw6nigJ0=");
    }
}

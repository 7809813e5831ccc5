//! The signals the explorer answers, and the little that runs inside a signal handler.
//!
//! The signals that would end the process, and job control's stop and continue, reach
//! the event loop as messages on its channel, from a thread that waits for them: nothing
//! polls. Once the terminal is handed back, [`die_by`] ends the process by the signal that
//! asked, so that the shell sees a death by that signal, as the convention is. A failed
//! allocation aborts with no chance for the loop to run, so SIGABRT alone has a handler
//! of its own, which hands the terminal back itself.

use std::io;
use std::sync::OnceLock;

use rustix::fd::BorrowedFd;
use rustix::termios::{OptionalActions, Termios};
use signal_hook::consts::signal;
use signal_hook::iterator::Signals;

/// Signals whose default action ends the process. Each ends the explorer cleanly instead,
/// with the terminal handed back (Ctrl-C itself arrives as a key while the terminal is
/// raw), and then the process by that signal. Not here: the signals of a fault in the
/// program itself (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGSYS, SIGABRT), after
/// which nothing can safely run, and SIGPIPE, which Rust ignores so that writes fail with
/// an error instead.
pub const ENDING: &[i32] = &[
    signal::SIGHUP,
    signal::SIGINT,
    signal::SIGQUIT,
    signal::SIGTERM,
    signal::SIGUSR1,
    signal::SIGUSR2,
    signal::SIGALRM,
    signal::SIGVTALRM,
    signal::SIGPROF,
    signal::SIGXCPU,
    signal::SIGXFSZ,
    signal::SIGIO,
    // Power failure: Linux's, numbered differently on different processors.
    #[cfg(target_os = "linux")]
    libc::SIGPWR,
];

/// What a signal asks of the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// To end: one of [`ENDING`], by its number.
    End(i32),
    /// SIGTSTP from outside (`kill -TSTP`): to suspend, as Ctrl-z does.
    Stop,
    /// SIGCONT: to take the terminal again, which may have changed while it was stopped.
    Continued,
}

impl Request {
    fn from_signal(number: i32) -> Request {
        match number {
            signal::SIGTSTP => Request::Stop,
            signal::SIGCONT => Request::Continued,
            number => Request::End(number),
        }
    }
}

/// The signals caught since [`watch`], waiting to be handed on by [`Watch::forward`].
pub struct Watch(Signals);

/// Catches the ending signals and job control's from now on. One that arrives before the
/// loop listens waits in the handler's pipe, so this is called before the terminal is
/// taken.
pub fn watch() -> io::Result<Watch> {
    let mut caught = ENDING.to_vec();
    caught.extend([signal::SIGTSTP, signal::SIGCONT]);
    Ok(Watch(Signals::new(caught)?))
}

impl Watch {
    /// Hands each signal to `deliver` as it comes (a thread waits here, asleep in between),
    /// until `deliver` says that no one listens any more.
    pub fn forward(mut self, deliver: impl Fn(Request) -> bool) {
        for number in self.0.forever() {
            if !deliver(Request::from_signal(number)) {
                return;
            }
        }
    }
}

/// Ends the process by `signal`, by its default action, as if it had never been caught:
/// the shell that started the explorer sees a death by that signal and reports 128 plus
/// its number. Called once the terminal is handed back. Returns only if it failed.
pub fn die_by(signal: i32) -> io::Error {
    if let Err(e) = set_action(signal, Disposition::Default) {
        return e;
    }
    match signal_hook::low_level::raise(signal) {
        Err(e) => e,
        Ok(()) => io::Error::other(format!("signal {signal} did not end the process")),
    }
}

/// The terminal's settings before raw mode, and the descriptor they were read from, for
/// the hand-back on abort (which cannot take the terminal library's lock).
static COOKED: OnceLock<(BorrowedFd<'static>, Termios)> = OnceLock::new();

/// The bytes that turn off what `terminal::setup` turns on, as the terminal library
/// writes them.
const RESTORE_BYTES: &[u8] =
    b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

/// Said on the way out of an abort, on the screen the reader is back on.
const ABORTED: &str = "claimscope: aborted (out of memory, or a bug in claimscope)\n";

/// Saves the settings of the terminal `tty` and has SIGABRT hand the terminal back: a
/// failed allocation ends the process through `abort`, and no destructor, hook or thread
/// runs after it. The handler returns, and `abort` then ends the process as before.
pub fn hand_back_on_abort(tty: BorrowedFd<'static>) -> io::Result<()> {
    let Ok(cooked) = rustix::termios::tcgetattr(tty) else {
        return Ok(()); // Not a terminal: raw mode will fail and say so.
    };
    let _ = COOKED.set((tty, cooked));
    set_action(signal::SIGABRT, Disposition::HandBack)
}

/// The SIGABRT handler. Only async-signal-safe work: two writes and a `tcsetattr`, all
/// plain system calls, with what was saved beforehand (read from `COOKED` by an atomic
/// load); no lock, no allocation, and no panic (every result is ignored: there is nowhere
/// left to report it).
extern "C" fn restore_on_abort(_signal: libc::c_int) {
    let _ = rustix::io::write(rustix::stdio::stdout(), RESTORE_BYTES);
    if let Some((tty, cooked)) = COOKED.get() {
        let _ = rustix::termios::tcsetattr(tty, OptionalActions::Now, cooked);
    }
    // What the process said before aborting went to the alternate screen, now gone.
    let _ = rustix::io::write(rustix::stdio::stderr(), ABORTED.as_bytes());
}

/// What [`set_action`] can make a signal do: only these two, so that no other code can
/// end up running inside a handler through it.
enum Disposition {
    /// The signal's default action.
    Default,
    /// [`restore_on_abort`].
    HandBack,
}

/// Sets what the process does on `signal`, for the two things signal-hook cannot set
/// safely: a handler that hands the terminal back on abort, and the default action again
/// for a signal it has caught.
fn set_action(signal: i32, disposition: Disposition) -> io::Result<()> {
    let handler = match disposition {
        Disposition::Default => libc::SIG_DFL,
        Disposition::HandBack => {
            restore_on_abort as extern "C" fn(libc::c_int) as libc::sighandler_t
        }
    };
    // SAFETY: `sigaction` is a plain C struct for which all zeroes is a valid value (the
    // default action, no flags, an empty mask). `sigemptyset` and `sigaction` get
    // pointers to this local, alive for the call; `sigaction` takes a null pointer for
    // the old action it is not asked for. With no SA_SIGINFO flag the handler is called
    // with the signal's number alone, which is `restore_on_abort`'s signature, and that
    // handler does only async-signal-safe work (see there). The default action replaces
    // signal-hook's handler only on the way out, in `die_by`, which is what it is for.
    let status = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(signal, &action, std::ptr::null_mut())
    };
    if status == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

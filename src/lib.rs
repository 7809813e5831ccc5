//! claimscope: a close reader's model of one opinion article, and the tools to explore it.
//!
//! [`model`] holds the curated data and its checks, with no terminal code; [`search`] is the
//! one fuzzy search shared by the explorer and the command line; [`cache`] keeps copies of
//! large models, and [`open`] loads a model file by way of it; [`tui`] is the explorer.

// The explorer takes the terminal over through termios and hands it back from signal
// handlers, and the loaders open files with Unix flags: there is no other platform's code.
#[cfg(not(unix))]
compile_error!(
    "claimscope runs on Unix-like systems only (Linux, macOS, the BSDs): it drives the terminal through termios and POSIX signals"
);

pub mod cache;
pub mod model;
pub mod open;
pub mod search;
pub mod tui;
pub mod watch;

#[doc(hidden)]
pub mod corpus;

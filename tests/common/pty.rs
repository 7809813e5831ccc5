//! The real binary, or a shell, in a pseudo-terminal: its screen as a terminal emulator
//! sees it, what is typed to it, and every byte it wrote.

use std::io::{Read, Write};
use std::process::ExitStatus;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;

/// A running explorer, its screen as a terminal emulator sees it, and every byte it wrote.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    pub screen: vt100::Parser,
    pub bytes: Vec<u8>,
    pub _master: Box<dyn MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_claimscope"), args, env)
    }

    /// The explorer with its address space limited to `kib` KiB (`ulimit -v`): an
    /// allocation past it fails, and the explorer with it.
    pub fn start_limited(args: &[&str], kib: usize) -> Session {
        Session::start_under(&format!("ulimit -v {kib}"), args, &[])
    }

    /// The explorer, in the same process, after the shell command `first` (a limit).
    pub fn start_under(first: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        let script = format!("{first} && exec \"$0\" \"$@\"");
        let mut all = vec!["-c", script.as_str(), env!("CARGO_BIN_EXE_claimscope")];
        all.extend_from_slice(args);
        Session::start_program("sh", &all, env)
    }

    pub fn start_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let size = PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = pty.openpty(size).expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("NO_COLOR", "1");
        // The tests' large models are not to fill the cache of whoever runs them.
        command.env("CLAIMSCOPE_NO_CACHE", "1");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("spawn");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let (send, output) = channel();
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || send.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            screen: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            bytes: Vec::new(),
            _master: pair.master,
        }
    }

    pub fn pump(&mut self, wait: Duration) {
        if let Ok(chunk) = self.output.recv_timeout(wait) {
            self.screen.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
        }
    }

    /// Waits until the screen shows `text`, or fails with what it shows.
    pub fn expect(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen.screen().contents().contains(text) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!(
            "the screen never showed {text:?}; it shows:\n{}",
            self.screen.screen().contents()
        );
    }

    /// The text of columns `from..` of every row, box lines and gutters removed and
    /// whitespace squeezed: wrapped sentences in a right-hand pane read as one line.
    pub fn right_text(&self, from: u16) -> String {
        let screen = self.screen.screen();
        let mut text = String::new();
        for row in 0..ROWS {
            for col in from..COLS {
                let cell = screen
                    .cell(row, col)
                    .map(|c| c.contents().to_string())
                    .unwrap_or_default();
                let cell = if "│┃║─━┌┐└┘┏┓┗┛".contains(cell.as_str()) && !cell.is_empty()
                {
                    " ".to_string()
                } else {
                    cell
                };
                text.push_str(if cell.is_empty() { " " } else { &cell });
            }
            text.push(' ');
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Waits until the right-hand panes show `text`, however it is wrapped.
    pub fn expect_right(&mut self, from: u16, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.right_text(from).contains(text) {
                return;
            }
            self.pump(Duration::from_millis(50));
        }
        panic!(
            "the panes never showed {text:?}; they show:\n{}",
            self.screen.screen().contents()
        );
    }

    /// The terminal's line settings, as `stty -a` prints them.
    pub fn stty(&self) -> String {
        let tty = self._master.tty_name().expect("the pty's name");
        let out = std::process::Command::new("stty")
            .arg("-F")
            .arg(&tty)
            .arg("-a")
            .output()
            .expect("stty runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("a pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("type");
        self.writer.flush().expect("flush");
    }

    /// Waits for the process to end, collecting what it writes on the way out. The status
    /// is the system's own, with the number of the signal that ended the process, if one
    /// did (the pty library keeps only its description, in the reader's language).
    pub fn finish(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let child: &mut dyn Child = self.child.as_mut();
            let child = child
                .downcast_mut::<std::process::Child>()
                .expect("a child process of this system");
            if let Some(status) = child.try_wait().expect("wait") {
                // Drain what is left.
                while let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.bytes.extend_from_slice(&chunk);
                }
                return status;
            }
            assert!(Instant::now() < deadline, "the explorer did not exit");
            self.pump(Duration::from_millis(50));
        }
    }
}

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

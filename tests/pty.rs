//! The real binary in a pseudo-terminal: what a reader sees, what a reader types, and the
//! terminal handed back afterwards.

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::ExitStatus;
use std::thread;
use std::time::{Duration, Instant};

use claimscope::tui::Pane;

mod common;

use common::pty::{COLS, ROWS, Session, contains};

#[test]
fn a_search_shows_the_source_sentence_and_q_quits_cleanly() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    session.send("/kayani");
    session.expect("Ashfaq Parvez Kayani");
    session.send("\r");
    session.expect("Source · paragraph 1 · sentence s04");
    let sentence = "Gen Ashfaq Parvez Kayani, Pakistan's army chief of staff, visited Moscow this month, \
                    in a renewed attempt to improve his country's relations with Russia.";
    // Where the Source pane's column starts, by the explorer's own layout at this size.
    let model = claimscope::model::Model::bundled().expect("bundled");
    let mut app = claimscope::tui::App::new(
        claimscope::model::Index::new(model),
        claimscope::tui::Theme::new(false),
    );
    app.update(claimscope::tui::Action::Resize(COLS, ROWS));
    let source = app.screen().pane(Pane::Source).expect("source pane");
    session.expect_right(source.x, sentence);
    session.send("q");
    let status = session.finish();
    assert!(status.success(), "exit status {status:?}");
    // The terminal is handed back: alternate screen left, cursor shown, mouse and
    // bracketed paste off.
    for (sequence, what) in [
        (&b"\x1b[?1049l"[..], "leave the alternate screen"),
        (b"\x1b[?25h", "show the cursor"),
        (b"\x1b[?1000l", "stop mouse capture"),
        (b"\x1b[?2004l", "stop bracketed paste"),
    ] {
        assert!(contains(&session.bytes, sequence), "did not {what}");
    }
}

#[test]
fn reading_mode_shows_the_whole_article() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    session.send("r");
    session.expect("Reading");
    session.expect("Powered by automated translation");
    session.send("G");
    session.expect("Harsh V Pant is a reader in international studies");
    session.send("\x1b");
    session.expect("3 Arguments");
    session.send("\x03"); // Ctrl-C
    assert!(session.finish().success());
}

/// Whether the bytes turn off, after the last time they turned on, every mode the
/// explorer sets: alternate screen, mouse capture, bracketed paste, hidden cursor.
fn assert_restored(bytes: &[u8], what: &str) {
    let last = |needle: &[u8]| bytes.windows(needle.len()).rposition(|w| w == needle);
    for (on, off, mode) in [
        (
            &b"\x1b[?1049h"[..],
            &b"\x1b[?1049l"[..],
            "the alternate screen",
        ),
        (b"\x1b[?1000h", b"\x1b[?1000l", "mouse capture"),
        (b"\x1b[?2004h", b"\x1b[?2004l", "bracketed paste"),
        (b"\x1b[?25l", b"\x1b[?25h", "the hidden cursor"),
    ] {
        let turned_on = last(on).unwrap_or_else(|| panic!("{what}: {mode} was never turned on"));
        let turned_off = last(off).unwrap_or_else(|| panic!("{what}: {mode} was never turned off"));
        assert!(turned_off > turned_on, "{what}: {mode} is left on");
    }
}

fn is_raw(stty: &str) -> bool {
    stty.split_whitespace().any(|flag| flag == "-icanon")
}

/// How a process ended, as its parent sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// It exited with this code.
    Code(i32),
    /// This signal ended it (a shell reports 128 plus its number).
    Signal(i32),
}

impl End {
    fn of(status: ExitStatus) -> Option<End> {
        match (status.code(), status.signal()) {
            (Some(code), _) => Some(End::Code(code)),
            (None, Some(signal)) => Some(End::Signal(signal)),
            (None, None) => None,
        }
    }
}

/// Starts the explorer, checks the terminal is raw, ends it with `end`, and checks how
/// the process ended and that everything was handed back. Without core dumps: some
/// signals' default action writes one.
fn ending(what: &str, env: &[(&str, &str)], end: impl FnOnce(&mut Session), expected: End) {
    let mut session = Session::start_under("ulimit -c 0", &[], env);
    session.expect("Changes in region push Pakistan and Russia together");
    if env.is_empty() {
        assert!(
            is_raw(&session.stty()),
            "{what}: the explorer should run in raw mode"
        );
    }
    end(&mut session);
    let status = session.finish();
    assert_eq!(End::of(status), Some(expected), "{what}: {status:?}");
    assert_restored(&session.bytes, what);
    assert!(!is_raw(&session.stty()), "{what}: raw mode was left on");
}

#[test]
fn the_terminal_comes_back_after_q_and_ctrl_c() {
    ending("q", &[], |s| s.send("q"), End::Code(0));
    ending("Ctrl-C", &[], |s| s.send("\x03"), End::Code(0));
}

/// After handing the terminal back, the explorer dies by the signal that ended it, so
/// that a shell sees that signal (and a script run by one stops on SIGINT, as it should).
#[test]
fn the_terminal_comes_back_after_sigterm_sighup_and_sigint_and_they_end_the_process() {
    ending(
        "SIGTERM",
        &[],
        |s| s.signal("TERM"),
        End::Signal(libc::SIGTERM),
    );
    ending(
        "SIGHUP",
        &[],
        |s| s.signal("HUP"),
        End::Signal(libc::SIGHUP),
    );
    ending(
        "SIGINT",
        &[],
        |s| s.signal("INT"),
        End::Signal(libc::SIGINT),
    );
}

/// Every other signal whose default would end the process and leave the terminal raw.
#[cfg(target_os = "linux")]
#[test]
fn the_terminal_comes_back_after_every_other_terminating_signal() {
    for (name, number) in [
        ("QUIT", libc::SIGQUIT),
        ("USR1", libc::SIGUSR1),
        ("USR2", libc::SIGUSR2),
        ("ALRM", libc::SIGALRM),
        ("XCPU", libc::SIGXCPU),
        ("XFSZ", libc::SIGXFSZ),
        ("VTALRM", libc::SIGVTALRM),
        ("PROF", libc::SIGPROF),
        ("IO", libc::SIGIO),
        ("PWR", libc::SIGPWR),
    ] {
        let what = format!("SIG{name}");
        ending(&what, &[], |s| s.signal(name), End::Signal(number));
    }
}

/// The process's state letter from /proc: `T` when it is stopped.
#[cfg(target_os = "linux")]
fn process_state(session: &Session) -> char {
    let pid = session.child.process_id().expect("a pid");
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process's stat");
    // The state follows the command's name, which is in parentheses.
    let after = stat.rsplit_once(") ").expect("a stat line").1;
    after.chars().next().expect("a state")
}

/// Continues a stopped explorer, as a shell's `fg` does, and waits until it has taken the
/// screen again (after byte `from`) and drawn it.
fn continue_and_retake(session: &mut Session, from: usize) {
    session.signal("CONT");
    wait_for(session, from, b"\x1b[?1049h", "taking the screen again");
    session.expect("3 Arguments");
    took_the_screen_once(session, from);
}

/// Checks, once the explorer has had time to answer anything else, that it took the
/// screen again once after byte `from`: the continue after a stop of its own asks for
/// nothing more, so the screen is not cleared and drawn a second time.
fn took_the_screen_once(session: &mut Session, from: usize) {
    let settle = Instant::now() + Duration::from_millis(300);
    while Instant::now() < settle {
        session.pump(Duration::from_millis(20));
    }
    let entered = session.bytes[from..]
        .windows(8)
        .filter(|w| w == b"\x1b[?1049h")
        .count();
    assert_eq!(
        entered, 1,
        "took the screen {entered} times after the continue"
    );
}

/// Waits until the process is stopped (or fails after a while).
#[cfg(target_os = "linux")]
fn wait_until_stopped(session: &mut Session) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while process_state(session) != 'T' {
        assert!(Instant::now() < deadline, "the explorer never stopped");
        session.pump(Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_from_outside_suspends_and_the_continue_takes_the_terminal_again_raw() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    let before = session.bytes.len();
    session.signal("TSTP");
    let left = wait_for(&mut session, before, b"\x1b[?1049l", "leaving the screen");
    wait_until_stopped(&mut session);
    assert!(
        !is_raw(&session.stty()),
        "the terminal is cooked while stopped"
    );
    assert_restored(&session.bytes, "while stopped");
    continue_and_retake(&mut session, left);
    assert!(is_raw(&session.stty()), "raw mode again after fg");
    // A lone q ends it: keys are not waiting for a line.
    session.send("q");
    assert!(session.finish().success());
    assert_restored(&session.bytes, "after SIGTSTP and SIGCONT");
}

#[cfg(target_os = "linux")]
#[test]
fn after_a_stop_it_cannot_catch_the_explorer_takes_raw_mode_again_on_continue() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    session.signal("STOP");
    wait_until_stopped(&mut session);
    // What a shell does to the terminal while its job is stopped.
    let tty = session._master.tty_name().expect("the pty's name");
    let sane = std::process::Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .arg("sane")
        .status()
        .expect("stty runs");
    assert!(sane.success());
    assert!(!is_raw(&session.stty()), "stty made the terminal cooked");
    let before = session.bytes.len();
    session.signal("CONT");
    wait_for(
        &mut session,
        before,
        b"\x1b[?1049h",
        "taking the screen again",
    );
    took_the_screen_once(&mut session, before);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !is_raw(&session.stty()) {
        assert!(Instant::now() < deadline, "raw mode never came back");
        session.pump(Duration::from_millis(20));
    }
    session.expect("3 Arguments");
    session.send("q");
    assert!(session.finish().success());
    assert_restored(&session.bytes, "after SIGSTOP and SIGCONT");
}

/// The context switches of each thread of process `pid` so far, by thread. A thread that
/// wakes (on a timer, or to look at a flag) adds to them; one blocked until something
/// happens does not.
#[cfg(target_os = "linux")]
fn context_switches(pid: u32) -> std::collections::HashMap<String, u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process's threads");
    let mut switches = std::collections::HashMap::new();
    for task in tasks.flatten() {
        // A thread that ended since the folder was listed has no status left to read.
        let Ok(status) = std::fs::read_to_string(task.path().join("status")) else {
            continue;
        };
        let count: u64 = status
            .lines()
            .filter(|line| line.contains("ctxt_switches:"))
            .filter_map(|line| line.split_whitespace().nth(1)?.parse::<u64>().ok())
            .sum();
        switches.insert(task.file_name().to_string_lossy().into_owned(), count);
    }
    switches
}

#[cfg(target_os = "linux")]
#[test]
fn the_explorer_sleeps_while_nothing_happens() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    // Until the first screen's last bytes are out.
    while session
        .output
        .recv_timeout(Duration::from_millis(300))
        .is_ok()
    {}
    let pid = session.child.process_id().expect("a pid");
    let before = context_switches(pid);
    thread::sleep(Duration::from_secs(1));
    let after = context_switches(pid);
    // Every thread's wakes in the second, a thread started meanwhile counting whole. A loop
    // that looked for signals every 100 ms woke ten times.
    let wakes: u64 = after
        .iter()
        .map(|(thread, n)| n.saturating_sub(before.get(thread).copied().unwrap_or(0)))
        .sum();
    assert!(
        wakes <= 1,
        "the explorer woke {wakes} times in an idle second ({before:?} then {after:?})"
    );
    session.send("q");
    assert!(session.finish().success());
}

/// Whether process `pid` has ended (its entry gone, or left for its parent to collect).
#[cfg(target_os = "linux")]
fn has_ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, after)| after.starts_with('Z') || after.starts_with('X')),
    }
}

/// A terminal that goes away without a SIGHUP for the explorer (it is not the process
/// the system tells: here it runs in a session of its own, as under `setsid`) still ends
/// it, at once, though nothing in it wakes to look.
#[cfg(target_os = "linux")]
#[test]
fn the_explorer_ends_when_its_terminal_goes_away_without_a_sighup() {
    if std::process::Command::new("setsid")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no setsid(1) to run the explorer in a session of its own");
        return;
    }
    // Standard input for a job started with `&` is /dev/null unless redirected: the
    // terminal is handed on through descriptor 3.
    let script = "exec 3<&0; setsid \"$0\" \"$@\" <&3 3<&- & echo \"explorer $!\"; wait";
    let bin = env!("CARGO_BIN_EXE_claimscope");
    let mut session = Session::start_program("sh", &["-c", script, bin], &[]);
    session.expect("3 Arguments");
    let text = session.screen.screen().contents();
    let pid: u32 = String::from_utf8_lossy(&session.bytes)
        .split("explorer ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("the explorer's process number, in:\n{text}"));
    // The terminal goes when the last descriptor of its other end closes. The reader's is
    // the last: it ends at the next thing drawn, with no one left to take what it read.
    let Session {
        output,
        writer,
        _master,
        ..
    } = session;
    drop(output);
    let mut writer = writer;
    writer.write_all(b"j").expect("type");
    drop(writer);
    drop(_master);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !has_ended(pid) {
        if Instant::now() > deadline {
            // Not left behind spinning on the hung-up terminal: it is no child of ours.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("the explorer ({pid}) was still running with its terminal gone");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_terminal_comes_back_after_a_panic_and_an_error() {
    ending(
        "panic",
        &[("CLAIMSCOPE_FAULT", "panic")],
        |_| {},
        End::Code(101),
    );
    ending(
        "error",
        &[("CLAIMSCOPE_FAULT", "error")],
        |_| {},
        End::Code(2),
    );
}

#[test]
fn the_terminal_comes_back_after_an_allocation_fails() {
    // A failed allocation aborts the process: no destructor or hook runs, only the
    // SIGABRT handler.
    let fault = [("CLAIMSCOPE_FAULT", "alloc")];
    let mut session = Session::start_under("ulimit -c 0", &[], &fault);
    let status = session.finish();
    assert_eq!(
        End::of(status),
        Some(End::Signal(libc::SIGABRT)),
        "{status:?}"
    );
    assert_restored(&session.bytes, "an allocation failure");
    assert!(!is_raw(&session.stty()), "raw mode was left on");
    // The reason is said again after the alternate screen is left, where it can be read.
    let left = session
        .bytes
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(
        contains(
            &session.bytes[left..],
            b"claimscope: aborted (out of memory"
        ),
        "{}",
        String::from_utf8_lossy(&session.bytes)
    );
}

#[test]
fn a_failed_search_thread_ends_the_explorer_with_a_message_not_a_hang() {
    let fault = [("CLAIMSCOPE_FAULT", "search-panic")];
    let mut session = Session::start_with(&[], &fault);
    session.expect("Changes in region push Pakistan and Russia together");
    session.send("/k");
    let status = session.finish();
    assert_eq!(End::of(status), Some(End::Code(2)), "{status:?}");
    assert_restored(&session.bytes, "a search-thread panic");
    let text = String::from_utf8_lossy(&session.bytes);
    assert!(
        text.contains(
            "claimscope: the explorer stopped: the search thread failed: a search-thread panic asked for by CLAIMSCOPE_FAULT (at src"
        ),
        "{text}"
    );
}

#[test]
fn no_color_reaches_the_terminal_under_no_color() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    session.send("2jj/moscow");
    session.expect("Moscow (Russia)");
    session.send("\x1b\x1bq");
    assert!(session.finish().success());
    let text = String::from_utf8_lossy(&session.bytes);
    for sgr in text
        .split("\x1b[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(p, _)| p))
    {
        if sgr.chars().all(|c| c.is_ascii_digit() || c == ';') {
            for p in sgr.split(';') {
                let colour = matches!(
                    p.parse::<u16>(),
                    Ok(30..=49 | 58 | 59 | 90..=97 | 100..=107)
                );
                assert!(!colour, "a colour escape under NO_COLOR: ESC[{sgr}m");
            }
        }
    }
}

/// Decodes standard base64, for what the explorer put on the clipboard.
fn unbase64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> = text
        .bytes()
        .filter(|b| *b != b'=')
        .map(|b| {
            ALPHABET
                .iter()
                .position(|a| *a == b)
                .expect("a base64 letter") as u32
        })
        .collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, v)| n | (v << (18 - 6 * i)));
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}

/// Waits until the explorer has written `needle` after byte `from`; returns where.
fn wait_for(session: &mut Session, from: usize, needle: &[u8], what: &str) -> usize {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(at) = session.bytes[from..]
            .windows(needle.len())
            .position(|w| w == needle)
        {
            return from + at;
        }
        assert!(Instant::now() < deadline, "never wrote {what}");
        session.pump(Duration::from_millis(50));
    }
}

#[test]
fn y_puts_the_quote_and_its_citation_on_the_clipboard_through_osc_52() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    let before = session.bytes.len();
    session.send("y");
    let start = wait_for(&mut session, before, b"\x1b]52;c;", "OSC 52") + 7;
    let end = wait_for(&mut session, start, b"\x1b\\", "the end of OSC 52");
    let text = String::from_utf8(unbase64(
        std::str::from_utf8(&session.bytes[start..end]).expect("ascii"),
    ))
    .expect("utf-8");
    let model = claimscope::model::Model::bundled().expect("bundled");
    let c01a = model.claims.iter().find(|c| c.id == "c01a").expect("c01a");
    assert!(text.contains(&format!("“{}”", c01a.quote)), "{text}");
    assert!(text.contains("the headline, sentence s01"), "{text}");
    session.expect("Sent the quote of c01a");
    session.send("q");
    assert!(session.finish().success());
}

#[test]
fn ctrl_z_hands_the_terminal_back_and_the_explorer_redraws_when_continued() {
    let mut session = Session::start(&[]);
    session.expect("3 Arguments");
    let before = session.bytes.len();
    session.send("\x1a");
    let left = wait_for(&mut session, before, b"\x1b[?1049l", "leaving the screen");
    // It stops (a continue sent before that would be lost, and it would stay stopped).
    #[cfg(target_os = "linux")]
    wait_until_stopped(&mut session);
    // A shell's fg sends SIGCONT.
    continue_and_retake(&mut session, left);
    assert!(is_raw(&session.stty()), "raw mode again after the suspend");
    session.send("q");
    assert!(session.finish().success());
    assert_restored(&session.bytes, "after a suspend");
}

#[test]
fn source_addresses_are_links_only_where_the_terminal_takes_them() {
    for (setting, links) in [("1", true), ("0", false)] {
        let mut session = Session::start_with(&[], &[("CLAIMSCOPE_HYPERLINKS", setting)]);
        session.expect("3 Arguments");
        // A claim with a review, then the end of its Source pane, where the sources are.
        session.send("/c07a");
        session.expect("claim    c07a");
        session.send("\r6G");
        session.expect("The record, not the article:");
        if links {
            wait_for(&mut session, 0, b"\x1b]8;;https://", "an OSC 8 link");
        } else {
            // Take everything the frame wrote before looking for what should not be there.
            let deadline = Instant::now() + Duration::from_millis(500);
            while Instant::now() < deadline {
                session.pump(Duration::from_millis(50));
            }
            assert!(
                !contains(&session.bytes, b"\x1b]8;"),
                "CLAIMSCOPE_HYPERLINKS={setting} wrote a link"
            );
        }
        session.send("q");
        assert!(session.finish().success());
    }
}

#[test]
fn a_configuration_rebinds_keys_and_the_key_bar_and_help_follow() {
    let dir = std::env::temp_dir().join(format!("claimscope-pty-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let path = dir.join("config.toml");
    std::fs::write(&path, "[keys]\nsearch = \"s\"\nquit = \"x\"\n").expect("write");
    let mut session = Session::start(&["--config", path.to_str().expect("utf-8")]);
    session.expect("3 Arguments");
    session.expect("s search");
    session.expect("x quit");
    session.send("?");
    session.expect("Help · lines");
    // A pause after Esc, or the terminal reads Esc and the next key as Alt and the key.
    session.send("\x1b");
    thread::sleep(Duration::from_millis(300));
    session.send("s");
    session.expect("╔ Search");
    session.send("\x1b");
    thread::sleep(Duration::from_millis(300));
    session.send("q"); // no longer quits
    thread::sleep(Duration::from_millis(300));
    session.send("x");
    let status = session.finish();
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_large_model_shows_how_far_loading_has_gone_then_the_explorer() {
    let dir = std::env::temp_dir().join(format!("claimscope-pty-large-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let path = dir.join("large.toml");
    let text = claimscope::corpus::generate(20_000);
    std::fs::write(&path, &text).expect("write");
    let mut session = Session::start(&["--data", path.to_str().expect("utf-8")]);
    let line = wait_for(
        &mut session,
        0,
        b"claimscope: parsing ",
        "the progress line",
    );
    let size = format!("% of {:.1} MB", text.len() as f64 / 1e6);
    wait_for(
        &mut session,
        line,
        size.as_bytes(),
        "the share parsed and the size",
    );
    // The explorer follows, on a screen the line no longer shows on.
    session.expect("3 Arguments (1000)");
    assert!(
        !session
            .screen
            .screen()
            .contents()
            .contains("claimscope: parsing"),
        "{}",
        session.screen.screen().contents()
    );
    session.send("q");
    assert!(session.finish().success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// The longest sentence a model may hold (16 KiB; a 30 MB one, which once took moving
/// between its claims past 700 MB, is now refused as the file loads) in view, under a
/// limit of 600 MiB of address space: laid out a screenful at a time, the keys are
/// answered.
#[test]
fn keys_beside_the_longest_sentence_fit_in_a_memory_limit() {
    let words = "Gen Ashfaq Parvez Kayani, Pakistan's army chief of staff, visited Moscow this month, in a renewed attempt to improve his country's relations with Russia.";
    let filler = "And then the talks went on for another round. ".repeat(170);
    let text = claimscope::model::BUNDLED_MODEL.replacen(
        &format!("text = \"{words}\""),
        &format!("text = \"{filler}{words}{}\"", filler.trim_end()),
        1,
    );
    let longest = 2 * filler.len() + words.len();
    assert!(
        longest <= claimscope::model::MAX_TEXT_BYTES && longest > 15_000,
        "{longest} bytes"
    );
    let dir = std::env::temp_dir().join(format!("claimscope-pty-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("huge.toml");
    std::fs::write(&path, &text).expect("write");
    let path_arg = path.to_str().expect("utf-8 path");
    let mut session = Session::start_limited(&["--data", path_arg], 600 * 1024);
    session.expect("3 Arguments");
    session.send("/kayani");
    session.expect("Ashfaq Parvez Kayani");
    session.send("\r");
    session.expect("sentence s04");
    session.send("5"); // The Claims pane: j and k move between the sentence's claims.
    for _ in 0..3 {
        session.send("j");
        session.send("k");
    }
    session.expect("sentence s04");
    session.send("r"); // Reading mode, with the sentence in it.
    session.expect("Reading");
    session.send("q");
    let status = session.finish();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(status.success(), "exit status {status:?}");
}

/// Waits until the explorer has written `sequence`.
fn wait_for_bytes(session: &mut Session, sequence: &[u8]) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !contains(&session.bytes, sequence) {
        assert!(Instant::now() < deadline, "never wrote {sequence:?}");
        session.pump(Duration::from_millis(20));
    }
}

#[test]
fn in_colour_the_explorer_asks_the_terminal_its_background_and_draws_for_it() {
    // What a terminal with black text on white answers to the colour queries, then to the
    // device-attributes query that follows them; and what one that knows only the last
    // one answers.
    let white = "\x1b]10;rgb:0000/0000/0000\x1b\\\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22c";
    let unknowing = "\x1b[?62;22c";
    // Cyan, the accent of the dark background's palette, and the darker shade a light
    // one gets (256-colour number 30).
    let (dark_accent, light_accent) = (&b"38;5;6;"[..], &b"38;5;30;"[..]);
    for (answer, light) in [(white, true), (unknowing, false)] {
        let mut session = Session::start_with(&[], &[("NO_COLOR", ""), ("COLORFGBG", "")]);
        wait_for_bytes(&mut session, b"\x1b]11;?");
        session.send(answer);
        session.expect("3 Arguments");
        let drawn = &session.bytes;
        assert_eq!(contains(drawn, light_accent), light, "light: {light}");
        assert_eq!(contains(drawn, dark_accent), !light, "light: {light}");
        session.send("q");
        assert!(session.finish().success());
    }
    // Told by the environment, it does not ask.
    let mut session = Session::start_with(&[], &[("NO_COLOR", ""), ("COLORFGBG", "0;15")]);
    session.expect("3 Arguments");
    assert!(
        !contains(&session.bytes, b"\x1b]11;?"),
        "asked all the same"
    );
    assert!(contains(&session.bytes, light_accent));
    session.send("q");
    assert!(session.finish().success());
}

#[test]
fn with_watch_a_save_is_shown_at_once_and_a_broken_one_keeps_the_last_model() {
    let dir = std::env::temp_dir().join(format!("claimscope-pty-watch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let path = dir.join("model.toml");
    let model = claimscope::model::BUNDLED_MODEL;
    std::fs::write(&path, model).expect("write");
    let data = path.to_str().expect("utf-8 path");
    let mut session = Session::start(&["--data", data, "--watch"]);
    session.expect("3 Arguments");
    // A claim sent to a sentence that is not there: a draft with two problems.
    std::fs::write(
        &path,
        model.replacen("sentence = \"s06\"", "sentence = \"s-none\"", 1),
    )
    .expect("save");
    session.expect("Draft: 2 problems (!)");
    session.expect("again: 2 problems");
    // A save that is not TOML: the model stays, and the reader is told.
    std::fs::write(&path, format!("{model}\nthis is = = not toml\n")).expect("save");
    session.expect("was not read again");
    session.expect("3 Arguments");
    // Mended: read again, and it breaks no rule.
    std::fs::write(&path, model).expect("save");
    session.expect("it breaks no rule");
    session.send("q");
    assert!(session.finish().success());
    let _ = std::fs::remove_dir_all(&dir);
}

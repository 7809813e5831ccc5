//! The bash completion script as a user meets it: loaded in an interactive bash in a
//! pseudo-terminal, with Tab typed and the line read back from the screen.

mod common;

use std::time::{Duration, Instant};

use common::pty::Session;

/// An interactive bash with the completion script loaded, in a folder holding `files`,
/// its prompt `$ `.
fn bash_with_completion(files: &[&str]) -> (Session, common::Scratch) {
    let dir = common::Scratch::new("completion-pty");
    for file in files {
        std::fs::write(dir.0.join(file), "").expect("a file to complete");
    }
    let script = common::stdout(&common::claimscope(&["completions", "bash"]));
    let path = dir.0.join("claimscope.bash");
    std::fs::write(&path, script).expect("write the script");
    let mut session = Session::start_program(
        "bash",
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "$ "), ("INPUTRC", "/dev/null")],
    );
    // The files are named relative to the folder, as a user types them.
    session.send(&format!(
        "PS1='$ '; source '{}'; cd '{}'; clear\r",
        path.display(),
        dir.0.display()
    ));
    session.expect("$ ");
    (session, dir)
}

/// The screen's last line that starts with the prompt, once it holds `wanted`, or as it
/// is after a few seconds.
fn line_after(session: &mut Session, wanted: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let screen = session.screen.screen().contents();
        let line = screen
            .lines()
            .rfind(|l| l.starts_with("$ "))
            .unwrap_or_default()
            .trim_end()
            .to_string();
        if line.contains(wanted) || Instant::now() > deadline {
            return line;
        }
        session.pump(Duration::from_millis(50));
    }
}

fn have_bash() -> bool {
    let found = std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: bash is not installed, so its completion cannot be tried");
    }
    found
}

#[test]
fn a_file_name_with_a_space_completes_quoted_and_a_star_stays_a_star() {
    if !have_bash() {
        return;
    }
    let (mut session, _dir) = bash_with_completion(&["my model.toml", "a*b.toml", "ab.toml"]);
    session.send("claimscope --data my\t");
    assert_eq!(
        line_after(&mut session, "model.toml"),
        "$ claimscope --data my\\ model.toml",
        "a name with a space is one word, its space escaped"
    );
    // Clear the line, then a name holding a star, typed escaped as bash wants it.
    session.send("\x15claimscope --data a\\*\t");
    assert_eq!(
        line_after(&mut session, "b.toml"),
        "$ claimscope --data a\\*b.toml",
        "a star in a name is completed as itself, not expanded"
    );
    // And the colon in a filter still completes whole, next to a file name.
    session.send("\x15claimscope --data my\\ model.toml search kind:fo\t");
    assert_eq!(
        line_after(&mut session, "forecast"),
        "$ claimscope --data my\\ model.toml search kind:forecast",
    );
    session.send("\x15exit\r");
    session.finish();
}

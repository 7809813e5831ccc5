//! Hostile but valid text, drawn by the explorer through crossterm into a byte buffer:
//! only the escape sequences claimscope itself emits may come out, whatever the model
//! holds. Zero-width joiners, tag characters, thousands of combining marks on one letter,
//! very wide and very long strings, right-to-left script.

use std::io::Write;
use std::sync::{Arc, Mutex};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use claimscope::model::{Index, Model, validate};
use claimscope::tui::output::Output;
use claimscope::tui::{Action, App, Theme, view};

/// Strings that a model may hold (no control or bidirectional characters) but that could
/// upset a terminal or a layout.
fn hostile() -> Vec<String> {
    vec![
        "family 👨\u{200d}👩\u{200d}👧\u{200d}👦 joined".to_string(),
        format!(
            "hidden{}tags",
            ('\u{e0041}'..='\u{e005a}').collect::<String>()
        ),
        format!("a{}", "\u{0301}".repeat(5000)),
        "中文宽字符".repeat(400),
        "x".repeat(20_000),
        "مرحبا بالعالم שלום עולם".to_string(),
        "zero\u{200b}width\u{feff}spaces\u{00ad}soft".to_string(),
        "\u{fe0f}\u{20e3} keycaps 1\u{fe0f}\u{20e3}".to_string(),
    ]
}

/// The bundled model with hostile text in every free-text field a pane shows.
fn hostile_model() -> Model {
    let mut model = Model::bundled().expect("bundled model");
    let strings = hostile();
    let pick = |i: usize| strings[i % strings.len()].clone();
    for (i, actor) in model.actors.iter_mut().enumerate() {
        actor.name = pick(i);
        actor.summary = pick(i + 1);
        actor.role = Some(pick(i + 2));
    }
    for (i, claim) in model.claims.iter_mut().enumerate() {
        claim.text = pick(i);
        claim.note = Some(pick(i + 3));
    }
    for (i, event) in model.events.iter_mut().enumerate() {
        event.title = pick(i);
        event.date_note = Some(pick(i + 1));
    }
    for (i, node) in model.arguments.iter_mut().enumerate() {
        node.title = pick(i);
    }
    for (i, relation) in model.relations.iter_mut().enumerate() {
        relation.summary = pick(i);
    }
    model.article.title = pick(0);
    model.article.author = pick(1);
    // Names must stay distinct, and within the length a name may have, for the model to
    // be valid: a long text goes to the summary instead.
    for (i, actor) in model.actors.iter_mut().enumerate() {
        let mut end = claimscope::model::MAX_NAME_BYTES - 8;
        while !actor.name.is_char_boundary(end.min(actor.name.len())) {
            end -= 1;
        }
        actor.name = format!("{i} {}", &actor.name[..end.min(actor.name.len())]);
    }
    let problems = validate(&model);
    assert!(
        problems.is_empty(),
        "the hostile model must be valid: {problems:?}"
    );
    model
}

/// A byte buffer the test keeps a handle on while the terminal writes into it.
#[derive(Clone, Default)]
struct Bytes(Arc<Mutex<Vec<u8>>>);

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every frame's bytes for a series of actions at one size.
fn draw_bytes(color: bool, width: u16, height: u16, actions: &[Action]) -> Vec<u8> {
    let mut app = App::new(Index::new(hostile_model()), Theme::new(color));
    app.update(Action::Resize(width, height));
    let bytes = Bytes::default();
    let backend = CrosstermBackend::new(Output::new(bytes.clone(), !color));
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let mut terminal = Terminal::with_options(backend, options).expect("terminal");
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    for action in actions {
        app.update(action.clone());
        terminal.draw(|f| view::render(&app, f)).expect("draw");
    }
    drop(terminal);
    bytes.0.lock().expect("bytes").clone()
}

/// What the bytes hold: each escape sequence (as text), and the printed characters.
fn split(bytes: &[u8]) -> (Vec<String>, String) {
    let text = String::from_utf8(bytes.to_vec()).expect("the output is UTF-8");
    let mut sequences = Vec::new();
    let mut printed = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            printed.push(c);
            continue;
        }
        let mut sequence = String::from("\u{1b}");
        if let Some(&next) = chars.peek() {
            sequence.push(next);
            chars.next();
            if next == '[' {
                for c in chars.by_ref() {
                    sequence.push(c);
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
        }
        sequences.push(sequence);
    }
    (sequences, printed)
}

/// The sequences claimscope's drawing emits: cursor moves, SGR, cursor show/hide, clear.
fn is_ours(sequence: &str) -> bool {
    let Some(body) = sequence.strip_prefix("\u{1b}[") else {
        return false;
    };
    let Some(last) = body.chars().last() else {
        return false;
    };
    let params = &body[..body.len() - last.len_utf8()];
    let numeric = params.chars().all(|c| c.is_ascii_digit() || c == ';');
    match last {
        'H' | 'm' | 'J' | 'K' => numeric,
        'h' | 'l' => params == "?25",
        _ => false,
    }
}

fn assert_clean(bytes: &[u8], what: &str) {
    let (sequences, printed) = split(bytes);
    for sequence in &sequences {
        assert!(
            is_ours(sequence),
            "{what}: a sequence claimscope does not emit: {sequence:?}"
        );
    }
    for c in printed.chars() {
        let control = c.is_control();
        let bidi = matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(
            !control && !bidi,
            "{what}: U+{:04X} reached the terminal",
            u32::from(c)
        );
    }
    // No cell carries thousands of combining marks.
    let longest_run = printed
        .chars()
        .fold((0usize, 0usize), |(run, best), c| {
            let mark = ('\u{300}'..='\u{36f}').contains(&c);
            let run = if mark { run + 1 } else { 0 };
            (run, best.max(run))
        })
        .1;
    assert!(
        longest_run <= 8,
        "{what}: {longest_run} combining marks in a row"
    );
}

fn walk() -> Vec<Action> {
    let mut actions = vec![Action::Focus(claimscope::tui::Pane::Actors)];
    actions.extend(std::iter::repeat_n(Action::Down, 6));
    actions.extend([
        Action::Focus(claimscope::tui::Pane::Timeline),
        Action::Down,
        Action::Enter,
        Action::Down,
    ]);
    actions.extend([Action::Focus(claimscope::tui::Pane::Source), Action::Down]);
    actions.push(Action::OpenSearch);
    actions.extend("a\u{0301}\u{0301}中 x".chars().map(Action::Type));
    actions.push(Action::Paste("👨\u{200d}👩 \u{e0041}".to_string()));
    actions.extend([
        Action::Escape,
        Action::ToggleReading,
        Action::NextClaim,
        Action::NextClaim,
        Action::Escape,
    ]);
    actions.extend([Action::OpenHelp, Action::PageDown, Action::Escape]);
    actions
}

#[test]
fn hostile_text_never_turns_into_terminal_commands() {
    for (width, height) in [(120, 40), (80, 24), (200, 60), (30, 8)] {
        for color in [true, false] {
            let bytes = draw_bytes(color, width, height, &walk());
            assert!(!bytes.is_empty());
            assert_clean(&bytes, &format!("{width}x{height} color={color}"));
        }
    }
}

#[test]
fn no_color_means_no_colour_escape_in_the_bytes() {
    let bytes = draw_bytes(false, 120, 40, &walk());
    let (sequences, _) = split(&bytes);
    let colour = |s: &&String| {
        let Some(params) = s.strip_prefix("\u{1b}[").and_then(|b| b.strip_suffix('m')) else {
            return false;
        };
        params.split(';').any(|p| {
            matches!(
                p.parse::<u16>(),
                Ok(30..=49 | 58 | 59 | 90..=97 | 100..=107)
            )
        })
    };
    let coloured: Vec<&String> = sequences.iter().filter(colour).collect();
    assert!(
        coloured.is_empty(),
        "colour escapes under NO_COLOR: {coloured:?}"
    );
    // The selection still shows, through reverse video.
    assert!(
        sequences.iter().any(|s| s == "\u{1b}[7m"),
        "no reverse video at all"
    );
    // With colour on, there is colour: the check above can fail.
    let (coloured_on, _) = split(&draw_bytes(true, 120, 40, &walk()));
    assert!(coloured_on.iter().any(|s| colour(&s)));
}

#[test]
fn a_cell_keeps_only_what_every_terminal_draws_in_its_width() {
    use claimscope::tui::view::drawable;
    // A watch made "text style" is measured one column and drawn in two: a stand-in.
    assert_eq!(drawable("⌚\u{fe0e}"), "?");
    // A skin tone is a second wide character to a terminal that does not join them.
    assert_eq!(drawable("👍🏽"), "👍");
    // A ZWJ sequence shows its first person, whole, rather than a shorter family.
    assert_eq!(drawable("👨\u{200d}👩\u{200d}👧\u{200d}👦"), "👨");
    // A heart made emoji style is measured two columns and drawn in one: a space after.
    assert_eq!(drawable("❤\u{fe0f}"), "❤ ");
    // A flag is two regional indicators of one column each: kept.
    assert_eq!(drawable("🇬🇧"), "🇬🇧");
    // Combining marks stay, four at most.
    assert_eq!(drawable("e\u{301}"), "e\u{301}");
    let marks = format!("a{}", "\u{301}".repeat(5_000));
    assert_eq!(drawable(&marks), format!("a{}", "\u{301}".repeat(4)));
    assert_eq!(drawable("\u{9b}"), "\u{fffd}");
}

/// The columns a terminal that does not join clusters moves by for `symbol`: the sum of
/// its code points' widths.
fn columns_drawn(symbol: &str) -> usize {
    use unicode_width::UnicodeWidthChar;
    symbol.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[test]
fn every_cell_starts_where_the_terminal_will_draw_it() {
    use unicode_width::UnicodeWidthStr;
    let mut model = Model::bundled().expect("bundled model");
    // The size that showed it: event titles of 40 watches in text style ran past the
    // Timeline pane's border in tmux and overwrote the pane beside it.
    for event in &mut model.events {
        event.title = "⌚\u{fe0e}".repeat(40);
    }
    for (i, actor) in model.actors.iter_mut().enumerate() {
        actor.name =
            format!("{i} 👍🏽 👨\u{200d}👩\u{200d}👧\u{200d}👦 ❤\u{fe0f} 🇬🇧 1\u{fe0f}\u{20e3}");
    }
    for (width, height) in [(120, 40), (80, 24), (50, 16)] {
        let mut app = App::new(Index::new(model.clone()), Theme::new(false));
        app.update(Action::Resize(width, height));
        let mut terminal =
            Terminal::new(ratatui::backend::TestBackend::new(width, height)).expect("terminal");
        for action in [Action::Focus(claimscope::tui::Pane::Actors), Action::Down] {
            app.update(action);
            let frame = terminal.draw(|f| view::render(&app, f)).expect("draw");
            let buffer = frame.buffer;
            for y in 0..height {
                // Walk the row as the terminal does: each drawn cell moves it by its code
                // points' widths; the layout skips the columns a wide cell covers.
                let (mut x, mut drawn) = (0u16, 0usize);
                while x < width {
                    let symbol = buffer[(x, y)].symbol();
                    assert_eq!(
                        drawn,
                        usize::from(x),
                        "{width}x{height}, row {y}: the terminal would draw column {x} at {drawn}"
                    );
                    drawn += columns_drawn(symbol).max(1);
                    x += u16::try_from(symbol.width().max(1)).expect("narrow");
                }
            }
        }
    }
}

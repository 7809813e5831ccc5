//! Two explorers in one process, each configured its own way: each answers keys and draws
//! in the colours of its own configuration, whatever the other was given.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

use claimscope::model::{Index, Model};
use claimscope::search::Searcher;
use claimscope::tui::config::{self, Config};
use claimscope::tui::{Action, App, Theme, view};

/// An explorer on the bundled article with `config` in force, colour allowed.
fn explorer(config: Config) -> App {
    let model = Model::bundled().expect("bundled model");
    let searcher = Searcher::new(Arc::new(Index::new(model)));
    let theme = config.theme(Theme::new(true), || None);
    let mut app = App::with_config(searcher, config.keymap, theme);
    app.update(Action::Resize(120, 40));
    app
}

fn configured(text: &str) -> Config {
    config::parse(text).expect("a good configuration")
}

fn press(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn frame(app: &App) -> Buffer {
    let size = app.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).expect("terminal");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().buffer().clone()
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol())
        .collect()
}

#[test]
fn a_rebound_key_works_in_its_own_explorer_only() {
    let mut rebound = explorer(configured("[keys]\nquit = \"x\"\n"));
    let mut plain = explorer(Config::default());

    assert_eq!(rebound.action_for(&press('x')), Some(Action::Quit));
    let nothing = |key: &str| Some(Action::Unbound(key.to_string()));
    assert_eq!(
        rebound.action_for(&press('q')),
        nothing("q"),
        "q no longer quits"
    );
    assert_eq!(plain.action_for(&press('q')), Some(Action::Quit));
    assert_eq!(
        plain.action_for(&press('x')),
        nothing("x"),
        "x does nothing here"
    );

    // Each key bar and help says what its own keys do.
    let bar = |app: &App| row_text(&frame(app), app.size().height - 1);
    assert!(bar(&rebound).contains("x quit"), "{}", bar(&rebound));
    assert!(!bar(&rebound).contains("q quit"), "{}", bar(&rebound));
    assert!(bar(&plain).contains("q quit"), "{}", bar(&plain));
    // The help's first entry for quitting (the panes'), as its words.
    let quit_in_help = |app: &mut App| {
        app.update(Action::OpenHelp);
        let words = app.laid().help_lines.iter().find_map(|line| {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
            (words.last().map(String::as_str) == Some("quit")).then_some(words)
        });
        app.update(Action::Escape);
        words.map(|w| w.join(" "))
    };
    assert_eq!(quit_in_help(&mut rebound).as_deref(), Some("x quit"));
    assert_eq!(quit_in_help(&mut plain).as_deref(), Some("q Ctrl-c quit"));

    // The same key press, carried out in each, quits one and leaves the other open.
    for app in [&mut rebound, &mut plain] {
        if let Some(action) = app.action_for(&press('x')) {
            app.update(action);
        }
    }
    assert!(rebound.should_quit());
    assert!(!plain.should_quit());
}

#[test]
fn each_explorer_draws_in_its_own_colours() {
    let red = explorer(configured("[colors]\naccent = \"red\"\n"));
    let plain = explorer(Config::default());
    let colourless = explorer(configured("[colors]\nenabled = false\n"));

    // The focused pane's corner is drawn in the accent colour, bold.
    let corner = |app: &App| {
        let rect = app
            .screen()
            .pane(app.focus())
            .expect("the focused pane is on screen");
        frame(app)[(rect.x, rect.y)].clone()
    };
    let (red, plain, colourless) = (corner(&red), corner(&plain), corner(&colourless));
    assert_eq!(red.symbol(), "┏");
    assert_eq!(red.fg, Color::Red);
    assert_eq!(plain.fg, Color::Cyan);
    assert_eq!(colourless.fg, Color::Reset, "no colour at all");
    for cell in [&red, &plain, &colourless] {
        assert!(cell.modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn the_console_s_glyphs_can_be_asked_for_or_refused() {
    use claimscope::tui::Theme;
    let on = configured("[colors]\nascii = true\n").theme(Theme::new(true), || None);
    assert!(on.ascii);
    let console = Theme {
        ascii: true,
        ..Theme::new(true)
    };
    assert!(
        !configured("[colors]\nascii = false\n")
            .theme(console, || None)
            .ascii
    );
    assert!(
        Config::default().theme(console, || None).ascii,
        "TERM decides when unsaid"
    );
    let refused = config::parse("[colors]\nascii = \"yes\"\n").expect_err("not a boolean");
    assert!(refused[0].message.contains("`ascii` is true or false"));
}

#[test]
fn the_terminal_is_asked_its_background_only_when_colour_needs_it_and_nothing_says() {
    use claimscope::tui::theme::Background;
    use std::cell::Cell;
    let asked = Cell::new(0);
    let detect = || {
        asked.set(asked.get() + 1);
        Some(Background::Light)
    };
    let theme = Config::default().theme(Theme::new(true), detect);
    assert_eq!((theme.background, asked.get()), (Background::Light, 1));

    let dark = configured("[colors]\nbackground = \"dark\"\n");
    let theme = dark.theme(Theme::new(true), detect);
    assert_eq!(
        (theme.background, asked.get()),
        (Background::Dark, 1),
        "named"
    );
    let theme = Config::default().theme(Theme::new(false), detect);
    assert_eq!(asked.get(), 1, "no colour, nothing to pick: {theme:?}");
    let off = configured("[colors]\nenabled = false\n");
    off.theme(Theme::new(true), detect);
    assert_eq!(asked.get(), 1, "colour turned off by the file");
    let auto = configured("[colors]\nbackground = \"auto\"\n");
    auto.theme(Theme::new(true), detect);
    assert_eq!(asked.get(), 2, "auto asks");

    let unsaid = Config::default().theme(Theme::new(true), || None);
    assert_eq!(
        unsaid.background,
        Background::Dark,
        "a terminal that does not say"
    );
    let refused = config::parse("[colors]\nbackground = \"white\"\n").expect_err("no such");
    assert!(
        refused[0]
            .message
            .contains("\"dark\", \"light\" or \"auto\"")
    );
    assert_eq!(Background::from_colorfgbg("15;0"), Some(Background::Dark));
    assert_eq!(
        Background::from_colorfgbg("0;default;15"),
        Some(Background::Light)
    );
    assert_eq!(Background::from_colorfgbg("0;default"), None);
}

#[test]
fn no_configuration_can_take_the_way_out_away() {
    // Keys no terminal sends are refused: bound to quit, they would leave no way out.
    let refused = config::parse("[keys]\nquit = \"ctrl-1\"\nsearch = [\"ctrl-2\", \"ctrl-/\"]\n")
        .expect_err("keys no terminal sends");
    assert_eq!(refused.len(), 3, "{refused:?}");
    assert!(
        refused
            .iter()
            .all(|d| d.message.contains("terminals do not send"))
    );
    // Ctrl-c cannot be given to anything else.
    let refused = config::parse("[keys]\nsearch = \"ctrl-c\"\n").expect_err("ctrl-c is quit's");
    assert!(
        refused[0].message.contains("`ctrl-c` always quits"),
        "{refused:?}"
    );
    // And quits even when quit has other keys.
    let app = explorer(configured("[keys]\nquit = \"x\"\n"));
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(app.action_for(&ctrl_c), Some(Action::Quit));
    // Reading stays linear: more keys than an action takes are refused at once.
    let many: Vec<String> = (0..80_000)
        .map(|n| format!("\"f{}\"", n % 12 + 1))
        .collect();
    let text = format!("[keys]\nquit = [{}]\n", many.join(", "));
    let refused = config::parse(&text).expect_err("too many keys");
    assert!(
        refused[0].message.contains("an action takes at most 16"),
        "{refused:?}"
    );
}

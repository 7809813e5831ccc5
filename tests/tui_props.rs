//! Property tests: no sequence of keys, pastes, mouse events and resizes makes the
//! explorer panic, in its update or in its drawing. A short run here; a long one with
//! `cargo test --test tui_props -- --ignored`.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use claimscope::model::{Index, Model};
use claimscope::tui::{App, Theme, view};

/// The largest frame drawn; larger sizes still go through the app's layout arithmetic.
const MAX_DRAWN: (u16, u16) = (400, 200);

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => prop::sample::select(
            "jkgGhlnNrq/? 123456pp+-\u{0}\u{1b}aéx中".chars().collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        1 => any::<char>().prop_map(KeyCode::Char),
        3 => prop::sample::select(vec![
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home, KeyCode::End,
            KeyCode::PageUp, KeyCode::PageDown, KeyCode::Enter, KeyCode::Backspace, KeyCode::Esc,
            KeyCode::Tab, KeyCode::BackTab, KeyCode::Delete, KeyCode::Insert, KeyCode::F(1), KeyCode::Null,
        ]),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let modifiers = prop::sample::select(vec![
        KeyModifiers::NONE,
        KeyModifiers::CONTROL,
        KeyModifiers::SHIFT,
        KeyModifiers::ALT,
        KeyModifiers::CONTROL | KeyModifiers::SHIFT,
    ]);
    let kind = prop::sample::select(vec![
        KeyEventKind::Press,
        KeyEventKind::Repeat,
        KeyEventKind::Release,
    ]);
    let size = prop_oneof![
        4 => (0u16..=400, 0u16..=200),
        1 => prop::sample::select(vec![(0, 0), (1, 1), (u16::MAX, u16::MAX), (u16::MAX, 0), (0, u16::MAX), (19, 5), (20, 6), (100, 24), (99, 23)]),
    ];
    let mouse_kind = prop::sample::select(vec![
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollDown,
    ]);
    prop_oneof![
        10 => (key_code(), modifiers.clone(), kind)
            .prop_map(|(code, modifiers, kind)| Event::Key(KeyEvent::new_with_kind(code, modifiers, kind))),
        2 => size.prop_map(|(w, h)| Event::Resize(w, h)),
        3 => (mouse_kind, any::<u16>(), any::<u16>(), modifiers).prop_map(|(kind, column, row, modifiers)| {
            Event::Mouse(MouseEvent { kind, column: column % 420, row: row % 220, modifiers })
        }),
        1 => ".{0,40}".prop_map(Event::Paste),
        1 => Just(Event::FocusGained),
    ]
}

fn drive(events: &[Event], start: (u16, u16)) {
    let model = Model::bundled().expect("bundled model");
    let mut app = App::new(Index::new(model), Theme::new(true));
    app.update(claimscope::tui::Action::Resize(start.0, start.1));
    let mut terminal = Terminal::new(TestBackend::new(start.0, start.1)).expect("terminal");
    for event in events {
        if let Some(action) = app.action_for(event) {
            app.update(action);
        }
        let size = app.size();
        let (w, h) = (size.width.min(MAX_DRAWN.0), size.height.min(MAX_DRAWN.1));
        if (w, h)
            != (
                terminal.backend().buffer().area.width,
                terminal.backend().buffer().area.height,
            )
        {
            terminal.backend_mut().resize(w, h);
            // Draw at the size the app believes it has, clipped to what a test can hold.
            app.update(claimscope::tui::Action::Resize(w, h));
        }
        terminal.draw(|f| view::render(&app, f)).expect("draw");
        if app.should_quit() {
            break;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn no_event_sequence_panics(events in prop::collection::vec(event(), 0..200), w in 0u16..=160, h in 0u16..=60) {
        drive(&events, (w, h));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "long run: cargo test --test tui_props -- --ignored"]
    fn no_event_sequence_panics_long(events in prop::collection::vec(event(), 0..200), w in 0u16..=400, h in 0u16..=200) {
        drive(&events, (w, h));
    }
}

proptest! {
    /// Typing and pasting of any lengths, in any order, never takes the query past the cap,
    /// and every edit that is refused leaves the query as it was.
    #[test]
    fn the_query_never_grows_past_its_cap(
        edits in prop::collection::vec(
            prop_oneof![
                (any::<char>(), 1..3_000usize).prop_map(|(c, n)| (c, n, false)),
                (any::<char>(), 1..3_000usize).prop_map(|(c, n)| (c, n, true)),
            ],
            1..12,
        )
    ) {
        use claimscope::search::MAX_QUERY_CHARS;
        use claimscope::tui::Action;
        use claimscope::tui::search_box::SearchBox;
        let mut search = SearchBox::default();
        for (c, n, paste) in edits {
            if paste {
                search.edit(Action::Paste(c.to_string().repeat(n)));
            } else {
                for _ in 0..n {
                    let before = search.query.clone();
                    if !search.edit(Action::Type(c)) {
                        prop_assert_eq!(&search.query, &before);
                    }
                }
            }
            prop_assert!(search.query.chars().count() <= MAX_QUERY_CHARS);
        }
    }
}

//! The explorer without a terminal: actions in, state out; and frames drawn on ratatui's
//! TestBackend at the sizes readers use.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::style::Color;

use claimscope::tui::app::Scope;
use claimscope::tui::keymap::{self, Keymap};
use claimscope::tui::{Action, Answer, App, Mode, Pane};

mod common;
use common::screen::{buffer, draw, explorer, node_index, run, select_node, text, type_text};

fn app() -> App {
    explorer(120, 40)
}

fn actor_index(app: &App, id: &str) -> usize {
    app.index()
        .model()
        .actors
        .iter()
        .position(|a| a.id == id)
        .expect("actor")
}

fn claim_id(app: &App) -> &str {
    let c = app.selected_claim().expect("a selected claim");
    &app.index().model().claims[c].id
}

fn source_sentence(app: &App) -> String {
    let c = app.selected_claim().expect("a selected claim");
    let s = app.index().sentence_of_claim(c).expect("sentence");
    app.index().model().sentences[s].text.clone()
}

#[test]
fn starts_on_the_thesis_with_its_claims_and_source() {
    let app = app();
    assert_eq!(app.focus(), Pane::Arguments);
    let thesis = app.index().thesis().expect("thesis");
    assert_eq!(app.scope(), Scope::Argument(thesis));
    assert_eq!(claim_id(&app), "c01a");
    assert_eq!(
        source_sentence(&app),
        "Changes in region push Pakistan and Russia together"
    );
}

#[test]
fn tab_shift_tab_and_digits_move_focus() {
    let mut app = app();
    let order: Vec<Pane> = (0..6)
        .map(|_| {
            app.update(Action::FocusNext);
            app.focus()
        })
        .collect();
    assert_eq!(
        order,
        [
            Pane::Record,
            Pane::Claims,
            Pane::Source,
            Pane::Timeline,
            Pane::Actors,
            Pane::Arguments
        ]
    );
    app.update(Action::FocusPrev);
    assert_eq!(app.focus(), Pane::Actors);
    app.update(Action::Focus(Pane::Timeline));
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn choosing_an_actor_narrows_the_claims_and_marks_its_events_and_nodes() {
    let mut app = app();
    run(&mut app, [Action::Focus(Pane::Actors), Action::Down]);
    let russia = actor_index(&app, "russia");
    assert_eq!(app.scope(), Scope::Actor(russia));
    let mut expected = app.index().claims_of_actor(russia).to_vec();
    expected.sort_by_key(|c| app.index().reading_rank(*c));
    assert_eq!(app.claim_list(), expected.as_slice());
    for e in app.index().events_of_actor(russia) {
        assert!(app.related().events[*e]);
    }
    let unrelated = app
        .index()
        .model()
        .events
        .iter()
        .position(|e| !e.actors.iter().any(|a| a == "russia"));
    if let Some(e) = unrelated {
        assert!(!app.related().events[e]);
    }
    for n in app.index().arguments_of_actor(russia) {
        assert!(app.related().nodes[n]);
    }
}

#[test]
fn choosing_an_event_lists_the_claims_that_report_it() {
    let mut app = app();
    app.update(Action::Focus(Pane::Timeline));
    let trip = app.index().event("putin-trip").expect("event");
    let row = app
        .index()
        .timeline_rows()
        .iter()
        .position(|r| *r == claimscope::model::TimelineRow::Event(trip))
        .expect("row");
    run(&mut app, [Action::Top]);
    for _ in 0..row {
        app.update(Action::Down);
    }
    assert_eq!(app.scope(), Scope::Event(trip));
    let ids: Vec<&str> = app
        .claim_list()
        .iter()
        .map(|c| app.index().model().claims[*c].id.as_str())
        .collect();
    // The event's claims, in reading order: by sentence, then where the quote starts.
    let model = app.index().model();
    let mut expected: Vec<&str> = model.events[trip]
        .claims
        .iter()
        .map(String::as_str)
        .collect();
    let place = |id: &str| {
        let claim = model.claims.iter().find(|c| c.id == id).expect("claim");
        let sentence = model
            .sentences
            .iter()
            .position(|s| s.id == claim.sentence)
            .expect("sentence");
        let at = model.sentences[sentence].text.find(&claim.quote);
        (sentence, at)
    };
    expected.sort_by_key(|id| place(id));
    assert_eq!(ids, expected);
    assert_eq!(ids[..3], ["c02a", "c05a", "c05b"]);
}

#[test]
fn enter_drills_in_and_backspace_comes_back() {
    let mut app = app();
    run(
        &mut app,
        [Action::Focus(Pane::Actors), Action::Down, Action::Down],
    );
    let scope = app.scope();
    app.update(Action::Enter);
    assert_eq!(app.focus(), Pane::Claims);
    app.update(Action::Down);
    app.update(Action::Enter);
    assert_eq!(app.focus(), Pane::Source);
    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Claims);
    assert_eq!(
        app.cursor(Pane::Claims).selected,
        1,
        "the claim selected before drilling in"
    );
    app.update(Action::Escape);
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.scope(), scope);
    // With no history left, going back does nothing, and Esc never quits.
    run(&mut app, [Action::Back, Action::Escape, Action::Escape]);
    assert!(!app.should_quit());
}

#[test]
fn a_search_for_an_alias_lands_on_where_the_article_says_it() {
    let mut app = app();
    app.update(Action::OpenSearch);
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "moscow");
    let hit = app.search.selected_hit().expect("a hit");
    assert_eq!(app.searcher().field_text(hit), "Moscow");
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.selected_actor(), Some(actor_index(&app, "russia")));
    assert!(
        source_sentence(&app).contains("Moscow"),
        "{}",
        source_sentence(&app)
    );
    // Backspace returns to where the search started.
    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Arguments);
}

#[test]
fn a_search_for_a_claim_selects_it_in_its_argument_node() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "in:claim rafale setback");
    let hit = app.search.selected_hit().expect("a hit").clone();
    app.update(Action::Accept);
    assert_eq!(app.focus(), Pane::Claims);
    assert_eq!(app.selected_claim(), Some(hit.index));
    let node = app.selected_node().expect("node");
    assert!(app.index().arguments_of_claim(hit.index).contains(&node));
}

#[test]
fn search_editing_and_cancel() {
    let mut app = app();
    let before = app.selected_claim();
    app.update(Action::OpenSearch);
    type_text(&mut app, "qjk pakistan");
    assert_eq!(
        app.search.query, "qjk pakistan",
        "letters that are keys elsewhere are typed"
    );
    app.update(Action::DeleteWord);
    assert_eq!(app.search.query, "qjk ");
    app.update(Action::DeleteChar);
    assert_eq!(app.search.query, "qjk");
    app.update(Action::ClearQuery);
    assert!(app.search.query.is_empty() && app.search.hits.is_empty());
    app.update(Action::Paste("pak\u{1b}[2J\nistan".to_string()));
    assert_eq!(
        app.search.query, "pak[2J istan",
        "a paste loses its control characters"
    );
    app.update(Action::Escape);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(app.selected_claim(), before);
}

#[test]
fn one_cap_holds_the_query_typed_and_pasted() {
    use claimscope::search::MAX_QUERY_CHARS;
    use claimscope::tui::search_box::SearchBox;
    // A hundred thousand keystrokes change the query, and so start a search, 200 times.
    let mut typed = SearchBox::default();
    let changes = (0..100_000)
        .filter(|_| typed.edit(Action::Type('é')))
        .count();
    assert_eq!(changes, 200);
    assert_eq!(typed.query, "é".repeat(200));
    // A paste takes what room is left, and no more.
    let mut pasted = SearchBox::default();
    assert!(pasted.edit(Action::Type('k')));
    assert!(pasted.edit(Action::Paste("x".repeat(100_000))));
    assert_eq!(pasted.query.chars().count(), MAX_QUERY_CHARS);
    assert!(!pasted.edit(Action::Paste("y".to_string())));
    assert!(!pasted.edit(Action::Type('z')));
    assert!(pasted.edit(Action::DeleteChar));
    assert!(pasted.edit(Action::Type('z')));
    assert_eq!(pasted.query, format!("k{}z", "x".repeat(198)));
    // And through the explorer, with its searches.
    let mut app = app();
    app.update(Action::OpenSearch);
    for _ in 0..1_000 {
        app.update(Action::Type('p'));
    }
    app.update(Action::Paste("pakistan ".repeat(1_000)));
    assert_eq!(app.search.query, "p".repeat(200));
}

#[test]
fn reading_mode_styles_the_quote_its_sentence_and_the_asides_on_screen() {
    use ratatui::style::Modifier;
    let mut app = explorer(100, 30);
    app.update(Action::ToggleReading);
    app.update(Action::NextClaim); // c02a, in paragraph 2
    let buffer = buffer(&mut app, 100, 30);
    let row = |y: u16| -> String { (0..100).map(|x| buffer[(x, y)].symbol()).collect() };
    let find = |needle: &str| {
        (0..30)
            .find_map(|y| {
                row(y)
                    .find(needle)
                    .map(|at| (row(y)[..at].chars().count(), y))
            })
            .unwrap_or_else(|| panic!("{needle} not on screen"))
    };
    let style = |needle: &str| {
        let (x, y) = find(needle);
        buffer[(u16::try_from(x).expect("x"), y)].modifier
    };
    let claim = &app.index().model().claims[app.reading.claim.expect("a claim")];
    assert_eq!(claim.id, "c02a");
    // With no colour, the quote is reversed and underlined, the rest of its sentence bold
    // ("relations between" follows the quote in sentence s02), and a sentence outside the
    // body that carries no claim ("Powered by automated translation") dim.
    let quote_start: String = claim.quote.chars().take(12).collect();
    assert!(
        style(&quote_start).contains(Modifier::REVERSED | Modifier::UNDERLINED),
        "{quote_start}"
    );
    assert!(style("relations between").contains(Modifier::BOLD));
    assert!(!style("relations between").contains(Modifier::REVERSED));
    assert!(style("Powered by").contains(Modifier::DIM));
    // The body sentences around are plain.
    let plain = style("The visit came after");
    assert!(!plain.intersects(Modifier::BOLD | Modifier::DIM | Modifier::REVERSED));
}

#[test]
fn reading_mode_walks_the_claims_and_returns_to_the_last_one() {
    let mut app = app();
    app.update(Action::ToggleReading);
    assert_eq!(app.mode(), Mode::Reading);
    assert_eq!(app.reading.claim, app.selected_claim());
    // c01a, then c02a, c02b, c04a, c04b, and back one.
    run(
        &mut app,
        [
            Action::NextClaim,
            Action::NextClaim,
            Action::NextClaim,
            Action::NextClaim,
            Action::PrevClaim,
        ],
    );
    let claim = app.reading.claim.expect("claim");
    assert_eq!(app.index().model().claims[claim].id, "c04a");
    app.update(Action::Escape);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(app.selected_claim(), Some(claim));
    assert_eq!(claim_id(&app), "c04a");
}

#[test]
fn argument_nodes_fold_and_unfold() {
    let mut app = app();
    app.update(Action::Focus(Pane::Arguments));
    let rows = app.argument_rows().len();
    let limits = select_node(&mut app, "limits");
    app.update(Action::Collapse);
    assert!(app.is_collapsed(limits));
    assert!(app.argument_rows().len() < rows);
    app.update(Action::Collapse);
    assert_eq!(
        app.selected_node(),
        app.index().thesis(),
        "a closed node's parent"
    );
    app.update(Action::Collapse);
    assert_eq!(app.argument_rows().len(), 1, "the thesis closed");
    run(&mut app, [Action::Expand, Action::Down]);
    let mut below = 0;
    let mut stack = app.index().children(limits).to_vec();
    while let Some(node) = stack.pop() {
        below += 1;
        stack.extend_from_slice(app.index().children(node));
    }
    assert!(below >= 3);
    assert_eq!(
        app.argument_rows().len(),
        rows - below,
        "limits stays closed"
    );
    assert_eq!(app.index().path(app.selected_node().expect("node")), "1.1");
}

fn key(code: KeyCode, modifiers: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent::new_with_kind(code, modifiers, kind))
}

#[test]
fn keys_act_on_press_only_and_by_mode() {
    let mut app = app();
    let none = KeyModifiers::NONE;
    let release = key(KeyCode::Char('q'), none, KeyEventKind::Release);
    assert_eq!(app.action_for(&release), None);
    let press = key(KeyCode::Char('q'), none, KeyEventKind::Press);
    assert_eq!(app.action_for(&press), Some(Action::Quit));
    app.update(Action::OpenSearch);
    assert_eq!(app.action_for(&press), Some(Action::Type('q')));
    let ctrl_c = key(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
        KeyEventKind::Press,
    );
    assert_eq!(app.action_for(&ctrl_c), Some(Action::Quit));
}

#[test]
fn esc_in_every_mode_closes_what_is_open_and_never_quits() {
    let esc = key(KeyCode::Esc, KeyModifiers::NONE, KeyEventKind::Press);
    // How to get into each mode, the mode that is then in charge, and where Esc leaves it.
    let cases: [(&[Action], Mode, Mode); 6] = [
        (&[], Mode::Panes, Mode::Panes),
        (&[Action::OpenSearch], Mode::Search, Mode::Panes),
        (&[Action::OpenHelp], Mode::Help, Mode::Panes),
        // Typing a filter into the help: Esc drops the filter, and the help stays.
        (
            &[Action::OpenHelp, Action::OpenSearch],
            Mode::Help,
            Mode::Help,
        ),
        (&[Action::ToggleReading], Mode::Reading, Mode::Panes),
        // A search opened from reading mode closes back to reading mode.
        (
            &[Action::ToggleReading, Action::OpenSearch],
            Mode::Search,
            Mode::Reading,
        ),
    ];
    for (open, mode, after) in cases {
        let mut app = app();
        run(&mut app, open.iter().cloned());
        assert_eq!(app.mode(), mode, "{open:?} opens {mode:?}");
        assert_eq!(
            app.action_for(&esc),
            Some(Action::Escape),
            "Esc in {mode:?} after {open:?}"
        );
        app.update(Action::Escape);
        assert_eq!(app.mode(), after, "Esc in {mode:?} after {open:?}");
        assert!(!app.should_quit(), "Esc in {mode:?} after {open:?}");
    }
}

#[test]
fn the_help_screen_lists_every_binding_from_the_keymap() {
    let mut app = app();
    app.update(Action::OpenHelp);
    let mut seen = String::new();
    for _ in 0..10 {
        seen.push_str(&text(&mut app, 120, 60));
        app.update(Action::PageDown);
    }
    for binding in Keymap::default().bindings() {
        assert!(
            seen.contains(binding.help.as_ref()),
            "help lacks {:?}",
            binding.help
        );
        for k in binding.keys.iter() {
            assert!(seen.contains(&k.label()), "help lacks key {}", k.label());
        }
    }
}

#[test]
fn the_wide_screen_shows_every_pane_and_the_source_sentence() {
    let mut app = app();
    let rows = draw(&mut app, 120, 40);
    let text = rows.join("\n");
    for title in [
        "1 Timeline",
        "2 Actors",
        "3 Arguments",
        "4 Record",
        "5 Claims",
        "6 Source",
    ] {
        assert!(text.contains(title), "{title} missing:\n{text}");
    }
    assert!(text.contains("Changes in region push Pakistan and Russia together"));
    assert!(text.contains("Source · the headline · sentence s01"));
    assert!(
        text.contains("▶ ▾ 1 ◆ Pakistan and Russia are moving closer"),
        "{text}"
    );
    assert!(rows[39].contains("? help"), "key bar: {}", rows[39]);
}

#[test]
fn a_narrow_screen_shows_one_pane_with_tabs() {
    let mut app = app();
    let rows = draw(&mut app, 80, 24);
    assert!(rows[0].contains("[3 Arguments]"), "{}", rows[0]);
    let text = rows.join("\n");
    assert!(!text.contains("1 Timeline ("), "{text}");
    app.update(Action::Focus(Pane::Source));
    let rows = draw(&mut app, 80, 24);
    assert!(rows[0].contains("[6 Source]"));
    assert!(
        rows.join("\n")
            .contains("Changes in region push Pakistan and Russia")
    );
}

#[test]
fn a_tiny_terminal_gets_a_notice_and_no_size_panics() {
    let mut app = app();
    let rows = draw(&mut app, 19, 5);
    assert!(rows.join("\n").contains("too small"), "{rows:?}");
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 6),
        (99, 30),
        (100, 23),
        (100, 24),
        (400, 200),
        (3, 150),
        (300, 2),
    ] {
        for mode in [
            Action::OpenHelp,
            Action::Escape,
            Action::OpenSearch,
            Action::Escape,
            Action::ToggleReading,
            Action::ToggleReading,
        ] {
            app.update(mode);
            draw(&mut app, w, h);
        }
    }
}

#[test]
fn mouse_clicks_focus_and_select_and_the_wheel_scrolls() {
    let mut app = app();
    draw(&mut app, 120, 40);
    let screen = app.screen().clone();
    let actors = screen.pane(Pane::Actors).expect("actors pane");
    // The third row inside the Actors box.
    app.update(Action::Click {
        column: actors.x + 3,
        row: actors.y + 3,
    });
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.selected_actor(), Some(2));
    let timeline = screen.pane(Pane::Timeline).expect("timeline pane");
    app.update(Action::ScrollDown {
        column: timeline.x + 2,
        row: timeline.y + 2,
    });
    assert_eq!(app.cursor(Pane::Timeline).selected, 1);
    assert_eq!(app.focus(), Pane::Actors, "the wheel does not move focus");
}

#[test]
fn no_color_means_no_colour_but_a_visible_selection() {
    let mut app = app();
    for cell in buffer(&mut app, 120, 40).content() {
        assert_eq!(cell.fg, Color::Reset, "a coloured cell: {cell:?}");
        assert_eq!(cell.bg, Color::Reset, "a coloured cell: {cell:?}");
    }
    let rows = draw(&mut app, 120, 40);
    assert!(
        rows.iter().any(|r| r.contains("▶ c01a")),
        "the selected claim is marked"
    );
}

#[test]
fn the_readme_key_table_covers_the_keymap() {
    let readme = include_str!("../README.md");
    let table: String = readme
        .lines()
        .filter(|l| l.starts_with('|'))
        .collect::<Vec<_>>()
        .join("\n");
    for binding in Keymap::default()
        .bindings()
        .iter()
        .filter(|b| b.context == keymap::Context::Panes || b.context == keymap::Context::Folding)
    {
        for k in binding.keys.iter() {
            let label = format!("`{}`", k.label());
            let last = char::from(b'0' + Pane::COUNT as u8);
            let digit =
                k.label().len() == 1 && k.label().chars().all(|c| ('1'..=last).contains(&c));
            let covered =
                table.contains(&label) || (digit && table.contains(&format!("`1`–`{last}`")));
            assert!(covered, "README key table lacks {label}");
        }
    }
}

#[test]
fn going_up_to_a_parent_node_updates_the_claims_and_detail() {
    let mut app = app();
    let limits = select_node(&mut app, "limits");
    assert_eq!(app.scope(), Scope::Argument(limits));
    run(&mut app, [Action::Collapse, Action::Collapse]);
    let thesis = app.index().thesis().expect("thesis");
    assert_eq!(app.selected_node(), Some(thesis));
    assert_eq!(
        app.scope(),
        Scope::Argument(thesis),
        "the Claims list follows the selection"
    );
    let rows = draw(&mut app, 120, 40);
    assert!(
        rows.join("\n").contains("Argument 1 · thesis"),
        "the detail box follows too"
    );
}

#[test]
fn a_search_from_reading_mode_lands_in_reading_and_backspace_returns() {
    let mut app = app();
    run(
        &mut app,
        [Action::ToggleReading, Action::NextClaim, Action::NextClaim],
    );
    let reading_claim = app.reading.claim;
    app.update(Action::OpenSearch);
    type_text(&mut app, "zardari");
    app.update(Action::Accept);
    // The search lands in reading mode, on the claim the hit leads to.
    assert_eq!(app.mode(), Mode::Reading);
    let landed = app.reading.claim.expect("a claim highlighted");
    let said = &app.index().model().claims[landed];
    let sentence = app.index().sentence_of_claim(landed).expect("sentence");
    assert!(
        app.index().model().sentences[sentence]
            .text
            .contains("Zardari"),
        "{}",
        said.id
    );
    assert_ne!(app.reading.claim, reading_claim);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Reading);
    assert_eq!(app.reading.claim, reading_claim);
}

#[test]
fn reading_mode_says_when_there_is_no_further_claim() {
    let mut app = app();
    app.update(Action::ToggleReading);
    app.update(Action::PrevClaim);
    assert!(
        app.status().is_some_and(|s| s.contains("first claim")),
        "{:?}",
        app.status()
    );
    let rows = draw(&mut app, 100, 30);
    assert!(rows[29].contains("first claim"), "{}", rows[29]);
    app.update(Action::NextClaim);
    assert_eq!(app.status(), None, "the message goes with the next action");
}

#[test]
fn the_key_bar_keeps_search_help_and_quit_when_narrow() {
    let mut app = app();
    for width in [60u16, 80, 100, 120] {
        let rows = draw(&mut app, width, 24);
        let bar = rows.last().cloned().unwrap_or_default();
        for key in ["/ search", "? help", "q quit"] {
            assert!(bar.contains(key), "{width} columns: {bar}");
        }
    }
}

#[test]
fn long_rows_end_in_an_ellipsis_and_long_lists_say_where_you_are() {
    let mut app = app();
    let rows: Vec<Vec<String>> = draw(&mut app, 100, 30)
        .iter()
        .map(|r| r.chars().map(String::from).collect())
        .collect();
    let cells = |y: u16, xs: std::ops::Range<u16>| -> String {
        xs.map(|x| rows[usize::from(y)][usize::from(x)].as_str())
            .collect()
    };
    // The Claims pane's first row, c01a, is longer than the pane: it is cut with `…` in
    // the last column inside the border, after as much of the claim's text as fits.
    let claims = app.screen().pane(Pane::Claims).expect("the Claims pane");
    let (y, right) = (claims.y + 1, claims.right() - 1);
    assert_eq!(cells(y, right..right + 1), "│", "the border");
    assert_eq!(
        cells(y, right - 1..right),
        "…",
        "the cut, beside the border"
    );
    let row = cells(y, claims.x + 1..right - 1);
    let c01a = &app.index().model().claims[0];
    assert_eq!(c01a.id, "c01a");
    let shown = row
        .strip_prefix("▶ c01a   assessment ")
        .unwrap_or_else(|| panic!("the row: {row}"));
    assert!(
        !shown.is_empty() && c01a.text.starts_with(shown) && shown.len() < c01a.text.len(),
        "{shown}"
    );
    // A row that fits has no `…`: the Arguments pane's 1.2.
    let arguments = app
        .screen()
        .pane(Pane::Arguments)
        .expect("the Arguments pane");
    let fits = (arguments.y + 1..arguments.bottom() - 1)
        .map(|y| cells(y, arguments.x + 1..arguments.right() - 1))
        .find(|r| r.contains("1.2 "))
        .expect("node 1.2 on screen");
    assert_eq!(fits.trim_end(), "      1.2 + High-level visits go on");
    // The Timeline, longer than its box, says where the selection is in its bottom border.
    let timeline = app
        .screen()
        .pane(Pane::Timeline)
        .expect("the Timeline pane");
    let rows_in_timeline = app.index().timeline_rows().len();
    let bottom = cells(timeline.bottom() - 1, timeline.x..timeline.right());
    assert!(
        bottom.ends_with(&format!(" ▼ 1/{rows_in_timeline} ┘")),
        "{bottom}"
    );
}

#[test]
fn a_wide_screen_names_the_article_on_its_top_line() {
    let mut app = app();
    let rows = draw(&mut app, 120, 40);
    assert!(rows[0].contains("Changes in region push Pakistan and Russia together · Harsh V Pant · Oct 2012 (inferred)"), "{}", rows[0]);
}

#[test]
fn a_search_on_its_own_thread_answers_the_latest_query_and_drops_stale_answers() {
    use std::sync::mpsc;
    let mut app = app();
    let (requests, queue) = mpsc::channel();
    let (answers, answered) = mpsc::channel();
    let searcher = app.shared_searcher();
    let worker = std::thread::spawn(move || {
        claimscope::tui::search_box::search_worker(searcher, queue, |answer| {
            answers.send(answer).is_ok()
        })
    });
    app.search.use_worker(requests);
    app.update(Action::OpenSearch);
    type_text(&mut app, "kayani");
    assert!(app.search.pending(), "typing does not wait for the search");
    // Answers come back numbered; only the one to the latest query is taken.
    let mut latest = None;
    while let Ok(answer) = answered.recv_timeout(std::time::Duration::from_secs(10)) {
        app.update(Action::Found(answer.clone()));
        if !app.search.pending() {
            latest = Some(answer.hits);
            break;
        }
    }
    let hits = latest.expect("an answer to the latest query");
    // The same hits; the explorer marks the matched letters of those it shows itself.
    let found = |hits: &[claimscope::search::Hit]| -> Vec<_> {
        hits.iter().map(|h| (h.kind, h.index, h.field)).collect()
    };
    assert_eq!(found(&hits), found(&app.search.hits));
    assert!(hits.iter().all(|h| h.positions.is_empty()));
    assert!(
        !app.search.hits[0].positions.is_empty(),
        "the rows shown are marked"
    );
    assert_eq!(
        app.index().model().actors[hits[0].index].id,
        "ashfaq-parvez-kayani"
    );
    // A late answer to an earlier query changes nothing.
    let before = app.search.hits.clone();
    app.update(Action::Found(Answer {
        generation: 1,
        ..Answer::default()
    }));
    assert_eq!(app.search.hits, before);
    drop(app);
    assert!(
        worker.join().is_ok(),
        "the worker ends when the box is gone"
    );
}

#[test]
fn going_back_after_a_jump_finds_the_node_again_though_the_tree_has_opened() {
    let mut app = app();
    let limits = select_node(&mut app, "limits");
    app.update(Action::Collapse);
    let watching = select_node(&mut app, "watching");
    assert_eq!(app.selected_node(), Some(watching));
    // A search hit inside the closed node opens it, which moves `watching` down.
    app.update(Action::OpenSearch);
    type_text(&mut app, "reluctant to strain");
    app.update(Action::Accept);
    assert_eq!(app.selected_node(), Some(node_index(&app, "india-first")));
    assert!(!app.is_collapsed(limits));
    app.update(Action::Back);
    assert_eq!(app.focus(), Pane::Arguments);
    assert_eq!(
        app.selected_node(),
        Some(watching),
        "the same node, on its new row"
    );
    assert_eq!(app.scope(), Scope::Argument(watching));
}

#[test]
fn an_answer_to_a_query_from_before_the_box_was_reopened_is_dropped() {
    use std::sync::mpsc;
    let mut app = app();
    let (requests, queue) = mpsc::channel();
    app.search.use_worker(requests);
    app.update(Action::OpenSearch);
    type_text(&mut app, "k");
    let request: claimscope::tui::search_box::Request = queue.recv().expect("a request");
    let stale = app
        .searcher()
        .search(&claimscope::search::Query::parse("k"), 10);
    assert!(!stale.is_empty());
    run(&mut app, [Action::Escape, Action::OpenSearch]);
    app.update(Action::Found(Answer {
        generation: request.generation,
        total: stale.len(),
        typed: stale.len(),
        hits: stale,
        spelled: None,
    }));
    assert!(
        app.search.hits.is_empty(),
        "hits for `k` under an empty query"
    );
}

#[test]
fn the_search_box_says_what_is_wrong_with_a_filter() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "kind:forcast india");
    assert!(app.search.problems.iter().any(|p| p.fatal));
    let screen = text(&mut app, 120, 40);
    assert!(
        screen.contains("no kind is `forcast`; did you mean `kind:forecast`?"),
        "{screen}"
    );
    // Mended, the hint goes and the hits come.
    run(&mut app, [Action::DeleteWord, Action::DeleteWord]);
    type_text(&mut app, "kind:forecast india");
    assert!(app.search.problems.is_empty());
    assert!(!app.search.hits.is_empty());
    assert!(!text(&mut app, 120, 40).contains("no kind is"));
}

#[test]
fn in_reading_mode_the_next_claim_is_taken_from_where_the_reader_scrolled_to() {
    let mut app = app();
    app.update(Action::ToggleReading);
    draw(&mut app, 100, 30);
    let first = app.reading.claim.expect("a claim");
    run(
        &mut app,
        [Action::PageDown, Action::PageDown, Action::PageDown],
    );
    draw(&mut app, 100, 30);
    let scroll = app.reading.scroll;
    assert!(scroll > 0, "the reader has scrolled");
    app.update(Action::NextClaim);
    draw(&mut app, 100, 30);
    let claim = app.reading.claim.expect("a claim");
    assert!(
        app.index().reading_rank(claim) > app.index().reading_rank(first) + 1,
        "] skipped to what is on the screen, not to the claim after the old one"
    );
    assert_eq!(app.reading.scroll, scroll, "the claim was in view already");
}

#[test]
fn a_newly_selected_claim_scrolls_its_quote_into_the_source_pane() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "kudankulam russian financing");
    app.update(Action::Accept);
    assert_eq!(claim_id(&app), "c26c");
    let screen = text(&mut app, 100, 30);
    assert!(screen.contains("built with Russian financing"), "{screen}");
}

#[test]
fn hits_are_ranked_a_page_ahead_of_the_list_and_marked_as_they_come_into_view() {
    use claimscope::search::Query;
    use claimscope::tui::search_box::MAX_HITS;
    let mut app = app();
    app.update(Action::OpenSearch);
    for c in "ar".chars() {
        app.update(Action::Type(c));
    }
    let total = app.search.total;
    assert!(total > MAX_HITS, "{total} items match `ar`");
    let ranked = app.search.hits.len();
    assert!(
        (20..60).contains(&ranked),
        "a screenful and a page ranked, not {ranked}"
    );
    let marked = |app: &App| -> Vec<bool> {
        app.search
            .hits
            .iter()
            .map(|h| !h.positions.is_empty())
            .collect()
    };
    let first = marked(&app);
    assert!(first[0], "the best hit is marked");
    assert!(!first[ranked - 1], "a hit below the list is not");
    // Moving down the list ranks more, up to the most the box keeps, in the order a
    // ranking of them all at once gives; rows that come into view are marked.
    for _ in 0..MAX_HITS {
        app.update(Action::Down);
    }
    assert!(app.search.cursor.offset > 0, "the list scrolled");
    let all = &app.search.hits;
    assert_eq!(all.len(), MAX_HITS);
    assert_eq!(app.search.cursor.selected, MAX_HITS - 1);
    let at_once = app.searcher().search(&Query::parse("ar"), MAX_HITS);
    let order = |hits: &[claimscope::search::Hit]| -> Vec<_> {
        hits.iter().map(|h| (h.kind, h.index, h.field)).collect()
    };
    assert_eq!(order(all), order(&at_once));
    assert!(
        marked(&app)[MAX_HITS - 1],
        "the last hit, now shown, is marked"
    );
    assert!(marked(&app)[0], "what was marked stays marked");
    let title = format!("Search · {total} hits, the best {MAX_HITS} listed");
    let screen = draw(&mut app, 120, 40);
    assert!(
        screen.iter().any(|row| row.contains(&title)),
        "{}",
        screen.join("\n")
    );
}

#[test]
fn a_misspelt_query_is_offered_the_spelling_meant_and_tab_takes_it() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "zardary");
    // Nothing matches as typed: the hits are the reading's, each marked ≈ but the one
    // selected, and the box says what it read.
    assert!(!app.search.hits.is_empty());
    assert!(app.search.hits.iter().all(|h| h.spelled));
    let screen = text(&mut app, 80, 24);
    assert!(
        screen.contains("No match for “zardary”; did you mean “zardari”? (Tab)"),
        "{screen}"
    );
    assert!(screen.contains("≈ claim"), "{screen}");
    // Enter goes to the first of them: the actor the query misspells.
    let first = app.search.hits[0].clone();
    assert_eq!(app.index().id_of(first.item()), "asif-ali-zardari");
    // Tab searches for the spelling offered; its hits are no longer a guess.
    app.update(Action::TakeSpelling);
    assert_eq!(app.search.query, "zardari");
    assert!(app.search.hits.iter().all(|h| !h.spelled));
    let screen = text(&mut app, 80, 24);
    assert!(!screen.contains("did you mean"), "{screen}");
    // A query the texts know is never offered another spelling.
    run(&mut app, [Action::ClearQuery]);
    type_text(&mut app, "arms");
    assert!(app.search.spelled.is_none());
    app.update(Action::TakeSpelling);
    assert_eq!(app.search.query, "arms");
}

#[test]
fn in_reading_mode_n_and_n_step_through_the_hits_at_their_sentences() {
    let mut app = app();
    app.update(Action::ToggleReading);
    draw(&mut app, 100, 30);
    // The keys as the keymap reads them in reading mode: n and N are the hits, ] and [
    // the claims.
    let read = |app: &App, c: char| {
        let modifiers = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.action_for(&Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers)))
    };
    assert_eq!(read(&app, 'n'), Some(Action::NextHit));
    assert_eq!(read(&app, 'N'), Some(Action::PrevHit));
    assert_eq!(read(&app, ']'), Some(Action::NextClaim));
    assert_eq!(read(&app, '['), Some(Action::PrevClaim));
    // A search from reading mode lands on the first hit's sentence, in reading mode.
    app.update(Action::OpenSearch);
    type_text(&mut app, "in:claim kayani");
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Reading);
    let first = app.reading.claim.expect("a claim");
    // n goes to the next hit, still reading.
    app.update(Action::NextHit);
    assert_eq!(app.mode(), Mode::Reading);
    let second = app.reading.claim.expect("a claim");
    assert_ne!(first, second);
    assert!(
        app.status().is_some_and(|s| s.starts_with("Hit 2 of")),
        "{:?}",
        app.status()
    );
    app.update(Action::PrevHit);
    assert_eq!(app.reading.claim, Some(first));
    // A hit the article has no sentence for says why the reader is not at its words.
    app.update(Action::ToggleReading);
    app.update(Action::ToggleReading);
    app.update(Action::OpenSearch);
    run(&mut app, [Action::ClearQuery]);
    type_text(&mut app, "in:later rafale marine");
    app.update(Action::Accept);
    // A record item lands on the claim it bears on, and says so.
    assert_eq!(app.mode(), Mode::Reading);
    assert!(
        app.status()
            .is_some_and(|s| s.contains("is the record's; c")),
        "{:?}",
        app.status()
    );
}

#[test]
fn at_80x24_the_selected_claim_and_its_sentence_are_on_screen_together() {
    let mut app = app();
    draw(&mut app, 80, 24);
    app.update(Action::Focus(Pane::Claims));
    let model = app.index().model().clone();
    // Step through claims with one key: each time, the claim and the words it quotes
    // are on the screen at once.
    for _ in 0..6 {
        let screen = text(&mut app, 80, 24);
        let claim = &model.claims[app.selected_claim().expect("a claim")];
        assert!(screen.contains("6 Source · "), "{screen}");
        // The quote's first words, as the Source pane wraps them.
        let start: String = claim
            .quote
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        let flat = screen
            .replace(['┃', '│'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            flat.contains(&start),
            "{}: {start:?} not on\n{screen}",
            claim.id
        );
        app.update(Action::Down);
    }
    // At 80x15 there is no room for both: the claims show alone.
    let screen = text(&mut app, 80, 15);
    assert!(!screen.contains("6 Source · "), "{screen}");
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut app = app();
    let key = |app: &App, code: KeyCode| {
        app.action_for(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
            .expect("an action")
    };
    // An unbound key, Backspace with nowhere to go back to, Esc with nothing open.
    let pressed = key(&app, KeyCode::Char('x'));
    app.update(pressed);
    assert!(
        app.status()
            .is_some_and(|s| s.contains("x does nothing here")),
        "{:?}",
        app.status()
    );
    app.update(key(&app, KeyCode::Backspace));
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("Nothing to go back to")),
        "{:?}",
        app.status()
    );
    app.update(key(&app, KeyCode::Esc));
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("Nothing is open")),
        "{:?}",
        app.status()
    );
    // Said once: the next action clears it.
    app.update(Action::Down);
    assert_eq!(app.status(), None);
    // In the search box the same letter is typed, not refused.
    app.update(Action::OpenSearch);
    assert_eq!(key(&app, KeyCode::Char('x')), Action::Type('x'));
}

#[test]
fn nothing_is_drawn_in_a_colour_a_common_theme_makes_the_background() {
    // Palette colour 8 (dark grey) is Solarized Dark's background: text in it vanishes.
    // Secondary text is the terminal's own colour, dimmed, instead.
    use claimscope::tui::Pane;
    let mut app = common::screen::explorer_in_colour(120, 40);
    let hidden = [Color::DarkGray, Color::Indexed(8)];
    for pane in [Pane::Timeline, Pane::Actors, Pane::Record, Pane::Claims] {
        app.update(Action::Focus(pane));
        app.update(Action::Down);
        let screen = buffer(&mut app, 120, 40);
        let bad = screen
            .content
            .iter()
            .find(|cell| hidden.contains(&cell.fg) || hidden.contains(&cell.bg));
        assert!(bad.is_none(), "{pane:?}: {bad:?}");
        let dimmed = screen
            .content
            .iter()
            .filter(|cell| cell.modifier.contains(ratatui::style::Modifier::DIM))
            .count();
        assert!(dimmed > 0, "secondary text is dimmed");
    }
}

#[test]
fn under_the_linux_console_the_explorer_s_symbols_are_drawn_in_its_glyphs() {
    use claimscope::model::{Index, Model};
    use claimscope::tui::Theme;
    use claimscope::tui::view::console;
    let theme = Theme {
        ascii: true,
        ..Theme::new(false)
    };
    let mut app = App::new(Index::new(Model::bundled().expect("bundled")), theme);
    for (w, h, pane) in [
        (120, 40, Pane::Record),
        (80, 24, Pane::Timeline),
        (80, 24, Pane::Claims),
    ] {
        app.update(Action::Focus(pane));
        let screen = text(&mut app, w, h);
        let left: Vec<char> = screen
            .chars()
            .filter(|c| console::glyph(*c).is_some())
            .collect();
        assert!(left.is_empty(), "{w}x{h} {pane:?}: {left:?}\n{screen}");
        // The verdicts still read, as their stand-ins.
        if pane == Pane::Record {
            assert!(screen.contains("+ held"), "{screen}");
            assert!(screen.contains("x failed"), "{screen}");
        }
        // The focused pane stands out in double lines; the others are light.
        assert!(screen.contains('╔'), "{screen}");
        assert!(w < 120 || screen.contains('┌'), "{screen}");
        if pane == Pane::Timeline {
            // `~` is an inferred date's; a row cut short ends in `$`.
            let rows: Vec<&str> = screen.lines().collect();
            assert!(
                rows.iter().any(|r| r.contains("~before Oct 2012")),
                "{screen}"
            );
            let cut = rows.iter().find(|r| r.contains("$║") || r.contains("$│"));
            assert!(cut.is_some(), "{screen}");
            assert!(
                !rows.iter().any(|r| r.contains("~║") || r.contains("~│")),
                "{screen}"
            );
        }
    }
    // One row looks selected: a closed node is `»`, never the selection's `>`.
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Top);
    let screen = text(&mut app, 120, 40);
    let actors = app.screen().pane(Pane::Actors).expect("the Actors pane");
    let rows: Vec<String> = screen
        .lines()
        .skip(usize::from(actors.y))
        .take(usize::from(actors.height))
        .map(|l| {
            l.chars()
                .skip(usize::from(actors.x))
                .take(usize::from(actors.width))
                .collect()
        })
        .collect();
    let marked = rows.iter().filter(|l| l.contains('>')).count();
    assert_eq!(marked, 1, "{}", rows.join("\n"));
    assert!(rows.iter().any(|l| l.contains('»')), "{}", rows.join("\n"));
    // Arrow keys are named, not drawn as `<` and `>`, keys of their own.
    assert!(
        screen
            .lines()
            .last()
            .is_some_and(|bar| bar.contains("Up/Down move")),
        "{screen}"
    );
    app.update(Action::OpenHelp);
    app.update(Action::OpenSearch);
    type_text(&mut app, "open or closed");
    let help = text(&mut app, 120, 40);
    assert!(
        help.contains("Left and Right") && !help.contains("< and >"),
        "{help}"
    );
    run(&mut app, [Action::Escape, Action::Escape]);
    // In reading mode the chosen sentence's bar is not the bar of the others.
    app.update(Action::Focus(Pane::Claims));
    app.update(Action::ToggleReading);
    let screen = text(&mut app, 80, 24);
    assert!(screen.contains("║ ") && screen.contains("│ "), "{screen}");
}

#[test]
fn a_claim_chosen_from_another_pane_shows_its_sentence_from_the_top() {
    // One pane at a time, the Source pane shares the screen with the claims. Scrolled to a
    // review's sources for one claim, it must not stay there for the next.
    let mut app = app();
    draw(&mut app, 80, 18);
    // A reviewed claim, whose Source pane runs on into the record (moving in a pane
    // chooses; focus alone does not).
    app.update(Action::Focus(Pane::Record));
    app.update(Action::Down);
    app.update(Action::Focus(Pane::Claims));
    app.update(Action::Focus(Pane::Source));
    app.update(Action::Bottom);
    draw(&mut app, 80, 18);
    let seen = text(&mut app, 80, 18);
    assert!(
        app.cursor(Pane::Source).offset > 0,
        "scrolled down:\n{seen}"
    );
    app.update(Action::Focus(Pane::Record));
    app.update(Action::Down);
    app.update(Action::Focus(Pane::Claims));
    let screen = text(&mut app, 80, 18);
    let claim = &app.index().model().claims[app.selected_claim().expect("a claim")];
    assert!(
        screen.contains(&format!("Claim {} ·", claim.id)),
        "{screen}"
    );
}

/// The colour xterm draws for a cell colour by default (`None`: the terminal's own).
fn xterm_rgb(color: Color) -> Option<(u8, u8, u8)> {
    const SIXTEEN: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    let indexed = |i: u8| -> (u8, u8, u8) {
        const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
        match i {
            0..=15 => SIXTEEN[usize::from(i)],
            16..=231 => {
                let i = usize::from(i - 16);
                (LEVELS[i / 36], LEVELS[i / 6 % 6], LEVELS[i % 6])
            }
            _ => {
                let grey = 8 + 10 * (i - 232);
                (grey, grey, grey)
            }
        }
    };
    Some(match color {
        Color::Reset => return None,
        Color::Black => SIXTEEN[0],
        Color::Red => SIXTEEN[1],
        Color::Green => SIXTEEN[2],
        Color::Yellow => SIXTEEN[3],
        Color::Blue => SIXTEEN[4],
        Color::Magenta => SIXTEEN[5],
        Color::Cyan => SIXTEEN[6],
        Color::Gray => SIXTEEN[7],
        Color::DarkGray => SIXTEEN[8],
        Color::LightRed => SIXTEEN[9],
        Color::LightGreen => SIXTEEN[10],
        Color::LightYellow => SIXTEEN[11],
        Color::LightBlue => SIXTEEN[12],
        Color::LightMagenta => SIXTEEN[13],
        Color::LightCyan => SIXTEEN[14],
        Color::White => SIXTEEN[15],
        Color::Indexed(i) => indexed(i),
        Color::Rgb(r, g, b) => (r, g, b),
    })
}

/// WCAG's contrast ratio of two colours: 1 (the same) to 21 (black on white).
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn every_colour_drawn_reads_on_the_background_it_was_picked_for() {
    use claimscope::model::{Index, Model};
    use claimscope::tui::{Pane, Theme};
    let backgrounds = [
        ("dark", Theme::new(true), (0, 0, 0)),
        ("light", Theme::new(true).on_light(), (255, 255, 255)),
    ];
    for (name, theme, background) in backgrounds {
        let mut app = App::new(Index::new(Model::bundled().expect("bundled")), theme);
        let mut worst: Option<(f64, String)> = None;
        let mut look = |app: &mut App, what: &str| {
            let screen = buffer(app, 120, 40);
            for cell in &screen.content {
                let Some(fg) = xterm_rgb(cell.fg) else {
                    continue;
                };
                let behind = xterm_rgb(cell.bg).unwrap_or(background);
                let ratio = contrast(fg, behind);
                if worst.as_ref().is_none_or(|(w, _)| ratio < *w) {
                    worst = Some((
                        ratio,
                        format!("{what}: {:?} on {:?} `{}`", cell.fg, cell.bg, cell.symbol()),
                    ));
                }
            }
        };
        for pane in [
            Pane::Timeline,
            Pane::Actors,
            Pane::Arguments,
            Pane::Record,
            Pane::Claims,
        ] {
            app.update(Action::Focus(pane));
            app.update(Action::Down);
            look(&mut app, &format!("{pane:?}"));
        }
        app.update(Action::OpenSearch);
        type_text(&mut app, "russia");
        look(&mut app, "search");
        app.update(Action::Accept);
        app.update(Action::ToggleReading);
        look(&mut app, "reading");
        let (ratio, at) = worst.expect("something is drawn in colour");
        assert!(
            ratio >= 3.0,
            "{name} background: contrast {ratio:.2} at {at}"
        );
    }
}

#[test]
fn from_reading_mode_a_hit_s_sentence_is_said_to_lack_only_what_it_truly_lacks() {
    let mut app = app();
    app.update(Action::ToggleReading);
    // A slip: "russai" reads in "Russia ... said" as the search reads it, in the claim and
    // in its sentence alike.
    app.update(Action::OpenSearch);
    type_text(&mut app, "russai");
    app.update(Action::Accept);
    let mut seen = Vec::new();
    for _ in 0..8 {
        let claim = app
            .reading
            .claim
            .map(|c| app.index().model().claims[c].id.clone());
        let said = app.status().unwrap_or_default().to_string();
        match claim.as_deref() {
            // "Russia is constrained in what it can do": it reads there too.
            Some("c37a") => assert!(!said.contains("No “russai”"), "{said}"),
            // "Moscow's outreach to Islamabad ...": the claim's "Russia is" is not there.
            Some("c17b") => assert!(said.contains("No “russai” in c17b's sentence"), "{said}"),
            _ => {}
        }
        seen.extend(claim);
        app.update(Action::NextHit);
    }
    assert!(
        seen.iter().any(|c| c == "c37a") && seen.iter().any(|c| c == "c17b"),
        "{seen:?}"
    );
    // The claim's own words that its sentence does not use.
    app.update(Action::OpenSearch);
    app.update(Action::ClearQuery);
    type_text(&mut app, "in:claim taken part talks");
    app.update(Action::Accept);
    let said = app.status().unwrap_or_default();
    assert!(
        said.contains("No “taken”") && said.contains("other words"),
        "{said}"
    );
}

#[test]
fn the_count_of_hits_as_typed_stays_the_same_as_the_list_grows() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "russai");
    let title = |app: &mut App| -> String {
        let screen = text(app, 120, 40);
        let line = screen
            .lines()
            .find(|l| l.contains("Search ·"))
            .unwrap_or_default();
        line.split("Search · ")
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    let first = title(&mut app);
    let typed = first.split(' ').next().unwrap_or_default().to_string();
    assert!(typed.parse::<usize>().is_ok(), "{first}");
    for _ in 0..8 {
        app.update(Action::PageDown);
        let now = title(&mut app);
        assert!(now.starts_with(&format!("{typed} hits")), "{first} → {now}");
    }
    // By now the reading of the slip has joined, and says so.
    let last = title(&mut app);
    assert!(last.contains("for “russia” (≈)"), "{last}");
}

#[test]
fn under_an_overlay_the_panes_are_faint_and_only_the_overlay_shows_a_selection() {
    use ratatui::style::Modifier;
    for open in [Action::OpenSearch, Action::OpenHelp] {
        let mut app = app();
        app.update(Action::Focus(Pane::Timeline));
        app.update(Action::Down);
        app.update(open.clone());
        if open == Action::OpenSearch {
            type_text(&mut app, "kayani");
        }
        let screen = buffer(&mut app, 120, 40);
        let main = app.screen().main;
        let boxed = match open {
            Action::OpenSearch => claimscope::tui::layout::search_box(main),
            _ => claimscope::tui::layout::help_box(main),
        };
        for y in main.y..main.bottom() {
            for x in main.x..main.right() {
                let inside =
                    x >= boxed.x && x < boxed.right() && y >= boxed.y && y < boxed.bottom();
                let cell = &screen[(x, y)];
                if !inside {
                    assert!(
                        cell.modifier.contains(Modifier::DIM),
                        "{open:?} ({x},{y}) {cell:?}"
                    );
                    assert!(
                        !cell.modifier.contains(Modifier::REVERSED),
                        "{open:?} ({x},{y})"
                    );
                }
            }
        }
    }
}

#[test]
fn no_title_runs_into_its_box_s_corner() {
    // Whatever is selected, a title too long for its border ends in `…` short of the
    // corner; the tab strip's cut names too.
    for (w, h) in [(120, 40), (80, 24), (60, 20)] {
        let mut app = app();
        for pane in [
            Pane::Timeline,
            Pane::Actors,
            Pane::Record,
            Pane::Arguments,
            Pane::Claims,
        ] {
            app.update(Action::Focus(pane));
            app.update(Action::Top);
            for _ in 0..70 {
                for row in draw(&mut app, w, h) {
                    let chars: Vec<char> = row.chars().collect();
                    for (i, c) in chars.iter().enumerate().skip(1) {
                        if "┐┓╗".contains(*c) {
                            let before = chars[i - 1];
                            assert!("─━═ …".contains(before), "{w}x{h} {pane:?}: {row}");
                        }
                    }
                }
                let tabs = draw(&mut app, w, h).into_iter().next().unwrap_or_default();
                if tabs.contains('│') && w < 80 {
                    for label in tabs.split('│') {
                        let name = label.trim().trim_matches(['[', ']']);
                        let whole = Pane::ALL.iter().any(|p| name.ends_with(p.title()));
                        assert!(whole || name.ends_with('…'), "{w}x{h}: {tabs}");
                    }
                }
                app.update(Action::Down);
            }
        }
    }
}

#[test]
fn the_help_filter_keeps_a_section_its_heading_names_and_enter_on_no_hit_says_so() {
    let mut app = app();
    app.update(Action::OpenHelp);
    app.update(Action::OpenSearch);
    type_text(&mut app, "symbol");
    let screen = text(&mut app, 120, 40);
    assert!(!screen.contains("Nothing in the help mentions"), "{screen}");
    assert!(screen.contains("Symbols"), "{screen}");
    app.update(Action::Escape);
    app.update(Action::Escape);
    app.update(Action::Escape);
    app.update(Action::OpenSearch);
    type_text(&mut app, "qqqqzzzz");
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(
        app.status(),
        Some("No hit to go to: change the query, or Esc.")
    );
}

#[test]
fn tab_takes_a_filter_s_likely_meaning_and_a_bare_key_says_what_it_takes() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "kind:forcast india");
    let screen = text(&mut app, 120, 40);
    assert!(
        screen.contains("did you mean `kind:forecast`? (Tab)"),
        "{screen}"
    );
    app.update(Action::TakeSpelling);
    assert_eq!(app.search.query, "kind:forecast india");
    assert!(!app.search.hits.is_empty());
    app.update(Action::ClearQuery);
    type_text(&mut app, "stauts:cancelled");
    app.update(Action::TakeSpelling);
    assert_eq!(app.search.query, "status:cancelled");
    app.update(Action::ClearQuery);
    type_text(&mut app, "kind:");
    let screen = text(&mut app, 120, 40);
    assert!(
        screen.contains("`kind:` takes a value: fact, assessment, forecast"),
        "{screen}"
    );
}

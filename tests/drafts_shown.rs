//! A draft, a model that still breaks rules, is shown as it stands: whatever links fail
//! to resolve, whatever the argument map's shape, the index is built and every pane is
//! drawn and moved through without a panic. The models here are the bundled one broken
//! in the ways a half-done curation is: references to nothing or to the wrong kind of
//! item, a node its own ancestor, two theses, quotes that are not in their sentences,
//! sections emptied.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use claimscope::model::{Index, Model};
use claimscope::tui::{Action, App, Pane, Theme, view};

/// One way a curation in progress can be broken, at item `at` (taken modulo the section's
/// length), with `to` as the id written where one is.
#[derive(Debug, Clone)]
enum Break {
    ClaimSentence(usize, Id),
    ClaimQuote(usize, String),
    ClaimActor(usize, Id),
    Parent(usize, Id),
    ParentIsSelf(usize),
    ParentIsChild(usize),
    NoParent(usize),
    NodeClaim(usize, Id),
    RelationEnds(usize, Id, Id),
    ReviewClaim(usize, Id),
    ReviewSource(usize, Id),
    LaterBearsOn(usize, Id),
    EventActor(usize, Id),
    EventClaim(usize, Id),
    Paragraph(usize, u32),
    Empty(u8),
}

/// An id: one of the model's (of any kind), or one it does not have.
#[derive(Debug, Clone)]
enum Id {
    Known(usize),
    Unknown(String),
}

fn id() -> impl Strategy<Value = Id> {
    prop_oneof![
        any::<usize>().prop_map(Id::Known),
        prop::sample::select(vec!["", "nobody", "c99z", "s01/s02", "TO FILL: x"])
            .prop_map(|s| Id::Unknown(s.to_string())),
    ]
}

fn a_break() -> impl Strategy<Value = Break> {
    let at = any::<usize>();
    prop_oneof![
        (at, id()).prop_map(|(a, i)| Break::ClaimSentence(a, i)),
        (
            at,
            prop::sample::select(vec!["", "not in it", "é", "the the the"])
        )
            .prop_map(|(a, q)| Break::ClaimQuote(a, q.to_string())),
        (at, id()).prop_map(|(a, i)| Break::ClaimActor(a, i)),
        (at, id()).prop_map(|(a, i)| Break::Parent(a, i)),
        at.prop_map(Break::ParentIsSelf),
        at.prop_map(Break::ParentIsChild),
        at.prop_map(Break::NoParent),
        (at, id()).prop_map(|(a, i)| Break::NodeClaim(a, i)),
        (at, id(), id()).prop_map(|(a, i, j)| Break::RelationEnds(a, i, j)),
        (at, id()).prop_map(|(a, i)| Break::ReviewClaim(a, i)),
        (at, id()).prop_map(|(a, i)| Break::ReviewSource(a, i)),
        (at, id()).prop_map(|(a, i)| Break::LaterBearsOn(a, i)),
        (at, id()).prop_map(|(a, i)| Break::EventActor(a, i)),
        (at, id()).prop_map(|(a, i)| Break::EventClaim(a, i)),
        (at, prop::sample::select(vec![0, 1, 2, 99, u32::MAX]))
            .prop_map(|(a, p)| Break::Paragraph(a, p)),
        (0u8..9).prop_map(Break::Empty),
    ]
}

/// Every id of the model, of whatever kind, for an `Id::Known` to pick from.
fn every_id(model: &Model) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(model.sentences.iter().map(|s| s.id.clone()));
    ids.extend(model.actors.iter().map(|a| a.id.clone()));
    ids.extend(model.events.iter().map(|e| e.id.clone()));
    ids.extend(model.claims.iter().map(|c| c.id.clone()));
    ids.extend(model.arguments.iter().map(|a| a.id.clone()));
    ids.extend(model.sources.iter().map(|s| s.id.clone()));
    ids.extend(model.reviews.iter().map(|r| r.id.clone()));
    ids
}

fn apply(model: &mut Model, ids: &[String], broken: &Break) {
    let name = |id: &Id| match id {
        Id::Known(n) if !ids.is_empty() => ids[n % ids.len()].clone(),
        Id::Known(_) => String::new(),
        Id::Unknown(s) => s.clone(),
    };
    fn pick<T>(list: &mut [T], at: usize) -> Option<&mut T> {
        let n = list.len();
        if n == 0 { None } else { list.get_mut(at % n) }
    }
    match broken {
        Break::ClaimSentence(at, to) => {
            if let Some(c) = pick(&mut model.claims, *at) {
                c.sentence = name(to);
            }
        }
        Break::ClaimQuote(at, quote) => {
            if let Some(c) = pick(&mut model.claims, *at) {
                c.quote = quote.clone();
            }
        }
        Break::ClaimActor(at, to) => {
            if let Some(c) = pick(&mut model.claims, *at) {
                c.actors.push(name(to));
            }
        }
        Break::Parent(at, to) => {
            if let Some(a) = pick(&mut model.arguments, *at) {
                a.parent = Some(name(to));
            }
        }
        Break::ParentIsSelf(at) => {
            if let Some(a) = pick(&mut model.arguments, *at) {
                a.parent = Some(a.id.clone());
            }
        }
        Break::ParentIsChild(at) => {
            let n = model.arguments.len();
            if n > 0 {
                let parent = model.arguments[at % n].id.clone();
                if let Some(child) = model
                    .arguments
                    .iter()
                    .position(|a| a.parent.as_deref() == Some(&parent))
                {
                    let child_id = model.arguments[child].id.clone();
                    model.arguments[at % n].parent = Some(child_id);
                }
            }
        }
        Break::NoParent(at) => {
            if let Some(a) = pick(&mut model.arguments, *at) {
                a.parent = None;
                a.stance = None;
            }
        }
        Break::NodeClaim(at, to) => {
            if let Some(a) = pick(&mut model.arguments, *at) {
                a.claims.push(name(to));
            }
        }
        Break::RelationEnds(at, from, to) => {
            let (from, to) = (name(from), name(to));
            if let Some(r) = pick(&mut model.relations, *at) {
                r.from = from;
                r.to = to;
            }
        }
        Break::ReviewClaim(at, to) => {
            if let Some(r) = pick(&mut model.reviews, *at) {
                r.claims = vec![name(to)];
            }
        }
        Break::ReviewSource(at, to) => {
            if let Some(r) = pick(&mut model.reviews, *at) {
                r.sources.push(name(to));
            }
        }
        Break::LaterBearsOn(at, to) => {
            if let Some(l) = pick(&mut model.later, *at) {
                l.bears_on.push(name(to));
            }
        }
        Break::EventActor(at, to) => {
            if let Some(e) = pick(&mut model.events, *at) {
                e.actors.push(name(to));
            }
        }
        Break::EventClaim(at, to) => {
            if let Some(e) = pick(&mut model.events, *at) {
                e.claims.push(name(to));
            }
        }
        Break::Paragraph(at, p) => {
            if let Some(s) = pick(&mut model.sentences, *at) {
                s.paragraph = *p;
            }
        }
        Break::Empty(section) => match section {
            0 => model.sentences.clear(),
            1 => model.actors.clear(),
            2 => model.events.clear(),
            3 => model.claims.clear(),
            4 => model.arguments.clear(),
            5 => model.relations.clear(),
            6 => model.reviews.clear(),
            7 => model.later.clear(),
            _ => model.sources.clear(),
        },
    }
}

/// Builds the index and walks the explorer through every pane, reading mode and a
/// search, drawing each step at two sizes.
fn walk(model: Model) {
    let mut app = App::new(Index::new(model), Theme::new(true));
    let draw = |app: &mut App, w: u16, h: u16| {
        app.update(Action::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal.draw(|f| view::render(app, f)).expect("draw");
    };
    for (w, h) in [(80, 24), (150, 45)] {
        for pane in Pane::ALL {
            app.update(Action::Focus(pane));
            for action in [
                Action::Down,
                Action::Down,
                Action::Expand,
                Action::Enter,
                Action::Bottom,
            ] {
                app.update(action);
                draw(&mut app, w, h);
            }
            app.update(Action::Back);
        }
        // Each picture, walked as the lists are.
        for pane in [Pane::Timeline, Pane::Arguments, Pane::Actors] {
            app.update(Action::Focus(pane));
            app.update(Action::Picture);
            for action in [
                Action::Right,
                Action::Down,
                Action::ZoomIn,
                Action::Left,
                Action::Up,
                Action::ToggleFold,
                Action::Enter,
                Action::Back,
            ] {
                app.update(action);
                draw(&mut app, w, h);
            }
            app.update(Action::Focus(pane));
            app.update(Action::Picture);
        }
        app.update(Action::ToggleReading);
        for action in [Action::NextClaim, Action::NextClaim, Action::PrevClaim] {
            app.update(action);
            draw(&mut app, w, h);
        }
        app.update(Action::Escape);
        app.update(Action::OpenSearch);
        for c in "pak".chars() {
            app.update(Action::Type(c));
        }
        draw(&mut app, w, h);
        app.update(Action::Accept);
        draw(&mut app, w, h);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_model_broken_as_drafts_are_is_shown_without_a_panic(
        breaks in prop::collection::vec(a_break(), 1..12)
    ) {
        let mut model = Model::bundled().expect("bundled");
        let ids = every_id(&model);
        for broken in &breaks {
            apply(&mut model, &ids, broken);
        }
        walk(model);
    }
}

#[test]
fn every_break_alone_on_every_item_kind_is_shown() {
    // Each break once, deterministically, so that a regression names its cause.
    let model = Model::bundled().expect("bundled");
    let ids = every_id(&model);
    let unknown = || Id::Unknown("nobody".to_string());
    let kinds = [
        Break::ClaimSentence(0, unknown()),
        Break::ClaimSentence(3, Id::Known(60)),
        Break::ClaimQuote(0, String::new()),
        Break::ParentIsSelf(0),
        Break::ParentIsSelf(4),
        Break::ParentIsChild(0),
        Break::ParentIsChild(2),
        Break::NoParent(3),
        Break::Parent(5, unknown()),
        Break::RelationEnds(0, unknown(), unknown()),
        Break::ReviewClaim(0, unknown()),
        Break::Paragraph(5, 0),
        Break::Empty(0),
        Break::Empty(3),
        Break::Empty(4),
    ];
    for broken in kinds {
        let mut model = model.clone();
        apply(&mut model, &ids, &broken);
        walk(model);
    }
}

mod common;

use claimscope::model::{
    BUNDLED_MODEL, LoadError, LoadProgress, ModelFile, load_draft, locate_all,
};
use claimscope::tui::Mode;

/// The bundled model with claim c06a sent to a sentence that is not there: two
/// problems, the claim's broken link and its sentence left with no claim.
fn broken_text() -> String {
    let text = BUNDLED_MODEL.replacen("sentence = \"s06\"", "sentence = \"s-none\"", 1);
    assert_ne!(text, BUNDLED_MODEL);
    text
}

fn file(text: &str) -> ModelFile {
    ModelFile {
        name: "draft.toml".to_string(),
        text: text.to_string(),
    }
}

/// An explorer on `text` read as a draft, with its problems, at a size.
fn draft_explorer(text: &str, w: u16, h: u16) -> App {
    let source = file(text);
    let survey = load_draft(&source, &LoadProgress::new()).expect("a draft opens");
    let errors: Vec<_> = survey
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    let mut app = App::new(Index::new(survey.model), Theme::new(false));
    app.set_problems(locate_all(&errors, &source.text));
    app.update(Action::Resize(w, h));
    app
}

fn screen(app: &mut App) -> String {
    common::screen::text(app, app.size().width, app.size().height)
}

#[test]
fn a_draft_lists_its_problems_and_enter_goes_to_what_each_is_about() {
    let mut app = draft_explorer(&broken_text(), 120, 40);
    let problems = app.problems().to_vec();
    assert_eq!(problems.len(), 2, "{problems:?}");
    let first = screen(&mut app);
    assert!(
        first
            .lines()
            .next()
            .is_some_and(|l| l.contains("Draft: 2 problems (!)")),
        "{first}"
    );
    assert!(
        first.contains("! 2 problems"),
        "the key bar offers them:\n{first}"
    );

    app.update(Action::OpenProblems);
    assert_eq!(app.mode(), Mode::Problems);
    let list = screen(&mut app);
    let list = list.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each at its line in the file: the broken link where it is written.
    let text = broken_text();
    for problem in &problems {
        let line = format!("line {}", problem.at.line);
        assert!(list.contains(&line), "{line}:\n{list}");
    }
    let link = problems.iter().find(|p| p.item.as_deref() == Some("c06a"));
    let written = link.and_then(|p| text.lines().nth(p.at.line - 1));
    assert_eq!(written, Some("sentence = \"s-none\""));

    // The sentence left with no claim opens in reading mode, in view.
    let sentence = problems
        .iter()
        .position(|p| p.item.as_deref() == Some("s06"))
        .expect("a problem about s06");
    app.problem_cursor.selected = sentence;
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Reading);
    assert_eq!(app.status(), Some("Sentence s06: no claim yet."));
    let reading = screen(&mut app);
    assert!(
        reading.contains("Mr Putin was to have participated"),
        "{reading}"
    );

    // The claim whose sentence is not there is selected in the Claims pane.
    app.update(Action::Escape);
    app.update(Action::OpenProblems);
    let claim = problems
        .iter()
        .position(|p| p.item.as_deref() == Some("c06a"))
        .expect("a problem about c06a");
    app.problem_cursor.selected = claim;
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Panes);
    let selected = app
        .selected_claim()
        .map(|c| app.index().model().claims[c].id.clone());
    assert_eq!(selected.as_deref(), Some("c06a"));
    assert!(
        app.status().is_some_and(|s| s.starts_with("Line ")),
        "{:?}",
        app.status()
    );

    // Esc closes the list where it was opened.
    app.update(Action::OpenProblems);
    app.update(Action::Escape);
    assert_eq!(app.mode(), Mode::Panes);
}

#[test]
fn a_finished_model_has_no_problems_and_looks_as_it_always_has() {
    let model = Model::bundled().expect("bundled");
    let mut plain = App::new(Index::new(model.clone()), Theme::new(false));
    plain.update(Action::Resize(120, 40));
    let mut drafted = draft_explorer(BUNDLED_MODEL, 120, 40);
    assert!(drafted.problems().is_empty());
    assert_eq!(screen(&mut drafted), screen(&mut plain));
    drafted.update(Action::OpenProblems);
    assert_eq!(drafted.mode(), Mode::Panes);
    assert_eq!(
        drafted.status(),
        Some("This model breaks no rule: no problems to list.")
    );
    assert!(!screen(&mut plain).contains("! problems"));
}

#[test]
fn only_what_cannot_be_shown_safely_is_refused() {
    let refused = |text: &str| match load_draft(&file(text), &LoadProgress::new()) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Err(other) => panic!("refused otherwise: {other}"),
        Ok(_) => panic!("opened:\n{}", &text[..200.min(text.len())]),
    };
    // Not all TOML: what did not parse would be missing without a word.
    let torn = BUNDLED_MODEL.replacen("[[claims]]", "[[claims]", 1);
    assert!(refused(&torn).iter().any(|d| d.is_syntax()));
    // Two items with one id: a link to it could not say which.
    let twice = BUNDLED_MODEL.replacen("id = \"c06a\"", "id = \"c05a\"", 1);
    assert!(
        refused(&twice)
            .iter()
            .any(|d| d.message.contains("duplicate id"))
    );
    // Everything else opens.
    assert!(load_draft(&file(&broken_text()), &LoadProgress::new()).is_ok());
}

#[test]
fn show_search_and_export_take_a_draft_and_say_it_is_one() {
    use common::{Scratch, claimscope, stderr, stdout};
    let dir = Scratch::new("draft-commands");
    let path = dir.file("draft.toml", broken_text().as_bytes());
    let data = path.to_str().expect("utf-8 path");
    let said = "is a draft, shown as it stands: 2 errors still";

    let out = claimscope(&["--data", data, "show", "c06a"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("c06a"));
    assert!(stderr(&out).contains(said), "{}", stderr(&out));

    let out = claimscope(&["--data", data, "search", "kayani"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(said), "{}", stderr(&out));

    let out = claimscope(&["--data", data, "export", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("s-none"), "written as it stands");

    let out = claimscope(&["--data", data, "export", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("--allow-problems"),
        "{}",
        stderr(&out)
    );
    let out = claimscope(&[
        "--data",
        data,
        "export",
        "--format",
        "markdown",
        "--allow-problems",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Pakistan"));

    // A finished model says nothing of the kind.
    let out = claimscope(&["show", "c06a"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_model_read_again_keeps_the_reader_s_place_by_id() {
    use claimscope::tui::app::whole_file;
    let mut app = draft_explorer(BUNDLED_MODEL, 120, 40);
    // India in the Actors pane (its claims listed), the third of them chosen.
    app.update(Action::Focus(Pane::Actors));
    let india = app
        .actor_rows()
        .iter()
        .position(|r| matches!(r, claimscope::tui::app::ActorRow::Actor(a) if app.index().model().actors[*a].id == "india"))
        .expect("India");
    for _ in 0..india {
        app.update(Action::Down);
    }
    app.update(Action::Focus(Pane::Claims));
    app.update(Action::Down);
    app.update(Action::Down);
    let claim = |app: &App| {
        app.selected_claim()
            .map(|c| app.index().model().claims[c].id.clone())
    };
    let before = claim(&app).expect("a claim");
    let actor = |app: &App| {
        let row = app.cursor(Pane::Actors).selected;
        match app.actor_rows().get(row) {
            Some(claimscope::tui::app::ActorRow::Actor(a)) => {
                Some(app.index().model().actors[*a].id.clone())
            }
            _ => None,
        }
    };
    assert_eq!(actor(&app).as_deref(), Some("india"));

    // The file saved with an actor added before India: every position moves by one.
    let text = BUNDLED_MODEL.replacen(
        "[[actors]]",
        "[[actors]]\nid = \"newcomer\"\nname = \"Newcomer\"\nkind = \"person\"\naliases = []\nsummary = \"Added while reading.\"\n\n[[actors]]",
        1,
    );
    let source = file(&text);
    let survey = load_draft(&source, &LoadProgress::new()).expect("reads");
    let errors: Vec<_> = survey
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .collect();
    let searcher = claimscope::search::Searcher::new(std::sync::Arc::new(Index::new(survey.model)));
    app.reload(searcher, locate_all(&errors, &text));
    assert_eq!(app.focus(), Pane::Claims);
    assert_eq!(
        actor(&app).as_deref(),
        Some("india"),
        "the same actor, one row further down"
    );
    assert_eq!(
        claim(&app).as_deref(),
        Some(before.as_str()),
        "the same claim"
    );
    assert!(
        app.status().is_some_and(|s| s.contains("again")),
        "{:?}",
        app.status()
    );

    // A save that cannot be read: the model stays, and what is wrong is said and listed.
    let shown = claim(&app);
    app.reload_failed(vec![whole_file("invalid TOML: expected `=`".to_string())]);
    assert_eq!(claim(&app), shown);
    assert!(
        app.status()
            .is_some_and(|s| s.contains("was not read again"))
    );
    assert!(
        app.problems()[0]
            .message
            .starts_with("not read again: invalid TOML")
    );
}

#[test]
fn the_last_problem_can_be_reached_and_is_on_screen() {
    // The bundled model with every claim of one argument node dropped from it: problems
    // enough to fill the list more than once.
    let mut text = BUNDLED_MODEL.to_string();
    for n in 1..=20 {
        text = text.replacen(
            &format!("sentence = \"s{n:02}\""),
            "sentence = \"s-none\"",
            1,
        );
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = draft_explorer(&text, w, h);
        let count = app.problems().len();
        assert!(count > 20, "{count}");
        app.update(Action::OpenProblems);
        app.update(Action::Bottom);
        let screen = screen(&mut app);
        let last = app.problems().last().expect("a last problem");
        let row = format!("line {}", last.at.line);
        let selected = screen.lines().find(|l| {
            let squeezed = l.split_whitespace().collect::<Vec<_>>().join(" ");
            squeezed.contains(&format!("▶ {row}"))
        });
        assert!(
            selected.is_some(),
            "{w}x{h}: the last problem is selected on screen:\n{screen}"
        );
        // The mistakes come before the work left to do.
        let first_todo = app.problems().iter().position(|p| p.todo).unwrap_or(count);
        assert!(app.problems()[..first_todo].iter().all(|p| !p.todo));
        assert!(app.problems()[first_todo..].iter().all(|p| p.todo));
    }
}

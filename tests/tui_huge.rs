//! One huge sentence in view: what each key costs is bounded by what the screen shows,
//! not by the length of the text. The work is counted (characters laid out), never timed.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use claimscope::model::{Index, Model};
use claimscope::tui::wrap::{MAX_PIECE_CHARS, chars_laid_out};
use claimscope::tui::{Action, App, Pane, Theme, view};

mod common;
use common::screen::source_text;

/// The bundled model with sentence s04 grown to about 30 MB around its own words, so the
/// claims that quote it still quote it verbatim.
fn huge_model() -> (Model, usize) {
    let mut model = Model::bundled().expect("bundled model");
    let s = model
        .sentences
        .iter()
        .position(|s| s.id == "s04")
        .expect("s04");
    let filler = "and then the talks went on for another round ".repeat(680_000);
    let text = format!("{filler}{} {filler}", model.sentences[s].text);
    assert!(text.len() > 60_000_000 / 2, "{} bytes", text.len());
    model.sentences[s].text = text;
    (model, s)
}

#[test]
fn keys_near_a_30_mb_sentence_lay_out_a_screenful() {
    let (model, huge) = huge_model();
    let mut app = App::new(Index::new(model), Theme::new(false));
    app.update(Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    // Through reading mode, claim by claim, to the first one quoting the huge sentence;
    // leaving it selects that claim in the panes.
    app.update(Action::ToggleReading);
    let mut steps = 0;
    while app
        .reading
        .claim
        .and_then(|c| app.index().sentence_of_claim(c))
        != Some(huge)
    {
        app.update(Action::NextClaim);
        steps += 1;
        assert!(steps < 500, "no claim quotes s04");
    }
    app.update(Action::Escape);
    assert_eq!(
        app.selected_claim()
            .and_then(|c| app.index().sentence_of_claim(c)),
        Some(huge)
    );
    app.update(Action::Focus(Pane::Claims));
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    // Each key moves between the claims of the huge sentence and its neighbours, and
    // lays out the Source pane and the detail again: a few pieces of text, each cut at
    // MAX_PIECE_CHARS, where the sentence alone has 30 million characters.
    for action in [
        Action::Down,
        Action::Up,
        Action::Up,
        Action::Down,
        Action::Down,
    ] {
        let before = chars_laid_out();
        app.update(action.clone());
        terminal.draw(|f| view::render(&app, f)).expect("draw");
        let laid = chars_laid_out() - before;
        assert!(
            laid <= 8 * (MAX_PIECE_CHARS + 1),
            "{action:?} laid out {laid} characters"
        );
    }
    // On c05c, in the sentence after the huge one: that one, shown before it, keeps its
    // own end, then the blank line between their paragraphs, and s05 starts a line.
    assert_eq!(
        app.index().model().claims[app.selected_claim().expect("a claim")].id,
        "c05c"
    );
    let lines: Vec<String> = source_text(&app).lines().map(str::to_string).collect();
    let s05 = lines
        .iter()
        .position(|l| {
            l.trim_start_matches(['┃', ' '])
                .starts_with("The visit came after")
        })
        .unwrap_or_else(|| panic!("s05 starts a line: {lines:#?}"));
    assert_eq!(lines[s05 - 1].trim(), "", "the gap between the paragraphs");
    assert!(
        lines[s05 - 2].trim_end().ends_with("for another round"),
        "the huge sentence's own end, cut at its start instead: {}",
        lines[s05 - 2]
    );
    // Back on c04b, which quotes the end of the huge sentence: the pane shows the words
    // before the quote, cut from their start and marked `…` there, and none of the
    // sentence's own words lost where the lead-in meets the quote.
    app.update(Action::Up);
    let claim = app.selected_claim().expect("a claim");
    assert_eq!(app.index().model().claims[claim].id, "c04b");
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    // The laid-out text with its line breaks and the sentence's bar `┃` taken out.
    let laid = source_text(&app)
        .split_whitespace()
        .filter(|w| *w != "┃")
        .collect::<Vec<_>>()
        .join(" ");
    let own = "Gen Ashfaq Parvez Kayani, Pakistan's army chief of staff, visited Moscow this \
               month, in a renewed attempt to improve his country's relations with Russia.";
    let at = laid
        .find(own)
        .unwrap_or_else(|| panic!("s04's own words, whole: {laid}"));
    let cut = laid[..at]
        .rfind('…')
        .expect("the cut before the quote is marked");
    let lead_in = &laid[cut + '…'.len_utf8()..at];
    assert!(
        lead_in.chars().count() > MAX_PIECE_CHARS / 2,
        "the cut is at the start of what leads in, not beside the quote: {lead_in}"
    );
    assert!(
        // The first word may be cut in two.
        lead_in.split_whitespace().skip(1).all(|w| [
            "and", "then", "the", "talks", "went", "on", "for", "another", "round"
        ]
        .contains(&w)),
        "only the filler is cut: {lead_in}"
    );
    let source = app.screen().pane(Pane::Source).expect("the Source pane");
    let rows = terminal.backend().buffer().clone();
    let on_screen = (source.y..source.bottom()).any(|y| {
        let row: String = (source.x..source.right())
            .map(|x| rows[(x, y)].symbol())
            .collect();
        row.contains("in a renewed attempt")
    });
    assert!(on_screen, "the quote is on screen");
    // Reading mode: laid out once for the width; keys then draw a screenful.
    app.update(Action::ToggleReading);
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    let before = chars_laid_out();
    for _ in 0..5 {
        app.update(Action::NextClaim);
        terminal.draw(|f| view::render(&app, f)).expect("draw");
    }
    assert!(
        chars_laid_out() - before <= 5 * 8 * (MAX_PIECE_CHARS + 1),
        "{}",
        chars_laid_out() - before
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// However long a text grows, laying it out costs at most a piece's cap, and no line
    /// is wider than asked.
    #[test]
    fn laying_out_grows_with_the_screen_not_the_text(
        words in 1usize..60_000,
        width in 1usize..200,
    ) {
        use claimscope::tui::wrap::{Piece, wrap};
        use unicode_width::UnicodeWidthStr;
        let text = "ab中 ".repeat(words);
        let before = chars_laid_out();
        let lines = wrap(&[Piece::new(text.as_str(), ratatui::style::Style::new(), None)], width);
        let laid = chars_laid_out() - before;
        proptest::prop_assert!(laid <= MAX_PIECE_CHARS + 1, "{} for {} words", laid, words);
        for line in &lines {
            let shown: String = line.line.spans.iter().map(|s| s.content.as_ref()).collect();
            proptest::prop_assert!(shown.width() <= width.max(2));
        }
    }
}

#[test]
fn rows_of_30_mb_texts_are_measured_as_far_as_the_pane_is_wide() {
    let mut model = Model::bundled().expect("bundled model");
    let huge = "a very long title that goes on ".repeat(1_000_000);
    model.claims[0].text = huge.clone();
    model.events[0].title = huge.clone();
    model.arguments[0].title = huge;
    let mut app = App::new(Index::new(model), Theme::new(false));
    app.update(Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    // Every pane's rows are drawn at each frame: a row holds a 30 MB text in the
    // Timeline, the Arguments and the Claims. Each row is measured as far as the pane is
    // wide, a few hundred characters, not 30 million.
    for action in [
        Action::Focus(Pane::Timeline),
        Action::Down,
        Action::Up,
        Action::Focus(Pane::Claims),
        Action::Down,
    ] {
        app.update(action.clone());
        let before = chars_laid_out();
        terminal.draw(|f| view::render(&app, f)).expect("draw");
        let laid = chars_laid_out() - before;
        assert!(
            laid <= 8 * (MAX_PIECE_CHARS + 1),
            "{action:?}: a frame measured {laid}"
        );
    }
}

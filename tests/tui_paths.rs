//! A first-time reader's paths through the explorer, each one a dead end once: relations
//! that could not be opened, a search that forgot, Tab that changed what was shown, help
//! that opened far from the keys, reading mode losing its place, marks out of view, copy,
//! clicks in reading mode, and what the key bar calls the arrows.

use claimscope::model::{Index, Model, Scope};
use claimscope::tui::{Action, App, Mode, Pane};

mod common;
use common::screen::{down_to, draw, explorer, run, type_text};

fn app() -> App {
    explorer(120, 40)
}

#[test]
fn a_relation_opens_under_its_actor_and_narrows_the_claims_to_its_own() {
    let mut app = app();
    let own = Index::new(Model::bundled().expect("bundled model"));
    let model = own.model();
    let india = own.actor("india").expect("india");
    let relation = model
        .relations
        .iter()
        .position(|r| r.from == "russia" && r.to == "india")
        .expect("the India–Russia relation");
    let summary = model.relations[relation].summary.clone();
    let mut expected: Vec<usize> = model.relations[relation]
        .claims
        .iter()
        .filter_map(|id| own.claim(id))
        .collect();
    expected.sort_by_key(|c| own.reading_rank(*c));

    app.update(Action::Focus(Pane::Actors));
    down_to(&mut app, india);
    assert_eq!(app.scope(), Scope::Actor(india));
    app.update(Action::Expand);
    assert!(app.is_open(india));
    // Its relations are rows now; go down to the one with Russia.
    let row = app
        .actor_rows()
        .iter()
        .position(|r| {
            matches!(r, claimscope::tui::app::ActorRow::Relation { relation: x, .. } if *x == relation)
        })
        .expect("the relation's row");
    down_to(&mut app, row);
    assert_eq!(app.scope(), Scope::Relation(relation));
    assert_eq!(app.claim_list(), expected.as_slice());
    // The detail box holds the whole summary, however long, even at 200x60.
    let text = draw(&mut app, 200, 60).join(" ");
    let squeezed: String = text
        .split_whitespace()
        .filter(|w| !"│┃║─━┌┐└┘┏┓┗┛".contains(*w))
        .collect::<Vec<_>>()
        .join(" ");
    let tail: String = summary
        .split_whitespace()
        .rev()
        .take(6)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        squeezed.contains(&tail),
        "the end of the summary is shown: {tail}\n{text}"
    );
    // ← goes back up to the actor and closes nothing else.
    app.update(Action::Collapse);
    assert_eq!(app.selected_actor(), Some(india));
    assert_eq!(app.scope(), Scope::Actor(india));
}

#[test]
fn focus_alone_never_changes_what_the_claims_show() {
    let mut app = app();
    let scope = app.scope();
    let claims = app.claim_list().to_vec();
    for _ in 0..12 {
        app.update(Action::FocusNext);
        assert_eq!(app.scope(), scope, "Tab onto {:?}", app.focus());
        assert_eq!(app.claim_list(), claims.as_slice());
    }
    for pane in Pane::ALL {
        app.update(Action::Focus(pane));
        assert_eq!(app.scope(), scope, "focus on {pane:?}");
    }
    // Moving in a pane does change it.
    app.update(Action::Focus(Pane::Timeline));
    app.update(Action::Down);
    assert_ne!(app.scope(), scope);
}

#[test]
fn enter_on_a_pane_reached_by_tab_lists_what_it_has_selected() {
    let mut app = app();
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Enter);
    let pakistan = app.index().actor("pakistan").expect("pakistan");
    assert_eq!(app.scope(), Scope::Actor(pakistan));
    assert_eq!(app.focus(), Pane::Claims);
}

#[test]
fn search_remembers_its_last_query_and_its_history_and_n_walks_the_hits() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "kind:forecast");
    let hits = app.search.hits.len();
    assert!(hits > 3, "{hits} forecasts");
    let first = app.search.hits[0].clone();
    app.update(Action::Accept);
    assert_eq!(app.mode(), Mode::Panes);
    assert_eq!(app.selected_claim(), Some(first.index));

    // n and N go through the hits without the box, and say where they are.
    app.update(Action::NextHit);
    let second = app.search.accepted().expect("remembered").hits[1].clone();
    assert_eq!(app.selected_claim(), Some(second.index));
    assert!(
        app.status()
            .is_some_and(|s| s.contains(&format!("Hit 2 of {hits}"))),
        "{:?}",
        app.status()
    );
    app.update(Action::PrevHit);
    app.update(Action::PrevHit);
    assert!(
        app.status().is_some_and(|s| s.contains("first hit")),
        "{:?}",
        app.status()
    );

    // `/` opens on the last query, ready to run again.
    app.update(Action::OpenSearch);
    assert_eq!(app.search.query, "kind:forecast");
    assert_eq!(app.search.hits.len(), hits);
    app.update(Action::Escape);

    // A second search, then ↑ in an empty box walks back through both.
    app.update(Action::OpenSearch);
    app.update(Action::ClearQuery);
    type_text(&mut app, "kayani");
    app.update(Action::Accept);
    app.update(Action::OpenSearch);
    app.update(Action::ClearQuery);
    app.update(Action::Up);
    assert_eq!(app.search.query, "kayani");
    app.update(Action::Up);
    assert_eq!(app.search.query, "kind:forecast");
    app.update(Action::Up);
    assert_eq!(app.search.query, "kind:forecast", "the oldest stays");
    // ↓ moves among the recalled search's hits, and ↑ from there moves back up them.
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.search.query, "kind:forecast");
    assert_eq!(app.search.cursor.selected, 2);
    app.update(Action::Up);
    assert_eq!(app.search.cursor.selected, 1);
    assert_eq!(app.search.query, "kind:forecast");
    // With a query typed, the arrows move among the hits from the start.
    app.update(Action::ClearQuery);
    type_text(&mut app, "russia");
    app.update(Action::Up);
    assert_eq!(app.search.query, "russia");
    app.update(Action::Down);
    assert_eq!(app.search.cursor.selected, 1);
    // Reopened, the box selects the hit gone to last.
    app.update(Action::Escape);
    app.update(Action::OpenSearch);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Accept);
    app.update(Action::OpenSearch);
    assert_eq!(app.search.cursor.selected, 2);
}

#[test]
fn help_opens_on_the_keys_says_where_it_is_and_filters() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::OpenHelp);
    let rows = draw(&mut app, 80, 24);
    let text = rows.join("\n");
    assert!(rows[2].contains("Keys"), "the keys come first:\n{text}");
    assert!(text.contains("lines 1–"), "a position:\n{text}");
    let all = app.laid().help_lines.len();
    app.update(Action::OpenSearch);
    type_text(&mut app, "copy");
    let kept = app.laid().help_lines.len();
    assert!(kept < all / 4, "{kept} of {all} lines kept");
    let text = draw(&mut app, 80, 24).join("\n");
    assert!(text.contains("filter: copy"), "{text}");
    assert!(text.contains("copy the claim"), "{text}");
    // Esc drops the filter, then closes.
    app.update(Action::Escape);
    assert_eq!(app.laid().help_lines.len(), all);
    assert_eq!(app.mode(), Mode::Help);
    app.update(Action::Escape);
    assert_eq!(app.mode(), Mode::Panes);
}

/// Whether reading mode's highlighted claim has a line on the screen.
fn highlight_on_screen(app: &App) -> bool {
    let Some(sentence) = app
        .reading
        .claim
        .and_then(|c| app.index().sentence_of_claim(c))
    else {
        return false;
    };
    let height = claimscope::tui::layout::reading_text(app.screen().main).1;
    let view = app.reading.scroll..app.reading.scroll + height;
    app.laid()
        .reading
        .tags
        .iter()
        .enumerate()
        .any(|(line, tags)| view.contains(&line) && tags.contains(&sentence))
}

#[test]
fn reading_mode_keeps_its_place_and_says_where_it_is() {
    let mut app = app();
    let claims = app.index().model().claims.len();
    app.update(Action::ToggleReading);
    let header = draw(&mut app, 120, 40)[0].clone();
    assert!(header.contains(&format!("(1 of {claims})")), "{header}");
    app.update(Action::NextClaim);
    let header = draw(&mut app, 120, 40)[0].clone();
    assert!(header.contains(&format!("(2 of {claims})")), "{header}");
    // Scrolled to the end, the header names a claim that is on the screen.
    app.update(Action::Bottom);
    assert!(highlight_on_screen(&app));
    // Back at the top, N moves within what is on screen, rather than far away.
    app.update(Action::Top);
    assert!(highlight_on_screen(&app));
    app.update(Action::PrevClaim);
    assert!(highlight_on_screen(&app), "N stays on screen");
    for _ in 0..claims {
        app.update(Action::PrevClaim);
    }
    assert!(
        app.status().is_some_and(|s| s.contains("first claim")),
        "{:?}",
        app.status()
    );
    // n at the end says so.
    app.update(Action::Bottom);
    for _ in 0..claims {
        app.update(Action::NextClaim);
    }
    assert!(
        app.status().is_some_and(|s| s.contains("last claim")),
        "{:?}",
        app.status()
    );
}

#[test]
fn the_timeline_gets_room_when_in_use_and_folding_moves_no_other_pane() {
    let mut app = app();
    app.update(Action::Focus(Pane::Timeline));
    draw(&mut app, 120, 40);
    let height = app.screen().inner_height(Pane::Timeline);
    assert!(height >= 20, "{height} rows of timeline at 120x40");
    // The selected row does not repeat the date of the run it is in.
    let rows = app.index().timeline_rows().to_vec();
    let repeat = (1..rows.len())
        .find(|i| {
            let label = |r| claimscope::tui::content::labels::timeline_date(app.index(), r);
            label(rows[*i]) == label(rows[*i - 1]) && !label(rows[*i]).is_empty()
        })
        .expect("two rows on one date");
    down_to(&mut app, repeat);
    let screen = draw(&mut app, 120, 40);
    let selected = screen
        .iter()
        .find(|l| l.contains('▶'))
        .expect("the selected row");
    let date = claimscope::tui::content::labels::timeline_date(app.index(), rows[repeat]);
    assert!(!selected.contains(&date), "{selected}");
    // Folding the argument tree changes no pane's size.
    app.update(Action::Focus(Pane::Arguments));
    draw(&mut app, 120, 40);
    let before = app.screen().clone();
    app.update(Action::Collapse);
    draw(&mut app, 120, 40);
    assert_eq!(app.screen().panes, before.panes);
}

#[test]
fn after_a_search_lands_every_pane_shows_its_first_marked_row() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "kudankulam");
    app.update(Action::Accept);
    draw(&mut app, 120, 40);
    for pane in Pane::ALL
        .into_iter()
        .filter(|p| p.is_context() && *p != app.focus())
    {
        let Some(first) = (0..app.len(pane)).find(|r| app.is_related(pane, *r)) else {
            continue;
        };
        let cursor = app.cursor(pane);
        let height = app.screen().inner_height(pane);
        assert!(
            (cursor.offset..cursor.offset + height).contains(&first),
            "{pane:?}: first marked row {first} out of view ({}..+{height})",
            cursor.offset
        );
    }
}

#[test]
fn y_copies_the_quote_with_its_citation_and_says_so() {
    let mut app = app();
    let claim = app.selected_claim().expect("a claim");
    let model = app.index().model();
    let quote = model.claims[claim].quote.clone();
    let id = model.claims[claim].id.clone();
    let title = model.article.title.clone();
    app.update(Action::Copy);
    let copied = app.take_clipboard().expect("something to copy");
    assert!(copied.contains(&format!("“{quote}”")), "{copied}");
    assert!(copied.contains("the headline, sentence s01"), "{copied}");
    assert!(copied.contains(&title), "{copied}");
    assert!(
        app.status().is_some_and(|s| s.contains(&id)),
        "{:?}",
        app.status()
    );
    assert_eq!(app.take_clipboard(), None, "sent once");
}

#[test]
fn a_click_on_a_sentence_in_reading_mode_highlights_its_first_claim() {
    let mut app = app();
    app.update(Action::ToggleReading);
    draw(&mut app, 120, 40);
    // Find a line of text that holds a sentence with claims.
    let tags = app.laid().reading.tags.clone();
    let (line, sentence) = tags
        .iter()
        .enumerate()
        .skip(6)
        .find_map(|(n, t)| {
            t.clone()
                .find(|s| !app.index().claims_of_sentence(*s).is_empty())
                .map(|s| (n, s))
        })
        .expect("a line with a claim");
    let row = u16::try_from(line - app.reading.scroll + 1).expect("on screen");
    app.update(Action::Click { column: 20, row });
    let claim = app.reading.claim.expect("a highlight");
    let first = app
        .index()
        .claims_of_sentence(sentence)
        .iter()
        .copied()
        .min_by_key(|c| app.index().reading_rank(*c));
    let on_line: Vec<usize> = tags[line]
        .clone()
        .flat_map(|s| app.index().claims_of_sentence(s).iter().copied())
        .collect();
    assert!(on_line.contains(&claim), "a claim of the clicked line");
    assert!(first.is_some());
}

#[test]
fn the_key_bar_says_scroll_where_the_arrows_scroll() {
    let mut app = app();
    app.update(Action::Focus(Pane::Source));
    let bar = draw(&mut app, 120, 40).last().cloned().unwrap_or_default();
    assert!(bar.contains("↑↓ scroll"), "{bar}");
    app.update(Action::Focus(Pane::Claims));
    let bar = draw(&mut app, 120, 40).last().cloned().unwrap_or_default();
    assert!(bar.contains("↑↓ move"), "{bar}");
}

#[test]
fn a_relation_is_found_by_search_and_opens_where_it_lives() {
    let mut app = app();
    app.update(Action::OpenSearch);
    type_text(&mut app, "in:relation russia india");
    let hit = app.search.hits.first().cloned().expect("a relation hit");
    let relation = &app.index().model().relations[hit.index];
    assert!(
        [&relation.from, &relation.to].contains(&&"india".to_string())
            && [&relation.from, &relation.to].contains(&&"russia".to_string()),
        "{} – {}",
        relation.from,
        relation.to
    );
    app.update(Action::Accept);
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.scope(), Scope::Relation(hit.index));
    assert!(matches!(
        app.actor_row(),
        Some(claimscope::tui::app::ActorRow::Relation { relation, .. }) if relation == hit.index
    ));
}

#[test]
fn v_goes_from_any_claim_to_its_review_in_one_key_and_backspace_returns() {
    let own = Index::new(Model::bundled().expect("bundled model"));
    for (c, claim) in own.model().claims.iter().enumerate() {
        let mut app = app();
        app.update(Action::OpenSearch);
        app.update(Action::ClearQuery);
        type_text(&mut app, &format!("in:claim {}", claim.id));
        app.update(Action::Accept);
        assert_eq!(app.selected_claim(), Some(c), "{}", claim.id);
        let before = (app.focus(), app.scope());
        app.update(Action::ShowReview);
        match own.reviews_of_claim(c).first() {
            Some(review) => {
                assert_eq!(app.focus(), Pane::Record, "{}", claim.id);
                assert_eq!(app.selected_review(), Some(*review), "{}", claim.id);
                assert_eq!(app.selected_claim(), Some(c), "{} stays selected", claim.id);
                app.update(Action::Back);
                assert_eq!((app.focus(), app.scope()), before, "{}", claim.id);
            }
            None => {
                assert_eq!((app.focus(), app.scope()), before, "{}", claim.id);
                assert!(
                    app.status().is_some_and(|s| s.contains("no review")),
                    "{}: {:?}",
                    claim.id,
                    app.status()
                );
            }
        }
    }
}

#[test]
fn help_stays_readable_on_a_narrow_terminal() {
    let mut app = app();
    app.update(Action::Resize(30, 12));
    app.update(Action::OpenHelp);
    let text = draw(&mut app, 30, 12).join("\n");
    // The meaning goes under the key rather than into a column too narrow for it.
    assert!(text.contains("Tab"), "{text}");
    assert!(text.contains("focus the next"), "{text}");
}

#[test]
fn g_and_g_in_reading_mode_highlight_the_first_and_the_last_claim() {
    let mut app = app();
    let order = app.index().reading_order().to_vec();
    run(&mut app, [Action::ToggleReading, Action::Bottom]);
    assert_eq!(app.reading.claim, order.last().copied());
    app.update(Action::Top);
    assert_eq!(app.reading.claim, order.first().copied());
    app.update(Action::NextClaim);
    assert_eq!(app.reading.claim, order.get(1).copied());
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_to_show_them() {
    let mut app = app();
    app.update(Action::Resize(15, 5));
    let before = (app.focus(), app.scope(), app.cursor(Pane::Arguments));
    run(&mut app, [Action::Down, Action::FocusNext, Action::Enter]);
    assert_eq!(
        (app.focus(), app.scope(), app.cursor(Pane::Arguments)),
        before
    );
    app.update(Action::Quit);
    assert!(app.should_quit(), "q still quits");
}

//! The pictures (`p`): the timeline's chart, the argument map and the relations network.
//! Choosing in a picture does what choosing in the list does; their layouts keep what
//! they promise (no box on another, every line joining its two names, every event in its
//! place in time) at every size; and each is kept as a snapshot at three sizes without
//! colour.

use claimscope::model::{Scope, TimelineRow};
use claimscope::tui::picture::chart::Chart;
use claimscope::tui::picture::map::{BOX_HEIGHT, BOX_WIDTH};
use claimscope::tui::picture::network::{Network, Pick};
use claimscope::tui::{Action, App, Pane};
use proptest::prelude::*;

mod common;
use common::screen::{explorer, run, text};

fn with_picture(pane: Pane, width: u16, height: u16) -> App {
    let mut app = explorer(width, height);
    run(&mut app, [Action::Focus(pane), Action::Picture]);
    assert!(app.shows_picture(pane), "{pane:?} shows its picture");
    app
}

/// What a choice left: the claims' scope, the claims listed, and what is marked `•`.
fn outcome(app: &App) -> (Scope, Vec<usize>, Vec<bool>) {
    let marked = (0..app.len(Pane::Arguments))
        .map(|row| app.is_related(Pane::Arguments, row))
        .collect();
    (app.scope(), app.claim_list().to_vec(), marked)
}

#[test]
fn p_switches_a_pane_between_its_list_and_its_picture_and_titles_it() {
    for (pane, title) in [
        (Pane::Timeline, "Timeline · chart"),
        (Pane::Actors, "Actors · network"),
        (Pane::Arguments, "Arguments · map"),
    ] {
        let mut app = with_picture(pane, 120, 40);
        assert!(text(&mut app, 120, 40).contains(title), "{title}");
        app.update(Action::Picture);
        assert!(!app.shows_picture(pane));
        assert!(!text(&mut app, 120, 40).contains(title));
    }
    // The Claims pane has no picture, and says so.
    let mut app = explorer(120, 40);
    run(&mut app, [Action::Focus(Pane::Claims), Action::Picture]);
    assert!(app.status().is_some_and(|s| s.contains("have a picture")));
}

#[test]
fn the_chart_moves_through_events_in_time_and_narrows_as_the_list_does() {
    let mut list = explorer(120, 40);
    let mut chart = with_picture(Pane::Timeline, 120, 40);
    list.update(Action::Focus(Pane::Timeline));
    let place = |app: &App| {
        let laid = app.laid().pictures.chart.as_ref().expect("a chart");
        let row = app.cursor(Pane::Timeline).selected;
        laid.mark_of(row)
            .map_or(laid.article, claimscope::tui::picture::chart::place)
    };
    let mut before = place(&chart);
    for step in 0..40 {
        chart.update(Action::Right);
        // Left to right along the axis.
        let now = place(&chart);
        assert!(now >= before, "step {step} went back in time");
        before = now;
        // The same row chosen in the list does the same.
        let row = chart.cursor(Pane::Timeline).selected;
        list.update(Action::Top);
        run(&mut list, std::iter::repeat_n(Action::Down, row));
        assert_eq!(list.cursor(Pane::Timeline).selected, row);
        assert_eq!(outcome(&chart), outcome(&list), "after {} steps", step + 1);
    }
    chart.update(Action::Left);
    assert!(place(&chart) <= before);
    // Up and down move between lanes, to an event drawn above or below.
    let lane = |app: &App| {
        let laid = app.laid().pictures.chart.as_ref().expect("a chart");
        let mark = laid
            .mark_of(app.cursor(Pane::Timeline).selected)
            .expect("an event");
        (mark.track as usize, mark.lane.unwrap_or(usize::MAX))
    };
    chart.update(Action::Top);
    chart.update(Action::Right);
    let top = lane(&chart);
    chart.update(Action::Down);
    assert!(lane(&chart) > top, "down is a lane lower");
    chart.update(Action::Up);
    assert!(lane(&chart) <= top, "and up comes back up");
    // Enter goes to the claims, and Backspace comes back, as from the list.
    let chosen = outcome(&chart);
    chart.update(Action::Enter);
    assert_eq!(chart.focus(), Pane::Claims);
    assert_eq!(outcome(&chart), chosen);
    chart.update(Action::Back);
    assert_eq!(chart.focus(), Pane::Timeline);
    assert!(chart.shows_picture(Pane::Timeline), "the picture stays");
}

#[test]
fn zooming_the_chart_keeps_the_selection_and_stops_at_its_ends() {
    let mut app = with_picture(Pane::Timeline, 120, 40);
    run(&mut app, std::iter::repeat_n(Action::Right, 30));
    let selected = app.cursor(Pane::Timeline).selected;
    let whole = app.laid().pictures.chart.as_ref().expect("a chart").length;
    run(&mut app, std::iter::repeat_n(Action::ZoomIn, 10));
    assert_eq!(app.pictures().zoom, claimscope::tui::picture::MAX_ZOOM);
    assert_eq!(app.cursor(Pane::Timeline).selected, selected);
    let chart = app.laid().pictures.chart.as_ref().expect("a chart");
    assert_eq!(chart.length, whole << claimscope::tui::picture::MAX_ZOOM);
    // The selected event is drawn: its date is written under the axis.
    let screen = text(&mut app, 120, 40);
    let row = app.index().timeline_rows()[selected];
    let date = match row {
        TimelineRow::Event(e) => app.index().model().events[e].shown_date().human(),
        TimelineRow::Later(l) => app.index().model().later[l].date.human(),
        TimelineRow::Article => String::new(),
    };
    let glyph = app
        .laid()
        .pictures
        .chart
        .as_ref()
        .and_then(|c| c.mark_of(selected))
        .map(|m| m.glyph);
    let said = format!("▶ {} {date}", glyph.expect("an event is selected"));
    assert!(screen.contains(&said), "{said}\n{screen}");
    run(&mut app, std::iter::repeat_n(Action::ZoomOut, 10));
    assert_eq!(app.pictures().zoom, 0);
}

#[test]
fn the_map_moves_to_parent_child_and_sibling_and_narrows_as_the_list_does() {
    let mut map = with_picture(Pane::Arguments, 120, 40);
    let mut list = explorer(120, 40);
    list.update(Action::Focus(Pane::Arguments));
    let index = map.index();
    let thesis = index.thesis().expect("a thesis");
    let first = index.children(thesis)[0];
    let second = index.children(thesis)[1];
    // Down: the thesis's first point; in the list, one row down.
    map.update(Action::Down);
    list.update(Action::Down);
    assert_eq!(map.scope(), Scope::Argument(first));
    assert_eq!(outcome(&map), outcome(&list));
    // Right: the next point beside it.
    map.update(Action::Right);
    assert_eq!(map.scope(), Scope::Argument(second));
    map.update(Action::Left);
    assert_eq!(map.scope(), Scope::Argument(first));
    // Up: back to the thesis.
    map.update(Action::Up);
    assert_eq!(map.scope(), Scope::Argument(thesis));
    // Folding works as in the list: Space closes the thesis, and its points are gone.
    map.update(Action::ToggleFold);
    assert_eq!(map.argument_rows().len(), 1);
    let laid = map.laid().pictures.map.as_ref().expect("a map");
    assert_eq!(laid.boxes.len(), 1, "only the thesis is drawn");
    assert!(
        text(&mut map, 120, 40).contains("▸1 ◆"),
        "the closed node says so"
    );
    // Down opens it again on the way to its first point.
    map.update(Action::Down);
    assert_eq!(map.scope(), Scope::Argument(first));
}

#[test]
fn the_network_chooses_names_and_lines_and_narrows_as_the_list_does() {
    let mut net = with_picture(Pane::Actors, 120, 40);
    let index = net.index();
    let russia = index.actor("russia").expect("Russia");
    let pakistan = index.actor("pakistan").expect("Pakistan");
    let relation = (0..index.model().relations.len())
        .find(|r| {
            let rel = &index.model().relations[*r];
            rel.from == "pakistan" && rel.to == "russia"
        })
        .expect("the Pakistan–Russia relation");
    // The arrows reach every name and line.
    let mut seen = Vec::new();
    for _ in 0..4 {
        for action in [Action::Right, Action::Down, Action::Left, Action::Up] {
            for _ in 0..3 {
                net.update(action.clone());
                seen.extend(net.network_pick());
            }
        }
    }
    for want in [Pick::Actor(russia), Pick::Actor(pakistan)] {
        assert!(seen.contains(&want), "{want:?} is reached by the arrows");
    }
    assert!(
        seen.iter().any(|i| matches!(i, Pick::Relation(_))),
        "a line is reached"
    );
    // A click on Russia's name chooses Russia, as its row in the list does.
    let laid = net.laid().pictures.network.clone().expect("a network");
    let area = net.picture_area(Pane::Actors).expect("on screen");
    let name = laid.label_of(Pick::Actor(russia)).expect("Russia is drawn");
    let click = |label: &claimscope::tui::picture::network::Label| Action::Click {
        column: area.x + label.x as u16,
        row: area.y + label.y as u16,
    };
    net.update(click(name));
    assert_eq!(net.network_pick(), Some(Pick::Actor(russia)));
    let mut list = explorer(120, 40);
    list.update(Action::Focus(Pane::Actors));
    let row = list
        .actor_rows()
        .iter()
        .position(|r| r.actor() == russia)
        .expect("a row");
    run(&mut list, std::iter::repeat_n(Action::Down, row));
    assert_eq!(outcome(&net), outcome(&list));
    // A click on the line's label chooses the relation, and Enter opens its claims.
    let line = laid
        .label_of(Pick::Relation(relation))
        .expect("the line is drawn");
    net.update(click(line));
    assert_eq!(net.scope(), Scope::Relation(relation));
    net.update(Action::Enter);
    assert_eq!(net.focus(), Pane::Claims);
    assert!(!net.claim_list().is_empty());
}

#[test]
fn a_search_landing_on_an_actor_selects_its_name_in_the_network() {
    let mut app = with_picture(Pane::Actors, 120, 40);
    app.update(Action::OpenSearch);
    run(&mut app, "moscow".chars().map(Action::Type));
    app.update(Action::Accept);
    let russia = app.index().actor("russia").expect("Russia");
    assert_eq!(app.focus(), Pane::Actors);
    assert_eq!(app.network_pick(), Some(Pick::Actor(russia)));
    assert!(text(&mut app, 120, 40).contains("▶ Russia:"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn map_boxes_never_overlap_and_hang_under_their_parents(folds in proptest::collection::vec(any::<bool>(), 18)) {
        let mut app = explorer(120, 40);
        app.update(Action::Focus(Pane::Arguments));
        // Close some nodes in the list, as a reader would, from the last row up.
        for (row, close) in folds.iter().enumerate().rev() {
            if *close && row < app.argument_rows().len() {
                app.update(Action::Top);
                run(&mut app, std::iter::repeat_n(Action::Down, row));
                app.update(Action::ToggleFold);
            }
        }
        app.update(Action::Picture);
        let map = app.laid().pictures.map.clone().expect("the map the explorer keeps");
        prop_assert_eq!(map.boxes.len(), app.argument_rows().len(), "a box for each row");
        for (i, a) in map.boxes.iter().enumerate() {
            for b in &map.boxes[i + 1..] {
                let apart = a.x + BOX_WIDTH <= b.x || b.x + BOX_WIDTH <= a.x
                    || a.y + BOX_HEIGHT <= b.y || b.y + BOX_HEIGHT <= a.y;
                prop_assert!(apart, "{a:?} and {b:?} overlap");
            }
            if let Some(p) = a.parent {
                let parent = &map.boxes[p];
                prop_assert_eq!(parent.depth + 1, a.depth);
                prop_assert!(parent.y + BOX_HEIGHT < a.y, "under its parent");
                prop_assert_eq!(app.index().parent_of(a.node), Some(parent.node));
            }
        }
    }

    #[test]
    fn network_labels_never_overlap_and_lines_join_their_names(width in 40u16..220, height in 12u16..70) {
        let app = explorer(120, 40);
        let net = Network::new(app.index(), width, height);
        let labels: Vec<_> = net.nodes.iter().map(|n| &n.label)
            .chain(net.edges.iter().map(|e| &e.label)).collect();
        let rows = i32::from(height.saturating_sub(claimscope::tui::picture::network::BELOW));
        for (i, a) in labels.iter().enumerate() {
            prop_assert!(a.x >= 0 && a.x + a.width() <= i32::from(width), "{a:?} inside across");
            prop_assert!((0..rows).contains(&a.y), "{a:?} inside down, above the lines under it");
            for b in &labels[i + 1..] {
                // Not on each other, and not touching: a space between.
                prop_assert!(!a.overlaps(b), "{a:?} on {b:?} at {width}x{height}");
            }
        }
        for edge in &net.edges {
            let (a, b) = (&net.nodes[edge.ends.0].label, &net.nodes[edge.ends.1].label);
            let near = |label: &claimscope::tui::picture::network::Label, (x, y): (i32, i32)| {
                (y - label.y).abs() <= 1 && x >= label.x - 2 && x <= label.x + label.width() + 1
            };
            let Some(first) = edge.path.first() else {
                // Names that touch need no line between them.
                let touch = (a.y - b.y).abs() <= 1
                    && a.x <= b.x + b.width() + 1
                    && b.x <= a.x + a.width() + 1;
                prop_assert!(touch, "{a:?} and {b:?} have no line between them");
                continue;
            };
            let last = edge.path.last().expect("a last cell");
            prop_assert!(near(a, (first.0, first.1)), "the line starts at its first name");
            prop_assert!(near(b, (last.0, last.1)), "the line ends at its second name");
            for pair in edge.path.windows(2) {
                let (p, q) = (pair[0], pair[1]);
                let gap = (p.0 - q.0).abs().max((p.1 - q.1).abs());
                // Unbroken, but for where it passes under a name.
                let under = labels.iter().any(|l| near(l, (q.0, q.1)));
                prop_assert!(gap <= 1 || under, "a gap in the line at {p:?}..{q:?}");
            }
        }
    }

    #[test]
    fn chart_events_stand_in_time_order_and_never_on_each_other(width in 30u16..220, height in 8u16..70, zoom in 0u8..7) {
        let app = explorer(120, 40);
        let chart = Chart::new(app.index(), width, height, zoom);
        // Where each stands on the axis: its start, or its end when the start is open.
        // The order ← and → step in runs left to right along the axis.
        let place = claimscope::tui::picture::chart::place;
        let at = |row: usize| chart.mark_of(row).map_or(chart.article, place);
        for pair in chart.order.windows(2) {
            prop_assert!(at(pair[0]) <= at(pair[1]), "row {} before row {}", pair[0], pair[1]);
        }
        prop_assert_eq!(chart.order.len(), chart.marks.len() + 1, "every event and the article");
        for (i, a) in chart.marks.iter().enumerate() {
            for b in &chart.marks[i + 1..] {
                if a.track == b.track && a.lane.is_some() && a.lane == b.lane {
                    prop_assert!(a.to + 1 < b.from || b.to + 1 < a.from, "{a:?} touches {b:?}");
                }
            }
            prop_assert!(a.from >= 0 && a.to < chart.length, "{a:?} on the axis");
        }
    }
}

#[test]
fn each_picture_at_three_sizes_without_colour() {
    for (pane, name) in [
        (Pane::Timeline, "chart"),
        (Pane::Arguments, "map"),
        (Pane::Actors, "network"),
    ] {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let mut app = with_picture(pane, width, height);
            // Somewhere past the start, so that the selection shows off the first item.
            let moves = match pane {
                Pane::Timeline => vec![Action::Right; 20],
                Pane::Arguments => vec![Action::Down, Action::Right, Action::Right, Action::Right],
                _ => vec![Action::Right, Action::Down],
            };
            run(&mut app, moves);
            insta::assert_snapshot!(
                format!("{name}_{width}x{height}"),
                text(&mut app, width, height)
            );
        }
    }
}

#[test]
fn each_picture_shows_its_selection_and_marks_by_style() {
    use common::styled::styled_pane;
    for (pane, name, moves) in [
        (Pane::Timeline, "chart", vec![Action::Right; 20]),
        (
            Pane::Arguments,
            "map",
            vec![Action::Down, Action::Right, Action::Right, Action::Right],
        ),
        (Pane::Actors, "network", vec![Action::Right]),
    ] {
        let mut app = with_picture(pane, 120, 40);
        run(&mut app, moves);
        insta::assert_snapshot!(
            format!("{name}_styled"),
            styled_pane(&mut app, pane, 120, 40)
        );
    }
}

#[test]
fn a_click_on_a_mark_or_a_box_chooses_it_as_a_click_on_its_row_would() {
    // The chart: a click on a drawn event's mark.
    let mut app = with_picture(Pane::Timeline, 120, 40);
    let area = app.picture_area(Pane::Timeline).expect("on screen");
    let chart = app.laid().pictures.chart.clone().expect("a chart");
    let selected = app.cursor(Pane::Timeline).selected;
    let target = chart
        .marks
        .iter()
        .filter(|m| m.lane.is_some() && m.row != selected)
        .find_map(|m| {
            // Where it is on screen: search the pane for the cell that answers its row.
            (area.y..area.bottom()).find_map(|y| {
                (area.x..area.right())
                    .find(|x| chart.row_at(area, selected, *x, y) == Some(m.row))
                    .map(|x| (m.row, x, y))
            })
        });
    let (row, column, line) = target.expect("a mark on screen");
    app.update(Action::Click { column, row: line });
    assert_eq!(app.cursor(Pane::Timeline).selected, row);
    let mut list = explorer(120, 40);
    list.update(Action::Focus(Pane::Timeline));
    run(&mut list, std::iter::repeat_n(Action::Down, row));
    assert_eq!(outcome(&app), outcome(&list));
    // The map: a click inside a box, found where the screen shows it.
    let mut app = with_picture(Pane::Arguments, 120, 40);
    let index = app.index();
    let points = index.children(index.thesis().expect("a thesis")).to_vec();
    let rows = common::screen::draw(&mut app, 120, 40);
    let (first, line, column) = points
        .iter()
        .find_map(|point| {
            let path = format!("{} ", app.index().path(*point));
            rows.iter().enumerate().find_map(|(y, row)| {
                row.find(&path)
                    .map(|at| (*point, y, row[..at].chars().count()))
            })
        })
        .expect("a point's box is on screen");
    app.update(Action::Click {
        column: column as u16,
        row: line as u16,
    });
    let clicked = app
        .argument_rows()
        .get(app.cursor(Pane::Arguments).selected)
        .map(|r| r.node);
    assert_eq!(clicked, Some(first), "the click chose the box clicked");
    assert_eq!(app.scope(), Scope::Argument(first));
}

#[test]
fn a_network_too_large_for_its_ring_draws_the_busiest_actors_and_counts_the_rest() {
    use claimscope::model::{Index, ModelFile, load_str};
    use claimscope::tui::picture::network::MAX_ACTORS;
    let source = ModelFile {
        name: "synthetic".to_string(),
        text: claimscope::corpus::generate(20_000),
    };
    let index = Index::new(load_str(&source).expect("a valid model"));
    let related = (0..index.model().actors.len())
        .filter(|a| !index.relations_of_actor(*a).is_empty())
        .count();
    assert!(related > MAX_ACTORS, "more than a ring takes");
    let net = Network::new(&index, 200, 60);
    assert!(!net.nodes.is_empty() && net.nodes.len() <= MAX_ACTORS);
    assert_eq!(
        net.left_out.0,
        related - net.nodes.len(),
        "the actors left out are counted"
    );
    assert_eq!(
        net.left_out.1,
        index.model().relations.len() - net.edges.len(),
        "and the relations"
    );
    // Those drawn are among those with the most relations.
    let fewest_drawn = net
        .nodes
        .iter()
        .map(|n| index.relations_of_actor(n.actor).len())
        .min();
    let most_left = (0..index.model().actors.len())
        .filter(|a| net.nodes.iter().all(|n| n.actor != *a))
        .map(|a| index.relations_of_actor(a).len())
        .max();
    assert!(
        fewest_drawn >= most_left,
        "{fewest_drawn:?} against {most_left:?}"
    );
}

//! The Actors pane: each actor's name, kind and the other names the article uses; under an
//! opened actor, its relations, each a row of its own.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ListView;
use crate::tui::app::{ActorRow, App};

pub const VIEW: ListView = ListView {
    title,
    row,
    empty,
    legend: None,
};

fn title(app: &App) -> String {
    format!("Actors ({})", app.index().model().actors.len())
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let model = app.index().model();
    match app.actor_rows()[row] {
        ActorRow::Actor(a) => actor_line(app, a, width),
        ActorRow::Relation { actor, relation } => {
            let relation_ = &model.relations[relation];
            let other = app
                .index()
                .other_party(relation, actor)
                .map_or("?", |o| model.actors[o].name.as_str());
            Line::from(vec![
                Span::raw("   "),
                Span::styled(
                    format!("{} {other}, {}", relation_.trend.arrow(), relation_.trend),
                    app.theme.trend(relation_.trend),
                ),
                Span::styled(
                    format!(": {}", super::clip(&relation_.summary, usize::from(width))),
                    app.theme.dim(),
                ),
            ])
        }
    }
}

fn actor_line(app: &App, a: usize, width: u16) -> Line<'static> {
    let name_width = app.name_width().min(name_budget(width));
    let actor = &app.index().model().actors[a];
    let fold = if app.index().relations_of_actor(a).is_empty() {
        " "
    } else if app.is_open(a) {
        "▾"
    } else {
        "▸"
    };
    let name = super::clip(&actor.name, name_width);
    let pad = name_width.saturating_sub(name.width());
    let mut spans = vec![
        Span::raw(format!("{fold} {name}{} ", " ".repeat(pad))),
        Span::styled(format!("{:<12} ", actor.kind.as_str()), app.theme.dim()),
    ];
    if !actor.aliases.is_empty() {
        spans.push(Span::styled(actor.aliases.join(", "), app.theme.dim()));
    }
    Line::from(spans)
}

/// The widest the name column may grow in a pane `width` cells wide: two
/// fifths of the inside, so kinds and other names keep room, but never so
/// narrow that short names are cut.
fn name_budget(width: u16) -> usize {
    let inner = usize::from(width.saturating_sub(6));
    (inner * 2 / 5).max(8)
}

fn empty(_app: &App) -> String {
    "No actors in this model.".to_string()
}

#[cfg(test)]
mod tests {
    use super::name_budget;

    #[test]
    fn the_name_column_grows_with_the_pane_but_keeps_a_floor() {
        assert_eq!(name_budget(0), 8);
        assert_eq!(name_budget(24), 8);
        assert_eq!(name_budget(64), 23);
        assert!(name_budget(200) > name_budget(64));
    }
}

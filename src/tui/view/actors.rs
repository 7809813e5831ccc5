//! The Actors pane: each actor's name, kind and the other names the article uses.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::ListView;
use crate::tui::app::App;

pub const VIEW: ListView = ListView { title, row, empty };

fn title(app: &App) -> String {
    format!("Actors ({})", app.index().model().actors.len())
}

fn row(app: &App, row: usize, width: u16) -> Line<'static> {
    let name_width = app.name_width().min(name_budget(width));
    let actor = &app.index().model().actors[row];
    let name = super::clip(&actor.name, name_width);
    let pad = name_width.saturating_sub(name.width());
    let mut spans = vec![
        Span::raw(format!("{name}{} ", " ".repeat(pad))),
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
    let inner = usize::from(width.saturating_sub(4));
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
        assert_eq!(name_budget(64), 24);
        assert!(name_budget(200) > name_budget(64));
    }
}

//! The Actors pane: each actor's name, kind and the other names the article uses.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ListState, Mark, list, pane_block};
use crate::tui::app::{App, Pane};

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Actors;
    let model = app.index().model();
    let title = format!("Actors ({})", model.actors.len());
    let block = pane_block(app.theme, Pane::Actors, focused, title);
    let name_width = model
        .actors
        .iter()
        .map(|a| a.name.width())
        .max()
        .unwrap_or(0)
        .min(name_budget(rect.width));
    let related = &app.related().actors;
    list(
        frame,
        rect,
        block,
        ListState {
            theme: app.theme,
            focused,
            cursor: app.actors,
            len: model.actors.len(),
        },
        |row| {
            let actor = &model.actors[row];
            let name = super::clip(&actor.name, name_width);
            let pad = name_width.saturating_sub(name.width());
            let mut spans = vec![
                Span::raw(format!("{name}{} ", " ".repeat(pad))),
                Span::styled(format!("{:<12} ", actor.kind.as_str()), app.theme.dim()),
            ];
            if !actor.aliases.is_empty() {
                spans.push(Span::styled(actor.aliases.join(", "), app.theme.dim()));
            }
            let mark = if related.get(row).copied().unwrap_or(false) {
                Mark::Related
            } else {
                Mark::None
            };
            (Line::from(spans), mark)
        },
    );
}

/// The widest the name column may grow in a pane `width` cells wide: two
/// fifths of the inside, so kinds and other names keep room, but never so
/// narrow that short names are cut.
fn name_budget(width: u16) -> usize {
    let inner = usize::from(width.saturating_sub(4));
    (inner * 2 / 5).max(8)
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

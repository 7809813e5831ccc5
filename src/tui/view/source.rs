//! The Source pane: the selected claim beside the whole sentence it comes from (laid out
//! by `content::source`), scrolled, with a mark in the border when there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;

use super::pane_block;
use crate::tui::app::App;
use crate::tui::state::Pane;

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Source;
    let index = app.index();
    let sentence = app
        .selected_claim()
        .and_then(|c| index.sentence_of_claim(c));
    let title = match sentence.map(|s| &index.model().sentences[s]) {
        Some(s) => format!("Source · paragraph {} · sentence {}", s.paragraph, s.id),
        None => "Source".to_string(),
    };
    let block = pane_block(app.theme, Pane::Source, focused, title).padding(Padding::horizontal(1));
    let inner = block.inner(rect);
    let all = &app.laid().source.lines;
    let scroll = app.cursor(Pane::Source).offset;
    // Say when there is more above or below than the pane shows.
    let above = scroll > 0;
    let below = all.len() > scroll + usize::from(inner.height);
    let block = if above || below {
        let marks = format!(
            " {}{} more ",
            if above { "▲" } else { "" },
            if below { "▼" } else { "" }
        );
        block.title_bottom(Line::from(Span::styled(marks, app.theme.dim())).right_aligned())
    } else {
        block
    };
    frame.render_widget(block, rect);
    super::put_lines(frame, inner, all.iter().skip(scroll));
}

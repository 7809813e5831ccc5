//! The detail box: what the selected actor, event or argument node is (laid out by
//! `content::detail`), beside the lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Padding};

use crate::tui::app::App;

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let text = &app.laid().detail;
    let block = Block::new()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(app.theme.border(false))
        .title(Span::styled(
            // Cut with `…` short of the corners, never into them.
            super::clip(&text.title, usize::from(rect.width).saturating_sub(4)),
            app.theme.bold(),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = usize::from(inner.height);
    if text.lines.len() > room && room > 0 {
        // Say that there is more, rather than cut silently.
        let mut lines = text.lines[..room].to_vec();
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::styled("…", app.theme.dim()));
            *last = super::fit_line(last.clone(), usize::from(inner.width));
        }
        super::put_lines(frame, inner, &lines);
    } else {
        super::put_lines(frame, inner, &text.lines);
    }
}

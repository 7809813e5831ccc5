//! Reading mode: a header naming the highlighted claim, and the article as
//! `content::reading` laid it out, scrolled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;

pub fn render(app: &App, frame: &mut Frame<'_>, body: Rect) {
    let theme = app.theme;
    let model = app.index().model();
    let title = match app.reading.claim {
        Some(c) => format!(
            " Reading · claim {} · {} ",
            model.claims[c].id, model.claims[c].text
        ),
        None => format!(" Reading · {} ", model.article.title),
    };
    let header = Line::from(Span::styled(
        super::clip(&title, usize::from(body.width)),
        theme.title(true),
    ));
    frame.render_widget(Paragraph::new(header), Rect { height: 1, ..body });
    let text_area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let lines = &app.laid().reading.lines;
    super::put_lines(frame, text_area, lines.iter().skip(app.reading.scroll));
}

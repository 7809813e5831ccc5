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
    let header = match app.reading.claim {
        Some(c) => {
            let claim = &model.claims[c];
            let index = app.index();
            let mut spans = vec![
                Span::styled(
                    format!(
                        " Reading · claim {} ({} of {}) · ",
                        claim.id,
                        index.reading_rank(c) + 1,
                        model.claims.len()
                    ),
                    theme.title(true),
                ),
                Span::styled(claim.kind.as_str(), theme.claim_kind(claim.kind)),
                Span::raw(" "),
            ];
            if let Some(r) = index.reviews_of_claim(c).first() {
                let verdict = model.reviews[*r].verdict;
                spans.push(Span::styled(
                    format!("{} {verdict} ", verdict.badge()),
                    theme.verdict(verdict),
                ));
            }
            let text = super::clip(&claim.text, usize::from(body.width));
            spans.push(Span::styled(format!("· {text}"), theme.title(true)));
            super::fit_line(Line::from(spans), usize::from(body.width))
        }
        None => Line::from(Span::styled(
            super::clip(
                &format!(" Reading · {} ", model.article.title),
                usize::from(body.width),
            ),
            theme.title(true),
        )),
    };
    frame.render_widget(Paragraph::new(header), Rect { height: 1, ..body });
    let text_area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    let lines = app.laid().reading.lines(
        app.index(),
        theme,
        (app.reading.claim, app.reading.marked),
        app.reading.scroll,
        usize::from(text_area.height),
    );
    super::put_lines(frame, text_area, lines.iter());
}

//! Reading mode: the whole article in order. A gutter gives paragraph numbers and marks
//! the sentences that carry claims; the highlighted claim's quote stands out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::model::SentenceRole;
use crate::tui::app::App;
use crate::tui::layout::reading_text;
use crate::tui::reading::{article_pieces, text_width};
use crate::tui::wrap::{Piece, wrap};

pub fn render(app: &App, frame: &mut Frame<'_>, body: Rect) {
    let theme = app.theme;
    let index = app.index();
    let model = index.model();
    let claim = app.reading.claim;
    let quoted = claim.and_then(|c| index.sentence_of_claim(c).map(|s| (c, s)));
    let pieces = article_pieces(index, |i, text| {
        let sentence = &model.sentences[i];
        let carries = !index.claims_of_sentence(i).is_empty();
        let base = if carries || sentence.role == SentenceRole::Body {
            ratatui::style::Style::new()
        } else {
            theme.dim()
        };
        match quoted {
            Some((c, s)) if s == i => match text.find(&model.claims[c].quote) {
                Some(at) => {
                    let end = at + model.claims[c].quote.len();
                    vec![
                        Piece::new(&text[..at], theme.bold(), Some(i)),
                        Piece::new(&text[at..end], theme.quote(), Some(i)),
                        Piece::new(&text[end..], theme.bold(), Some(i)),
                    ]
                }
                None => vec![Piece::new(text, theme.bold(), Some(i))],
            },
            _ => vec![Piece::new(text, base, Some(i))],
        }
    });
    let (width, height) = reading_text(body);
    let lines = wrap(&pieces, text_width(width));

    let title = match claim {
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

    let mut seen_paragraph = None;
    let mut shown = Vec::with_capacity(height);
    for (n, line) in lines.iter().enumerate() {
        let first_sentence = line.tags.first().map(|s| &model.sentences[*s]);
        let number = match first_sentence {
            Some(s) if seen_paragraph != Some(s.paragraph) => {
                seen_paragraph = Some(s.paragraph);
                format!("{:>3} ", s.paragraph)
            }
            _ => "    ".to_string(),
        };
        if n < app.reading.scroll || shown.len() >= height {
            continue;
        }
        let marker = if quoted.is_some_and(|(_, s)| line.tags.contains(&s)) {
            Span::styled("┃ ", theme.key())
        } else if line
            .tags
            .iter()
            .any(|s| !index.claims_of_sentence(*s).is_empty())
        {
            Span::styled("│ ", theme.dim())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![Span::styled(number, theme.dim()), marker];
        spans.extend(line.line.spans.iter().cloned());
        shown.push(Line::from(spans));
    }
    let text_area = Rect {
        y: body.y + 1,
        height: body.height.saturating_sub(1),
        ..body
    };
    super::put_lines(frame, text_area, &shown);
}

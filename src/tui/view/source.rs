//! The Source pane: the selected claim beside the whole sentence it comes from (laid out
//! by `content::source`), scrolled, with a mark in the border when there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Padding;
use unicode_width::UnicodeWidthStr;

use super::pane_block;
use crate::tui::app::App;
use crate::tui::links::ScreenLink;
use crate::tui::state::Pane;

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let focused = app.focus() == Pane::Source;
    let index = app.index();
    let sentence = app
        .selected_claim()
        .and_then(|c| index.sentence_of_claim(c));
    let title = match sentence.map(|s| (s, &index.model().sentences[s])) {
        Some((at, s)) => format!(
            "Source · {} · sentence {}",
            index.place_of_sentence(at),
            s.id
        ),
        None => "Source".to_string(),
    };
    let block = pane_block(app.theme, Pane::Source, focused, title, rect.width)
        .padding(Padding::horizontal(1));
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

/// The source addresses the Source pane shows now, where they are on the screen: for the
/// event loop to make them links. None while an overlay may cover the pane.
pub fn links(app: &App) -> Vec<ScreenLink> {
    let Some(rect) = app.screen().pane(Pane::Source) else {
        return Vec::new();
    };
    if app.mode() != crate::tui::Mode::Panes {
        return Vec::new();
    }
    let block = pane_block(app.theme, Pane::Source, false, String::new(), rect.width)
        .padding(Padding::horizontal(1));
    let inner = block.inner(rect);
    let scroll = app.cursor(Pane::Source).offset;
    app.laid()
        .source
        .links
        .iter()
        .filter(|link| link.line >= scroll && link.line - scroll < usize::from(inner.height))
        .filter_map(|link| {
            let y = inner.y + u16::try_from(link.line - scroll).ok()?;
            let x = inner.x + u16::try_from(link.column).ok()?;
            let room = inner.right().saturating_sub(x);
            let width = u16::try_from(link.text.width())
                .unwrap_or(u16::MAX)
                .min(room);
            (width > 0).then(|| ScreenLink {
                x,
                y,
                width,
                url: link.url.clone(),
            })
        })
        .collect()
}

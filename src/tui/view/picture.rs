//! A context pane drawn as its picture (`p`): the box titled with the picture's name
//! (`Timeline · chart`), what its marks mean in the bottom border when it is in focus, and
//! the picture from its layout, kept by the app.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane_block;
use crate::tui::app::App;
use crate::tui::picture::network::pick_of;
use crate::tui::state::Pane;

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect, pane: Pane) {
    let theme = app.theme;
    let focused = app.focus() == pane;
    let name = crate::tui::picture::name(pane).unwrap_or("picture");
    let title = format!("{} · {name}", pane.title());
    let block = pane_block(theme, pane, focused, title, rect.width);
    let legend = match pane {
        Pane::Timeline => "■ stated □ inferred ▣ by the record ║ the article",
        Pane::Arguments => "+ supports ┌─┐  − attacks ╔═╗  ± qualifies ┌┄┐",
        _ => "↑ warming ↓ cooling ↕ mixed → steady",
    };
    let block = if focused && legend.chars().count() + 8 < usize::from(rect.width) {
        block.title_bottom(Line::from(Span::styled(format!(" {legend} "), theme.dim())))
    } else {
        block
    };
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let shared = app.shared(pane);
    // Nothing to draw: the list's own words for it.
    if let Some(list) = app.list(pane).filter(|list| list.len(&shared) == 0) {
        let text = ratatui::widgets::Paragraph::new(Span::styled(list.empty(&shared), theme.dim()))
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(text, inner);
        return;
    }
    let pictures = &app.laid().pictures;
    let buffer = frame.buffer_mut();
    match pane {
        Pane::Timeline => {
            if let Some(chart) = &pictures.chart {
                chart.draw(buffer, inner, &shared, focused);
            }
        }
        Pane::Arguments => {
            if let Some(map) = &pictures.map {
                let folded =
                    |node: usize| app.is_collapsed(node) && !app.index().children(node).is_empty();
                map.draw(buffer, inner, &shared, focused, &folded);
            }
        }
        _ => {
            if let Some(network) = &pictures.network {
                network.draw(buffer, inner, &shared, focused, pick_of(app.actor_row()));
            }
        }
    }
}

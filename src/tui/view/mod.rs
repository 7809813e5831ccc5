//! Drawing. Each pane has a view that only reads the app's state; this module arranges
//! them, and draws the tab strip, the key bar and the overlays.

mod actors;
mod arguments;
mod claims;
mod detail;
pub mod help;
mod reading;
pub mod search;
pub mod source;
mod timeline;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Mode, Pane};
use super::keymap;
use super::layout::{Arrangement, Screen};
use super::theme::Theme;

/// Draws the whole screen for the app's current state.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    let area = frame.area();
    let screen = Screen::new(area, app.focus());
    if screen.arrangement == Arrangement::TooSmall {
        too_small(frame, area);
        return;
    }
    match app.base() {
        Mode::Reading => reading::render(app, frame, screen.main),
        _ => panes(app, frame, &screen),
    }
    keybar(app, frame, screen.keybar);
    match app.mode() {
        Mode::Search => search::render(app, frame, &screen),
        Mode::Help => help::render(app, frame, screen.main),
        _ => {}
    }
}

fn panes(app: &App, frame: &mut Frame<'_>, screen: &Screen) {
    if let Some(tabs) = screen.tabs {
        tab_strip(app, frame, tabs);
    }
    for pane in Pane::ALL {
        let Some(rect) = screen.pane(pane) else {
            continue;
        };
        match pane {
            Pane::Timeline => timeline::render(app, frame, rect),
            Pane::Actors => actors::render(app, frame, rect),
            Pane::Arguments => arguments::render(app, frame, rect),
            Pane::Claims => claims::render(app, frame, rect),
            Pane::Source => source::render(app, frame, rect),
        }
    }
    if let Some(rect) = screen.detail {
        detail::render(app, frame, rect);
    }
}

fn too_small(frame: &mut Frame<'_>, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!(
            "need {}x{}",
            super::layout::MIN_WIDTH,
            super::layout::MIN_HEIGHT
        )),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(Paragraph::new(text).alignment(Alignment::Center), rect);
}

/// The labels of the tab strip, with the column each starts at. The focused tab is in
/// brackets, so it shows without colour.
fn tabs(width: u16, focus: Pane) -> Vec<(Pane, u16, String)> {
    let mut x = 0u16;
    let mut out = Vec::new();
    let short = width < 64;
    for pane in Pane::ALL {
        let name: String = if short {
            pane.title().chars().take(4).collect()
        } else {
            pane.title().to_string()
        };
        let label = if pane == focus {
            format!("[{} {name}]", pane.number())
        } else {
            format!(" {} {name} ", pane.number())
        };
        let w = label.width() as u16;
        out.push((pane, x, label));
        x = x.saturating_add(w + 1);
    }
    out
}

/// The pane whose tab covers `column`.
pub fn tab_at(strip: Rect, column: u16, focus: Pane) -> Option<Pane> {
    let x = column.checked_sub(strip.x)?;
    tabs(strip.width, focus)
        .into_iter()
        .find(|(_, start, label)| x >= *start && x < start + label.width() as u16)
        .map(|(pane, _, _)| pane)
}

fn tab_strip(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let theme = app.theme;
    let mut spans = Vec::new();
    for (pane, _, label) in tabs(rect.width, app.focus()) {
        if !spans.is_empty() {
            spans.push(Span::styled("│", theme.dim()));
        }
        let style = if pane == app.focus() {
            theme.title(true)
        } else {
            theme.dim()
        };
        spans.push(Span::styled(label, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}

/// The keys that work now, as many as fit whole; the help key always shows, at the end.
fn keybar(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let theme = app.theme;
    let items = keymap::bar(app);
    let width = |(keys, label): &(String, &str)| keys.width() + label.width() + 3;
    let help = items.iter().position(|(_, label)| *label == "help");
    let reserve = help.map_or(0, |h| width(&items[h]));
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (i, item) in items.iter().enumerate() {
        if Some(i) == help {
            continue;
        }
        if used + width(item) + reserve > usize::from(rect.width) {
            break;
        }
        used += width(item);
        spans.push(Span::styled(item.0.clone(), theme.key()));
        spans.push(Span::raw(format!(" {}  ", item.1)));
    }
    if let Some(h) = help {
        spans.push(Span::styled(items[h].0.clone(), theme.key()));
        spans.push(Span::raw(format!(" {}", items[h].1)));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), rect);
}

/// A pane's box, with its number and title, drawn heavier when focused.
pub fn pane_block(theme: Theme, pane: Pane, focused: bool, title: String) -> Block<'static> {
    let text = format!(" {} {title} ", pane.number());
    Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(text, theme.title(focused)))
}

/// How a row of a list is marked in its two-column gutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    /// Related to the selection in another pane.
    Related,
}

/// What a list pane needs besides its rows.
#[derive(Debug, Clone, Copy)]
pub struct ListState {
    pub theme: Theme,
    pub focused: bool,
    pub cursor: super::app::Cursor,
    pub len: usize,
}

/// Draws the visible rows of a list inside `block`: a gutter marks the selected row with
/// `▶` (so it shows without colour) and related rows with `•`. Only the rows on screen
/// are built.
pub fn list(
    frame: &mut Frame<'_>,
    rect: Rect,
    block: Block<'static>,
    state: ListState,
    mut row: impl FnMut(usize) -> (Line<'static>, Mark),
) {
    let ListState {
        theme,
        focused,
        cursor,
        len,
    } = state;
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let end = len.min(cursor.offset + usize::from(inner.height));
    let mut lines = Vec::with_capacity(end.saturating_sub(cursor.offset));
    for i in cursor.offset..end {
        let (line, mark) = row(i);
        let selected = i == cursor.selected;
        let gutter = match (selected, mark) {
            (true, _) => Span::styled("▶ ", theme.selected(focused)),
            (false, Mark::Related) => Span::styled("• ", theme.marked()),
            (false, Mark::None) => Span::raw("  "),
        };
        let mut spans = vec![gutter];
        spans.extend(line.spans);
        let mut line = Line::from(spans);
        if selected {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cuts a string to at most `width` columns, ending in `…` when cut.
pub fn clip(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Spans for `text` with the characters at `positions` (character indices) in `hit` style.
pub fn highlight(text: &str, positions: &[usize], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let is_hit = positions.binary_search(&i).is_ok();
        if is_hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { hit } else { base },
            ));
        }
        run_hit = is_hit;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hit { hit } else { base }));
    }
    spans
}

/// Clears a rectangle for an overlay and draws its box.
pub fn overlay(frame: &mut Frame<'_>, rect: Rect, theme: Theme, title: String) -> Rect {
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.border(true))
        .title(Span::styled(title, theme.title(true)));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

//! Drawing. Each pane has a view that only reads the app's state; this module arranges
//! them, and draws the tab strip, the key bar and the overlays.

mod actors;
mod arguments;
mod claims;
pub mod detail;
pub mod help;
mod reading;
pub mod search;
pub mod source;
pub mod timeline;

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
    let screen = app.screen_for(area);
    if screen.arrangement == Arrangement::TooSmall {
        too_small(frame, area);
        return;
    }
    // Under the search box or help, the panes do not change while the reader types or
    // scrolls: they are drawn once and the copy is reused.
    let overlay = matches!(app.mode(), Mode::Search | Mode::Help);
    if !(overlay && app.backdrop.restore(app.generation(), frame.buffer_mut())) {
        match app.base() {
            Mode::Reading => reading::render(app, frame, screen.main),
            _ => panes(app, frame, &screen),
        }
        if overlay {
            app.backdrop.keep(app.generation(), frame.buffer_mut());
        }
    }
    keybar(app, frame, screen.keybar);
    match app.mode() {
        Mode::Search => search::render(app, frame, &screen),
        Mode::Help => help::render(app, frame, screen.main),
        _ => {}
    }
    tame(frame.buffer_mut());
}

/// The most combining marks, joiners and the like kept on one character cell.
const MAX_MARKS: usize = 4;

/// The last word on what reaches the terminal: no control or bidirectional character in
/// any cell, whatever put it there, and no cell carrying thousands of combining marks.
fn tame(buffer: &mut ratatui::buffer::Buffer) {
    use crate::model::is_forbidden_char;
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        // Nearly every cell is one short character: leave those alone.
        if symbol.len() <= 4 && !symbol.chars().any(is_forbidden_char) {
            continue;
        }
        let tamed: String = symbol
            .chars()
            .map(|c| if is_forbidden_char(c) { '\u{fffd}' } else { c })
            .take(1 + MAX_MARKS)
            .collect();
        if tamed != symbol {
            cell.set_symbol(&tamed);
        }
    }
}

fn panes(app: &App, frame: &mut Frame<'_>, screen: &Screen) {
    if let Some(tabs) = screen.tabs {
        tab_strip(app, frame, tabs);
    }
    if let Some(header) = screen.header {
        frame.render_widget(
            Paragraph::new(article_line(app, usize::from(header.width))),
            header,
        );
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

/// The article's title, author and date, for the top line.
pub fn article_line(app: &App, width: usize) -> Line<'static> {
    let theme = app.theme;
    let article = &app.index().model().article;
    let inferred = if article.published_basis == crate::model::Basis::Inferred {
        " (inferred)"
    } else {
        ""
    };
    let tail = format!(
        " · {} · {}{inferred}",
        article.author,
        article.published.human()
    );
    let title_room = width.saturating_sub(tail.width() + 1);
    Line::from(vec![
        Span::raw(" "),
        Span::styled(clip(&article.title, title_room), theme.bold()),
        Span::styled(tail, theme.dim()),
    ])
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
    let full: usize = Pane::ALL.iter().map(|p| p.title().len() + 5).sum();
    let short = usize::from(width) < full;
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

/// The keys that work now: as many as fit whole, the most useful first, shown in keymap
/// order. A status message, when there is one, comes first.
fn keybar(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let theme = app.theme;
    let items = keymap::bar_items(app);
    let width = |item: &keymap::BarItem| item.keys.width() + item.label.width() + 3;
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    if let Some(status) = app.status() {
        let status = clip(status, usize::from(rect.width).saturating_sub(2));
        used += status.width() + 3;
        spans.push(Span::styled(status, theme.bold()));
        spans.push(Span::raw("   "));
    }
    let mut by_rank: Vec<usize> = (0..items.len()).collect();
    by_rank.sort_by_key(|i| items[*i].rank);
    let mut shown = vec![false; items.len()];
    for i in by_rank {
        if used + width(&items[i]) <= usize::from(rect.width) {
            used += width(&items[i]);
            shown[i] = true;
        }
    }
    for (item, _) in items.iter().zip(&shown).filter(|(_, s)| **s) {
        spans.push(Span::styled(item.keys.clone(), theme.key()));
        spans.push(Span::raw(format!(" {}  ", item.label)));
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
    // When the list is longer than the box, the bottom border says where the reader is
    // and which way there is more.
    let block = if len > usize::from(inner.height) {
        let above = if cursor.offset > 0 { "▲" } else { " " };
        let below = if cursor.offset + usize::from(inner.height) < len {
            "▼"
        } else {
            " "
        };
        let position = format!(" {above}{below} {}/{len} ", (cursor.selected + 1).min(len));
        block.title_bottom(Line::from(Span::styled(position, theme.dim())).right_aligned())
    } else {
        block
    };
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
        let mut line = fit_line(Line::from(spans), usize::from(inner.width));
        if selected {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
    // The selected row is marked across the pane's whole width, not just under its text.
    if (cursor.offset..end).contains(&cursor.selected) {
        let y = inner.y + (cursor.selected - cursor.offset) as u16;
        frame.buffer_mut().set_style(
            Rect {
                y,
                height: 1,
                ..inner
            },
            theme.selected(focused),
        );
    }
    put_lines(frame, inner, &lines);
}

/// Writes lines into an area, one a row, cut at its right edge and stopping at its
/// bottom: lines already wrapped need no more than that (a Paragraph would reflow them).
pub fn put_lines<'a>(
    frame: &mut Frame<'_>,
    area: Rect,
    lines: impl IntoIterator<Item = &'a Line<'a>>,
) {
    let buffer = frame.buffer_mut();
    for (line, y) in lines.into_iter().zip(area.y..area.bottom()) {
        buffer.set_line(area.x, y, line, area.width);
    }
}

/// Cuts a line to at most `width` columns, ending it in `…` when anything was cut.
pub fn fit_line(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let style = line.style;
    let mut spans = Vec::new();
    let mut used = 0;
    let room = width.saturating_sub(1);
    for span in line.spans {
        let span_width = span.content.width();
        if used + span_width <= room {
            used += span_width;
            spans.push(span);
            continue;
        }
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > room {
                break;
            }
            kept.push(c);
            used += w;
        }
        spans.push(Span::styled(kept, span.style));
        break;
    }
    if width > 0 {
        spans.push(Span::raw("…"));
    }
    Line::from(spans).style(style)
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

/// A copy of the panes as last drawn, for the frames of an overlay.
#[derive(Debug, Default)]
pub struct Backdrop {
    kept: std::cell::RefCell<Option<(u64, ratatui::buffer::Buffer)>>,
}

impl Backdrop {
    /// Copies the kept panes into `buffer`, if they were kept at `generation` and size.
    fn restore(&self, generation: u64, buffer: &mut ratatui::buffer::Buffer) -> bool {
        match &*self.kept.borrow() {
            Some((kept, copy)) if *kept == generation && copy.area == buffer.area => {
                buffer.content.clone_from_slice(&copy.content);
                true
            }
            _ => false,
        }
    }

    fn keep(&self, generation: u64, buffer: &ratatui::buffer::Buffer) {
        *self.kept.borrow_mut() = Some((generation, buffer.clone()));
    }
}

//! Drawing. Views only read the app's state; this module arranges the screen, draws every
//! list pane with one function (each pane's rows come from its own file in `panes/`),
//! and draws the tab strip, the key bar and the overlays.

pub mod console;
mod detail;
mod help;
mod picture;
mod problems;
mod reading;
mod search;
mod source;
pub use source::links;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::model::is_forbidden_char;

use super::app::{App, Mode, PanesState};
use super::content::labels::article_line;
pub use super::content::labels::clip;
use super::keymap;
use super::layout::{Arrangement, Screen};
use super::panes::ListPane;
use super::state::Pane;
use super::theme::Theme;

/// A drawing of the panes kept while an overlay is open: as long as what the panes show
/// has not changed, typing in the search box redraws only the box.
#[derive(Debug, Default)]
pub struct Backdrop {
    kept: Option<(PanesState, ratatui::buffer::Buffer)>,
}

/// Draws the whole screen for the app's current state.
pub fn render(app: &App, frame: &mut Frame<'_>) {
    render_with(app, frame, &mut Backdrop::default());
}

/// Draws the whole screen, reusing the panes from `backdrop` under an overlay when they
/// have not changed.
pub fn render_with(app: &App, frame: &mut Frame<'_>, backdrop: &mut Backdrop) {
    let area = frame.area();
    let screen = app.screen();
    if screen.area != area {
        // A size the app has not been told of yet: its Resize is on the way, and the
        // frame after it will be laid out for the new size.
        return;
    }
    if screen.arrangement == Arrangement::TooSmall {
        too_small(frame, area);
        return;
    }
    let overlay = matches!(app.mode(), Mode::Search | Mode::Help | Mode::Problems);
    let state = overlay.then(|| app.panes_state());
    let reused = match (&state, &backdrop.kept) {
        (Some(now), Some((kept, copy))) if now == kept && copy.area == frame.buffer_mut().area => {
            frame.buffer_mut().content.clone_from_slice(&copy.content);
            true
        }
        _ => false,
    };
    if !reused {
        match app.base() {
            Mode::Reading => reading::render(app, frame, screen.main),
            _ => panes(app, frame, screen),
        }
        if overlay {
            behind(frame.buffer_mut());
        }
        if let Some(state) = state {
            backdrop.kept = Some((state, frame.buffer_mut().clone()));
        }
    }
    keybar(app, frame, screen.keybar);
    match app.mode() {
        Mode::Search => search::render(app, frame, screen),
        Mode::Help => help::render(app, frame, screen.main),
        Mode::Problems => problems::render(app, frame, screen.main),
        _ => {}
    }
    tame(frame.buffer_mut());
    if app.theme.ascii {
        console::redraw(frame.buffer_mut());
    }
}

/// Puts what an overlay covers in the background: faint, and with no selection standing
/// out in reverse, so that the overlay's own `▶` is the one the eye finds.
fn behind(buffer: &mut ratatui::buffer::Buffer) {
    use ratatui::style::Modifier;
    for cell in &mut buffer.content {
        cell.modifier
            .remove(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED);
        cell.modifier.insert(Modifier::DIM);
    }
}

/// The most combining marks kept on one character cell.
const MAX_MARKS: usize = 4;

/// The last word on what reaches the terminal: no control or bidirectional character in
/// any cell, whatever put it there, no cell carrying thousands of combining marks, and no
/// cell a terminal draws wider than the columns it was given.
fn tame(buffer: &mut ratatui::buffer::Buffer) {
    for cell in &mut buffer.content {
        let symbol = cell.symbol();
        // Nearly every cell is one short character: leave those alone.
        if symbol.chars().nth(1).is_none() && !symbol.chars().any(is_forbidden_char) {
            continue;
        }
        let tamed = drawable(symbol);
        if tamed != symbol {
            cell.set_symbol(&tamed);
        }
    }
}

/// A cell's text as every terminal draws it in the columns the layout gave it: the width
/// of the whole cluster (how the layout measured it, and how a terminal that knows
/// grapheme clusters draws it). A terminal that does not know them draws each code point
/// at its own width instead, so a cluster whose code points add up to more (an emoji with
/// a skin tone, a ZWJ sequence, a wide character made narrow by U+FE0E) would push the
/// rest of the line, over the pane's border. So the cell keeps its first character, the
/// combining marks on it (at most [`MAX_MARKS`]) and what else fits in the width, stops at
/// a joiner, drops variation selectors, and is padded with spaces to its width.
pub fn drawable(symbol: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let width = symbol.width().max(1);
    let mut kept = String::new();
    let (mut used, mut marks) = (0, 0);
    for c in symbol.chars() {
        let c = if is_forbidden_char(c) { '\u{fffd}' } else { c };
        let w = c.width().unwrap_or(0);
        if !kept.is_empty() {
            if c == '\u{200d}' || used + w > width {
                break;
            }
            if matches!(c, '\u{fe00}'..='\u{fe0f}') {
                continue;
            }
            if w == 0 {
                marks += 1;
                if marks > MAX_MARKS {
                    continue;
                }
            }
        } else if w > width {
            kept.push('?'); // Not even the first character fits as a terminal draws it.
            used = 1;
            break;
        }
        kept.push(c);
        used += w;
    }
    kept.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    // Where the cluster rules give what is kept another width than its code points add
    // up to (a keycap's mark), the terminals would disagree again: a stand-in instead.
    if kept.width() != width {
        kept = format!("?{}", " ".repeat(width - 1));
    }
    kept
}

fn panes(app: &App, frame: &mut Frame<'_>, screen: &Screen) {
    if let Some(tabs) = screen.tabs {
        tab_strip(app, frame, tabs);
    }
    if let Some(header) = screen.header {
        let width = usize::from(header.width);
        let line = article_line(app.index(), app.theme, width, app.problem_count());
        frame.render_widget(Paragraph::new(line), header);
    }
    for pane in Pane::ALL {
        let Some(rect) = screen.pane(pane) else {
            continue;
        };
        match app.list(pane) {
            Some(_) if app.shows_picture(pane) => picture::render(app, frame, rect, pane),
            Some(view) => list(app, frame, rect, pane, view),
            None => source::render(app, frame, rect),
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
    // Said in as few columns as it can be, and wrapped at words, so a narrow terminal
    // still reads it whole.
    let notice = if area.width >= 18 {
        "Terminal too small"
    } else {
        "Too small"
    };
    let text = vec![
        Line::from(notice),
        Line::from(format!(
            "need {}×{}",
            super::layout::MIN_WIDTH,
            super::layout::MIN_HEIGHT
        )),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    let paragraph = Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(paragraph, rect);
}

fn tab_strip(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let theme = app.theme;
    let mut spans = Vec::new();
    for (pane, _, label) in super::layout::tabs(rect.width, app.focus()) {
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
    let items = app.keymap().bar_items(app.situation());
    let count = app.problem_count();
    let items: Vec<keymap::BarItem> = items
        .into_iter()
        .map(|item| keymap::BarItem {
            // Arrows in words where the console's glyphs would draw them as keys of
            // their own.
            keys: if theme.ascii {
                keymap::arrows_in_words(&item.keys)
            } else {
                item.keys
            },
            // A draft's count where no top line says it (80 columns, reading mode).
            label: match item.label.as_ref() {
                "problems" if count == 1 => "1 problem".into(),
                "problems" => format!("{count} problems").into(),
                _ => item.label,
            },
            ..item
        })
        .collect();
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
    // The last item's two spaces after it may fall off the edge.
    let room = usize::from(rect.width) + 2;
    for i in by_rank {
        if used + width(&items[i]) <= room {
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
/// A pane's box: numbered and titled (the title cut with `…` to fit `width`), heavier
/// when focused.
pub fn pane_block(
    theme: Theme,
    pane: Pane,
    focused: bool,
    title: String,
    width: u16,
) -> Block<'static> {
    let room = usize::from(width).saturating_sub(8);
    let text = format!(" {} {} ", pane.number(), clip(&title, room));
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

/// Draws a list pane: its box, titled and numbered, heavier when focused; the rows on
/// screen, the selected one marked `▶` across the pane (so it shows without colour),
/// rows related to the claims' scope marked `•`; and, when the list is longer than the
/// box, where the reader is in it. Only the rows on screen are built.
fn list(app: &App, frame: &mut Frame<'_>, rect: Rect, pane: Pane, view: &dyn ListPane) {
    let theme = app.theme;
    let shared = app.shared(pane);
    let focused = app.focus() == pane;
    let cursor = shared.cursor;
    let len = view.len(&shared);
    let block = pane_block(theme, pane, focused, view.title(&shared), rect.width);
    let inner = block.inner(rect);
    let block = if len > usize::from(inner.height) {
        let above = if cursor.offset > 0 { "▲" } else { " " };
        let below = if cursor.offset + usize::from(inner.height) < len {
            "▼"
        } else {
            " "
        };
        let shown = cursor.offset..cursor.offset + usize::from(inner.height);
        // A pane out of focus may be scrolled away from its selection (to show what is
        // marked): then it says how long it is, not a row that cannot be seen.
        let (at, of) = view.position(&shared, cursor.selected.min(len.saturating_sub(1)));
        let position = if shown.contains(&cursor.selected) {
            format!(" {above}{below} {at}/{of} ")
        } else {
            format!(" {above}{below} {of} rows ")
        };
        block.title_bottom(Line::from(Span::styled(position, theme.dim())).right_aligned())
    } else {
        block
    };
    // The legend, when the pane is in focus and the border has room beside the position.
    let block = match view.legend() {
        Some(legend) if focused && legend.chars().count() + 16 < usize::from(rect.width) => {
            block.title_bottom(Line::from(Span::styled(format!(" {legend} "), theme.dim())))
        }
        _ => block,
    };
    frame.render_widget(block, rect);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if len == 0 {
        let text = Paragraph::new(Span::styled(view.empty(&shared), theme.dim()))
            .wrap(ratatui::widgets::Wrap { trim: true });
        // Set in from the edge as the rows are, past the selection gutter.
        let indent = inner.width.min(2);
        let area = Rect {
            x: inner.x + indent,
            width: inner.width - indent,
            ..inner
        };
        frame.render_widget(text, area);
        return;
    }
    let end = len.min(cursor.offset + usize::from(inner.height));
    let mut lines = Vec::with_capacity(end.saturating_sub(cursor.offset));
    for i in cursor.offset..end {
        let selected = i == cursor.selected;
        let gutter = if selected {
            Span::styled("▶ ", theme.selected(focused))
        } else if view.is_marked(&shared, i) {
            Span::styled("• ", theme.marked())
        } else {
            Span::raw("  ")
        };
        let mut spans = vec![gutter];
        spans.extend(view.row(&shared, i, rect.width).spans);
        let mut line = fit_line(Line::from(spans), usize::from(inner.width));
        if selected {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
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
    let length = line.spans.iter().map(|s| s.content.len()).sum();
    super::wrap::count_laid_out(length);
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

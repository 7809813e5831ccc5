//! The pictures a context pane can show instead of its list (`p`): the timeline as a chart
//! on a time axis (`chart`), the argument as a map of boxes (`map`), the relations as a
//! network of actors (`network`). Each is laid out once per model, size and fold (the
//! app keeps the layout in its `Laid`), from the model alone, and drawn from its layout
//! onto the frame with the pane's selection; the selection is the list's own row, so that
//! narrowing the claims, the `•` marks, Enter and Backspace work as from the list.

pub mod chart;
pub mod map;
pub mod network;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

use super::state::Pane;

/// The most the timeline chart zooms in: each step halves the span shown.
pub const MAX_ZOOM: u8 = 6;

/// Which panes show their picture, and how far the chart is zoomed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pictures {
    timeline: bool,
    actors: bool,
    arguments: bool,
    pub zoom: u8,
}

impl Pictures {
    /// Whether `pane` shows its picture now.
    pub fn shows(&self, pane: Pane) -> bool {
        match pane {
            Pane::Timeline => self.timeline,
            Pane::Actors => self.actors,
            Pane::Arguments => self.arguments,
            _ => false,
        }
    }

    /// Switches `pane` between its list and its picture; `false` for a pane that has none.
    pub fn toggle(&mut self, pane: Pane) -> bool {
        let slot = match pane {
            Pane::Timeline => &mut self.timeline,
            Pane::Actors => &mut self.actors,
            Pane::Arguments => &mut self.arguments,
            _ => return false,
        };
        *slot = !*slot;
        true
    }
}

/// The picture's name, for the pane's title: `Timeline · chart`.
pub fn name(pane: Pane) -> Option<&'static str> {
    match pane {
        Pane::Timeline => Some("chart"),
        Pane::Actors => Some("network"),
        Pane::Arguments => Some("map"),
        _ => None,
    }
}

/// A picture larger than its pane, drawn through a window: positions are the picture's,
/// from (0, 0); what falls outside `area` once shifted by `offset` is left out, a wide
/// character that would straddle the edge included.
pub struct Canvas<'b> {
    buffer: &'b mut Buffer,
    area: Rect,
    offset: (i32, i32),
}

impl<'b> Canvas<'b> {
    pub fn new(buffer: &'b mut Buffer, area: Rect, offset: (i32, i32)) -> Canvas<'b> {
        Canvas {
            buffer,
            area,
            offset,
        }
    }

    /// Writes `text` from the picture's (`x`, `y`), as far as the window shows it.
    pub fn text(&mut self, x: i32, y: i32, text: &str, style: Style) {
        let row = y - self.offset.1;
        if row < 0 || row >= i32::from(self.area.height) {
            return;
        }
        let mut column = x - self.offset.0;
        for c in text.chars() {
            let width = c.width().unwrap_or(0) as i32;
            if width == 0 {
                continue;
            }
            if column >= 0 && column + width <= i32::from(self.area.width) {
                let at = (self.area.x + column as u16, self.area.y + row as u16);
                if let Some(cell) = self.buffer.cell_mut(at) {
                    // What was drawn there before goes, style and all.
                    cell.reset();
                    cell.set_char(c).set_style(style);
                }
            }
            column += width;
        }
    }

    /// The character the picture has at (`x`, `y`) so far, if the window shows it.
    pub fn get(&self, x: i32, y: i32) -> Option<&str> {
        let (column, row) = (x - self.offset.0, y - self.offset.1);
        if column < 0
            || row < 0
            || column >= i32::from(self.area.width)
            || row >= i32::from(self.area.height)
        {
            return None;
        }
        self.buffer
            .cell((self.area.x + column as u16, self.area.y + row as u16))
            .map(|c| c.symbol())
    }
}

/// `text` cut to `width` columns, with `…` where it was cut; only as much of it read as
/// the width reaches, as for every label (a text may be megabytes long).
pub fn fit(text: &str, width: usize) -> String {
    crate::tui::content::labels::clip(text, width)
}

/// The start of `text`, as much as `lines` lines of `width` columns could show: what is
/// laid out of a long text.
pub fn prefix(text: &str, lines: usize, width: usize) -> &str {
    let most = 4 * lines * width + 16;
    match text.char_indices().nth(most) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// `text` cut where `width` columns end, after a space where there is one in reach: the
/// part that fits, and the rest.
pub fn split_at_width(text: &str, width: usize) -> (String, String) {
    let text = prefix(text, 2, width);
    let mut used = 0;
    let mut cut = text.len();
    let mut space = None;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            cut = at;
            break;
        }
        if c == ' ' {
            space = Some(at);
        }
        used += w;
    }
    if cut == text.len() {
        return (text.to_string(), String::new());
    }
    let cut = space.filter(|s| *s > cut / 2).unwrap_or(cut);
    (text[..cut].to_string(), text[cut..].to_string())
}

/// Where the window over a picture `total` long starts so that `from..to` is in view,
/// centred when the picture is longer than the window `window`.
pub fn scroll_to(total: i32, window: i32, from: i32, to: i32) -> i32 {
    if total <= window {
        return 0;
    }
    let centre = (from + to) / 2 - window / 2;
    centre.clamp(0, total - window)
}

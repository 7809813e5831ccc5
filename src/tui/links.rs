//! Source addresses made clickable (OSC 8), as part of the cells they are drawn in.
//!
//! ratatui draws each frame's text; the link is an attribute the terminal gives every cell
//! written between an OSC 8 that opens it and one that closes it. So after a frame, the
//! cells of each link are written again, exactly as the frame holds them (the same
//! symbols, made safe as every cell is, the same styles, at the positions ratatui gave
//! them, wide characters included) between the two sequences. Nothing is written outside
//! the link's cells, and a link whose cells and address have not changed since the frame
//! before is not written again.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// A link on the screen: the cells `width` columns wide from (`x`, `y`), and the address
/// they lead to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLink {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// The longest address written as a link, in bytes once escaped. Terminals keep no more
/// (VTE drops a link of more than 2,083 bytes); a longer address is still shown in full,
/// as text.
pub const MAX_LINK: usize = 2048;

/// The links the last frame left on the terminal: each with the cells written in it.
#[derive(Debug, Default)]
pub struct Drawn {
    area: Rect,
    written: Vec<Written>,
}

#[derive(Debug, Clone, PartialEq)]
struct Written {
    x: u16,
    y: u16,
    url: String,
    cells: Vec<(u16, Cell)>,
}

impl Drawn {
    /// After the screen was cleared: nothing on it is a link any more.
    pub fn forget(&mut self) {
        self.written.clear();
    }

    /// What makes `links` clickable in the frame just drawn into `buffer`, and takes the
    /// link off cells that were one in the frame before and are no longer: nothing when
    /// the links and their cells are as they were. Taken from the frame's buffer first,
    /// then written through the backend, as the terminal lends one and then the other.
    pub fn update(&mut self, buffer: &Buffer, links: &[ScreenLink]) -> Pending {
        if buffer.area != self.area {
            // A new size: ratatui drew the whole screen afresh.
            self.area = buffer.area;
            self.written.clear();
        }
        let now: Vec<Written> = links
            .iter()
            .filter_map(|link| {
                let url = escaped(&link.url)?;
                let cells = cells_of(buffer, link.x, link.y, link.width);
                (!cells.is_empty()).then_some(Written {
                    x: link.x,
                    y: link.y,
                    url,
                    cells,
                })
            })
            .collect();
        // Cells that were a link and are not the same link now are written again plainly,
        // unless a link now covers them.
        let plain = self
            .written
            .iter()
            .filter(|old| !now.contains(old))
            .map(|old| {
                let cells = old
                    .cells
                    .iter()
                    .filter(|(x, _)| !now.iter().any(|n| n.y == old.y && n.covers(*x)))
                    .filter_map(|(x, _)| Some((*x, buffer.cell((*x, old.y))?.clone())))
                    .collect();
                (old.y, cells)
            })
            .collect();
        let links = now
            .iter()
            .filter(|link| !self.written.contains(link))
            .cloned()
            .collect();
        self.written = now;
        Pending { plain, links }
    }
}

/// What a frame's links still need written.
#[derive(Debug)]
pub struct Pending {
    plain: Vec<(u16, Vec<(u16, Cell)>)>,
    links: Vec<Written>,
}

impl Pending {
    pub fn is_empty(&self) -> bool {
        self.links.is_empty() && self.plain.iter().all(|(_, cells)| cells.is_empty())
    }

    /// Writes it through `backend`, which moves, styles and resets as for any frame.
    pub fn write<W: Write>(self, backend: &mut CrosstermBackend<W>) -> io::Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        for (y, cells) in &self.plain {
            draw_cells(backend, *y, cells)?;
        }
        for link in &self.links {
            write!(backend, "\x1b]8;;{}\x1b\\", link.url)?;
            draw_cells(backend, link.y, &link.cells)?;
            write!(backend, "\x1b]8;;\x1b\\")?;
        }
        Write::flush(backend)
    }
}

impl Written {
    fn covers(&self, x: u16) -> bool {
        self.cells.iter().any(|(at, _)| *at == x)
    }
}

/// The cells of `buffer` on row `y` from `x`, `width` columns, as the terminal holds
/// them: a wide character's cell alone, not the one it spills into.
fn cells_of(buffer: &Buffer, x: u16, y: u16, width: u16) -> Vec<(u16, Cell)> {
    let end = x.saturating_add(width).min(buffer.area.right());
    let mut cells = Vec::new();
    let mut at = x;
    while at < end {
        let Some(cell) = buffer.cell((at, y)) else {
            break;
        };
        let wide = u16::try_from(cell.symbol().width()).unwrap_or(1).max(1);
        if at + wide > end {
            // Half of a wide character: left as ratatui drew it.
            break;
        }
        cells.push((at, cell.clone()));
        at += wide;
    }
    cells
}

fn draw_cells<W: Write>(
    backend: &mut CrosstermBackend<W>,
    y: u16,
    cells: &[(u16, Cell)],
) -> io::Result<()> {
    backend.draw(cells.iter().map(|(x, cell)| (*x, y, cell)))
}

/// `url` as it may stand inside OSC 8: every byte outside printable ASCII escaped as
/// `%XX`, so that nothing in it can end the sequence or reach the terminal raw; `None`
/// when that is longer than [`MAX_LINK`].
fn escaped(url: &str) -> Option<String> {
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        if (0x21..0x7f).contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
        if out.len() > MAX_LINK {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_escaped_to_printable_ascii() {
        assert_eq!(
            escaped("https://例え.jp/a b").as_deref(),
            Some("https://%E4%BE%8B%E3%81%88.jp/a%20b")
        );
        assert_eq!(
            escaped("https://x.org/\u{1b}\\").as_deref(),
            Some("https://x.org/%1B\\")
        );
        assert!(escaped(&format!("https://x.org/{}", "a".repeat(MAX_LINK))).is_none());
    }

    #[test]
    fn a_wide_character_is_one_cell_and_half_of_one_is_left_out() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        buffer.set_string(0, 0, "a例bc", ratatui::style::Style::new());
        let xs: Vec<u16> = cells_of(&buffer, 0, 0, 10)
            .iter()
            .map(|(x, _)| *x)
            .collect();
        assert_eq!(&xs[..4], &[0, 1, 3, 4]);
        // Three columns from 0 end inside nothing; two columns from 0 would cut 例.
        assert_eq!(cells_of(&buffer, 0, 0, 2).len(), 1);
    }
}

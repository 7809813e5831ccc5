//! A drawn screen as text with its styles written in, for the snapshots of what a reader
//! tells apart by style alone: which pane has focus, which characters a search matched,
//! which words of a sentence the claim quotes.
//!
//! Each run of cells in one style other than the plain one is written `⟦style:text⟧`, the
//! style in words: its modifiers (`bold`, `dim`, `italic`, `under`, `rev`, `crossed`) and
//! colours (`cyan`, `black on yellow`). So `⟦bold rev:▶ c01a⟧` is a reversed bold row and
//! `⟦yellow bold under:Mos⟧cow` three matched letters.

use claimscope::tui::{App, Pane};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::screen::buffer;

/// The cells of `area` in `buffer`, a line a row, with their styles written in.
pub fn styled(buffer: &Buffer, area: Rect) -> String {
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut run: Option<String> = None;
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            let symbol = cell.symbol();
            assert!(
                !symbol.contains(['⟦', '⟧']),
                "the screen uses the style marks itself at ({x}, {y})"
            );
            let style = style_words(cell);
            if run != style {
                if run.is_some() {
                    out.push('⟧');
                }
                if let Some(words) = &style {
                    out.push_str(&format!("⟦{words}:"));
                }
                run = style;
            }
            out.push_str(symbol);
        }
        if run.is_some() {
            out.push('⟧');
        }
        out.push('\n');
    }
    out
}

/// A cell's style in words, or none for the plain style.
fn style_words(cell: &Cell) -> Option<String> {
    let mut words = Vec::new();
    match (cell.fg, cell.bg) {
        (Color::Reset, Color::Reset) => {}
        (fg, Color::Reset) => words.push(colour(fg)),
        (Color::Reset, bg) => words.push(format!("on {}", colour(bg))),
        (fg, bg) => words.push(format!("{} on {}", colour(fg), colour(bg))),
    }
    let names = [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "under"),
        (Modifier::REVERSED, "rev"),
        (Modifier::CROSSED_OUT, "crossed"),
        (Modifier::SLOW_BLINK, "blink"),
        (Modifier::RAPID_BLINK, "blink"),
        (Modifier::HIDDEN, "hidden"),
    ];
    for (modifier, name) in names {
        if cell.modifier.contains(modifier) {
            words.push(name.to_string());
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

fn colour(color: Color) -> String {
    format!("{color:?}").to_lowercase()
}

/// The whole screen of `app` at a size, with its styles written in.
pub fn styled_screen(app: &mut App, width: u16, height: u16) -> String {
    let buffer = buffer(app, width, height);
    styled(&buffer, buffer.area)
}

/// One pane of `app`'s screen at a size, its box included, with its styles written in.
pub fn styled_pane(app: &mut App, pane: Pane, width: u16, height: u16) -> String {
    let buffer = buffer(app, width, height);
    let area = app.screen().pane(pane).expect("the pane is on the screen");
    styled(&buffer, area)
}

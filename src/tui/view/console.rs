//! The frame as the Linux console can draw it. Its fonts hold ASCII, Latin-1 and the light
//! and double box-drawing lines of the PC character set, and little else: the explorer's
//! symbols (✓ ◐ ▶ ↑ …) would come out as blobs. With `TERM=linux`, or `ascii = true` under
//! `[colors]`, each is drawn instead as the ASCII character listed here, heavy lines as
//! double ones, and typographic quotes and dashes as their plain forms. The text of the
//! article and the record is otherwise left as it is: a letter the font lacks is the
//! console's to show as it can.

use ratatui::buffer::Buffer;

/// What the console draws for `c`, if it cannot draw `c` itself and `c` is the explorer's.
pub fn glyph(c: char) -> Option<&'static str> {
    Some(match c {
        // Heavy lines (the focused pane, the reading's chosen sentence) as double ones:
        // still told apart from the light ones of the rest.
        '┏' => "╔",
        '┓' => "╗",
        '┗' => "╚",
        '┛' => "╝",
        '━' => "═",
        '┃' => "║",
        // Selection, folding, scrolling, the search box's cursor.
        // The selection; a closed node is `»`, so that no row looks selected but the one.
        '▶' => ">",
        '▸' => "»",
        '▾' | '▼' => "v",
        '▲' => "^",
        '▏' => "|",
        '•' => "*",
        // Verdicts: held, partly, failed, still open.
        '✓' => "+",
        '◐' => "%",
        '✗' => "x",
        '◌' => ".",
        // Events: cancelled, planned, expected, ongoing.
        '⊘' => "/",
        '○' => "o",
        '◇' => "*",
        '⋯' => ":",
        // Stances and the thesis.
        '−' => "-",
        '◆' => "#",
        // Trends.
        '↑' => "^",
        '↓' => "v",
        '→' => ">",
        '←' => "<",
        '↕' => "|",
        // The pictures: the chart's marks and open ends, the map's dashed boxes, the
        // network's slanting lines.
        '■' => "#",
        '□' => "=",
        '▣' => "!",
        '●' => "@",
        '◁' => "<",
        '▷' => ">",
        '┄' => "-",
        '┆' => ":",
        '╱' => "/",
        '╲' => "\\",
        // Marks of the record and of spelling.
        '†' => "!",
        '≈' => "=",
        // Cut short.
        // As nano marks a line cut short; `~` is the inferred date's already.
        '…' => "$",
        // Typographic punctuation.
        '“' | '”' | '„' => "\"",
        '‘' | '’' => "'",
        '–' | '—' => "-",
        _ => return None,
    })
}

/// Redraws every cell of `buffer` the console could not draw.
pub fn redraw(buffer: &mut Buffer) {
    for cell in &mut buffer.content {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(plain) = glyph(c)
        {
            cell.set_symbol(plain);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_is_one_column_of_what_the_console_draws() {
        for c in ('\u{2000}'..='\u{2BFF}').chain(['…']) {
            if let Some(plain) = glyph(c) {
                // ASCII, Latin-1's signs, and the double lines.
                let drawable = plain.chars().all(|p| {
                    p.is_ascii_graphic()
                        || ('\u{a1}'..='\u{bf}').contains(&p)
                        || matches!(p, '╔' | '╗' | '╚' | '╝' | '═' | '║')
                });
                assert!(drawable && plain.chars().count() == 1, "{c} as {plain}");
            }
        }
    }

    #[test]
    fn one_meaning_one_stand_in_among_the_symbols_that_share_a_column() {
        // The verdicts share a column, as do the event statuses.
        let verdicts = ['✓', '◐', '✗', '◌'].map(glyph);
        let statuses = ['⊘', '○', '◇', '⋯'].map(glyph);
        for set in [verdicts.to_vec(), statuses.to_vec()] {
            let mut seen = set.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), set.len(), "{set:?}");
        }
    }
}

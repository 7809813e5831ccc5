//! The argument as a map: a box for each node the tree shows (its number, its stance and
//! its short title), the thesis at the top, each node's children in a row under it, joined
//! by lines. A node's stance is told by its box's line and by its symbol, never by colour
//! alone: supports `+` in a light box, attacks `−` in a double one, qualifies `±` in a
//! dashed one. Laid out as a tidy tree (leaves side by side, each parent centred over its
//! children), as wide as it needs: the window follows the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{Canvas, fit, scroll_to};
use crate::model::Stance;
use crate::tui::panes::Shared;
use crate::tui::state::ArgumentRow;

/// A box's width and height, and the room between boxes across and down.
pub const BOX_WIDTH: i32 = 20;
pub const BOX_HEIGHT: i32 = 6;
const GAP_X: i32 = 2;
const GAP_Y: i32 = 3;

/// One node's box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeBox {
    pub node: usize,
    /// Its row in the Arguments list: the selection.
    pub row: usize,
    pub depth: usize,
    /// Its top left corner.
    pub x: i32,
    pub y: i32,
    /// The box of the node it hangs from.
    pub parent: Option<usize>,
}

impl NodeBox {
    pub fn centre(&self) -> i32 {
        self.x + BOX_WIDTH / 2
    }
}

/// The map laid out for the tree's rows as they are (folds included).
#[derive(Debug, Clone, Default)]
pub struct Map {
    /// The rows it was laid out from.
    pub laid_for: Vec<ArgumentRow>,
    /// A box for each row, in the rows' order: `boxes[row]` is the row's box.
    pub boxes: Vec<NodeBox>,
    /// Each box's children, in order.
    children: Vec<Vec<usize>>,
    pub width: i32,
    pub height: i32,
}

impl Map {
    pub fn new(rows: &[ArgumentRow]) -> Map {
        let mut boxes: Vec<NodeBox> = Vec::with_capacity(rows.len());
        // The rows are in tree order (a node, then its subtree), so a node's parent is the
        // nearest row above it one level up.
        let mut above: Vec<usize> = Vec::new();
        for (row, at) in rows.iter().enumerate() {
            above.truncate(at.depth);
            let parent = above.last().copied();
            boxes.push(NodeBox {
                node: at.node,
                row,
                depth: at.depth,
                x: 0,
                y: at.depth as i32 * (BOX_HEIGHT + GAP_Y),
                parent,
            });
            above.push(row);
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); boxes.len()];
        for (b, at) in boxes.iter().enumerate() {
            if let Some(p) = at.parent {
                children[p].push(b);
            }
        }
        // Leaves side by side in order; then, deepest first, each parent centred over its
        // first and last child.
        let mut next = 0;
        for (b, kids) in children.iter().enumerate() {
            if kids.is_empty() {
                boxes[b].x = next;
                next += BOX_WIDTH + GAP_X;
            }
        }
        let mut order: Vec<usize> = (0..boxes.len()).collect();
        order.sort_by_key(|b| std::cmp::Reverse(boxes[*b].depth));
        for b in order {
            if let (Some(first), Some(last)) = (children[b].first(), children[b].last()) {
                boxes[b].x = (boxes[*first].x + boxes[*last].x) / 2;
            }
        }
        let depth = boxes.iter().map(|b| b.depth).max().map_or(0, |d| d + 1) as i32;
        Map {
            laid_for: rows.to_vec(),
            width: (next - GAP_X).max(0),
            height: (depth * (BOX_HEIGHT + GAP_Y) - GAP_Y).max(0),
            boxes,
            children,
        }
    }

    /// The box of the Arguments list's `row`.
    pub fn box_of_row(&self, row: usize) -> Option<&NodeBox> {
        self.boxes.get(row)
    }

    /// The row whose box is nearest `row`'s on its level, to its left (`-1`) or right.
    pub fn beside(&self, row: usize, direction: i32) -> Option<usize> {
        let here = self.box_of_row(row)?;
        self.boxes
            .iter()
            .filter(|b| b.depth == here.depth && (b.x - here.x).signum() == direction.signum())
            .min_by_key(|b| (b.x - here.x).abs())
            .map(|b| b.row)
    }

    /// Where the window over the map starts, for a window `area` and the selection.
    fn offset(&self, area: Rect, selected: usize) -> (i32, i32) {
        let Some(at) = self.box_of_row(selected) else {
            return (0, 0);
        };
        // The box with its parent above it, where the window is high enough for both.
        let window = i32::from(area.height);
        let top = at
            .parent
            .map(|p| self.boxes[p].y)
            .filter(|y| at.y + BOX_HEIGHT - y <= window)
            .unwrap_or(at.y);
        (
            scroll_to(self.width, i32::from(area.width), at.x, at.x + BOX_WIDTH),
            scroll_to(self.height, window, top, at.y + BOX_HEIGHT),
        )
    }

    /// The row of the box at (`column`, `line`) of `area`, for a click.
    pub fn row_at(&self, area: Rect, selected: usize, column: u16, line: u16) -> Option<usize> {
        let (dx, dy) = self.offset(area, selected);
        let x = i32::from(column) - i32::from(area.x) + dx;
        let y = i32::from(line) - i32::from(area.y) + dy;
        self.boxes
            .iter()
            .find(|b| (b.x..b.x + BOX_WIDTH).contains(&x) && (b.y..b.y + BOX_HEIGHT).contains(&y))
            .map(|b| b.row)
    }

    /// Draws the map into `area`: the selected box in reverse, related nodes with `•`.
    pub fn draw(
        &self,
        buffer: &mut Buffer,
        area: Rect,
        shared: &Shared<'_>,
        focused: bool,
        folded: &dyn Fn(usize) -> bool,
    ) {
        let index = shared.index;
        let theme = shared.theme;
        let selected = shared.cursor.selected;
        let offset = self.offset(area, selected);
        let mut canvas = Canvas::new(buffer, area, offset);
        let dim = theme.dim();
        // Only what the window shows is drawn, however large the map.
        let (left, right) = (offset.0, offset.0 + i32::from(area.width));
        let (top, bottom) = (offset.1, offset.1 + i32::from(area.height));
        let across = |from: i32, to: i32| from < right && to >= left;
        let down = |from: i32, to: i32| from < bottom && to >= top;
        // The lines from each parent down to its children, with each child's stance.
        for (p, parent) in self.boxes.iter().enumerate() {
            let (Some(first), Some(last)) = (self.children[p].first(), self.children[p].last())
            else {
                continue;
            };
            let (first, last) = (&self.boxes[*first], &self.boxes[*last]);
            let reach = (
                first.centre().min(parent.centre()),
                last.centre().max(parent.centre()),
            );
            if !across(reach.0, reach.1) || !down(parent.y + BOX_HEIGHT, first.y) {
                continue;
            }
            let kids: Vec<&NodeBox> = self.children[p].iter().map(|c| &self.boxes[*c]).collect();
            let bus = parent.y + BOX_HEIGHT + 1;
            canvas.text(parent.centre(), parent.y + BOX_HEIGHT, "│", dim);
            let (from, to) = (first.centre(), last.centre());
            if from < to {
                canvas.text(from, bus, &"─".repeat((to - from + 1) as usize), dim);
                canvas.text(from, bus, "┌", dim);
                canvas.text(to, bus, "┐", dim);
            }
            for kid in &kids {
                let at = kid.centre();
                let joint = if from == to {
                    "│"
                } else if at == from {
                    "┌"
                } else if at == to {
                    "┐"
                } else {
                    "┬"
                };
                canvas.text(at, bus, joint, dim);
                let stance = index.model().arguments[kid.node].stance;
                let symbol = stance.map_or("│", |s| s.symbol());
                canvas.text(at, bus + 1, symbol, theme.stance(stance));
            }
            let centre = parent.centre();
            let joint = match canvas.get(centre, bus) {
                Some("┬") => "┼",
                Some("┌") => "├",
                Some("┐") => "┤",
                Some("│") => "│",
                _ => "┴",
            };
            canvas.text(centre, bus, joint, dim);
        }
        for b in &self.boxes {
            if !across(b.x, b.x + BOX_WIDTH) || !down(b.y, b.y + BOX_HEIGHT) {
                continue;
            }
            let node = &index.model().arguments[b.node];
            let lines = box_lines(node.stance, b.parent.is_some());
            let is_selected = b.row == selected;
            let border = theme.stance(node.stance);
            for (i, line) in lines.iter().enumerate() {
                canvas.text(b.x, b.y + i as i32, line, border);
            }
            let marked = shared.related.nodes.get(b.node).is_some_and(|m| *m);
            let fold = if folded(b.node) { "▸" } else { "" };
            let symbol = node.stance.map_or("◆", |s| s.symbol());
            let head = format!(
                "{fold}{} {symbol}{}",
                index.path(b.node),
                if marked { " •" } else { "" }
            );
            let inner = (BOX_WIDTH - 2) as usize;
            let [one, two, three] = title_lines(&node.title, inner);
            let text = if is_selected {
                theme.selected(focused)
            } else if marked {
                theme.marked()
            } else {
                Style::new()
            };
            for (i, line) in [head, one, two, three].iter().enumerate() {
                let padded = format!("{line:<inner$}");
                canvas.text(b.x + 1, b.y + 1 + i as i32, &fit(&padded, inner), text);
            }
        }
    }
}

/// A box's six lines of border for a node's stance (the text goes over the middle
/// four): light for supports and the thesis, double for attacks, dashed for qualifies;
/// with the joint where its line comes down, for a node under another.
fn box_lines(stance: Option<Stance>, joined: bool) -> [String; 6] {
    let (tl, h, tr, v, bl, br, joint) = match stance {
        Some(Stance::Attacks) => ('╔', '═', '╗', '║', '╚', '╝', '╧'),
        Some(Stance::Qualifies) => ('┌', '┄', '┐', '┆', '└', '┘', '┴'),
        _ => ('┌', '─', '┐', '│', '└', '┘', '┴'),
    };
    let across = (BOX_WIDTH - 2) as usize;
    let half = across / 2 - 1;
    let top = if joined {
        format!(
            "{tl}{}{joint}{}{tr}",
            h.to_string().repeat(half),
            h.to_string().repeat(across - half - 1)
        )
    } else {
        format!("{tl}{}{tr}", h.to_string().repeat(across))
    };
    let side = format!("{v}{}{v}", " ".repeat(across));
    let bottom = format!("{bl}{}{br}", h.to_string().repeat(across));
    [top, side.clone(), side.clone(), side.clone(), side, bottom]
}

/// A title on three lines of `width` columns, broken at spaces, the last cut with `…`.
fn title_lines(title: &str, width: usize) -> [String; 3] {
    let mut lines: [String; 3] = Default::default();
    let mut words = super::prefix(title, 3, width).split(' ').peekable();
    for (i, line) in lines.iter_mut().enumerate() {
        if i == 2 {
            let rest: Vec<&str> = words.by_ref().collect();
            *line = fit(&rest.join(" "), width);
            break;
        }
        while let Some(word) = words.peek() {
            let with = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if unicode_width::UnicodeWidthStr::width(with.as_str()) > width {
                break;
            }
            *line = with;
            words.next();
        }
        if line.is_empty() {
            // One word longer than the line: cut it, and go on after it.
            if let Some(word) = words.next() {
                *line = fit(word, width);
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_broken_at_spaces_and_its_end_cut() {
        let lines = |t: &str| title_lines(t, 18).map(|l| l.to_string());
        assert_eq!(
            lines("Pakistan and Russia are moving closer"),
            ["Pakistan and", "Russia are moving", "closer"]
        );
        assert_eq!(lines("Short"), ["Short", "", ""]);
        assert_eq!(
            lines("Putin's trip, the first-ever by a Russian president, was cancelled"),
            ["Putin's trip, the", "first-ever by a", "Russian president…"]
        );
    }

    #[test]
    fn each_stance_has_its_own_line() {
        let [support, ..] = box_lines(Some(Stance::Supports), true);
        let [attack, ..] = box_lines(Some(Stance::Attacks), true);
        let [qualify, ..] = box_lines(Some(Stance::Qualifies), true);
        assert!(support.contains('─') && attack.contains('═') && qualify.contains('┄'));
        for line in [support, attack, qualify] {
            assert_eq!(
                unicode_width::UnicodeWidthStr::width(line.as_str()),
                BOX_WIDTH as usize
            );
        }
    }
}

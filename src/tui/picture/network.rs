//! The relations as a network: each actor that has a relation is a name on a ring, each
//! relation a line between two names, labelled with its trend as the detail box writes it
//! (`↑ warming`, `↓ cooling`, `↕ mixed`, `→ steady`). The names go round the ring in the
//! order that makes the fewest lines cross (every order is tried while there are few), and
//! no label is set on another: a trend's label slides along its line to the first place
//! free of every name and label.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use super::{Canvas, fit};
use crate::model::Index;
use crate::tui::panes::Shared;
use crate::tui::state::ActorRow;

/// Rows under the picture for what is selected.
pub const BELOW: u16 = 2;
/// The widest a name is drawn.
const NAME_WIDTH: usize = 18;
/// Up to this many actors, every order round the ring is tried.
const EXHAUSTIVE: usize = 8;
/// The most actors drawn: those with the most relations. A ring of more would be too
/// crowded to read, and the list has them all.
pub const MAX_ACTORS: usize = 24;
/// How far (in rows; twice that in columns) a label is moved to find a free place before
/// it is left out.
const REACH: i32 = 8;

/// What a reader picks on the network: an actor's name or a relation's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Actor(usize),
    Relation(usize),
}

/// A label on the picture: where it starts, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub x: i32,
    pub y: i32,
    pub text: String,
}

impl Label {
    pub fn width(&self) -> i32 {
        self.text.width() as i32
    }

    /// Whether it shares a cell with `other`, or touches it on its row.
    pub fn overlaps(&self, other: &Label) -> bool {
        self.y == other.y && self.x <= other.x + other.width() && other.x <= self.x + self.width()
    }

    pub fn centre(&self) -> (i32, i32) {
        (self.x + self.width() / 2, self.y)
    }
}

/// An actor on the ring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorName {
    pub actor: usize,
    pub label: Label,
}

/// A relation's line and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub relation: usize,
    /// The two nodes it joins (indices into `nodes`).
    pub ends: (usize, usize),
    /// The cells of its line, from one name to the other.
    pub path: Vec<(i32, i32, char)>,
    pub label: Label,
}

/// The network laid out for a window `width` by `height`.
#[derive(Debug, Clone, Default)]
pub struct Network {
    pub laid_for: (u16, u16),
    pub nodes: Vec<ActorName>,
    pub edges: Vec<Edge>,
    /// The actors with relations, and the relations, the picture has no room for.
    pub left_out: (usize, usize),
}

impl Network {
    pub fn new(index: &Index, width: u16, height: u16) -> Network {
        let model = index.model();
        let given = height;
        let height = height.saturating_sub(BELOW);
        // The actors with the most relations, as many as a ring takes, in the model's order.
        let mut actors: Vec<usize> = (0..model.actors.len())
            .filter(|a| !index.relations_of_actor(*a).is_empty())
            .collect();
        let related = actors.len();
        actors.sort_by_key(|a| std::cmp::Reverse(index.relations_of_actor(*a).len()));
        actors.truncate(MAX_ACTORS);
        actors.sort_unstable();
        let pairs: Vec<(usize, usize, usize)> = (0..model.relations.len())
            .filter_map(|r| {
                let from = index.actor(&model.relations[r].from)?;
                let to = index.actor(&model.relations[r].to)?;
                let a = actors.iter().position(|x| *x == from)?;
                let b = actors.iter().position(|x| *x == to)?;
                (a != b).then_some((r, a, b))
            })
            .collect();
        let order = ring_order(actors.len(), &pairs);
        let (w, h) = (i32::from(width), i32::from(height));
        let names: Vec<String> = actors
            .iter()
            .map(|a| {
                fit(
                    &model.actors[*a].name,
                    NAME_WIDTH.min(width as usize / 3).max(4),
                )
            })
            .collect();
        let widest = names.iter().map(|n| n.width() as i32).max().unwrap_or(0);
        let (cx, cy) = (w / 2, h / 2);
        let rx = ((w - widest) / 2 - 1).max(1) as f64;
        let ry = ((h - 1) / 2).max(0) as f64;
        let n = actors.len().max(1) as f64;
        let mut nodes: Vec<ActorName> = vec![
            ActorName {
                actor: 0,
                label: Label {
                    x: 0,
                    y: 0,
                    text: String::new()
                }
            };
            actors.len()
        ];
        let mut placed: Vec<Label> = Vec::new();
        for (slot, &a) in order.iter().enumerate() {
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * slot as f64 / n;
            let x = cx + (rx * angle.cos()).round() as i32;
            let y = cy + (ry * angle.sin()).round() as i32;
            let text = names[a].clone();
            let mut label = Label {
                x: x - text.width() as i32 / 2,
                y,
                text,
            };
            label.x = label.x.clamp(0, (w - label.width()).max(0));
            // Away from the names already placed: the nearest free place, down or up a row
            // at a time first, then aside.
            let spots = (0..REACH).flat_map(|r| {
                (0..=r).flat_map(move |dy| {
                    [
                        (0, dy),
                        (0, -dy),
                        (2 * r, dy),
                        (-2 * r, dy),
                        (2 * r, -dy),
                        (-2 * r, -dy),
                    ]
                })
            });
            let free = spots
                .map(|(dx, dy)| Label {
                    x: label.x + dx,
                    y: y + dy,
                    ..label.clone()
                })
                .find(|tried| {
                    tried.x >= 0
                        && tried.x + tried.width() <= w
                        && (0..h).contains(&tried.y)
                        && !placed.iter().any(|p| p.overlaps(tried))
                });
            // No free place near its own: left out, with its lines.
            let Some(free) = free else {
                continue;
            };
            label = free;
            placed.push(label.clone());
            nodes[a] = ActorName {
                actor: actors[a],
                label,
            };
        }
        // The names placed, and where each now stands among them.
        let mut kept = Vec::new();
        let mut place = vec![None; nodes.len()];
        for (a, node) in nodes.into_iter().enumerate() {
            if !node.label.text.is_empty() {
                place[a] = Some(kept.len());
                kept.push(node);
            }
        }
        let mut edges = Vec::new();
        for (relation, a, b) in pairs {
            let (Some(a), Some(b)) = (place[a], place[b]) else {
                continue;
            };
            let path = line_between(&kept[a].label, &kept[b].label);
            let trend = model.relations[relation].trend;
            let text = format!("{} {trend}", trend.arrow());
            let Some(label) = place_label(&text, &path, &placed, w, h) else {
                continue;
            };
            placed.push(label.clone());
            edges.push(Edge {
                relation,
                ends: (a, b),
                path,
                label,
            });
        }
        let left_out = (related - kept.len(), model.relations.len() - edges.len());
        Network {
            laid_for: (width, given),
            nodes: kept,
            edges,
            left_out,
        }
    }

    /// Where an item's label is.
    pub fn label_of(&self, item: Pick) -> Option<&Label> {
        match item {
            Pick::Actor(a) => self.nodes.iter().find(|n| n.actor == a).map(|n| &n.label),
            Pick::Relation(r) => self
                .edges
                .iter()
                .find(|e| e.relation == r)
                .map(|e| &e.label),
        }
    }

    fn picks(&self) -> impl Iterator<Item = (Pick, &Label)> {
        let nodes = self.nodes.iter().map(|n| (Pick::Actor(n.actor), &n.label));
        nodes.chain(
            self.edges
                .iter()
                .map(|e| (Pick::Relation(e.relation), &e.label)),
        )
    }

    /// The item nearest `from` in direction (`dx`, `dy`): the first item, from nothing.
    pub fn step(&self, from: Option<Pick>, dx: i32, dy: i32) -> Option<Pick> {
        let Some(here) = from.and_then(|f| self.label_of(f)).map(Label::centre) else {
            return self.picks().next().map(|(item, _)| item);
        };
        self.picks()
            .filter(|(item, _)| Some(*item) != from)
            .filter_map(|(item, label)| {
                let (x, y) = label.centre();
                let (ax, ay) = (x - here.0, (y - here.1) * 2);
                // Ahead in the direction asked, and not more aside than ahead.
                let ahead = ax * dx + ay * dy;
                let aside = (ax * dy - ay * dx).abs();
                (ahead > 0 && aside <= ahead * 2).then_some((ahead + 2 * aside, item))
            })
            .min_by_key(|(cost, _)| *cost)
            .map(|(_, item)| item)
    }

    /// The item whose label is at (`column`, `line`) of `area`, for a click.
    pub fn pick_at(&self, area: Rect, column: u16, line: u16) -> Option<Pick> {
        let x = i32::from(column) - i32::from(area.x);
        let y = i32::from(line) - i32::from(area.y);
        self.picks()
            .find(|(_, l)| l.y == y && (l.x..l.x + l.width()).contains(&x))
            .map(|(item, _)| item)
    }

    /// Draws the network into `area`, with `selected` in reverse and related actors marked.
    pub fn draw(
        &self,
        buffer: &mut Buffer,
        area: Rect,
        shared: &Shared<'_>,
        focused: bool,
        selected: Option<Pick>,
    ) {
        let index = shared.index;
        let model = index.model();
        let theme = shared.theme;
        let picture = Rect {
            height: area.height.saturating_sub(BELOW),
            ..area
        };
        {
            let mut canvas = Canvas::new(buffer, picture, (0, 0));
            // The selected line drawn last, and bold: it shows whole, over any it crosses.
            let mut order: Vec<&Edge> = self.edges.iter().collect();
            order.sort_by_key(|e| selected == Some(Pick::Relation(e.relation)));
            for edge in order {
                let chosen = selected == Some(Pick::Relation(edge.relation));
                let trend = theme.trend(model.relations[edge.relation].trend);
                let style = if chosen {
                    trend.add_modifier(Modifier::BOLD)
                } else {
                    trend.add_modifier(Modifier::DIM)
                };
                for (x, y, c) in &edge.path {
                    canvas.text(*x, *y, &c.to_string(), style);
                }
            }
            for edge in &self.edges {
                let style = if selected == Some(Pick::Relation(edge.relation)) {
                    theme.selected(focused)
                } else {
                    theme.trend(model.relations[edge.relation].trend)
                };
                canvas.text(edge.label.x, edge.label.y, &edge.label.text, style);
            }
            for node in &self.nodes {
                let marked = shared.related.actors.get(node.actor).is_some_and(|m| *m);
                let style = if selected == Some(Pick::Actor(node.actor)) {
                    theme.selected(focused)
                } else if marked {
                    theme.marked().add_modifier(Modifier::UNDERLINED)
                } else {
                    theme.bold()
                };
                canvas.text(node.label.x, node.label.y, &node.label.text, style);
            }
        }
        let info = Rect {
            y: picture.bottom(),
            height: area.height - picture.height,
            ..area
        };
        let mut canvas = Canvas::new(buffer, info, (0, 0));
        let (line, style) = match selected {
            Some(Pick::Actor(a)) => {
                let names: Vec<String> = index
                    .relations_of_actor(a)
                    .iter()
                    // As many as a line can show.
                    .take(usize::from(area.width) / 4 + 1)
                    .filter_map(|r| {
                        let other = index.other_party(*r, a)?;
                        Some(format!(
                            "{} {}",
                            model.relations[*r].trend.arrow(),
                            model.actors[other].name
                        ))
                    })
                    .collect();
                (
                    format!(
                        "▶ {}: {}",
                        super::prefix(&model.actors[a].name, 1, usize::from(area.width)),
                        names.join(", ")
                    ),
                    theme.bold(),
                )
            }
            Some(Pick::Relation(r)) => {
                let relation = &model.relations[r];
                (
                    format!(
                        "▶ {} {} {}: {}",
                        index.relation_label(r),
                        relation.trend.arrow(),
                        relation.trend,
                        super::prefix(&relation.summary, 1, usize::from(area.width))
                    ),
                    theme.bold(),
                )
            }
            None if self.nodes.is_empty() => {
                ("No relations in this model.".to_string(), theme.dim())
            }
            None => (
                "The actor selected has no relation: arrows choose one that has.".to_string(),
                theme.dim(),
            ),
        };
        canvas.text(0, 0, &fit(&line, usize::from(area.width)), style);
        let hint = match self.left_out {
            (0, 0) => "←→↑↓ a name or a line · Enter its claims · p the list".to_string(),
            (actors, relations) => format!(
                "{actors} actors and {relations} relations not drawn, for room: the list has them all · p the list"
            ),
        };
        canvas.text(0, 1, &fit(&hint, usize::from(area.width)), theme.dim());
    }
}

/// The item an Actors row stands for.
pub fn pick_of(row: Option<ActorRow>) -> Option<Pick> {
    match row? {
        ActorRow::Actor(a) => Some(Pick::Actor(a)),
        ActorRow::Relation { relation, .. } => Some(Pick::Relation(relation)),
    }
}

/// The order of `n` names round the ring with the fewest crossing lines: on a ring, two
/// lines cross when their ends alternate. Every order while there are few names (the
/// first fixed, as turning the ring changes nothing); else the order of the actors.
fn ring_order(n: usize, pairs: &[(usize, usize, usize)]) -> Vec<usize> {
    let identity: Vec<usize> = (0..n).collect();
    if n <= 3 || n > EXHAUSTIVE {
        return identity;
    }
    // Two relations between the same two actors cross what one crosses: count each pair
    // of names once (at most 28 among eight).
    let mut distinct: Vec<(usize, usize, usize)> = Vec::new();
    for (r, a, b) in pairs {
        let key = ((*a).min(*b), (*a).max(*b));
        if !distinct.iter().any(|(_, x, y)| (*x, *y) == key) {
            distinct.push((*r, key.0, key.1));
        }
    }
    let pairs = distinct.as_slice();
    let crossings = |order: &[usize]| {
        let mut slot = vec![0; n];
        for (i, a) in order.iter().enumerate() {
            slot[*a] = i;
        }
        let mut count = 0;
        for (i, (_, a, b)) in pairs.iter().enumerate() {
            let (a1, b1) = (slot[*a].min(slot[*b]), slot[*a].max(slot[*b]));
            for (_, c, d) in &pairs[i + 1..] {
                let (c, d) = (slot[*c], slot[*d]);
                if (a1 < c && c < b1) != (a1 < d && d < b1)
                    && ![a1, b1].contains(&c)
                    && ![a1, b1].contains(&d)
                {
                    count += 1;
                }
            }
        }
        count
    };
    let mut best = (crossings(&identity), identity.clone());
    let mut rest: Vec<usize> = (1..n).collect();
    permute(&mut rest, 0, &mut |tail| {
        let order: Vec<usize> = std::iter::once(0).chain(tail.iter().copied()).collect();
        let count = crossings(&order);
        if count < best.0 {
            best = (count, order);
        }
    });
    best.1
}

/// Calls `visit` with every order of `items[from..]`.
fn permute(items: &mut Vec<usize>, from: usize, visit: &mut dyn FnMut(&[usize])) {
    if from == items.len() {
        visit(items);
        return;
    }
    for i in from..items.len() {
        items.swap(from, i);
        permute(items, from + 1, visit);
        items.swap(from, i);
    }
}

/// The cells of a straight line from one name to the other, leaving the names' own cells
/// out: `─` across, `│` down, `╱` and `╲` aslant.
fn line_between(a: &Label, b: &Label) -> Vec<(i32, i32, char)> {
    let (x0, y0) = a.centre();
    let (x1, y1) = b.centre();
    let inside = |x: i32, y: i32| {
        [a, b]
            .iter()
            .any(|l| l.y == y && (l.x - 1..=l.x + l.width()).contains(&x))
    };
    let mut cells = Vec::new();
    let (dx, dy) = ((x1 - x0).abs(), -(y1 - y0).abs());
    let (sx, sy) = ((x1 - x0).signum(), (y1 - y0).signum());
    let (mut x, mut y, mut err) = (x0, y0, dx + dy);
    loop {
        if (x, y) == (x1, y1) {
            break;
        }
        let e2 = 2 * err;
        let (mut moved_x, mut moved_y) = (false, false);
        if e2 >= dy {
            err += dy;
            x += sx;
            moved_x = true;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
            moved_y = true;
        }
        let c = match (moved_x, moved_y) {
            (true, false) => '─',
            (false, true) => '│',
            _ if sx == sy => '╲',
            _ => '╱',
        };
        if !inside(x, y) {
            cells.push((x, y, c));
        }
    }
    cells
}

/// Where a line's label goes: on the line as near its middle as a place free of every
/// label already placed is, else the free place nearest the middle, inside the picture;
/// none when nothing near is free (the line is then left out).
fn place_label(
    text: &str,
    path: &[(i32, i32, char)],
    placed: &[Label],
    w: i32,
    h: i32,
) -> Option<Label> {
    let width = text.width() as i32;
    // The line's first and last two cells stay in sight, so that it is seen to leave
    // one name and reach the other: a line too short to bear its label beside them has
    // it just off the line instead.
    let ends: Vec<(i32, i32)> = path
        .iter()
        .take(2)
        .chain(path.iter().rev().take(2))
        .map(|(x, y, _)| (*x, *y))
        .collect();
    let fits = |label: &Label| {
        label.x >= 0
            && label.x + width <= w
            && (0..h).contains(&label.y)
            && !placed.iter().any(|p| p.overlaps(label))
            && !ends
                .iter()
                .any(|(x, y)| *y == label.y && (label.x..label.x + width).contains(x))
    };
    let middle = path
        .get(path.len() / 2)
        .map_or((w / 2, h / 2), |(x, y, _)| (*x, *y));
    // Along the line outward from its middle, then around the middle, nearest first.
    let half = path.len() / 2;
    let along = (0..=half).flat_map(move |step| [half + step, half.wrapping_sub(step)]);
    let along = along.filter_map(|i| path.get(i).map(|(x, y, _)| (*x, *y)));
    let around = (1..REACH).flat_map(move |radius| {
        (-radius..=radius).flat_map(move |dy| {
            [-radius * 2, radius * 2, 0].map(move |dx| (middle.0 + dx, middle.1 + dy))
        })
    });
    along
        .chain(around)
        .map(|(x, y)| Label {
            x: x - width / 2,
            y,
            text: text.to_string(),
        })
        .find(fits)
}

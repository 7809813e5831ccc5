//! The detail box: what the selected actor, event or argument node is, beside the lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Padding};
use unicode_width::UnicodeWidthStr;

use super::timeline::status_symbol;
use crate::model::ItemRef;
use crate::tui::app::{App, Scope};
use crate::tui::wrap::{Piece, wrap};

/// Sorted numbers as runs: "1–2, 4–8, 10".
fn ranges(numbers: &[u32]) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == n => *end = n,
            _ => runs.push((n, n)),
        }
    }
    let runs: Vec<String> = runs
        .into_iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect();
    runs.join(", ")
}

/// "1 claim", "3 claims".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many nodes hang below a node, at any depth.
fn descendants(app: &App, node: usize) -> usize {
    let mut stack = vec![node];
    let mut seen = vec![false; app.index().model().arguments.len()];
    let mut total = 0;
    while let Some(n) = stack.pop() {
        for child in app.index().children(n) {
            if !std::mem::replace(&mut seen[*child], true) {
                total += 1;
                stack.push(*child);
            }
        }
    }
    total
}

/// The box's title and text for `width` columns.
fn title_and_pieces(app: &App, width: usize) -> (String, Vec<Piece>) {
    let theme = app.theme;
    let index = app.index();
    let model = index.model();
    let dim = |t: String| Piece::new(t, theme.dim(), None);
    let plain = |t: String| Piece::new(t, ratatui::style::Style::new(), None);
    match app.scope() {
        Scope::Actor(a) => {
            let actor = &model.actors[a];
            let mut pieces = Vec::new();
            let mut what = actor.kind.as_str().to_string();
            if let Some(role) = &actor.role {
                what.push_str(&format!(" · {role}"));
            }
            if let Some(Some(ItemRef::Actor(org))) =
                actor.affiliation.as_deref().map(|id| index.get(id))
            {
                what.push_str(&format!(" · {}", model.actors[org].name));
            }
            pieces.push(dim(format!("{what}\n")));
            pieces.push(plain(format!("{}\n", actor.summary)));
            for r in index.relations_of_actor(a) {
                let relation = &model.relations[*r];
                let other = if relation.from == actor.id {
                    &relation.to
                } else {
                    &relation.from
                };
                let name = index
                    .get(other)
                    .map_or(other.as_str(), |o| model.actors[o.index()].name.as_str());
                // One line a relation, with what the article says of it, cut to fit.
                let head = format!("{} {name}, {}", relation.trend.arrow(), relation.trend);
                let room = width.saturating_sub(head.width() + 2);
                pieces.push(Piece::new(head, theme.trend(relation.trend), None));
                pieces.push(dim(format!(": {}\n", super::clip(&relation.summary, room))));
            }
            let claims = index.claims_of_actor(a);
            let mut paragraphs: Vec<u32> = claims
                .iter()
                .filter_map(|c| index.sentence_of_claim(*c))
                .map(|s| model.sentences[s].paragraph)
                .collect();
            paragraphs.sort_unstable();
            paragraphs.dedup();
            let listed = ranges(&paragraphs);
            pieces.push(dim(format!(
                "In {}, {}; {} {}",
                count(claims.len(), "claim", "claims"),
                count(index.events_of_actor(a).len(), "event", "events"),
                if paragraphs.len() == 1 {
                    "paragraph"
                } else {
                    "paragraphs"
                },
                listed
            )));
            (format!(" Actor · {} ", actor.name), pieces)
        }
        Scope::Event(e) => {
            let event = &model.events[e];
            let symbol = status_symbol(event.status).trim();
            let status = if symbol.is_empty() {
                event.status.to_string()
            } else {
                format!("{symbol} {}", event.status)
            };
            let mut pieces = vec![Piece::new(
                format!(
                    "{status} · {} ({}, {})",
                    event.date.long(),
                    event.date.precision_name(),
                    event.date_basis
                ),
                theme.status(event.status),
                None,
            )];
            if let Some(when) = &event.when {
                pieces.push(dim(format!(" · the article: “{when}”")));
            }
            pieces.push(plain("\n".to_string()));
            if let Some(note) = &event.date_note {
                pieces.push(dim(format!("{note}\n")));
            }
            let actors: Vec<&str> = event
                .actors
                .iter()
                .filter_map(|id| index.get(id))
                .map(|r| model.actors[r.index()].name.as_str())
                .collect();
            pieces.push(plain(format!("With {}", actors.join(", "))));
            (format!(" Event · {} ", event.title), pieces)
        }
        Scope::Argument(n) => {
            let node = &model.arguments[n];
            let mut pieces = vec![Piece::new(format!("{}\n", node.title), theme.bold(), None)];
            let parent = node
                .parent
                .as_deref()
                .and_then(|p| index.get(p))
                .map(|p| p.index());
            match (node.stance, parent) {
                (Some(stance), Some(p)) => {
                    pieces.push(Piece::new(
                        format!("{} {stance} ", stance.symbol()),
                        theme.stance(Some(stance)),
                        None,
                    ));
                    pieces.push(dim(format!(
                        "{} {}\n",
                        index.path(p),
                        model.arguments[p].title
                    )));
                }
                _ => pieces.push(dim("The thesis: what the article argues.\n".to_string())),
            }
            let below = descendants(app, n);
            let direct = index.children(n).len();
            let tree = match (direct, below) {
                (0, _) => "nothing below it".to_string(),
                (d, b) if d == b => format!("{} below it", count(d, "point", "points")),
                (d, b) => format!(
                    "{} directly below it, {b} in all",
                    count(d, "point", "points")
                ),
            };
            pieces.push(dim(format!(
                "{} here; {tree}",
                count(node.claims.len(), "claim", "claims")
            )));
            (
                format!(" Argument {} · {} ", index.path(n), node.role),
                pieces,
            )
        }
        Scope::All => {
            let article = &model.article;
            let pieces = vec![
                Piece::new(format!("{}\n", article.title), theme.bold(), None),
                plain(format!("{}\n", article.standfirst)),
                dim(format!("{} · {}", article.author, article.published.long())),
            ];
            (" Article ".to_string(), pieces)
        }
    }
}

/// How many lines the detail box would fill at `width` columns.
pub fn line_count(app: &App, width: usize) -> usize {
    let (_, pieces) = title_and_pieces(app, width);
    wrap(&pieces, width).len()
}

pub fn render(app: &App, frame: &mut Frame<'_>, rect: Rect) {
    let width = usize::from(rect.width.saturating_sub(crate::tui::layout::DETAIL_MARGIN));
    let (title, pieces) = title_and_pieces(app, width);
    let block = Block::new()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(app.theme.border(false))
        .title(Span::styled(title, app.theme.bold()));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines: Vec<_> = wrap(&pieces, usize::from(inner.width))
        .into_iter()
        .map(|w| w.line)
        .collect();
    let room = usize::from(inner.height);
    if lines.len() > room && room > 0 {
        // Say that there is more, rather than cut silently.
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::styled("…", app.theme.dim()));
            *last = super::fit_line(last.clone(), usize::from(inner.width));
        }
    }
    super::put_lines(frame, inner, &lines);
}

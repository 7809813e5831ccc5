//! The detail box's text: what the selected actor, relation, event, argument node, later
//! event or review is.

use ratatui::text::Line;
use unicode_width::UnicodeWidthStr;

use super::labels::{clip, ranges, status_symbol};
use super::record;
use crate::model::{Index, RECORD_DATE_MARK, Scope};
use crate::tui::theme::Theme;
use crate::tui::wrap::{Piece, wrap};

/// "1 claim", "3 claims".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The detail box's text at a width: its title and lines.
#[derive(Debug, Clone, Default)]
pub struct DetailText {
    pub title: String,
    pub lines: Vec<Line<'static>>,
    /// The scope and width it was laid out for.
    pub laid_for: Option<(Scope, usize)>,
}

/// Lays out what the detail box says of `scope` at `width` columns.
pub fn detail(index: &Index, theme: Theme, scope: Scope, width: usize, opens: &str) -> DetailText {
    let (title, pieces) = title_and_pieces(index, theme, scope, width, opens);
    DetailText {
        title,
        lines: wrap(&pieces, width).into_iter().map(|w| w.line).collect(),
        laid_for: Some((scope, width)),
    }
}

/// The box's title and text for `width` columns; `opens` is the key that opens an actor's
/// relations.
fn title_and_pieces(
    index: &Index,
    theme: Theme,
    scope: Scope,
    width: usize,
    opens: &str,
) -> (String, Vec<Piece>) {
    let model = index.model();
    let dim = |t: String| Piece::new(t, theme.dim(), None);
    let plain = |t: String| Piece::new(t, ratatui::style::Style::new(), None);
    match scope {
        Scope::Actor(a) => {
            let actor = &model.actors[a];
            let mut pieces = Vec::new();
            let mut what = actor.kind.as_str().to_string();
            if let Some(role) = &actor.role {
                what.push_str(&format!(" · {role}"));
            }
            if let Some(org) = actor.affiliation.as_deref().and_then(|id| index.actor(id)) {
                what.push_str(&format!(" · {}", model.actors[org].name));
            }
            pieces.push(dim(format!("{what}\n")));
            pieces.push(plain(format!("{}\n", actor.summary)));
            for r in index.relations_of_actor(a) {
                let relation = &model.relations[*r];
                let name = index
                    .other_party(*r, a)
                    .map_or("?", |o| model.actors[o].name.as_str());
                // One line a relation, cut to fit: the whole of it opens under the actor.
                let head = format!("{} {name}, {}", relation.trend.arrow(), relation.trend);
                let room = width.saturating_sub(head.width() + 2);
                pieces.push(Piece::new(head, theme.trend(relation.trend), None));
                pieces.push(dim(format!(": {}\n", clip(&relation.summary, room))));
            }
            if !index.relations_of_actor(a).is_empty() {
                pieces.push(dim(format!("{opens} opens its relations in the list\n")));
            }
            pieces.push(dim(actor_reach(index, a)));
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
            let shown = event.shown_date();
            let reading = format!(
                "{} ({}, {})",
                event.date.long(),
                event.date.precision_name(),
                event.date_basis
            );
            let head = if shown.by_record() {
                format!(
                    "{status} · {RECORD_DATE_MARK}{}, the record's date",
                    shown.date().long()
                )
            } else {
                format!("{status} · {reading}")
            };
            let mut pieces = vec![Piece::new(head, theme.status(event.status), None)];
            if let Some(when) = &event.when {
                pieces.push(dim(format!(" · the article: “{when}”")));
            }
            pieces.push(plain("\n".to_string()));
            if shown.by_record() {
                let fit = if event.record_contradicts() {
                    ", which the record's date does not fit"
                } else {
                    ""
                };
                pieces.push(dim(format!(
                    "The model's reading of the article: {reading}{fit}. "
                )));
            }
            if let Some(note) = &event.date_note {
                pieces.push(dim(format!("{note}\n")));
            } else if shown.by_record() {
                pieces.push(dim("\n".to_string()));
            }
            let actors: Vec<&str> = index
                .actors_of_event(e)
                .iter()
                .map(|a| model.actors[*a].name.as_str())
                .collect();
            pieces.push(plain(format!("With {}\n", actors.join(", "))));
            pieces.extend(record::of_event(index, theme, event));
            (format!(" Event · {} ", event.title), pieces)
        }
        Scope::Argument(n) => {
            let node = &model.arguments[n];
            let mut pieces = vec![Piece::new(format!("{}\n", node.title), theme.bold(), None)];
            let parent = index.parent_of(n);
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
            let below = index.descendants(n);
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
        Scope::Relation(r) => relation(index, theme, r),
        Scope::Later(l) => record::later(index, theme, l),
        Scope::Review(r) => record::review(index, theme, r),
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

/// A relation between two actors: which way it is heading, the article's whole account of
/// it, and how many claims back it.
fn relation(index: &Index, theme: Theme, r: usize) -> (String, Vec<Piece>) {
    let model = index.model();
    let relation = &model.relations[r];
    let name = |id: &str| {
        index
            .actor(id)
            .map_or(id.to_string(), |a| model.actors[a].name.clone())
    };
    let (from, to) = (name(&relation.from), name(&relation.to));
    let pieces = vec![
        Piece::new(
            format!("{} {}\n", relation.trend.arrow(), relation.trend),
            theme.trend(relation.trend),
            None,
        ),
        Piece::new(
            format!("{}\n", relation.summary),
            ratatui::style::Style::new(),
            None,
        ),
        Piece::new(
            format!(
                "Backed by {}",
                count(relation.claims.len(), "claim", "claims")
            ),
            theme.dim(),
            None,
        ),
    ];
    (format!(" Relation · {from} – {to} "), pieces)
}

/// Where the article speaks of an actor: its claims and events, and the paragraphs that
/// name it, claims or none (the byline names the author, whom no claim is about).
fn actor_reach(index: &Index, a: usize) -> String {
    let model = index.model();
    let claims = index.claims_of_actor(a);
    // Counted as the reader counts them: the body's paragraphs, from its first.
    let first = index.first_body_paragraph();
    let mut paragraphs: Vec<u32> = claims
        .iter()
        .filter_map(|c| index.sentence_of_claim(*c))
        .chain(index.sentences_naming(a).iter().copied())
        .filter_map(|s| crate::model::body_number(first, model.sentences[s].paragraph))
        .collect();
    paragraphs.sort_unstable();
    paragraphs.dedup();
    let named = match paragraphs.len() {
        0 => "named nowhere in the text".to_string(),
        1 => format!("paragraph {}", ranges(&paragraphs)),
        _ => format!("paragraphs {}", ranges(&paragraphs)),
    };
    let events = index.events_of_actor(a).len();
    if claims.is_empty() && events == 0 {
        return format!("In no claim or event; {named}");
    }
    format!(
        "In {}, {}; {named}",
        count(claims.len(), "claim", "claims"),
        count(events, "event", "events"),
    )
}

//! The Actors pane: each actor's name, kind and the other names the article uses; under an
//! opened actor, its relations, each a row of its own. Choosing an actor narrows the
//! claims to it, choosing a relation to the relation.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{ListPane, Shared};
use crate::model::{Index, Scope};
use crate::tui::content::labels::clip;
use crate::tui::state::ActorRow;

/// Which actors have their relations open, and the rows that makes.
#[derive(Debug, Clone, Default)]
pub struct ActorList {
    open: Vec<bool>,
    rows: Vec<ActorRow>,
    /// The widest actor name, so that the column never shifts.
    name_width: usize,
}

impl ActorList {
    pub fn new(index: &Index) -> ActorList {
        let actors = &index.model().actors;
        let mut list = ActorList {
            open: vec![false; actors.len()],
            rows: Vec::new(),
            name_width: actors.iter().map(|a| a.name.width()).max().unwrap_or(0),
        };
        list.rebuild(index);
        list
    }

    pub fn rows(&self) -> &[ActorRow] {
        &self.rows
    }

    pub fn is_open(&self, actor: usize) -> bool {
        self.open.get(actor).copied().unwrap_or(false)
    }

    /// Opens or closes an actor's relations.
    pub fn set(&mut self, index: &Index, actor: usize, open: bool) {
        if let Some(slot) = self.open.get_mut(actor) {
            *slot = open;
        }
        self.rebuild(index);
    }

    fn rebuild(&mut self, index: &Index) {
        self.rows.clear();
        for a in 0..index.model().actors.len() {
            self.rows.push(ActorRow::Actor(a));
            if self.is_open(a) {
                let relations = index.relations_of_actor(a).iter();
                self.rows.extend(relations.map(|r| ActorRow::Relation {
                    actor: a,
                    relation: *r,
                }));
            }
        }
    }

    fn actor_line(&self, shared: &Shared<'_>, a: usize, width: u16) -> Line<'static> {
        let (index, theme) = (shared.index, shared.theme);
        let name_width = self.name_width.min(name_budget(width));
        let actor = &index.model().actors[a];
        let fold = if index.relations_of_actor(a).is_empty() {
            " "
        } else if self.is_open(a) {
            "▾"
        } else {
            "▸"
        };
        let name = clip(&actor.name, name_width);
        let pad = name_width.saturating_sub(name.width());
        let mut spans = vec![
            Span::raw(format!("{fold} {name}{} ", " ".repeat(pad))),
            Span::styled(format!("{:<12} ", actor.kind.as_str()), theme.dim()),
        ];
        if !actor.aliases.is_empty() {
            spans.push(Span::styled(actor.aliases.join(", "), theme.dim()));
        }
        Line::from(spans)
    }
}

impl ListPane for ActorList {
    fn len(&self, _shared: &Shared<'_>) -> usize {
        self.rows.len()
    }

    /// Actors are marked; their relations are not.
    fn is_marked(&self, shared: &Shared<'_>, row: usize) -> bool {
        match self.rows.get(row) {
            Some(ActorRow::Actor(a)) => shared.related.actors.get(*a).is_some_and(|m| *m),
            _ => false,
        }
    }

    fn scope(&self, _shared: &Shared<'_>, row: usize) -> Option<Scope> {
        Some(match self.rows.get(row)? {
            ActorRow::Actor(a) => Scope::Actor(*a),
            ActorRow::Relation { relation, .. } => Scope::Relation(*relation),
        })
    }

    fn owns(&self, scope: Scope) -> bool {
        matches!(scope, Scope::Actor(_) | Scope::Relation(_))
    }

    fn title(&self, shared: &Shared<'_>) -> String {
        format!("Actors ({})", shared.index.model().actors.len())
    }

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let model = shared.index.model();
        match self.rows[row] {
            ActorRow::Actor(a) => self.actor_line(shared, a, width),
            ActorRow::Relation { actor, relation } => {
                let relation_ = &model.relations[relation];
                let other = shared
                    .index
                    .other_party(relation, actor)
                    .map_or("?", |o| model.actors[o].name.as_str());
                Line::from(vec![
                    Span::raw("   "),
                    Span::styled(
                        format!("{} {other}, {}", relation_.trend.arrow(), relation_.trend),
                        shared.theme.trend(relation_.trend),
                    ),
                    Span::styled(
                        format!(": {}", clip(&relation_.summary, usize::from(width))),
                        shared.theme.dim(),
                    ),
                ])
            }
        }
    }

    fn empty(&self, _shared: &Shared<'_>) -> String {
        "No actors in this model.".to_string()
    }
}

/// The widest the name column may grow in a pane `width` cells wide: two
/// fifths of the inside, so kinds and other names keep room, but never so
/// narrow that short names are cut.
fn name_budget(width: u16) -> usize {
    let inner = usize::from(width.saturating_sub(6));
    (inner * 2 / 5).max(8)
}

#[cfg(test)]
mod tests {
    use super::name_budget;

    #[test]
    fn the_name_column_grows_with_the_pane_but_keeps_a_floor() {
        assert_eq!(name_budget(0), 8);
        assert_eq!(name_budget(24), 8);
        assert_eq!(name_budget(64), 23);
        assert!(name_budget(200) > name_budget(64));
    }
}

//! The list of what a draft still breaks: what it holds, moving through it, and going to
//! what a problem is about (an item in its pane, a sentence in reading mode).

use super::{Action, App, Cursor, Mode};
use crate::model::ItemRef;
use crate::search::{Field, Hit, HitKind};
use crate::tui::layout;

impl App {
    /// Shows the model as a draft with these problems (see `Mode::Problems`): the mistakes
    /// first, then the work left to do, then what was not checked yet, each in file order.
    pub fn set_problems(&mut self, mut problems: Vec<crate::model::Located>) {
        use crate::model::Severity;
        problems.sort_by_key(|p| (p.severity == Severity::Note, p.todo, p.at.line, p.at.column));
        self.problems = problems;
        self.problem_cursor = Cursor::default();
        if self.mode == Mode::Problems && self.problems.is_empty() {
            self.close_overlay();
        }
        self.fit();
    }

    /// How many problems the draft has, notes of what waits not counted.
    pub fn problem_count(&self) -> usize {
        let note = crate::model::Severity::Note;
        self.problems.iter().filter(|p| p.severity != note).count()
    }

    /// What the model still breaks: nothing for a finished model.
    pub fn problems(&self) -> &[crate::model::Located] {
        &self.problems
    }

    pub(super) fn problems_action(&mut self, action: Action) {
        let page = layout::problem_rows(self.screen.main).max(1);
        let cursor = &mut self.problem_cursor;
        let last = self.problems.len().saturating_sub(1);
        let step = |at: usize, by: isize| at.saturating_add_signed(by).min(last);
        match action {
            Action::Up => cursor.selected = step(cursor.selected, -1),
            Action::Down => cursor.selected = step(cursor.selected, 1),
            Action::PageUp => cursor.selected = step(cursor.selected, -(page as isize)),
            Action::PageDown => cursor.selected = step(cursor.selected, page as isize),
            Action::HalfPageUp => cursor.selected = step(cursor.selected, -(page as isize / 2)),
            Action::HalfPageDown => cursor.selected = step(cursor.selected, page as isize / 2),
            Action::Top => cursor.selected = 0,
            Action::Bottom => cursor.selected = last,
            Action::ScrollUp { .. } => cursor.selected = step(cursor.selected, -3),
            Action::ScrollDown { .. } => cursor.selected = step(cursor.selected, 3),
            Action::Escape => self.close_overlay(),
            Action::Accept => self.go_to_problem(),
            _ => {}
        }
    }

    /// Goes to what the selected problem is about: its item where the panes show it, a
    /// sentence in reading mode (with its claim highlighted, when it has one). A problem
    /// of the whole file, or of an item the draft cannot show, is said to be one.
    fn go_to_problem(&mut self) {
        let Some(problem) = self.problems.get(self.problem_cursor.selected) else {
            return;
        };
        let line = problem.at.line;
        let item = problem.item.as_deref().and_then(|id| self.index.get(id));
        self.close_overlay();
        let kind = match item {
            None => {
                self.status = Some(format!(
                    "Line {line} is not about an item the panes show: your editor has it at that line."
                ));
                return;
            }
            Some(ItemRef::Sentence(sentence)) => {
                self.read_sentence(sentence);
                return;
            }
            Some(ItemRef::Actor(i)) => (HitKind::Actor, i),
            Some(ItemRef::Claim(i)) => (HitKind::Claim, i),
            Some(ItemRef::Event(i)) => (HitKind::Event, i),
            Some(ItemRef::Argument(i)) => (HitKind::Argument, i),
            Some(ItemRef::Relation(i)) => (HitKind::Relation, i),
            Some(ItemRef::Later(i)) => (HitKind::Later, i),
            Some(ItemRef::Review(i)) => (HitKind::Review, i),
            Some(ItemRef::Source(i)) => (HitKind::Source, i),
        };
        let hit = Hit {
            kind: kind.0,
            index: kind.1,
            score: 0,
            field: Field::Id,
            positions: Vec::new(),
            exact: true,
            spelled: false,
        };
        self.jump(&hit);
        self.status = Some(format!("Line {line}: {}", self.index.id_of(hit.item())));
    }

    /// Shows `sentence` in reading mode, at the top third of the screen.
    fn read_sentence(&mut self, sentence: usize) {
        self.remember();
        let claim = self
            .index
            .reading_order()
            .iter()
            .copied()
            .find(|c| self.index.sentence_of_claim(*c) == Some(sentence));
        self.mode = Mode::Reading;
        self.base = Mode::Reading;
        self.reading.claim = claim;
        self.reading.marked = Some(sentence);
        self.reading.follow = true;
        let id = &self.index.model().sentences[sentence].id;
        self.status = Some(match claim {
            Some(c) => format!(
                "Sentence {id}, with claim {}.",
                self.index.model().claims[c].id
            ),
            None => format!("Sentence {id}: no claim yet."),
        });
    }
}

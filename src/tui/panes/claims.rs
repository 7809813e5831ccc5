//! The Claims pane: the claims of whatever is selected, in reading order. It narrows
//! nothing: the Source pane shows its selected claim.

use ratatui::text::{Line, Span};

use super::{ListPane, Shared};
use crate::model::{Index, Scope};
use crate::tui::content::labels::{clip, ranges, scope_label, verdict_badge};

/// The claims listed, and the width of their id column.
#[derive(Debug, Clone, Default)]
pub struct ClaimList {
    claims: Vec<usize>,
    /// The widest claim id listed, so that the column never shifts.
    id_width: usize,
}

impl ClaimList {
    /// Lists the claims of `scope`.
    pub fn show(&mut self, index: &Index, scope: Scope) {
        self.claims = index.claims_in(scope);
        let model = index.model();
        self.id_width = self
            .claims
            .iter()
            .map(|c| model.claims[*c].id.len())
            .max()
            .unwrap_or(0);
    }

    /// The claims listed, in reading order.
    pub fn claims(&self) -> &[usize] {
        &self.claims
    }
}

impl ListPane for ClaimList {
    fn len(&self, _shared: &Shared<'_>) -> usize {
        self.claims.len()
    }

    fn title(&self, shared: &Shared<'_>) -> String {
        format!(
            "Claims · {} ({})",
            scope_label(shared.index, shared.scope),
            self.claims.len()
        )
    }

    fn row(&self, shared: &Shared<'_>, row: usize, width: u16) -> Line<'static> {
        let id_width = self.id_width;
        let c = self.claims[row];
        let claim = &shared.index.model().claims[c];
        Line::from(vec![
            Span::raw(format!("{:<id_width$} ", claim.id)),
            verdict_badge(shared.index, shared.theme, c),
            Span::raw(" "),
            Span::styled(
                format!("{:<10} ", claim.kind.as_str()),
                shared.theme.claim_kind(claim.kind),
            ),
            Span::raw(clip(&claim.text, usize::from(width))),
        ])
    }

    /// Why no claim is listed, and where to look instead.
    fn empty(&self, shared: &Shared<'_>) -> String {
        let index = shared.index;
        match shared.scope {
            Scope::Actor(a) => {
                let model = index.model();
                let name = &model.actors[a].name;
                let first = index.first_body_paragraph();
                let mut paragraphs: Vec<u32> = index
                    .sentences_naming(a)
                    .iter()
                    .filter_map(|s| crate::model::body_number(first, model.sentences[*s].paragraph))
                    .collect();
                paragraphs.dedup();
                match paragraphs.as_slice() {
                    [] => format!("No claim is about {name}."),
                    [p] => format!("No claim is about {name}. Named in paragraph {p}."),
                    _ => format!(
                        "No claim is about {name}. Named in paragraphs {}.",
                        ranges(&paragraphs)
                    ),
                }
            }
            scope => format!("No claim of {} is listed.", scope_label(index, scope)),
        }
    }

    fn legend(&self) -> Option<&'static str> {
        Some("the record: ✓ held  ◐ partly  ✗ failed  ◌ open  ? unknown")
    }
}

//! A problem found in a loaded model, tied to the item (and key, and list element) it
//! concerns, and how it is turned into a located diagnostic once the file's spans are known.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Locator, Severity};
use super::spans::SourceMap;
use crate::model::types::{Model, Section};

/// One problem, and the place in the model it concerns.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub place: Place,
    pub message: String,
    pub severity: Severity,
    /// Another place the problem involves, such as the first use of a duplicate id.
    pub earlier: Option<Place>,
    /// Whether it is work left to do rather than a mistake (see [`Diagnostic::todo`]).
    pub todo: bool,
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    Item(Site<'static>),
    Top(&'static str),
}

/// Where in the model a problem is: an item, and optionally one key and list element.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site<'k> {
    pub section: Section,
    pub index: usize,
    pub key: Option<&'k str>,
    pub element: Option<usize>,
}

pub(crate) fn site(section: Section, index: usize) -> Site<'static> {
    Site {
        section,
        index,
        key: None,
        element: None,
    }
}

impl<'k> Site<'k> {
    pub fn key(self, key: &'k str) -> Self {
        Site {
            key: Some(key),
            ..self
        }
    }

    pub fn element(self, element: usize) -> Self {
        Site {
            element: Some(element),
            ..self
        }
    }
}

/// How messages name an item: "claim `c05a`", "relation pakistan → russia".
pub(crate) fn item_name(model: &Model, section: Section, index: usize) -> String {
    match section {
        Section::Article => "[article]".to_string(),
        Section::Relations => match model.relations.get(index) {
            Some(r) if !r.from.is_empty() && !r.to.is_empty() => {
                format!("relation {} → {}", r.from, r.to)
            }
            _ => format!("relation #{}", index + 1),
        },
        _ => match file_id(model, section, index) {
            Some(id) => format!("{} `{id}`", section.noun()),
            None => format!("{} #{}", section.noun(), index + 1),
        },
    }
}

/// The id of an item, as tools are given it: a relation's is `from/to`, as `show` and
/// search name it.
pub(crate) fn item_id(model: &Model, section: Section, index: usize) -> Option<String> {
    match section {
        Section::Relations => model
            .relations
            .get(index)
            .filter(|r| !r.from.is_empty() && !r.to.is_empty())
            .map(|r| format!("{}/{}", r.from, r.to)),
        _ => file_id(model, section, index).map(str::to_string),
    }
}

/// The id an item is given in the file, if any (relations have none).
fn file_id(model: &Model, section: Section, index: usize) -> Option<&str> {
    let id = match section {
        Section::Article => Some(&model.article.id),
        Section::Relations => None,
        Section::Sentences => model.sentences.get(index).map(|s| &s.id),
        Section::Actors => model.actors.get(index).map(|a| &a.id),
        Section::Events => model.events.get(index).map(|e| &e.id),
        Section::Claims => model.claims.get(index).map(|c| &c.id),
        Section::Arguments => model.arguments.get(index).map(|a| &a.id),
        Section::Sources => model.sources.get(index).map(|s| &s.id),
        Section::Later => model.later.get(index).map(|l| &l.id),
        Section::Reviews => model.reviews.get(index).map(|r| &r.id),
    };
    id.map(String::as_str).filter(|id| !id.is_empty())
}

impl Problem {
    /// The problem as a diagnostic at `span`, with the item and key it concerns.
    pub fn diagnostic(self, span: Option<Range<usize>>, model: &Model) -> Diagnostic {
        let (item, key) = match self.place {
            Place::Item(at) => (item_id(model, at.section, at.index), at.key),
            Place::Top(key) => (None, Some(key)),
        };
        let diagnostic = match self.severity {
            Severity::Error => Diagnostic::new(span, self.message),
            Severity::Warning => Diagnostic::warning(span, self.message),
            Severity::Note => Diagnostic::note(span, self.message),
        };
        diagnostic
            .in_item(item.as_deref())
            .at_key(key)
            .as_todo(self.todo)
    }
}

/// Gives each problem the span of the key or element it concerns.
pub(crate) fn locate(
    text: &str,
    problems: Vec<Problem>,
    map: &SourceMap,
    model: &Model,
) -> Vec<Diagnostic> {
    let mut locator = Locator::new(text);
    let mut problems = problems;
    // Problems that name an earlier place say which line it is on.
    for problem in &mut problems {
        if let Some(Place::Item(at)) = problem.earlier
            && let Some(span) = map.span(at.section, at.index, at.key, at.element)
        {
            let line = locator.locate(span.start).line;
            problem.message.push_str(&format!(" (at line {line})"));
        }
    }
    problems
        .into_iter()
        .map(|p| {
            let span = match p.place {
                Place::Item(at) => map.span(at.section, at.index, at.key, at.element),
                Place::Top(key) => map.top(key),
            };
            // Anything the map cannot place is about the whole model: the top of the file.
            p.diagnostic(span.or(Some(0..0)), model)
        })
        .collect()
}

//! Where the items of a model file sit in its text, so that a problem found after parsing
//! can point at the exact key or list element it concerns.

use foldhash::HashMap;
use std::ops::Range;

use crate::model::types::Section;

/// Where one item's keys and list elements sit in the source text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemSpans {
    /// The whole item (for an `[[array]]` item, its table).
    pub item: Range<usize>,
    pub(crate) fields: Vec<FieldSpans>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldSpans {
    pub key: &'static str,
    pub value: Range<usize>,
    pub elements: Vec<Range<usize>>,
}

impl ItemSpans {
    /// The span of a key's value, or of one element of a list value.
    pub fn field(&self, key: &str, element: Option<usize>) -> Option<Range<usize>> {
        let field = self.fields.iter().find(|f| f.key == key)?;
        match element {
            Some(i) => field.elements.get(i).cloned(),
            None => Some(field.value.clone()),
        }
    }
}

/// Where each item of a model sits in its file.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    pub(crate) top: HashMap<&'static str, Range<usize>>,
    pub(crate) article: ItemSpans,
    sections: HashMap<Section, Vec<ItemSpans>>,
}

impl SourceMap {
    pub(crate) fn push(&mut self, section: Section, spans: ItemSpans) {
        self.sections.entry(section).or_default().push(spans);
    }

    /// The span of an item, or of one of its keys, or of one element of a list key.
    pub fn span(
        &self,
        section: Section,
        index: usize,
        key: Option<&str>,
        element: Option<usize>,
    ) -> Option<Range<usize>> {
        let item = match section {
            Section::Article => Some(&self.article),
            other => self.sections.get(&other)?.get(index),
        }?;
        match key {
            Some(key) => item.field(key, element).or_else(|| Some(item.item.clone())),
            None => Some(item.item.clone()),
        }
    }

    /// The span of a top-level key's value (`schema`, `arguments`, ...).
    pub fn top(&self, key: &str) -> Option<Range<usize>> {
        self.top.get(key).cloned()
    }
}

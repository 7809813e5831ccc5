//! The sections of a model, each the list of one kind of item (and the article), as a
//! file writes them and as messages name them.

/// The parts of a model, by where they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Article,
    Sentences,
    Actors,
    Events,
    Claims,
    Relations,
    Arguments,
    Sources,
    Later,
    Reviews,
}

impl Section {
    /// The section a top-level key or table header names (`claims`, `[[claims]]`).
    pub(crate) fn of_key(key: &str) -> Option<Section> {
        Some(match key {
            "article" => Section::Article,
            "sentences" => Section::Sentences,
            "actors" => Section::Actors,
            "events" => Section::Events,
            "claims" => Section::Claims,
            "relations" => Section::Relations,
            "arguments" => Section::Arguments,
            "sources" => Section::Sources,
            "later" => Section::Later,
            "reviews" => Section::Reviews,
            _ => return None,
        })
    }

    /// How messages name one item of the section.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Section::Article => "article",
            Section::Sentences => "sentence",
            Section::Actors => "actor",
            Section::Events => "event",
            Section::Claims => "claim",
            Section::Relations => "relation",
            Section::Arguments => "argument",
            Section::Sources => "source",
            Section::Later => "later event",
            Section::Reviews => "review",
        }
    }
}

//! Paragraphs as a reader counts them. The model numbers every paragraph of the article's
//! text, the headline, the standfirst and the site's line included; a reader counts
//! the article's body from its first paragraph, and calls the rest by name. Everything
//! the reader is shown (the Source pane, citations, `show`) says it the reader's way.

use super::index::Index;
use crate::model::types::SentenceRole;

impl Index {
    /// The reader's number for the model's paragraph `p`: the body's paragraphs from 1;
    /// `None` for what comes before the body (the headline, the standfirst, the
    /// site's line).
    ///
    /// The body's first paragraph is that of its first sentence in the text's order: found
    /// past the few sentences before it, never by reading them all, as this is asked for
    /// every paragraph drawn.
    pub fn body_paragraph(&self, p: u32) -> Option<u32> {
        body_number(self.first_body_paragraph(), p)
    }

    /// The model's number for the body's first paragraph; `None` for a text with no body.
    /// A loop over many paragraphs asks once and numbers each with [`body_number`].
    pub fn first_body_paragraph(&self) -> Option<u32> {
        let first = self.model().sentences.iter();
        first
            .filter(|s| s.role == SentenceRole::Body)
            .map(|s| s.paragraph)
            .next()
    }

    /// Where sentence `s` stands, as a reader would say it: "paragraph 16", "the
    /// headline", "the standfirst", "the site's line".
    pub fn place_of_sentence(&self, s: usize) -> String {
        let Some(sentence) = self.model().sentences.get(s) else {
            return String::new();
        };
        match self.body_paragraph(sentence.paragraph) {
            Some(n) if sentence.role == SentenceRole::Body => format!("paragraph {n}"),
            _ => match sentence.role {
                SentenceRole::Headline => "the headline".to_string(),
                SentenceRole::Standfirst => "the standfirst".to_string(),
                SentenceRole::Boilerplate => "the site's line".to_string(),
                SentenceRole::Byline => "the byline".to_string(),
                SentenceRole::Body => format!("paragraph {}", sentence.paragraph),
            },
        }
    }
}

/// The reader's number for the model's paragraph `p`, the body's first being `first`.
pub fn body_number(first: Option<u32>, p: u32) -> Option<u32> {
    p.checked_sub(first?).map(|n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::super::index::Index;
    use crate::model::types::{Model, SentenceRole};

    #[test]
    fn the_body_is_counted_from_its_first_paragraph() {
        let index = Index::new(Model::bundled().expect("the bundled model"));
        let model = index.model();
        // The article's text: headline, standfirst, the site's line, then the body.
        let at = |id: &str| model.sentences.iter().position(|s| s.id == id).expect(id);
        assert_eq!(index.place_of_sentence(at("s01")), "the headline");
        let first_body = model
            .sentences
            .iter()
            .position(|s| s.role == SentenceRole::Body)
            .expect("a body");
        assert_eq!(index.place_of_sentence(first_body), "paragraph 1");
        assert_eq!(
            index.body_paragraph(model.sentences[first_body].paragraph),
            Some(1)
        );
        assert_eq!(
            index.body_paragraph(1),
            None,
            "the headline is no body paragraph"
        );
    }
}

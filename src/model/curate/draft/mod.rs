//! A curator's start: a draft model made from an article's plain text, with every
//! sentence verbatim, numbered by paragraph and given a guessed role, and the values only
//! a reader can give left as placeholders that `check` refuses until they are filled.

mod parts;
mod split;
mod write;

use std::path::Path;

pub use parts::{Paragraph, paragraphs};
pub use split::{TITLES, sentences};

use crate::model::read::{FileError, Location, TextKind};
use crate::model::rules::is_id;
use crate::model::types::{Sentence, SentenceRole, describe, is_forbidden_char, refused_in};

pub use crate::model::types::{STILL_TO_FILL, TO_FILL};

pub use crate::model::read::MAX_ARTICLE_BYTES;

/// A draft model of one article: what its text gives, before any reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The article's id.
    pub id: String,
    /// The headline: the first paragraph.
    pub title: String,
    /// The standfirst, when a paragraph was taken for one.
    pub standfirst: Option<String>,
    /// Every sentence, in reading order, numbered `s01`, `s02`, ….
    pub sentences: Vec<Sentence>,
}

/// Why an article's text could not be drafted.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// Not read: not a regular file, too large, not UTF-8, or unreadable.
    #[error(transparent)]
    File(#[from] FileError),
    #[error(
        "{path}:{line}:{column}: the file holds a NUL byte, so it is not plain text; is it a binary file, or UTF-16?"
    )]
    Binary {
        path: String,
        line: usize,
        column: usize,
    },
    #[error(
        "{path}:{line}:{column}: the text holds {what}, which a model may not contain; remove it from the text"
    )]
    Forbidden {
        path: String,
        line: usize,
        column: usize,
        what: String,
    },
    #[error("{path}: the file holds no text; nothing to draft")]
    Empty { path: String },
    #[error(
        "`{id}` cannot be an id: ids are lowercase letters and digits in words joined by `-`, such as `pakistan-russia-2012`"
    )]
    BadId { id: String },
}

/// Reads an article's text and drafts a model of it. The id is `id` when given, else made
/// from the file's name.
pub fn draft_file(path: &Path, id: Option<&str>) -> Result<Draft, DraftError> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    let id = match id {
        Some(id) => id.to_string(),
        None => id_from_name(path),
    };
    draft(&text, &id, &name)
}

/// Drafts a model of `text`, an article's plain text; `name` is how errors name the text.
pub fn draft(text: &str, id: &str, name: &str) -> Result<Draft, DraftError> {
    if !is_id(id) {
        return Err(DraftError::BadId { id: id.to_string() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((at, c)) = text
        .char_indices()
        .find(|(_, c)| is_forbidden_char(*c) && !c.is_whitespace())
    {
        let place = Location::of(text, at);
        let (path, line, column) = (name.to_string(), place.line, place.column);
        return Err(if c == '\0' {
            DraftError::Binary { path, line, column }
        } else {
            DraftError::Forbidden {
                path,
                line,
                column,
                what: format!("a {}", describe(c)),
            }
        });
    }
    // Invisible characters a model refuses where they stand (a zero-width space, a stray
    // byte-order mark), judged as the model's reader will judge each sentence: with the
    // line breaks and tabs, which the draft turns into spaces, as spaces.
    let spaced: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if let Some(refused) = refused_in(&spaced, false) {
        // Each character of the text is one of the spaced copy (whitespace became a
        // space), so the place maps back by counting characters.
        let chars = spaced[..refused.at].chars().count();
        let at = text.char_indices().nth(chars).map_or(0, |(at, _)| at);
        let place = Location::of(text, at);
        return Err(DraftError::Forbidden {
            path: name.to_string(),
            line: place.line,
            column: place.column,
            what: refused.describe(),
        });
    }
    let parts = paragraphs(text);
    let Some(headline) = parts.first() else {
        return Err(DraftError::Empty {
            path: name.to_string(),
        });
    };
    let standfirst = parts
        .iter()
        .find(|p| p.role == SentenceRole::Standfirst)
        .map(|p| p.text.clone());
    let count: usize = parts.iter().map(|p| p.sentences.len()).sum();
    let width = count.to_string().len().max(2);
    let mut sentences = Vec::with_capacity(count);
    for (n, paragraph) in parts.iter().enumerate() {
        for text in &paragraph.sentences {
            sentences.push(Sentence {
                id: format!("s{:0width$}", sentences.len() + 1),
                paragraph: u32::try_from(n + 1).unwrap_or(u32::MAX),
                role: paragraph.role,
                text: text.clone(),
            });
        }
    }
    Ok(Draft {
        id: id.to_string(),
        title: headline.text.clone(),
        standfirst,
        sentences,
    })
}

/// An id made from a file's name: `pakistan-russia-2012.txt` gives `pakistan-russia-2012`,
/// `My Article.txt` gives `my-article`; a name with no letters or digits gives `article`.
pub fn id_from_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let words: Vec<String> = stem
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "article".to_string()
    } else {
        words.join("-")
    }
}

/// Reads an article's text, refusing what is not one: a directory, a device, a file too
/// large to be an article, bytes that are not UTF-8.
fn read_text(path: &Path) -> Result<String, DraftError> {
    Ok(crate::model::read::read_text(path, TextKind::Article)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_file_names() {
        assert_eq!(
            id_from_name(Path::new("a/pakistan-russia-2012.txt")),
            "pakistan-russia-2012"
        );
        assert_eq!(
            id_from_name(Path::new("My Article (v2).txt")),
            "my-article-v2"
        );
        assert_eq!(id_from_name(Path::new("…")), "article");
    }

    #[test]
    fn sentences_are_numbered_to_the_width_of_their_count() {
        let text = "Head\n\nStand\n\nOne. Two. Three.";
        let draft = draft(text, "x", "t").map_err(|e| e.to_string());
        let ids: Vec<String> = draft
            .map(|d| d.sentences.into_iter().map(|s| s.id).collect())
            .unwrap_or_default();
        assert_eq!(ids, ["s01", "s02", "s03", "s04", "s05"]);
    }

    #[test]
    fn what_is_not_text_is_refused_with_its_place() {
        let refused = |text: &str| draft(text, "x", "t").map(|_| ()).map_err(|e| e.to_string());
        assert_eq!(
            refused(" \n\u{a0}\n"),
            Err("t: the file holds no text; nothing to draft".into())
        );
        let nul = refused("Head\nab\0c");
        assert!(
            nul.as_ref()
                .is_err_and(|e| e.starts_with("t:2:3: the file holds a NUL byte")),
            "{nul:?}"
        );
        assert!(refused("Head").is_ok());
        assert!(
            draft("Head", "Not An Id", "t").is_err_and(|e| matches!(e, DraftError::BadId { .. }))
        );
    }
}

//! A draft written out as a model file: laid out as the bundled model is, with a comment
//! on each placeholder saying what goes there.

use std::fmt::Write;

use super::{Draft, TO_FILL};

/// What the first lines of a draft say.
const HEADER: &str = "\
# A draft model, made by `claimscope new` from the article's text. Every sentence is
# verbatim, numbered by paragraph and given a guessed role: read them back against the
# text, and correct a role where the guess is wrong (headline, standfirst, boilerplate,
# body, byline).
#
# Each value starting \"TO FILL\" is a placeholder: `claimscope check` lists them, with
# their lines, until each is filled. `claimscope progress` says what is left after that.
# The format is described in docs/model.md, the curation in docs/curation.md.
";

impl Draft {
    /// The draft as the text of a model file.
    pub fn to_toml(&self) -> String {
        let mut out = String::with_capacity(256 * (self.sentences.len() + 8));
        out.push_str(HEADER);
        out.push_str("\nschema = 1\n");
        out.push_str(
            "\n# Filled as the reading goes. Before the first [[actors]] table (and the like),\n\
             # delete its line here: a section is given one way or the other.\n",
        );
        for section in ["actors", "events", "claims", "relations"] {
            let _ = writeln!(out, "{section} = []");
        }
        out.push_str("\n[article]\n");
        pair(&mut out, "id", &self.id);
        pair(&mut out, "title", &self.title);
        match &self.standfirst {
            Some(standfirst) => pair(&mut out, "standfirst", standfirst),
            None => placeholder(&mut out, "standfirst", "the line under the headline"),
        }
        placeholder(
            &mut out,
            "author",
            "who wrote it, as the article names them",
        );
        placeholder(
            &mut out,
            "author_note",
            "who the author is, as the article says",
        );
        placeholder(
            &mut out,
            "published",
            "when it was published, as YYYY, YYYY-MM or YYYY-MM-DD",
        );
        placeholder(
            &mut out,
            "published_basis",
            "stated if the article gives the date in full, else inferred",
        );
        out.push_str(
            "# published_note = \"\"  # needed when the date is inferred: from what\n\
             # language = \"en\"  # the language it is written in\n\
             # url = \"https://\"  # where it was first published, once a copy there is found\n\
             # publisher = \"\"  # the outlet that published it, likewise\n",
        );
        out.push_str(
            "\n# -----------------------------------------------------------------------------\n\
             # Sentences, in reading order. Paragraphs are numbered from the headline (1).\n",
        );
        for sentence in &self.sentences {
            out.push_str("\n[[sentences]]\n");
            pair(&mut out, "id", &sentence.id);
            let _ = writeln!(out, "paragraph = {}", sentence.paragraph);
            pair(&mut out, "role", sentence.role.as_str());
            pair(&mut out, "text", &sentence.text);
        }
        out.push_str(
            "\n# -----------------------------------------------------------------------------\n\
             # The argument map, from the thesis down. Put every claim in some node.\n\
             \n[[arguments]]\n",
        );
        pair(&mut out, "id", "thesis");
        pair(&mut out, "role", "thesis");
        placeholder(&mut out, "title", "the article's thesis, in a few words");
        out.push_str("claims = []\n");
        out
    }
}

/// `key = "value"`, on a line.
fn pair(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quoted(value));
}

/// `key = "TO FILL: what"`, on a line.
fn placeholder(out: &mut String, key: &str, what: &str) {
    pair(out, key, &format!("{TO_FILL}: {what}"));
}

/// `text` as a TOML basic string: quotes and backslashes escaped, and any control
/// character as a `\u` escape, so that whatever the text holds the file reads back.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_quoted_reads_back_as_itself() {
        for text in [
            "plain",
            "a \"quote\" and a \\ back",
            "tab\there\u{7f}\u{85}",
            "é – “curly”",
        ] {
            let line = format!("x = {}", quoted(text));
            let table: Result<toml::Table, _> = line.parse();
            let back = table
                .ok()
                .and_then(|t| t.get("x").and_then(|v| v.as_str().map(str::to_string)));
            assert_eq!(back.as_deref(), Some(text), "{line}");
        }
    }
}

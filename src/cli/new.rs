//! `claimscope new`: a curator's start, a draft model printed from an article's text.

use std::io::{self, Write};
use std::path::Path;

use claimscope::model::draft::{Draft, DraftError, draft_file};
use claimscope::model::{MAX_TEXT_BYTES, sanitize};

use super::{EXIT_OK, EXIT_USAGE};

/// Drafts a model of the text at `path` and writes it to `out`; a text that cannot be
/// drafted is reported on standard error, with exit code 2.
pub fn run(path: &Path, id: Option<&str>, out: &mut dyn Write) -> io::Result<u8> {
    match draft_file(path, id) {
        Ok(draft) => {
            out.write_all(draft.to_toml().as_bytes())?;
            warn_of_limits(&draft);
            Ok(EXIT_OK)
        }
        Err(error) => {
            report(&error);
            Ok(EXIT_USAGE)
        }
    }
}

/// Says at once what `check` would refuse for its length: a sentence or title over the
/// limit of a text (often several sentences the splitter could not part, or a whole
/// article with no line breaks).
fn warn_of_limits(draft: &Draft) {
    let over = |text: &str| text.len() > MAX_TEXT_BYTES;
    if over(&draft.title) {
        eprintln!(
            "claimscope: warning: the title is {} bytes long, over the {MAX_TEXT_BYTES} check allows: is the first line the headline?",
            draft.title.len()
        );
    }
    for sentence in draft.sentences.iter().filter(|s| over(&s.text)) {
        eprintln!(
            "claimscope: warning: sentence {} is {} bytes long, over the {MAX_TEXT_BYTES} check allows: split it where its sentences end",
            sentence.id,
            sentence.text.len()
        );
    }
}

fn report(error: &DraftError) {
    eprintln!("claimscope: {}", sanitize(&error.to_string()));
}

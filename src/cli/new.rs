//! `claimscope new`: a curator's start, a draft model printed from an article's text.

use std::io::{self, Write};
use std::path::Path;

use claimscope::model::draft::{DraftError, draft_file};
use claimscope::model::sanitize;

use super::{EXIT_OK, EXIT_USAGE};

/// Drafts a model of the text at `path` and writes it to `out`; a text that cannot be
/// drafted is reported on standard error, with exit code 2.
pub fn run(path: &Path, id: Option<&str>, out: &mut dyn Write) -> io::Result<u8> {
    match draft_file(path, id) {
        Ok(draft) => {
            out.write_all(draft.to_toml().as_bytes())?;
            Ok(EXIT_OK)
        }
        Err(error) => {
            report(&error);
            Ok(EXIT_USAGE)
        }
    }
}

fn report(error: &DraftError) {
    eprintln!("claimscope: {}", sanitize(&error.to_string()));
}

//! `claimscope export`: the model in other formats.

use std::io::{self, Write};

use claimscope::model::Model;

use super::EXIT_OK;

/// The model as pretty JSON with the same keys and nesting as the TOML file.
pub fn json(model: &Model, out: &mut dyn Write) -> io::Result<u8> {
    serde_json::to_writer_pretty(&mut *out, model)?;
    writeln!(out)?;
    Ok(EXIT_OK)
}

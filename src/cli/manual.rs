//! `claimscope completions SHELL` and `claimscope man`: the command line described for the
//! shell's tab completion and for `man`, both drawn from the same definitions as `--help`.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, EXIT_OK};

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<u8> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "claimscope", out);
    Ok(EXIT_OK)
}

/// Writes the manual page, in roff, with a page for each subcommand after the main one.
pub fn man(out: &mut dyn Write) -> io::Result<u8> {
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("claimscope-{}", sub.get_name());
        clap_mangen::Man::new(sub.clone())
            .title(title)
            .render(out)?;
    }
    Ok(EXIT_OK)
}

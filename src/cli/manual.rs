//! `claimscope completions SHELL` and `claimscope man`: the command line described for the
//! shell's tab completion and for `man`, both drawn from the same definitions as `--help`.

use std::io::{self, Write};

use clap::CommandFactory;
use clap::builder::PossibleValue;
use clap_complete::Shell;

use claimscope::model::{Index, Model};
use claimscope::search::FilterKey;

use super::{Cli, EXIT_OK};

/// Writes the completion script for `shell`: besides the commands and options, `show`
/// completes the bundled article's ids and `search` its filters (`kind:forecast`,
/// `actor:russia`, ...). The lists are the bundled model's, written into the script.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<u8> {
    let (ids, filters) = match Model::bundled() {
        Ok(model) => {
            let index = Index::new(model);
            let mut ids: Vec<String> = index.ids().map(str::to_string).collect();
            ids.sort();
            let actors = index
                .model()
                .actors
                .iter()
                .map(|a| format!("actor:{}", a.id));
            let fixed = FilterKey::ALL.into_iter().flat_map(|key| {
                key.words()
                    .into_iter()
                    .map(move |word| format!("{}:{word}", key.as_str()))
            });
            (ids, actors.chain(fixed).collect())
        }
        Err(_) => (Vec::new(), Vec::new()),
    };
    let values = |list: Vec<String>| {
        clap::builder::PossibleValuesParser::new(list.into_iter().map(PossibleValue::new))
    };
    let mut command = Cli::command()
        .mut_subcommand("show", |show| {
            show.mut_arg("id", |arg| arg.value_parser(values(ids)))
        })
        .mut_subcommand("search", |search| {
            search.mut_arg("query", |arg| arg.value_parser(values(filters)))
        });
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

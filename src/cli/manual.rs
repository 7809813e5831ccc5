//! `claimscope completions SHELL` and `claimscope man`: the command line described for the
//! shell's tab completion and for `man`, both drawn from the same definitions as `--help`.

use std::io::{self, Write};
use std::path::Path;

use clap::CommandFactory;
use clap::builder::PossibleValue;
use clap_complete::Shell;

use claimscope::model::{Index, Model};
use claimscope::search::FilterKey;
use claimscope::tui::keymap::{BINDINGS, Context};

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
    if shell != Shell::Bash {
        clap_complete::generate(shell, &mut command, "claimscope", out);
        return Ok(EXIT_OK);
    }
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "claimscope", &mut script);
    let script = String::from_utf8_lossy(&script);
    // Registered through a function that gives the script its words whole. A file name
    // is left to bash's own completion (`-o default`, when the script offers nothing),
    // which quotes spaces and never expands a `*` in a name, as `$(compgen -f)` would.
    let registered = script
        .replace("complete -F _claimscope ", "complete -F _claimscope_whole ")
        .replace("COMPREPLY=($(compgen -f \"${cur}\"))", "COMPREPLY=()");
    out.write_all(registered.as_bytes())?;
    out.write_all(BASH_WHOLE_WORDS.as_bytes())?;
    Ok(EXIT_OK)
}

/// Bash splits the word being completed at a colon (`:` is in COMP_WORDBREAKS), so that
/// `search kind:fo<TAB>` would complete `fo` alone and find nothing. This wrapper joins
/// again the words bash split at a colon (those that touch in the line), lets the
/// generated function complete the whole word, and hands back what follows the last
/// colon, the part bash replaces. Words are otherwise left as bash split them, so a file
/// name typed with an escaped space stays one word.
const BASH_WHOLE_WORDS: &str = r#"
_claimscope_whole() {
    local line="${COMP_LINE:0:COMP_POINT}" at=0 end=-1 i w rest cword=0
    local -a words=()
    for (( i = 0; i < ${#COMP_WORDS[@]}; i++ )); do
        w="${COMP_WORDS[i]}"
        if [[ -z "$w" ]]; then
            at=${#line}
        else
            rest="${line:at}"
            rest="${rest%%"$w"*}"
            at=$(( at + ${#rest} ))
        fi
        if (( ${#words[@]} > 0 && at == end )) && [[ "$w" == : || "${words[-1]}" == *: ]]; then
            words[-1]+="$w"
        else
            words+=("$w")
        fi
        at=$(( at + ${#w} ))
        end=$at
        (( i == COMP_CWORD )) && cword=$(( ${#words[@]} - 1 ))
    done
    (( ${#words[@]} == 0 )) && words=("")
    local cur="${words[cword]}" prev=""
    (( cword > 0 )) && prev="${words[cword-1]}"
    COMP_WORDS=("${words[@]}")
    COMP_CWORD=$cword
    _claimscope "${words[0]}" "$cur" "$prev"
    if [[ "$cur" == *:* && "$COMP_WORDBREAKS" == *:* ]]; then
        local prefix="${cur%"${cur##*:}"}"
        COMPREPLY=("${COMPREPLY[@]#"$prefix"}")
    fi
}
"#;

/// Writes the manual: the command's page with the explorer's keys, its configuration, its
/// files and environment, then a page for each subcommand under its own name
/// (`claimscope-search`). With `dir`, each page goes to its own file there
/// (`claimscope.1`, `claimscope-search.1`, ...), ready for `man`; without, all of them to
/// `out`, one after the other.
pub fn man(dir: Option<&Path>, out: &mut dyn Write) -> io::Result<u8> {
    let command = Cli::command();
    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    let mut main = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut main)?;
    explorer_sections(&mut main)?;
    pages.push(("claimscope".to_string(), main));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("claimscope-{}", sub.get_name());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone().name(title.clone()))
            .title(title.clone())
            .render(&mut page)?;
        pages.push((title, page));
    }
    match dir {
        None => {
            for (_, page) in &pages {
                out.write_all(page)?;
            }
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            for (name, page) in &pages {
                let path = dir.join(format!("{name}.1"));
                std::fs::write(&path, page)?;
                writeln!(out, "{}", path.display())?;
            }
        }
    }
    Ok(EXIT_OK)
}

/// Text for roff: backslashes and minus signs escaped, every character past ASCII
/// written by its code (`\[u2191]`, which groff reads whatever the page's encoding), and
/// a line that would start with a dot or a quote (a request) escaped.
fn roff(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\e"),
            '-' => escaped.push_str("\\-"),
            c if c.is_ascii() => escaped.push(c),
            c => escaped.push_str(&format!("\\[u{:04X}]", u32::from(c))),
        }
    }
    let text = escaped;
    match text.chars().next() {
        Some('.' | '\'') => format!("\\&{text}"),
        _ => text,
    }
}

/// The explorer's keys, drawn from the key table itself, then its configuration, files,
/// environment and exit status.
fn explorer_sections(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH KEYS")?;
    writeln!(
        out,
        "The explorer's keys, as its help (?) lists them; a configuration file may rebind them."
    )?;
    let places = [
        (Context::Panes, "In the panes"),
        (
            Context::Moving,
            "Moving, in the panes, reading mode and the help",
        ),
        (Context::Folding, "In the Actors and Arguments panes"),
        (
            Context::Picture,
            "In a picture (p): the timeline chart, the argument map, the network",
        ),
        (Context::Reading, "In reading mode"),
        (Context::Search, "In the search box"),
        (Context::Help, "In the help"),
        (Context::HelpFilter, "Typing a filter into the help"),
        (Context::Problems, "In the list of a draft's problems"),
    ];
    for (context, title) in places {
        writeln!(out, ".SS {}", roff(title))?;
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            let keys: Vec<String> = binding.keys.iter().map(|k| k.label()).collect();
            writeln!(
                out,
                ".TP\n.B {}\n{}",
                roff(&keys.join(", ")),
                roff(&binding.help)
            )?;
        }
    }
    let sections: [(&str, &[(&str, &str)]); 3] = [
        (
            "FILES",
            &[
                (
                    "~/.config/claimscope/config.toml",
                    "The configuration: [keys] rebinds the explorer's keys (quit = \"x\"), [colors] sets the colours of accent, quote, match, mark and dim, enabled = false turns colour off, background = \"light\" or \"dark\" picks colours for the terminal's background (unsaid, COLORFGBG or the terminal says), ascii = true draws with the Linux console's glyphs. --config FILE names another.",
                ),
                (
                    "~/.cache/claimscope/",
                    "Copies of large models (1 MiB and more), read instead of the model when its content is unchanged. Safe to delete.",
                ),
            ],
        ),
        (
            "ENVIRONMENT",
            &[
                ("NO_COLOR", "Set to anything, no colour at all."),
                (
                    "TERM",
                    "linux draws the explorer's symbols in the console's glyphs.",
                ),
                (
                    "COLORFGBG",
                    "Set by some terminals (\"15;0\": white on black); its last number, the background's, picks colours that read on it without asking the terminal.",
                ),
                (
                    "XDG_CONFIG_HOME",
                    "Where config.toml is looked for (claimscope/ under it).",
                ),
                (
                    "XDG_CACHE_HOME",
                    "Where the copies of large models go (claimscope/ under it).",
                ),
                (
                    "CLAIMSCOPE_CACHE_DIR",
                    "The copies' folder, instead (an absolute path).",
                ),
                (
                    "CLAIMSCOPE_NO_CACHE",
                    "Set to anything, no copies are read or written.",
                ),
                (
                    "CLAIMSCOPE_HYPERLINKS",
                    "1 or 0: addresses are clickable links in the terminal, or not, whatever the terminal is taken to be.",
                ),
            ],
        ),
        (
            "EXIT STATUS",
            &[
                ("0", "Success."),
                (
                    "1",
                    "An invalid model, or a search or show that found nothing.",
                ),
                (
                    "2",
                    "A command line, query or configuration that cannot be taken; the message says why.",
                ),
            ],
        ),
    ];
    for (title, items) in sections {
        writeln!(out, ".SH {title}")?;
        for (name, text) in items {
            writeln!(out, ".TP\n.B {}\n{}", roff(name), roff(text))?;
        }
    }
    writeln!(out, ".SH EXAMPLES")?;
    // Examples keep their lines: no filling, no hyphenating.
    writeln!(out, ".nf")?;
    for line in [
        "claimscope                          the explorer on the bundled article",
        "claimscope search pak arms          the claims about arms for Pakistan",
        "claimscope search zardary           read as zardari, and said so",
        "claimscope show c05b                a claim with its sentence and review",
        "claimscope man ~/.local/share/man/man1   install these pages",
    ] {
        writeln!(out, "{}", roff(line))?;
    }
    writeln!(out, ".fi")?;
    Ok(())
}

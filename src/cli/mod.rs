//! The command line: argument definitions, loading the model each command reads, and the
//! exit codes scripts rely on.

mod check;
mod export;
mod loading;
mod manual;
mod new;
mod progress;
mod report;
mod search;
mod show;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use claimscope::search::{HitKind, MAX_QUERY_CHARS, query_fits};
use loading::{explore, read_source, search_model, with_model};

/// Exit code: everything was fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: the model is invalid, or a query found nothing.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: bad usage, or a file that could not be read.
pub const EXIT_USAGE: u8 = 2;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  the model is invalid, a search or show found nothing, or progress finds work left
  2  usage error, or a file that cannot be read (missing, a directory, not UTF-8, too large)

Examples:
  claimscope                          explore the bundled article
  claimscope search moscow            what the article says about Moscow
  claimscope show c05a                one claim beside its source sentence
  claimscope new article.txt > my-article.toml
                                      draft a model of an article from its text
  claimscope check my-article.toml    validate a model of your own
  claimscope progress my-article.toml what is left to curate in it
  claimscope --data my-article.toml   explore it
  claimscope completions bash         tab completion for bash (also zsh, fish, ...)
  claimscope man | man -l -           the manual page

Colour is used only on a terminal, and never when NO_COLOR is set.

A model file of 1 MiB or more is saved, checked and indexed, after its first load, and
read back from that copy while the file is unchanged: in $CLAIMSCOPE_CACHE_DIR, else
$XDG_CACHE_HOME/claimscope, else ~/.cache/claimscope. CLAIMSCOPE_NO_CACHE=1 turns it off.";

/// Explore the structure of an opinion article: its claims, actors, timeline and argument.
#[derive(Debug, Parser)]
#[command(name = "claimscope", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Read this model file instead of the bundled article (works with every command).
    #[arg(long, global = true, value_name = "FILE")]
    data: Option<PathBuf>,

    /// The explorer's keys and colours from this file, instead of
    /// ~/.config/claimscope/config.toml (see the README).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// With --data: read the file again each time it is saved, keeping your place (`w`
    /// in the explorer turns it on and off).
    #[arg(long, requires = "data")]
    watch: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate model files and report every problem with its line and column.
    #[command(after_help = "\
Checks the bundled model when no FILE (and no --data) is given. Prints each problem as
FILE:LINE:COL: error: message (or warning: message) with the line and a caret under the
place, then a count; a valid file gets a one-line summary.

Errors make a model invalid. A value starting \"TO FILL\" (a placeholder, as `claimscope
new` drafts them) is one error each, \"... is still to be filled\", at its line; until
none is left, the rules of the whole model (every sentence with a claim, every claim in
the map, the record's coverage) wait, and a note says so. While sentences still have no
claim (or claims no node), one error line counts them: `claimscope progress` lists them.
Warnings point at curation slips a machine can spot: an actor the quote
names but the claim does not list, two claims of a sentence with one quote, a claim that
says \"always\" or \"still\" where its quote does not.

--format json prints one JSON object a problem, a line each, and nothing else (every
sentence with no claim its own; a rule held off is an object of severity \"note\"):
  {\"file\", \"line\", \"column\", \"end_line\", \"end_column\", \"severity\", \"message\",
   \"item\", \"key\"}
Lines and columns count from 1 as in the text; the end is just past the place. \"item\" is
the id of the item the problem belongs to (a relation's is from/to), \"key\" the key it is
about; either is null when there is none. A file that cannot be read is one object too,
on standard output, with a null line and column unless it has a place (not UTF-8).

Exit codes: 0 every file valid, 1 some file invalid (or with warnings, under
--deny-warnings), 2 some file could not be read; the same with --format json.

Examples:
  claimscope check
  claimscope check --deny-warnings my-article.toml other.toml
  claimscope check --format json my-article.toml | jq -r .message")]
    Check {
        /// Model files to check.
        files: Vec<PathBuf>,
        /// Treat warnings as errors: exit 1 when there are any.
        #[arg(long)]
        deny_warnings: bool,
        /// How to report: text for people, json for tools (one object a line).
        #[arg(long, value_enum, default_value_t = check::ReportFormat::Text)]
        format: check::ReportFormat,
        /// Check again each time a file is saved, until Ctrl-c.
        #[arg(long)]
        watch: bool,
    },
    /// Draft a model of an article from its plain text, to curate from there.
    #[command(after_help = "\
Prints a model file to standard output: the [article] table with the title and the
standfirst taken from the text, and every sentence verbatim with its paragraph number
and a guessed role (headline, standfirst, boilerplate, body, byline). Actors, events,
claims and relations are left empty, and the argument map has one thesis node.

Each value the text cannot give (the author, the date, the thesis's title) is a
placeholder starting \"TO FILL\": `claimscope check` reports each one with its line
until it is filled, and `claimscope progress` says what is left after that.

The text is read as one paragraph a line; a blank line (or one of only spaces) is
skipped, and lines wrapped at a width are joined where a sentence runs on. The id is
--id, else the file's name (pakistan-russia-2012.txt gives pakistan-russia-2012).

Exit codes: 0 drafted, 2 a file that cannot be read as text (missing, a directory,
not UTF-8, binary, empty) or an --id that is not an id.

Examples:
  claimscope new article.txt > my-article.toml
  claimscope new article.txt --id pant-2012 > pant-2012.toml
  claimscope check my-article.toml")]
    New {
        /// The article's text: a plain UTF-8 file, one paragraph a line.
        file: PathBuf,
        /// The article's id (lowercase words joined by `-`); by default, from the file's name.
        #[arg(long, value_name = "ID")]
        id: Option<String>,
    },
    /// Say what is left to do in a model: counts, lists, and the share of the work left.
    #[command(after_help = "\
For a curator working down from a draft (`claimscope new`). Lists, each with its count:
placeholders still to fill (with their lines), headline, standfirst and body sentences
with no claim, claims in no argument node, inferred dates with no note saying from what,
and forecasts with no review. Then, as suggestions that are not counted, names the text
repeats (runs of capitalised words, at least twice) that no actor's name or alias covers.

The last line is the share of the work left, rounded up, so that it reaches 0% only when
nothing is left: the things left over all the things to do (each placeholder, each
sentence that needs a claim, each claim, each inferred date, each forecast). It also
says when `check` finds mistakes besides, which are not work left but errors to fix.

A model `check` refuses is reported as far as it can be read; a file that is not a model
at all gets check's report.

Exit codes: 0 nothing left and nothing wrong, 1 something left (or wrong), 2 a file that
cannot be read.

Examples:
  claimscope progress my-article.toml
  claimscope progress my-article.toml | tail -1
  watch -n 10 'claimscope progress my-article.toml | tail -1'")]
    Progress {
        /// The model file (default: the --data file, or the bundled model).
        file: Option<PathBuf>,
    },
    /// Search actors, claims, events, argument nodes and the record with the explorer's search.
    #[command(after_help = "\
Every word must match, fuzzily. Filters narrow the search: actor:NAME, kind:KIND
(fact, assessment, forecast, position; state, person, ...), role:ROLE (thesis, reason,
objection, limit, context, conclusion), status:STATUS (of events), verdict:VERDICT (the
record's: held, partly, failed, open, unknown), in:ITEM (actor, claim, event, argument,
or the record's later, review, source).

Every word and every filter must hold, a filter written twice too:
actor:india actor:russia finds what involves both. A comma gives a filter a choice:
kind:forecast,fact finds forecasts and facts alike. --kind K holds as kind:K would, and
--in ITEM as in:ITEM. A filter's value may be cut short where only one word fits:
verdict:fail, kind:fore.

Plain output: one hit a line, best first: kind, id, label, and the alias that matched.
--json: an array of {kind, id, label, score, field, matched, spelled}, best first. score
is the fuzzy matcher's, higher for a closer match; it compares hits of one search only,
and ranks after an actor the query names, words found as written at a word's start, and
the article's items before the record's. field is what matched (name, alias, text, quote, title, phrase, summary,
publisher, id or date) and matched the alias itself when it was one; both are null for a
query of filters alone. spelled is true for a hit found by reading a misspelt word as the
word of the text it is closest to; the standard error says which.

Exit codes: 0 something matched, 1 nothing matched (after printing [] with --json),
2 an empty query, or a filter that can match nothing, such as a misspelt kind or two
kinds at once (a suggestion is printed).

Examples:
  claimscope search moscow
  claimscope search pakistan arms --in claim
  claimscope search kind:forecast actor:india --json
  claimscope search actor:india actor:russia kind:forecast,fact
  claimscope search verdict:failed")]
    Search {
        /// What to look for; several words all have to match.
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Only items of this kind, as kind:KIND in the query would.
        #[arg(long, value_name = "KIND")]
        kind: Option<String>,
        /// Only this sort of item, as in:ITEM in the query would.
        #[arg(long = "in", value_enum, value_name = "ITEM")]
        within: Option<search::Kind>,
        /// At most this many hits (at least 1).
        #[arg(
            long,
            default_value_t = 20,
            value_name = "N",
            value_parser = search::at_least_one,
            allow_negative_numbers = true
        )]
        limit: usize,
        /// Print the hits as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one item by its id: a claim, actor, event, argument node or sentence.
    #[command(after_help = "\
A claim is shown with its whole source sentence, the quote marked, its paragraph and the
argument nodes it sits in; an actor with its aliases, relations and claims; an event with
its date, precision and basis; an argument node with its parent, children and claims.
An actor can also be named by its name or an alias (\"show Moscow\"), and an argument
node by the number the explorer shows beside it (\"show 1.7\").

Exit codes: 0 shown, 1 no such id (the closest ids are suggested).

Examples:
  claimscope show c05a
  claimscope show russia
  claimscope show putin-trip
  claimscope show limits
  claimscope show 1.7")]
    Show {
        /// The id of the item (ids are listed by `claimscope search` and `export`).
        id: String,
    },
    /// Print the JSON Schema of model files, for editors that check TOML as it is typed.
    #[command(after_help = "\
The schema says which keys each table has, which are required, the words a key takes and
the form of a date, as a JSON Schema (draft 7). An editor with a TOML language server
(Taplo, Even Better TOML) uses it when the model's first line names it:

  #:schema ./model.schema.json

The same schema is kept in the repository as docs/model.schema.json. It is a help while
typing: `claimscope check` remains the authority, and checks much more (quotes verbatim,
references that resolve, one thesis, dates that exist).

Examples:
  claimscope schema > model.schema.json")]
    Schema,
    /// Print the whole model in another format, for another tool.
    #[command(after_help = "\
Formats (docs/exports.md says what maps to what, and what each format cannot keep):
  json         the model, key for key as in the TOML file (it can be written back as TOML)
  markdown     a readable brief: thesis, reasons and limits with their quotes, a timeline
               table, an actors table, and what happened next
  dot          the argument map as a Graphviz digraph (render with: dot -Tsvg)
  argdown      the argument map for Argdown: claims as statements under their nodes, with
               ids, kinds and quotes as data (render with: argdown map)
  aif          the argument as an AIF graph in AIFdb's JSON, for arguebuf, OVA and AIFdb:
               claims as I-nodes, quotes as the author's locutions
  timeline     the article's events and the record's later ones for TimelineJS
  annotations  each claim as a W3C Web Annotation on the article's text, anchored by quote
  claimreview  the record's verdicts as schema.org ClaimReview JSON-LD

A draft (a model that still breaks rules) is written as json as it stands; the other
formats, meant to be printed, shared or published, refuse it (exit 1) unless told
--allow-problems.

Examples:
  claimscope export --format json > model.json
  claimscope export --format markdown > brief.md
  claimscope export --format dot | dot -Tsvg > map.svg
  claimscope export --format argdown > map.argdown && argdown map map.argdown
  claimscope export --format timeline > timeline.json
  claimscope export --format claimreview > claimreview.jsonld")]
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: Format,
        /// Write a model that still breaks rules in any format, as it stands.
        #[arg(long)]
        allow_problems: bool,
    },
    /// Print the shell's tab completion for claimscope.
    #[command(after_help = "\
Examples:
  claimscope completions bash > ~/.local/share/bash-completion/completions/claimscope
  claimscope completions zsh > ~/.zfunc/_claimscope      (with ~/.zfunc in fpath)
  claimscope completions fish > ~/.config/fish/completions/claimscope.fish")]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual pages (roff), for `man`; or write them, a file each, to DIR.
    #[command(after_help = "\
Examples:
  claimscope man | man -l -
  claimscope man ~/.local/share/man/man1     then: man claimscope, man claimscope-search")]
    Man {
        /// Write each page to its own file here (claimscope.1, claimscope-search.1, ...).
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
    Dot,
    Argdown,
    Aif,
    Timeline,
    Annotations,
    Claimreview,
}

impl Format {
    /// The name the command line gives it.
    fn name(self) -> String {
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string())
    }
}

/// Reports a command line clap could not take, and returns its exit code. Clap quotes the
/// arguments it refuses, and an argument can hold anything, escape sequences included
/// (one that sets the clipboard, or clears the screen): every control and bidirectional
/// character in the message is written as a visible `\u{..}` escape, and each line is cut
/// after [`MAX_USAGE_LINE`] characters. Help and the version are printed as clap prints
/// them, since they quote nothing of the command line.
pub fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::CommandFactory;
    use clap::error::ErrorKind;
    let code = u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE);
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Help that could not be written (a full device) is no success.
        if let Err(e) = error.print().and_then(|()| io::stdout().flush()) {
            eprintln!("claimscope: cannot write output: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
        return ExitCode::from(code);
    }
    // The message again, from the same arguments parsed by a command without styles: any
    // escape in it then came from an argument. (Clap's plain rendering would drop escape
    // sequences whole, so the reader could not see what was refused.)
    let plain = Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches()
        .err();
    let rendered = plain.as_ref().unwrap_or(error).render().ansi().to_string();
    let mut text = String::with_capacity(rendered.len().min(16 * MAX_USAGE_LINE));
    for line in rendered.lines() {
        let mut chars = line.chars();
        let kept: String = chars.by_ref().take(MAX_USAGE_LINE).collect();
        text.push_str(&claimscope::model::sanitize(&kept));
        if chars.next().is_some() {
            text.push('…');
        }
        text.push('\n');
    }
    // A model file given where only `check` and `progress` take one: say how the others
    // are told ("claimscope show m.toml c11a").
    let args: Vec<String> = std::env::args().skip(1).collect();
    let model_file = args
        .iter()
        .find(|a| a.ends_with(".toml") && std::path::Path::new(a).is_file());
    if let Some(file) = model_file.filter(|_| !args.iter().any(|a| a == "--data")) {
        let file = claimscope::model::sanitize(file);
        text.push_str(&format!(
            "\nA model file is given to every command with --data, as in: claimscope --data {file} show ID\n"
        ));
    }
    let written = if error.use_stderr() {
        io::stderr().lock().write_all(text.as_bytes())
    } else {
        io::stdout().lock().write_all(text.as_bytes())
    };
    // Nowhere left to say it if the stream is gone; the exit code still tells.
    drop(written);
    ExitCode::from(code)
}

/// The longest line of a usage error, in characters; an argument that makes a line
/// longer is cut.
pub const MAX_USAGE_LINE: usize = 300;

/// Runs the parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    // A file-size limit (`ulimit -f`) ends a process writing past it unless SIGXFSZ is
    // caught: a cache copy that cannot be written would kill every command on a large
    // model. Caught, the write fails (EFBIG) and is handled as a failed save; any other
    // output past the limit is reported as a write that failed.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let code = match cli.command {
        _ if cli.watch && cli.command.is_some() => {
            eprintln!(
                "claimscope: --watch before a command is the explorer's; `claimscope check --watch FILE` checks again at each save"
            );
            EXIT_USAGE
        }
        Some(Command::Check {
            files,
            deny_warnings,
            format,
            watch,
        }) => check::run(cli.data, &files, deny_warnings, format, watch),
        Some(Command::Search { query, .. }) if !query_fits(&query.join(" ")) => {
            too_long("query", "a query")
        }
        Some(Command::Show { id }) if !query_fits(&id) => too_long("id", "an id or a name"),
        Some(Command::Progress { file }) => progress::run(cli.data, file),
        Some(Command::New { file, id }) => write_out(|out| new::run(&file, id.as_deref(), out)),
        Some(Command::Search {
            query,
            kind,
            within,
            limit,
            json,
        }) => {
            let options = search::Options {
                query: query.join(" "),
                kind,
                within: within.map(HitKind::from),
                limit,
                json,
            };
            search_model(cli.data, &options)
        }
        Some(Command::Show { id }) => with_model(cli.data, |searcher, _, out, color| {
            show::run(searcher, &id, out, color)
        }),
        Some(Command::Export {
            format,
            allow_problems,
        }) => with_model(cli.data, |searcher, problems, out, _| {
            let index = searcher.index();
            if !problems.is_empty() && !allow_problems && !matches!(format, Format::Json) {
                eprintln!(
                    "claimscope: export --format {} writes what is meant to be printed, shared or published, and this model still breaks rules; --allow-problems writes it as it stands (--format json writes a draft without asking)",
                    format.name()
                );
                return Ok(EXIT_INVALID);
            }
            if !problems.is_empty() && matches!(format, Format::Markdown) {
                // Written as it stands, and saying so to whoever reads it.
                writeln!(
                    out,
                    "> **Draft.** This model still breaks {} of its rules; `claimscope check` lists them.\n",
                    problems.len()
                )?;
            }
            match format {
                Format::Json => export::json(index.model(), out),
                Format::Markdown => export::markdown(index, out),
                Format::Dot => export::dot(index, out),
                Format::Argdown => export::argdown(index, out),
                Format::Aif => export::aif(index, out),
                Format::Timeline => export::timeline(index, out),
                Format::Annotations => export::annotations(index, out),
                Format::Claimreview => export::claimreview(index, out),
            }
        }),
        Some(Command::Completions { shell }) => write_out(|out| manual::completions(shell, out)),
        Some(Command::Man { dir }) => write_out(|out| manual::man(dir.as_deref(), out)),
        Some(Command::Schema) => write_out(|out| {
            out.write_all(claimscope::model::json_schema_text().as_bytes())?;
            Ok(EXIT_OK)
        }),
        None => explore(cli.data, cli.config, cli.watch),
    };
    ExitCode::from(code)
}

/// Refuses an argument longer than anything searches for, before the model is even read:
/// a hundred thousand characters cost no more than ten.
fn too_long(what: &str, kind: &str) -> u8 {
    eprintln!(
        "claimscope: the {what} is longer than {MAX_QUERY_CHARS} characters, more than {kind} can be"
    );
    EXIT_USAGE
}

/// Runs `body` writing to standard output, buffered, and turns what happens into an exit
/// code.
fn write_out(body: impl FnOnce(&mut dyn Write) -> io::Result<u8>) -> u8 {
    if stdout_was_closed() {
        eprintln!("claimscope: standard output is closed, so nothing can be written");
        return EXIT_USAGE;
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match body(&mut out).and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => code,
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("claimscope: cannot write output: {e}");
            EXIT_USAGE
        }
    }
}

/// Whether standard output was closed when claimscope started (`>&-`). Writes to it would
/// vanish without an error: the Rust runtime opens `/dev/null` in a closed standard
/// stream's place before `main`. It opens it for reading and writing, where a shell's
/// `> /dev/null` opens it for writing only, which tells the two apart.
fn stdout_was_closed() -> bool {
    use rustix::fs::{FileType, OFlags};
    let fd = rustix::stdio::stdout();
    let read_write =
        rustix::fs::fcntl_getfl(fd).is_ok_and(|flags| flags & OFlags::RWMODE == OFlags::RDWR);
    let null = |fd| {
        rustix::fs::fstat(fd)
            .ok()
            .filter(|s| FileType::from_raw_mode(s.st_mode) == FileType::CharacterDevice)
            .map(|s| s.st_rdev)
    };
    read_write
        && null(fd)
            .is_some_and(|device| rustix::fs::stat("/dev/null").is_ok_and(|s| s.st_rdev == device))
}

/// Colour only for a terminal, and never when NO_COLOR is set to anything non-empty.
pub fn use_color(stream: &impl IsTerminal) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && stream.is_terminal()
}

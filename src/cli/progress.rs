//! `claimscope progress`: what is left to do in a model, as counts and lists, and one
//! line with the share of the work left.

use std::io::{self, Write};
use std::path::PathBuf;

use claimscope::model::progress::{Left, Progress};
use claimscope::model::{Locator, ModelFile, sanitize, survey_str};

use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, read_source, report, use_color};

/// Reports what is left in the file (or the `--data` file, or the bundled model). Exit
/// code 0 when nothing is left and `check` finds no mistake, 1 when something is left,
/// 2 when the file cannot be read.
pub fn run(data: Option<PathBuf>, file: Option<PathBuf>) -> u8 {
    let source = match file.map_or_else(|| read_source(data), |f| ModelFile::read(&f)) {
        Ok(source) => source,
        Err(error) => {
            let stderr = io::stderr();
            let _ = report::load_error(&error, &mut stderr.lock(), use_color(&stderr));
            return EXIT_USAGE;
        }
    };
    let survey = match survey_str(&source) {
        Ok(survey) => survey,
        Err(error) => {
            let stdout = io::stdout();
            let _ = report::load_error(&error, &mut stdout.lock(), use_color(&stdout));
            return EXIT_INVALID;
        }
    };
    let progress = Progress::of(&survey);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = write(&source, &progress, &mut out).and_then(|()| out.flush());
    // A closed pipe (`| head`) is the reader's choice, not a failure.
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("claimscope: cannot write output: {e}");
        return EXIT_USAGE;
    }
    if progress.left() == 0 && progress.mistakes == 0 {
        EXIT_OK
    } else {
        EXIT_INVALID
    }
}

/// The report: each kind of work with its count and its items, the suggestions, and the
/// one-line summary last, where `| tail -1` finds it.
fn write(source: &ModelFile, progress: &Progress, out: &mut dyn Write) -> io::Result<()> {
    let name = sanitize(&source.name);
    writeln!(out, "{name}: what is left to do")?;
    writeln!(out)?;
    writeln!(
        out,
        "Placeholders still to fill: {}",
        progress.placeholders.len()
    )?;
    let mut locator = Locator::new(&source.text);
    for placeholder in &progress.placeholders {
        let line = locator
            .locate(placeholder.span.as_ref().map_or(0, |s| s.start))
            .line;
        writeln!(out, "  line {line}: {}", sanitize(&placeholder.message))?;
    }
    section(
        out,
        "Sentences with no claim",
        &progress.uncovered,
        progress.sentences,
    )?;
    section(
        out,
        "Claims in no argument node",
        &progress.unmapped,
        progress.claims,
    )?;
    section(
        out,
        "Inferred dates with no note saying from what",
        &progress.unexplained,
        progress.inferred,
    )?;
    section(
        out,
        "Forecasts with no review",
        &progress.unreviewed,
        progress.forecasts,
    )?;
    writeln!(
        out,
        "Names the text repeats that no actor lists (suggestions, not counted): {}",
        progress.names.len()
    )?;
    for name in &progress.names {
        writeln!(out, "  {} ({} times)", sanitize(&name.name), name.count)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(&name, progress))
}

fn section(out: &mut dyn Write, title: &str, left: &[Left], of: usize) -> io::Result<()> {
    writeln!(out, "{title}: {} of {of}", left.len())?;
    for item in left {
        writeln!(out, "  {}  {}", sanitize(&item.id), sanitize(&item.label))?;
    }
    Ok(())
}

/// "draft.toml: 100% left (52 of 52 to do)", "model.toml: 0% left: nothing to do".
pub fn summary(name: &str, progress: &Progress) -> String {
    let mistakes = match progress.mistakes {
        0 => String::new(),
        1 => "; `check` finds 1 mistake besides".to_string(),
        n => format!("; `check` finds {n} mistakes besides"),
    };
    if progress.left() == 0 {
        return format!("{name}: 0% left: nothing to do{mistakes}");
    }
    format!(
        "{name}: {}% left ({} of {} to do){mistakes}",
        progress.percent_left(),
        progress.left(),
        progress.total()
    )
}

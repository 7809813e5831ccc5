//! The explorer's configuration file: keys to rebind and colours to pick. It is read like a
//! model file: every problem is reported at its line and column, all in one go, and the
//! explorer does not start on a file it cannot read whole.
//!
//! ```toml
//! [keys]
//! down = ["j", "down"]   # an action, and the keys that do it from now on
//! quit = "x"
//!
//! [colors]
//! enabled = true         # false: no colour at all, as NO_COLOR
//! background = "light"   # or "dark"; by default the terminal is asked
//! accent = "magenta"     # accent, quote, match, mark, dim: a name, "#rrggbb" or 0-255
//! ```

use std::ops::Range;
use std::path::PathBuf;
use std::str::FromStr;

use ratatui::style::Color;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::action::Action;
use super::keymap::{Key, Keymap};
use super::rebind::{action_named, clashes, parse_key, rebind};
use super::theme::{Background, Palette, Theme};
use crate::model::Diagnostic;

/// The most keys one action may be given: more would only slow the reading of the file.
const MAX_KEYS: usize = 16;

/// Ctrl-c, which quits whatever a configuration binds.
const CTRL_C: Key = Key {
    code: ratatui::crossterm::event::KeyCode::Char('c'),
    ctrl: true,
};

/// What a configuration file sets.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keymap: Keymap,
    /// The colours it sets, by role (in [`Palette::ROLES`] order); the others are the
    /// defaults for the background.
    pub colors: [Option<Color>; 5],
    /// `Some(false)` turns colour off; `None` leaves it to NO_COLOR and the terminal.
    pub color: Option<bool>,
    /// `Some(true)` draws with the Linux console's glyphs only; `None` leaves it to TERM.
    pub ascii: Option<bool>,
    /// The background it says the terminal has; `None` asks the terminal.
    pub background: Option<Background>,
}

impl Config {
    /// `base` (colour or not, as the environment says) in this configuration's colours,
    /// and without colour if it turns colour off. With colour, and no background named,
    /// `detect` is asked which one the terminal has (it takes a round trip to the
    /// terminal, so it is asked only then); a terminal that does not say is taken as dark.
    pub fn theme(&self, base: Theme, detect: impl FnOnce() -> Option<Background>) -> Theme {
        let color = base.color && self.color != Some(false);
        let background = match self.background {
            Some(named) => named,
            None if color => detect().unwrap_or_default(),
            None => Background::Dark,
        };
        let mut palette = Palette::on(background);
        for (role, set) in Palette::ROLES.iter().zip(self.colors) {
            if let (Some(slot), Some(color)) = (palette.role_mut(role), set) {
                *slot = color;
            }
        }
        Theme {
            color,
            palette,
            ascii: self.ascii.unwrap_or(base.ascii),
            background,
        }
    }
}

/// Where the configuration file is looked for when none is named: the XDG place,
/// `$XDG_CONFIG_HOME/claimscope/config.toml`, else `~/.config/claimscope/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("claimscope").join("config.toml"))
}

/// Reads a configuration, or says everything that is wrong with it.
pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let message = format!("invalid TOML: {}", e.message().trim_end());
            return Err(vec![Diagnostic::new(e.span(), message)]);
        }
    };
    let mut config = Config::default();
    for (name, value) in root.get_ref() {
        match name.get_ref().as_ref() {
            "keys" => keys(value, &mut config.keymap, &mut problems),
            "colors" | "colours" => colors(value, &mut config, &mut problems),
            other => {
                let hint = match crate::model::closest(other, ["keys", "colors"]) {
                    Some(near) => format!("; did you mean `{near}`?"),
                    None => "; a configuration has [keys] and [colors]".to_string(),
                };
                problems.push(Diagnostic::new(
                    Some(name.span()),
                    format!("unknown table `{other}`{hint}"),
                ));
            }
        }
    }
    if problems.is_empty() {
        let all = clashes(&config.keymap);
        if let Some(keys) = root.get_ref().get("keys") {
            for (key, one, other) in all {
                problems.push(Diagnostic::new(
                    Some(keys.span()),
                    format!(
                        "`{}` would both {one} and {other}; give one of them another key",
                        key.label()
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

fn table<'a, 'i>(
    value: &'a Spanned<DeValue<'i>>,
    name: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a DeTable<'i>> {
    match value.get_ref() {
        DeValue::Table(table) => Some(table),
        _ => {
            problems.push(Diagnostic::new(
                Some(value.span()),
                format!("`{name}` must be a table, [{name}]"),
            ));
            None
        }
    }
}

/// `[keys]`: each action and its new keys, one key or a list.
fn keys(value: &Spanned<DeValue<'_>>, keymap: &mut Keymap, problems: &mut Vec<Diagnostic>) {
    let Some(table) = table(value, "keys", problems) else {
        return;
    };
    for (name, value) in table {
        let action = match action_named(name.get_ref()) {
            Ok(action) => action,
            Err(message) => {
                problems.push(Diagnostic::new(Some(name.span()), message));
                continue;
            }
        };
        let written: Vec<(&str, Range<usize>)> = match value.get_ref() {
            DeValue::String(key) => vec![(key.as_ref(), value.span())],
            DeValue::Array(keys) => keys
                .iter()
                .filter_map(|k| match k.get_ref() {
                    DeValue::String(key) => Some((key.as_ref(), k.span())),
                    _ => {
                        problems.push(Diagnostic::new(
                            Some(k.span()),
                            "a key is written as a string, such as \"q\" or \"ctrl-d\"",
                        ));
                        None
                    }
                })
                .collect(),
            _ => {
                problems.push(Diagnostic::new(
                    Some(value.span()),
                    format!("`{}` takes a key or a list of keys", name.get_ref()),
                ));
                continue;
            }
        };
        if written.is_empty() {
            problems.push(Diagnostic::new(
                Some(value.span()),
                format!(
                    "`{}` would have no key at all; leave it out to keep its keys",
                    name.get_ref()
                ),
            ));
            continue;
        }
        if written.len() > MAX_KEYS {
            problems.push(Diagnostic::new(
                Some(value.span()),
                format!(
                    "`{}` is given {} keys; an action takes at most {MAX_KEYS}",
                    name.get_ref(),
                    written.len()
                ),
            ));
            continue;
        }
        let mut parsed: Vec<Key> = Vec::new();
        for (text, span) in written {
            match parse_key(text) {
                // The one way out no configuration removes.
                Ok(key) if key == CTRL_C && action != Action::Quit => {
                    problems.push(Diagnostic::new(
                        Some(span),
                        format!(
                            "`ctrl-c` always quits, whatever else is bound; give `{}` another key",
                            name.get_ref()
                        ),
                    ));
                }
                Ok(key) if !parsed.contains(&key) => parsed.push(key),
                Ok(_) => {}
                Err(message) => problems.push(Diagnostic::new(Some(span), message)),
            }
        }
        rebind(keymap, &action, &parsed);
    }
}

/// `[colors]`: `enabled`, `ascii`, `background`, and a colour for each role.
fn colors(value: &Spanned<DeValue<'_>>, config: &mut Config, problems: &mut Vec<Diagnostic>) {
    let Some(table) = table(value, "colors", problems) else {
        return;
    };
    for (name, value) in table {
        let name_text: &str = name.get_ref();
        if name_text == "enabled" || name_text == "ascii" {
            let slot = if name_text == "enabled" {
                &mut config.color
            } else {
                &mut config.ascii
            };
            match value.get_ref() {
                DeValue::Boolean(on) => *slot = Some(*on),
                _ => problems.push(Diagnostic::new(
                    Some(value.span()),
                    format!("`{name_text}` is true or false"),
                )),
            }
            continue;
        }
        if name_text == "background" {
            match value.get_ref() {
                DeValue::String(text) if text.as_ref() == "auto" => config.background = None,
                DeValue::String(text) if Background::named(text).is_some() => {
                    config.background = Background::named(text)
                }
                _ => problems.push(Diagnostic::new(
                    Some(value.span()),
                    "`background` is \"dark\", \"light\" or \"auto\" (ask the terminal)",
                )),
            }
            continue;
        }
        let slot = Palette::ROLES
            .iter()
            .position(|role| *role == name_text)
            .map(|at| &mut config.colors[at]);
        let Some(slot) = slot else {
            let settings = ["enabled", "ascii", "background"];
            let roles = Palette::ROLES.iter().copied().chain(settings);
            let hint = match crate::model::closest(name_text, roles) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the colours are {}, and `enabled`, `ascii` and `background`",
                    Palette::ROLES.join(", ")
                ),
            };
            problems.push(Diagnostic::new(
                Some(name.span()),
                format!("there is no colour `{name_text}`; {hint}"),
            ));
            continue;
        };
        let parsed = match value.get_ref() {
            DeValue::String(text) => Color::from_str(text).ok(),
            _ => None,
        };
        match parsed {
            Some(color) => *slot = Some(color),
            None => problems.push(Diagnostic::new(
                Some(value.span()),
                "a colour is a name (red, lightblue, darkgray, ...), \"#rrggbb\", or a number 0 to 255 in quotes",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::tui::action::Action;
    use crate::tui::keymap::Context;

    fn problems(text: &str) -> Vec<(usize, usize, String)> {
        match parse(text) {
            Ok(_) => Vec::new(),
            Err(found) => found
                .into_iter()
                .map(|d| {
                    let at = Location::of(text, d.span.map_or(0, |s| s.start));
                    (at.line, at.column, d.message)
                })
                .collect(),
        }
    }

    #[test]
    fn a_good_file_rebinds_keys_and_sets_colours() {
        let text = "[keys]\ndown = [\"x\", \"down\"]\nquit = \"ctrl-q\"\n\n[colors]\nenabled = false\naccent = \"#ff8800\"\nmark = \"13\"\n";
        let config = parse(text).expect("a good file");
        assert_eq!(config.color, Some(false));
        let off = config.theme(Theme::new(true), || Some(Background::Light));
        assert!(
            !off.color && off.background == Background::Dark,
            "not asked"
        );
        let coloured = Config {
            color: None,
            ..config.clone()
        };
        let theme = coloured.theme(Theme::new(true), || Some(Background::Light));
        assert_eq!(theme.palette.accent, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(theme.palette.marked, Color::Indexed(13));
        assert_eq!(theme.background, Background::Light);
        assert_ne!(
            theme.palette.matched,
            Palette::default().matched,
            "a colour the file leaves alone is the light background's default"
        );
        let moving_down = config
            .keymap
            .bindings()
            .iter()
            .find(|b| b.action == Action::Down && b.context == Context::Moving)
            .expect("down");
        let labels: Vec<String> = moving_down.keys.iter().map(|k| k.label()).collect();
        assert_eq!(labels, ["x", "↓"]);
        assert!(parse("").is_ok(), "an empty file changes nothing");
    }

    #[test]
    fn every_mistake_is_reported_where_it_is() {
        let text = "[keys]\ndwon = \"j\"\nup = \"ctlr-k\"\ntop = 3\nbottom = []\n\n[colours]\naccent = \"blurple\"\nshade = \"red\"\nenabled = \"yes\"\n\n[kyes]\n";
        let found = problems(text);
        let at = |line: usize| {
            found
                .iter()
                .find(|(l, _, _)| *l == line)
                .map(|(_, c, m)| (*c, m.as_str()))
        };
        assert_eq!(
            at(2),
            Some((1, "there is no action `dwon`; did you mean `down`?"))
        );
        assert!(at(3).is_some_and(|(c, m)| c == 6 && m.starts_with("`ctlr-k` is not a key")));
        assert_eq!(at(4), Some((7, "`top` takes a key or a list of keys")));
        assert!(at(5).is_some_and(|(_, m)| m.contains("no key at all")));
        assert!(at(8).is_some_and(|(c, m)| c == 10 && m.starts_with("a colour is a name")));
        assert!(at(9).is_some_and(|(c, m)| c == 1 && m.starts_with("there is no colour `shade`")));
        assert_eq!(at(10), Some((11, "`enabled` is true or false")));
        assert!(at(12).is_some_and(|(_, m)| m.contains("did you mean `keys`?")));
        assert_eq!(found.len(), 8, "{found:?}");
    }

    #[test]
    fn a_key_given_to_two_actions_is_refused() {
        let found = problems("[keys]\nup = \"j\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.contains("`j` would both"), "{found:?}");
        let found = problems("not toml at all = = =\n");
        assert!(found[0].2.starts_with("invalid TOML"), "{found:?}");
    }
}

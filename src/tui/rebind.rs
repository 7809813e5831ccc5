//! Rebinding keys from a configuration file: the names of the actions a user may rebind,
//! how keys are written (`q`, `ctrl-c`, `tab`, `pagedown`), and a keymap with the new keys
//! in place. Typing contexts (the search box, the help's filter) are left as they are, so
//! that a rebound letter can still be typed into a query.

use std::borrow::Cow;

use ratatui::crossterm::event::KeyCode;

use super::action::Action;
use super::keymap::{Context, Key, Keymap};
use super::state::Pane;

/// Each action a configuration may rebind by the name it uses there, but for focusing a
/// pane: see [`actions`].
pub const ACTIONS: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("next-pane", Action::FocusNext),
    ("previous-pane", Action::FocusPrev),
    ("up", Action::Up),
    ("down", Action::Down),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("half-page-up", Action::HalfPageUp),
    ("half-page-down", Action::HalfPageDown),
    ("open", Action::Enter),
    ("back", Action::Back),
    ("close", Action::Escape),
    ("expand", Action::Expand),
    ("collapse", Action::Collapse),
    ("toggle-fold", Action::ToggleFold),
    ("picture", Action::Picture),
    ("left", Action::Left),
    ("right", Action::Right),
    ("zoom-in", Action::ZoomIn),
    ("zoom-out", Action::ZoomOut),
    ("search", Action::OpenSearch),
    ("help", Action::OpenHelp),
    ("problems", Action::OpenProblems),
    ("watch", Action::ToggleWatch),
    ("read", Action::ToggleReading),
    ("next-claim", Action::NextClaim),
    ("previous-claim", Action::PrevClaim),
    ("next-hit", Action::NextHit),
    ("previous-hit", Action::PrevHit),
    ("verdict", Action::ShowReview),
    ("copy", Action::Copy),
    ("suspend", Action::Suspend),
];

/// Every action a configuration may rebind, by its name: those of [`ACTIONS`], and
/// `focus-` and each pane's title in lower case (`focus-timeline`), in Tab order.
pub fn actions() -> impl Iterator<Item = (Cow<'static, str>, Action)> {
    let panes = Pane::ALL.into_iter().map(|pane| {
        let name = format!("focus-{}", pane.title().to_lowercase());
        (Cow::Owned(name), Action::Focus(pane))
    });
    let fixed = ACTIONS
        .iter()
        .map(|(name, action)| (Cow::Borrowed(*name), action.clone()));
    fixed.chain(panes)
}

/// The name a configuration gives `action`, if it may be rebound.
pub fn name_of(action: &Action) -> Option<Cow<'static, str>> {
    actions().find(|(_, a)| a == action).map(|(name, _)| name)
}

/// The contexts where keys are commands, not letters typed into a box.
const REBINDABLE: [Context; 6] = [
    Context::Panes,
    Context::Folding,
    Context::Picture,
    Context::Moving,
    Context::Reading,
    Context::Help,
];

/// The keys written by name, as a configuration writes them.
const NAMED: &[(&str, KeyCode)] = &[
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("backspace", KeyCode::Backspace),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// Reads a key as a configuration writes it: one character (`q`, `G`, `?`), a name
/// (`tab`, `pagedown`, `f5`), either after `ctrl-`. The message says what keys look like.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let (ctrl, rest) = match text.strip_prefix("ctrl-") {
        Some(rest) if !rest.is_empty() => (true, rest),
        _ => (false, text),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Some(KeyCode::Char(c)),
        _ => {
            let lower = rest.to_lowercase();
            NAMED
                .iter()
                .find(|(name, _)| *name == lower)
                .map(|(_, code)| *code)
                .or_else(|| {
                    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
                    (1..=12).contains(&n).then_some(KeyCode::F(n))
                })
        }
    };
    match code {
        // Ctrl with a letter is the letter's control key; crossterm reports it lowercase.
        Some(KeyCode::Char(c)) if ctrl && c.is_ascii_alphabetic() => Ok(Key {
            code: KeyCode::Char(c.to_ascii_lowercase()),
            ctrl,
        }),
        // Ctrl with a figure or a mark is a key most terminals never send: bound to
        // quit, it would leave no way out.
        Some(KeyCode::Char(_)) if ctrl => Err(format!(
            "`{text}` is a key terminals do not send; ctrl- takes a letter (ctrl-d) or a named key (ctrl-up)"
        )),
        Some(code) => Ok(Key { code, ctrl }),
        None => Err(format!(
            "`{text}` is not a key; a key is one character (q, G, ?), a name ({}, f1 to f12), either after ctrl- (ctrl-d)",
            NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )),
    }
}

/// The action a configuration names, with a suggestion when it names none.
pub fn action_named(name: &str) -> Result<Action, String> {
    if let Some((_, action)) = actions().find(|(n, _)| n == name) {
        return Ok(action);
    }
    let names: Vec<Cow<'static, str>> = actions().map(|(n, _)| n).collect();
    let hint = match crate::model::closest(name, names.iter().map(|n| n.as_ref())) {
        Some(near) => format!("did you mean `{near}`?"),
        None => "the actions are listed in the README's key table and in `?` help".to_string(),
    };
    Err(format!("there is no action `{name}`; {hint}"))
}

/// The keymap with `action`'s keys replaced by `keys` wherever it is a command; a key bar
/// entry that wrote the old keys its own way now shows the new ones.
pub fn rebind(keymap: &mut Keymap, action: &Action, keys: &[Key]) {
    for binding in keymap.bindings_mut() {
        if binding.action == *action && REBINDABLE.contains(&binding.context) {
            binding.keys = keys.to_vec().into();
            if let Some(bar) = &mut binding.bar {
                bar.keys = None;
            }
        }
    }
}

/// Keys bound to two different actions where both apply at once, after rebinding: each
/// as (key, the two actions' names). A key may mean different things in contexts that
/// never apply together (reading mode and the panes).
pub fn clashes(keymap: &Keymap) -> Vec<(Key, Cow<'static, str>, Cow<'static, str>)> {
    let name = |action: &Action| name_of(action).unwrap_or(Cow::Borrowed("a built-in action"));
    // The sets of contexts that apply together (see keymap::contexts).
    let together: [&[Context]; 6] = [
        &[Context::Folding, Context::Panes, Context::Moving],
        &[
            Context::Picture,
            Context::Folding,
            Context::Panes,
            Context::Moving,
        ],
        &[Context::Picture, Context::Panes, Context::Moving],
        &[Context::Reading, Context::Moving],
        &[Context::Help, Context::Moving],
        &[Context::Problems, Context::Moving],
    ];
    let mut found = Vec::new();
    for set in together {
        let bound: Vec<(&Key, &Action)> = keymap
            .bindings()
            .iter()
            .filter(|b| set.contains(&b.context))
            .flat_map(|b| b.keys.iter().map(move |k| (k, &b.action)))
            .collect();
        for (i, (key, action)) in bound.iter().enumerate() {
            for (other, other_action) in &bound[i + 1..] {
                // The folding keys are meant to shadow Space's page-down in those panes.
                // So are a picture's moves meant to shadow the folding keys.
                let shadows = |a: &Action, b: &Action| {
                    matches!((a, b), (Action::ToggleFold, Action::PageDown))
                        || matches!(
                            (a, b),
                            (
                                Action::Left | Action::Right,
                                Action::Collapse | Action::Expand
                            )
                        )
                };
                let meant = shadows(action, other_action) || shadows(other_action, action);
                if key == other && action != other_action && !meant {
                    let clash = (**key, name(action), name(other_action));
                    if !found.contains(&clash) {
                        found.push(clash);
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_as_written() {
        let key = |text: &str| parse_key(text).expect(text);
        assert_eq!(key("q").code, KeyCode::Char('q'));
        assert_eq!(key("G").code, KeyCode::Char('G'));
        assert_eq!(
            key("ctrl-d"),
            Key {
                code: KeyCode::Char('d'),
                ctrl: true
            }
        );
        assert_eq!(key("ctrl-D"), key("ctrl-d"));
        assert_eq!(key("PageDown").code, KeyCode::PageDown);
        assert_eq!(key("shift-tab").code, KeyCode::BackTab);
        assert_eq!(key("f5").code, KeyCode::F(5));
        assert_eq!(key("-").code, KeyCode::Char('-'));
        for bad in ["", "ctrl-", "qq", "f13", "ctlr-c", "\u{1b}", "pgdn"] {
            assert!(parse_key(bad).is_err(), "{bad:?} is not a key");
        }
    }

    #[test]
    fn every_name_reads_as_its_action_and_every_action_has_a_name() {
        let defaults = Keymap::default();
        let named: Vec<(Cow<'static, str>, Action)> = actions().collect();
        // From names to actions: each name is read as its own action, is the only name of
        // it, and names an action the keymap binds.
        for (name, action) in &named {
            assert_eq!(action_named(name).as_ref(), Ok(action), "{name}");
            assert_eq!(named.iter().filter(|(n, _)| n == name).count(), 1, "{name}");
            assert_eq!(
                named.iter().filter(|(_, a)| a == action).count(),
                1,
                "{name}"
            );
            assert!(
                defaults.bindings().iter().any(|b| b.action == *action),
                "{name} is bound by default"
            );
        }
        // From actions to names: whatever a key does where keys may be rebound has a name,
        // and that name is read back as the same action.
        for binding in defaults.bindings() {
            if !REBINDABLE.contains(&binding.context) {
                continue;
            }
            let name = name_of(&binding.action)
                .unwrap_or_else(|| panic!("{:?} has no name to rebind it by", binding.action));
            assert_eq!(action_named(&name), Ok(binding.action.clone()), "{name}");
        }
        // Each pane: its digit focuses it, and it is named after its title.
        for pane in Pane::ALL {
            let digit = parse_key(&pane.number().to_string()).expect("a digit");
            let focus = Action::Focus(pane);
            assert!(
                defaults
                    .bindings()
                    .iter()
                    .any(|b| b.action == focus && b.keys.as_ref() == [digit]),
                "{pane:?} has its digit"
            );
            let name = format!("focus-{}", pane.title().to_lowercase());
            assert_eq!(action_named(&name), Ok(focus));
        }
        assert!(clashes(&defaults).is_empty(), "{:?}", clashes(&defaults));
        assert_eq!(
            action_named("dwon").err().as_deref(),
            Some("there is no action `dwon`; did you mean `down`?")
        );
    }

    #[test]
    fn a_rebound_key_replaces_the_old_and_a_clash_is_found() {
        let mut keymap = Keymap::default();
        let x = parse_key("x").expect("x");
        rebind(&mut keymap, &Action::Down, &[x]);
        let down: Vec<_> = keymap
            .bindings()
            .iter()
            .filter(|b| b.action == Action::Down && b.context == Context::Moving)
            .collect();
        assert_eq!(down.len(), 1);
        assert_eq!(down[0].keys.as_ref(), [x]);
        assert!(
            down[0].bar.is_some_and(|b| b.keys.is_none()),
            "the bar shows x"
        );
        // The search box still types an x, and its ↓ is untouched.
        assert!(
            keymap
                .bindings()
                .iter()
                .any(|b| b.context == Context::Search && b.action == Action::Down)
        );
        assert!(clashes(&keymap).is_empty());
        rebind(&mut keymap, &Action::Up, &[x]);
        assert_eq!(clashes(&keymap), vec![(x, "up".into(), "down".into())]);
    }
}

//! Keys to actions, in one table per mode. The help screen and the key bar are drawn from
//! this same table, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use std::borrow::Cow;

use super::action::Action;
use super::state::{Mode, Pane, PaneKind, Situation};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane of the main screen.
    Panes,
    /// The panes that fold: Actors (an actor's relations) and Arguments (a node's children).
    Folding,
    /// A pane showing its picture: the timeline's chart, the argument map, the network.
    Picture,
    /// Reading mode.
    Reading,
    /// Typing a filter into the help.
    HelpFilter,
    /// The search box.
    Search,
    /// The help screen.
    Help,
    /// The list of a draft's problems.
    Problems,
    /// Moving through a list or scrolling text: the panes, reading mode and help alike.
    Moving,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Everywhere",
            Context::Folding => "Actors and Arguments panes",
            Context::Picture => "Pictures (p): chart, map, network; ↑↓ move too",
            Context::Reading => "Reading mode",
            Context::Search => "Search box",
            Context::Help => "Help",
            Context::HelpFilter => "Help filter",
            Context::Problems => "Problems of a draft",
            Context::Moving => "Moving and scrolling (panes, reading mode, help, problems)",
        }
    }
}

/// A key's name with its arrows written as words ("Up", "Left"): where the explorer draws
/// only what the Linux console has, an arrow would be drawn as `<` or `>`, keys of
/// their own.
pub fn arrows_in_words(label: &str) -> String {
    let mut out = String::new();
    for c in label.chars() {
        let word = match c {
            '↑' => "Up",
            '↓' => "Down",
            '←' => "Left",
            '→' => "Right",
            _ => {
                out.push(c);
                continue;
            }
        };
        // Two arrows side by side ("↑↓") become "Up/Down".
        if out.ends_with(|p: char| p.is_ascii_alphabetic()) {
            out.push('/');
        }
        out.push_str(word);
    }
    out
}

/// A key with its modifiers (Shift is implied by the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// How the key is written in help: "j", "Ctrl-d", "↓", "PgUp".
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Insert => "Insert".to_string(),
            KeyCode::Delete => "Delete".to_string(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// How the key bar shows a binding.
#[derive(Debug, Clone, Copy)]
pub struct Bar {
    pub label: &'static str,
    /// The keys as the bar writes them, when not the binding's first two.
    pub keys: Option<&'static str>,
    /// Lower ranks stay when the bar is too narrow for all.
    pub rank: u8,
}

/// One line of the keymap: the keys, what they do, and whether the key bar shows them.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Cow<'static, [Key]>,
    pub action: Action,
    pub help: Cow<'static, str>,
    pub bar: Option<Bar>,
}

const fn bar(label: &'static str, rank: u8) -> Option<Bar> {
    Some(Bar {
        label,
        keys: None,
        rank,
    })
}

const fn bar_as(keys: &'static str, label: &'static str, rank: u8) -> Option<Bar> {
    Some(Bar {
        label,
        keys: Some(keys),
        rank,
    })
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    bar: Option<Bar>,
) -> Binding {
    Binding {
        context,
        keys: Cow::Borrowed(keys),
        action,
        help: Cow::Borrowed(help),
        bar,
    }
}

use Action as A;
use Context::{Folding, Help, HelpFilter, Moving, Panes, Picture, Problems, Reading, Search};
use KeyCode::{BackTab, Backspace, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};

/// The keymap's table, one binding a row, but for the digits that focus each pane: those
/// come from [`Pane::ALL`] (see [`focus_bindings`]) and follow the first two rows. Order is
/// the order of the help screen and the key bar; within the contexts that apply, the first
/// binding of a key wins.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(Panes, &[code(Tab)], A::FocusNext, "focus the next pane", bar("focus", 4)),
    bind(Panes, &[code(BackTab)], A::FocusPrev, "focus the previous pane", None),
    bind(Moving, &[key('k'), code(Up)], A::Up, "up a row (or a line)", None),
    bind(Moving, &[key('j'), code(Down)], A::Down, "down a row (or a line)", bar_as("↑↓", "move", 6)),
    bind(Moving, &[key('g'), code(Home)], A::Top, "to the first row, or the top", None),
    bind(Moving, &[key('G'), code(End)], A::Bottom, "to the last row, or the end", None),
    bind(Moving, &[code(PageUp)], A::PageUp, "a page up", None),
    bind(Moving, &[code(PageDown), key(' ')], A::PageDown, "a page down", None),
    bind(Moving, &[ctrl('u')], A::HalfPageUp, "half a page up", None),
    bind(Moving, &[ctrl('d')], A::HalfPageDown, "half a page down", None),
    bind(Panes, &[code(Enter)], A::Enter, "drill in: to the claims, to the source, to the article", bar("open", 2)),
    bind(Panes, &[code(Backspace)], A::Back, "go back to where you opened or jumped from", bar("back", 3)),
    bind(Panes, &[code(Esc)], A::Escape, "close what is open, or go back (never quits)", None),
    bind(Folding, &[key('l'), code(KeyCode::Right)], A::Expand, "open a node's children, or an actor's relations", bar_as("←→", "fold", 7)),
    bind(Folding, &[key('h'), code(KeyCode::Left)], A::Collapse, "close it, or go up to its parent", None),
    bind(Folding, &[key(' ')], A::ToggleFold, "open or close it", None),
    bind(Picture, &[key('h'), code(KeyCode::Left)], A::Left, "left in a picture: the event before, the node or name beside", bar_as("←→↑↓", "move", 2)),
    bind(Picture, &[key('l'), code(KeyCode::Right)], A::Right, "right in a picture: the event after, the node or name beside", None),
    bind(Picture, &[key('+'), key('=')], A::ZoomIn, "zoom the timeline chart in, around the selection", bar_as("+−", "zoom", 4)),
    bind(Picture, &[key('-')], A::ZoomOut, "zoom the timeline chart out", None),
    bind(Panes, &[key('p')], A::Picture, "the pane as a picture (chart, network, map), or its list", bar("picture", 3)),
    bind(Panes, &[key('/')], A::OpenSearch, "search; opens on the last search (Ctrl-u clears it)", bar("search", 1)),
    bind(Panes, &[key('n')], A::NextHit, "next hit of the last search", None),
    bind(Panes, &[key('N')], A::PrevHit, "previous hit of the last search", None),
    bind(Panes, &[key('y')], A::Copy, "copy the claim's quote and where it comes from", None),
    bind(Panes, &[key('v')], A::ShowReview, "the record's verdict on the claim, in the Record pane", None),
    bind(Panes, &[key('r')], A::ToggleReading, "read the whole article", bar("read", 5)),
    bind(Panes, &[key('?')], A::OpenHelp, "this help", bar("help", 0)),
    bind(Panes, &[key('!')], A::OpenProblems, "a draft's problems, each at its line; Enter goes to it", bar("problems", 1)),
    bind(Panes, &[key('w')], A::ToggleWatch, "watch the model's file: read it again at each save (--watch)", None),
    bind(Panes, &[key('q'), ctrl('c')], A::Quit, "quit", bar_as("q", "quit", 1)),
    bind(Panes, &[ctrl('z')], A::Suspend, "suspend; fg in the shell comes back", None),
    bind(Reading, &[key(']')], A::NextClaim, "next claim in the article", bar_as("[ ]", "claims", 1)),
    bind(Reading, &[key('[')], A::PrevClaim, "previous claim", None),
    bind(Reading, &[key('n')], A::NextHit, "next hit of the last search, at its sentence", bar_as("n/N", "hits", 3)),
    bind(Reading, &[key('N')], A::PrevHit, "previous hit of the last search", None),
    bind(Reading, &[key('r'), code(Esc)], A::Escape, "back to the panes", bar_as("Esc", "panes", 2)),
    bind(Reading, &[code(Backspace)], A::Back, "back to where a search jumped from, or to the panes", None),
    bind(Reading, &[key('/')], A::OpenSearch, "search", bar("search", 4)),
    bind(Reading, &[key('?')], A::OpenHelp, "help", None),
    bind(Reading, &[key('!')], A::OpenProblems, "a draft's problems", bar("problems", 3)),
    bind(Reading, &[key('w')], A::ToggleWatch, "watch the model's file", None),
    bind(Reading, &[key('v')], A::ShowReview, "the record's verdict on the highlighted claim", None),
    bind(Reading, &[key('y')], A::Copy, "copy the highlighted claim's quote and where it comes from", None),
    bind(Reading, &[key('q'), ctrl('c')], A::Quit, "quit", bar_as("q", "quit", 5)),
    bind(Reading, &[ctrl('z')], A::Suspend, "suspend", None),
    bind(Search, &[code(Up), ctrl('p')], A::Up, "previous hit; from an empty box, older searches", bar_as("↑↓", "move", 2)),
    bind(Search, &[code(Down), ctrl('n')], A::Down, "next hit", None),
    bind(Search, &[code(PageUp)], A::PageUp, "page up", None),
    bind(Search, &[code(PageDown)], A::PageDown, "page down", None),
    bind(Search, &[code(Enter)], A::Accept, "go to the hit", bar("go", 1)),
    bind(Search, &[code(Esc)], A::Escape, "cancel", bar("cancel", 1)),
    bind(Search, &[code(Backspace)], A::DeleteChar, "delete a character", None),
    bind(Search, &[ctrl('w')], A::DeleteWord, "delete a word", None),
    bind(Search, &[ctrl('u')], A::ClearQuery, "clear the query", bar("clear", 3)),
    bind(Search, &[code(Tab)], A::TakeSpelling, "search for the spelling offered (“did you mean …?”)", None),
    bind(Search, &[ctrl('c')], A::Quit, "quit", None),
    bind(Search, &[ctrl('z')], A::Suspend, "suspend", None),
    bind(Help, &[key('/')], A::OpenSearch, "filter the help: only what mentions what you type", bar("filter", 2)),
    bind(Help, &[code(Esc), key('?'), key('q'), code(Enter)], A::Escape, "clear the filter, or close the help", bar_as("Esc", "close", 1)),
    bind(Help, &[ctrl('c')], A::Quit, "quit", None),
    bind(Help, &[ctrl('z')], A::Suspend, "suspend", None),
    bind(HelpFilter, &[code(Enter)], A::Accept, "keep the filter and scroll what it kept", bar("keep", 1)),
    bind(HelpFilter, &[code(Esc)], A::Escape, "drop the filter", bar("drop", 1)),
    bind(HelpFilter, &[code(Backspace)], A::DeleteChar, "delete a character", None),
    bind(HelpFilter, &[ctrl('u')], A::ClearQuery, "clear the filter", None),
    bind(HelpFilter, &[code(Up)], A::Up, "scroll up", None),
    bind(HelpFilter, &[code(Down)], A::Down, "scroll down", None),
    bind(HelpFilter, &[ctrl('c')], A::Quit, "quit", None),
    bind(Problems, &[code(Enter)], A::Accept, "go to the item or sentence it is about", bar("go", 1)),
    bind(Problems, &[code(Esc), key('!'), key('q')], A::Escape, "close the list", bar_as("Esc", "close", 1)),
    bind(Problems, &[ctrl('c')], A::Quit, "quit", None),
    bind(Problems, &[ctrl('z')], A::Suspend, "suspend", None),
];

/// An explorer's keymap: the table above, with the keys its configuration rebinds. Each
/// explorer owns its own, so two in one process can answer one key differently.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// [`BINDINGS`], with a digit for each pane after Tab and Shift-Tab.
    fn default() -> Keymap {
        let (tab, rest) = BINDINGS.split_at(2);
        let bindings = tab
            .iter()
            .cloned()
            .chain(focus_bindings())
            .chain(rest.iter().cloned());
        Keymap {
            bindings: bindings.collect(),
        }
    }
}

/// A digit for each pane, its number: `1` focuses the first pane in Tab order.
fn focus_bindings() -> impl Iterator<Item = Binding> {
    Pane::ALL.into_iter().filter_map(|pane| {
        let digit = char::from_digit(u32::try_from(pane.number()).ok()?, 10)?;
        Some(Binding {
            context: Panes,
            keys: Cow::Owned(vec![key(digit)]),
            action: Action::Focus(pane),
            help: Cow::Owned(format!("focus {}", pane.title())),
            bar: None,
        })
    })
}

impl Keymap {
    /// Every binding, in order.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    pub(super) fn bindings_mut(&mut self) -> &mut [Binding] {
        &mut self.bindings
    }
}

/// The contexts whose bindings apply now, the more particular first.
pub fn contexts(now: Situation) -> &'static [Context] {
    match now.mode {
        Mode::Help if now.filtering => &[HelpFilter],
        Mode::Help => &[Help, Moving],
        Mode::Problems => &[Problems, Moving],
        Mode::Search => &[Search],
        Mode::Reading => &[Reading, Moving],
        Mode::Panes if now.picture && now.focus == Pane::Arguments => {
            &[Picture, Folding, Panes, Moving]
        }
        Mode::Panes if now.picture => &[Picture, Panes, Moving],
        Mode::Panes if matches!(now.focus, Pane::Actors | Pane::Arguments) => {
            &[Folding, Panes, Moving]
        }
        Mode::Panes => &[Panes, Moving],
    }
}

impl Keymap {
    /// Turns one terminal event into at most one action.
    pub fn action_for(&self, now: Situation, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) => self.key_action(now, key),
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            Event::Mouse(mouse) => mouse_action(mouse),
            _ => None,
        }
    }

    fn key_action(&self, now: Situation, event: &KeyEvent) -> Option<Action> {
        // Act on presses (and held-down repeats), never on releases.
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let pressed = Key {
            code: event.code,
            ctrl,
        };
        // Alt with a key is not the key: no binding uses Alt.
        for context in contexts(now).iter().filter(|_| !alt) {
            let found = self
                .in_context(*context)
                .find(|b| b.keys.contains(&pressed));
            if let Some(binding) = found {
                return Some(binding.action.clone());
            }
        }
        // Ctrl-c quits, whatever a configuration bound instead: the one way out no
        // configuration removes.
        if ctrl && event.code == KeyCode::Char('c') && !alt {
            return Some(Action::Quit);
        }
        match event.code {
            KeyCode::Char(c) if (now.mode == Mode::Search || now.filtering) && !ctrl && !alt => {
                Some(Action::Type(c))
            }
            // A key the reader pressed to no effect is said to be one, outside the boxes
            // where keys are typed.
            KeyCode::Char(_) | KeyCode::F(_) | KeyCode::Insert | KeyCode::Delete
                if now.mode != Mode::Search && !now.filtering && !alt =>
            {
                Some(Action::Unbound(pressed.label()))
            }
            _ => None,
        }
    }

    /// The bindings of one context, for the help screen.
    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// What the key bar shows now, in keymap order, for the bindings that apply.
    pub fn bar_items(&self, now: Situation) -> Vec<BarItem> {
        let applies = contexts(now);
        let mut items = Vec::new();
        for binding in self
            .bindings
            .iter()
            .filter(|b| applies.contains(&b.context))
        {
            let Some(bar) = binding.bar else { continue };
            // Problems are offered only where there are some.
            if binding.action == Action::OpenProblems && !now.draft {
                continue;
            }
            // A picture's own moves stand for the list's; zoom is the chart's; `p` is
            // offered where a pane has a picture.
            let has_picture = crate::tui::picture::name(now.focus).is_some();
            let skip = match binding.action {
                Action::Picture => now.mode != Mode::Panes || !has_picture,
                Action::ZoomIn => now.focus != Pane::Timeline,
                _ => now.picture && matches!(binding.context, Moving | Folding),
            };
            if skip {
                continue;
            }
            let keys = bar.keys.map(str::to_string).unwrap_or_else(|| {
                let keys: Vec<String> = binding.keys.iter().take(2).map(|k| k.label()).collect();
                keys.join("/")
            });
            // The same keys move a selection in the panes and scroll text elsewhere.
            let scrolls = match now.mode {
                Mode::Panes => now.focus.kind() == PaneKind::Text,
                Mode::Problems => false,
                _ => true,
            };
            let label = if binding.context == Moving && scrolls {
                "scroll"
            } else if binding.action == Action::Picture && now.picture {
                "list"
            } else {
                bar.label
            };
            items.push(BarItem {
                keys,
                label: Cow::Borrowed(label),
                rank: bar.rank,
            });
        }
        items
    }
}

fn mouse_action(mouse: &MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp { column, row }),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown { column, row }),
        _ => None,
    }
}

/// One entry of the key bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarItem {
    pub keys: String,
    /// What they do; a draft's problems say how many.
    pub label: Cow<'static, str>,
    pub rank: u8,
}

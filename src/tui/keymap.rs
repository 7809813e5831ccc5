//! Keys to actions, in one table per mode. The help screen and the key bar are drawn from
//! this same table, so they cannot drift from what the keys do.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use super::app::{App, Mode, Pane};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane of the main screen.
    Panes,
    /// Only the Arguments pane.
    Arguments,
    /// Reading mode.
    Reading,
    /// The search box.
    Search,
    /// The help screen.
    Help,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Panes => "Everywhere",
            Context::Arguments => "Arguments pane",
            Context::Reading => "Reading mode",
            Context::Search => "Search box",
            Context::Help => "Help",
        }
    }
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
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
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
        keys,
        action,
        help,
        bar,
    }
}

use Context::{Arguments, Help, Panes, Reading, Search};

/// The whole keymap. Order is the order of the help screen and the key bar.
pub static BINDINGS: &[Binding] = &[
    bind(
        Panes,
        &[code(KeyCode::Tab)],
        Action::FocusNext,
        "focus the next pane",
        bar("focus", 4),
    ),
    bind(
        Panes,
        &[code(KeyCode::BackTab)],
        Action::FocusPrev,
        "focus the previous pane",
        None,
    ),
    bind(
        Panes,
        &[key('1')],
        Action::Focus(Pane::Timeline),
        "focus Timeline",
        None,
    ),
    bind(
        Panes,
        &[key('2')],
        Action::Focus(Pane::Actors),
        "focus Actors",
        None,
    ),
    bind(
        Panes,
        &[key('3')],
        Action::Focus(Pane::Arguments),
        "focus Arguments",
        None,
    ),
    bind(
        Panes,
        &[key('4')],
        Action::Focus(Pane::Claims),
        "focus Claims",
        None,
    ),
    bind(
        Panes,
        &[key('5')],
        Action::Focus(Pane::Source),
        "focus Source",
        None,
    ),
    bind(
        Panes,
        &[key('k'), code(KeyCode::Up)],
        Action::Up,
        "move up",
        None,
    ),
    bind(
        Panes,
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "move down",
        bar_as("↑↓", "move", 6),
    ),
    bind(
        Panes,
        &[key('g'), code(KeyCode::Home)],
        Action::Top,
        "first row",
        None,
    ),
    bind(
        Panes,
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "last row",
        None,
    ),
    bind(
        Panes,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        Panes,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Panes,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(
        Panes,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        Panes,
        &[code(KeyCode::Enter)],
        Action::Enter,
        "drill in: to the claims, to the source, to the article",
        bar("open", 2),
    ),
    bind(
        Panes,
        &[code(KeyCode::Backspace)],
        Action::Back,
        "go back to where you opened or jumped from",
        bar("back", 3),
    ),
    bind(
        Panes,
        &[code(KeyCode::Esc)],
        Action::Escape,
        "close what is open, or go back (never quits)",
        None,
    ),
    bind(
        Arguments,
        &[key('l'), code(KeyCode::Right)],
        Action::Expand,
        "open a node's children",
        bar_as("←→", "fold", 7),
    ),
    bind(
        Arguments,
        &[key('h'), code(KeyCode::Left)],
        Action::Collapse,
        "close a node, or go to its parent",
        None,
    ),
    bind(
        Arguments,
        &[key(' ')],
        Action::ToggleFold,
        "open or close a node",
        None,
    ),
    bind(
        Panes,
        &[key('/')],
        Action::OpenSearch,
        "search actors, claims, events and arguments",
        bar("search", 1),
    ),
    bind(
        Panes,
        &[key('r')],
        Action::ToggleReading,
        "read the whole article",
        bar("read", 5),
    ),
    bind(
        Panes,
        &[key('?')],
        Action::OpenHelp,
        "this help",
        bar("help", 0),
    ),
    bind(
        Panes,
        &[key('q'), ctrl('c')],
        Action::Quit,
        "quit",
        bar_as("q", "quit", 1),
    ),
    bind(
        Reading,
        &[key('n')],
        Action::NextClaim,
        "next claim in the article",
        bar_as("n/N", "next/previous claim", 1),
    ),
    bind(
        Reading,
        &[key('N')],
        Action::PrevClaim,
        "previous claim",
        None,
    ),
    bind(
        Reading,
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        bar_as("↑↓", "scroll", 3),
    ),
    bind(
        Reading,
        &[key('k'), code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        Reading,
        &[key('g'), code(KeyCode::Home)],
        Action::Top,
        "top of the article",
        None,
    ),
    bind(
        Reading,
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "end of the article",
        None,
    ),
    bind(
        Reading,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        Reading,
        &[code(KeyCode::PageDown), key(' ')],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Reading,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(
        Reading,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        Reading,
        &[key('r'), code(KeyCode::Esc), code(KeyCode::Backspace)],
        Action::Escape,
        "back to the panes",
        bar_as("Esc", "panes", 2),
    ),
    bind(
        Reading,
        &[key('/')],
        Action::OpenSearch,
        "search",
        bar("search", 4),
    ),
    bind(Reading, &[key('?')], Action::OpenHelp, "help", None),
    bind(
        Reading,
        &[key('q'), ctrl('c')],
        Action::Quit,
        "quit",
        bar_as("q", "quit", 5),
    ),
    bind(
        Search,
        &[code(KeyCode::Up), ctrl('p')],
        Action::Up,
        "previous hit",
        bar_as("↑↓", "move", 2),
    ),
    bind(
        Search,
        &[code(KeyCode::Down), ctrl('n')],
        Action::Down,
        "next hit",
        None,
    ),
    bind(
        Search,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        Search,
        &[code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Search,
        &[code(KeyCode::Enter)],
        Action::Accept,
        "go to the hit",
        bar("go", 1),
    ),
    bind(
        Search,
        &[code(KeyCode::Esc)],
        Action::Escape,
        "cancel",
        bar("cancel", 1),
    ),
    bind(
        Search,
        &[code(KeyCode::Backspace)],
        Action::DeleteChar,
        "delete a character",
        None,
    ),
    bind(
        Search,
        &[ctrl('w')],
        Action::DeleteWord,
        "delete a word",
        None,
    ),
    bind(
        Search,
        &[ctrl('u')],
        Action::ClearQuery,
        "clear the query",
        bar("clear", 3),
    ),
    bind(Search, &[ctrl('c')], Action::Quit, "quit", None),
    bind(
        Help,
        &[code(KeyCode::Esc), key('?'), key('q'), code(KeyCode::Enter)],
        Action::Escape,
        "close the help",
        bar_as("Esc", "close", 1),
    ),
    bind(
        Help,
        &[key('j'), code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        bar_as("↑↓", "scroll", 2),
    ),
    bind(
        Help,
        &[key('k'), code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        Help,
        &[key('g'), code(KeyCode::Home)],
        Action::Top,
        "top of the help",
        None,
    ),
    bind(
        Help,
        &[key('G'), code(KeyCode::End)],
        Action::Bottom,
        "end of the help",
        None,
    ),
    bind(
        Help,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        Help,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(
        Help,
        &[code(KeyCode::PageDown), key(' ')],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Help,
        &[code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(Help, &[ctrl('c')], Action::Quit, "quit", None),
];

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(app: &App) -> &'static [Context] {
    match app.mode() {
        Mode::Help => &[Help],
        Mode::Search => &[Search],
        Mode::Reading => &[Reading],
        Mode::Panes if app.focus() == Pane::Arguments => &[Arguments, Panes],
        Mode::Panes => &[Panes],
    }
}

/// Turns one terminal event into at most one action.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => key_action(app, key),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Mouse(mouse) => mouse_action(mouse),
        _ => None,
    }
}

fn key_action(app: &App, event: &KeyEvent) -> Option<Action> {
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
    for context in contexts(app) {
        let found = BINDINGS
            .iter()
            .filter(|b| b.context == *context)
            .find(|b| b.keys.contains(&pressed));
        if let Some(binding) = found {
            return Some(binding.action.clone());
        }
    }
    match event.code {
        KeyCode::Char(c) if app.mode() == Mode::Search && !ctrl && !alt => Some(Action::Type(c)),
        _ => None,
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

/// The bindings of one context, for the help screen.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// One entry of the key bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarItem {
    pub keys: String,
    pub label: &'static str,
    pub rank: u8,
}

/// What the key bar shows now, in keymap order, for the bindings that apply.
pub fn bar_items(app: &App) -> Vec<BarItem> {
    let mut items = Vec::new();
    for context in contexts(app) {
        for binding in bindings(*context) {
            if let Some(bar) = binding.bar {
                let keys = bar.keys.map(str::to_string).unwrap_or_else(|| {
                    let keys: Vec<String> =
                        binding.keys.iter().take(2).map(|k| k.label()).collect();
                    keys.join("/")
                });
                items.push(BarItem {
                    keys,
                    label: bar.label,
                    rank: bar.rank,
                });
            }
        }
    }
    items
}

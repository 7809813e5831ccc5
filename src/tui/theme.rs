//! Styles. With NO_COLOR there is no colour at all: focus and selection stay visible
//! through marker symbols, bold, reverse and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{ClaimKind, EventStatus};
use crate::search::HitKind;

/// The colours a configuration may change, by role; the defaults are the ones below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The focused pane's border and title, keys in help, what comes from the record.
    pub accent: Color,
    /// Behind the quoted words of the selected claim.
    pub quote: Color,
    /// Characters a search matched.
    pub matched: Color,
    /// The `•` of related rows.
    pub marked: Color,
    /// Text in the background: notes, kinds, unfocused borders. By default the terminal's
    /// own colour, dimmed: palette colour 8 (dark grey) is the background itself in some
    /// common themes (Solarized Dark), and would hide what it draws.
    pub dim: Color,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            accent: Color::Cyan,
            quote: Color::Yellow,
            matched: Color::Yellow,
            marked: Color::Magenta,
            dim: Color::Reset,
        }
    }
}

impl Palette {
    /// The roles by the names a configuration uses, for reading and for messages.
    pub const ROLES: [&'static str; 5] = ["accent", "quote", "match", "mark", "dim"];

    /// The role a configuration names, to set its colour.
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "quote" => &mut self.quote,
            "match" => &mut self.matched,
            "mark" => &mut self.marked,
            "dim" => &mut self.dim,
            _ => return None,
        })
    }
}

/// The explorer's styles, with or without colour, in the colours of its own palette. Each
/// explorer carries its theme, so two in one process can look different.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
    /// Whether to draw only what the Linux console's font has: ASCII for the explorer's
    /// own symbols, light and double lines for its boxes (see `view::console`).
    pub ascii: bool,
}

impl Theme {
    /// The default palette, in colour or without.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::default(),
            ascii: false,
        }
    }

    /// Colour unless NO_COLOR is set to something non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // The Linux console (TERM=linux) has no glyph for most of the explorer's symbols.
        let console = std::env::var("TERM").is_ok_and(|t| t == "linux" || t.starts_with("linux-"));
        Theme {
            ascii: console,
            ..Theme::new(!no_color)
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    pub fn title(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            self.bold()
        }
    }

    /// The selected row: reversed in the focused pane, bold elsewhere.
    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Text in the background: dimmed, in the palette's `dim` colour when one is set
    /// (never a fixed colour a theme could make the background's).
    pub fn dim(self) -> Style {
        let dimmed = Style::new().add_modifier(Modifier::DIM);
        match self.palette.dim {
            Color::Reset => dimmed,
            colour if self.color => dimmed.fg(colour),
            _ => dimmed,
        }
    }

    /// Bold, and never faint too, whatever it is drawn over: the two together read as
    /// neither.
    pub fn bold(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .remove_modifier(Modifier::DIM)
    }

    /// The words of a sentence that carry the selected claim.
    pub fn quote(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.quote)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
        }
    }

    /// Characters a search matched.
    pub fn matched(self) -> Style {
        self.fg(self.palette.matched)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Rows related to the current selection in another pane.
    pub fn marked(self) -> Style {
        self.fg(self.palette.marked).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn claim_kind(self, kind: ClaimKind) -> Style {
        self.fg(match kind {
            ClaimKind::Fact => Color::Green,
            ClaimKind::Assessment => Color::Blue,
            ClaimKind::Forecast => Color::Magenta,
            ClaimKind::Position => Color::Yellow,
        })
    }

    pub fn status(self, status: EventStatus) -> Style {
        match status {
            EventStatus::Cancelled => self.fg(Color::Red),
            EventStatus::Planned | EventStatus::Expected => self.fg(Color::Yellow),
            EventStatus::Ongoing => self.fg(Color::Blue),
            EventStatus::Happened => Style::new(),
        }
    }

    pub fn hit_kind(self, kind: HitKind) -> Style {
        self.fg(match kind {
            HitKind::Actor => Color::Green,
            HitKind::Claim => Color::Blue,
            HitKind::Event => Color::Yellow,
            HitKind::Argument => Color::Magenta,
            HitKind::Relation => Color::Green,
            HitKind::Later | HitKind::Review | HitKind::Source => Color::Cyan,
        })
    }

    /// Support, attack and qualification, coloured; the symbol says it without colour.
    pub fn stance(self, stance: Option<crate::model::Stance>) -> Style {
        use crate::model::Stance;
        match stance {
            Some(Stance::Supports) => self.fg(Color::Green),
            Some(Stance::Attacks) => self.fg(Color::Red),
            Some(Stance::Qualifies) => self.fg(Color::Yellow),
            None => self.bold(),
        }
    }

    pub fn trend(self, trend: crate::model::Trend) -> Style {
        use crate::model::Trend;
        self.fg(match trend {
            Trend::Warming => Color::Green,
            Trend::Cooling => Color::Red,
            Trend::Steady => Color::Blue,
            Trend::Mixed => Color::Yellow,
        })
    }

    /// A verdict of the record; its badge says it without colour.
    pub fn verdict(self, verdict: crate::model::Verdict) -> Style {
        use crate::model::Verdict;
        self.fg(match verdict {
            Verdict::Held => Color::Green,
            Verdict::Partly => Color::Yellow,
            Verdict::Failed => Color::Red,
            Verdict::Open | Verdict::Unknown => Color::Gray,
        })
    }

    /// What comes from the record rather than the article; its marks say so without
    /// colour.
    pub fn record(self) -> Style {
        self.fg(self.palette.accent)
    }
}

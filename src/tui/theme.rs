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
        Palette::on(Background::Dark)
    }
}

/// Whether the terminal draws on a dark or a light background: a colour that reads on one
/// can vanish on the other (blue on black, yellow on white).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    /// What most terminals start with, and what is assumed when the terminal does not say.
    #[default]
    Dark,
    Light,
}

impl Background {
    /// The names a configuration uses.
    pub fn named(name: &str) -> Option<Background> {
        match name {
            "dark" => Some(Background::Dark),
            "light" => Some(Background::Light),
            _ => None,
        }
    }

    /// What `COLORFGBG` says (rxvt, Konsole and others set it, "15;0" for white on black):
    /// the last field is the background's palette number. Nothing when it is not set or
    /// says `default`.
    pub fn from_colorfgbg(value: &str) -> Option<Background> {
        let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        Some(match background {
            0..=6 | 8 => Background::Dark,
            _ => Background::Light,
        })
    }
}

impl Palette {
    /// The default colours for a background: on a light one the cyan and yellow of the
    /// dark one become darker shades from the 256-colour cube, which every common theme
    /// leaves as they are.
    pub fn on(background: Background) -> Palette {
        let (accent, matched) = match background {
            Background::Dark => (Color::Cyan, Color::Yellow),
            Background::Light => (DARK_CYAN, DARK_YELLOW),
        };
        Palette {
            accent,
            // Black text on it, so it reads on either background.
            quote: Color::Yellow,
            matched,
            marked: Color::Magenta,
            dim: Color::Reset,
        }
    }

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

/// Darker shades for a light background, from the 256-colour cube: (0,135,135),
/// (175,135,0) and (0,135,0), where the first sixteen colours' cyan, yellow and green
/// are too pale to read on white.
const DARK_CYAN: Color = Color::Indexed(30);
const DARK_YELLOW: Color = Color::Indexed(136);
const DARK_GREEN: Color = Color::Indexed(28);

/// The explorer's styles, with or without colour, in the colours of its own palette. Each
/// explorer carries its theme, so two in one process can look different.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
    /// Whether to draw only what the Linux console's font has: ASCII for the explorer's
    /// own symbols, light and double lines for its boxes (see `view::console`).
    pub ascii: bool,
    /// The background the colours are picked to read on.
    pub background: Background,
}

impl Theme {
    /// The default palette, in colour or without.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::default(),
            ascii: false,
            background: Background::Dark,
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

    /// The default colours on a light background instead of a dark one.
    pub fn on_light(self) -> Theme {
        Theme {
            background: Background::Light,
            palette: Palette::on(Background::Light),
            ..self
        }
    }

    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    /// One of the sixteen colours, in a shade that reads on the background: blue is too
    /// dark on black, and yellow, green, cyan and grey too pale on white.
    fn hue(self, color: Color) -> Style {
        let shade = match (self.background, color) {
            (Background::Dark, Color::Blue) => Color::LightBlue,
            (Background::Light, Color::Yellow) => DARK_YELLOW,
            (Background::Light, Color::Green) => DARK_GREEN,
            (Background::Light, Color::Cyan) => DARK_CYAN,
            (Background::Light, Color::Gray) => Color::Reset,
            (_, other) => other,
        };
        self.fg(shade)
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
        self.hue(match kind {
            ClaimKind::Fact => Color::Green,
            ClaimKind::Assessment => Color::Blue,
            ClaimKind::Forecast => Color::Magenta,
            ClaimKind::Position => Color::Yellow,
        })
    }

    pub fn status(self, status: EventStatus) -> Style {
        match status {
            EventStatus::Cancelled => self.hue(Color::Red),
            EventStatus::Planned | EventStatus::Expected => self.hue(Color::Yellow),
            EventStatus::Ongoing => self.hue(Color::Blue),
            EventStatus::Happened => Style::new(),
        }
    }

    pub fn hit_kind(self, kind: HitKind) -> Style {
        self.hue(match kind {
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
            Some(Stance::Supports) => self.hue(Color::Green),
            Some(Stance::Attacks) => self.hue(Color::Red),
            Some(Stance::Qualifies) => self.hue(Color::Yellow),
            None => self.bold(),
        }
    }

    pub fn trend(self, trend: crate::model::Trend) -> Style {
        use crate::model::Trend;
        self.hue(match trend {
            Trend::Warming => Color::Green,
            Trend::Cooling => Color::Red,
            Trend::Steady => Color::Blue,
            Trend::Mixed => Color::Yellow,
        })
    }

    /// A verdict of the record; its badge says it without colour.
    pub fn verdict(self, verdict: crate::model::Verdict) -> Style {
        use crate::model::Verdict;
        self.hue(match verdict {
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

//! The explorer's vocabulary: its panes, its modes, a list's cursor, a row of the argument
//! tree. Plain data that every other part of the explorer shares and none of it owns.

/// The explorer's panes, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Timeline,
    Actors,
    Arguments,
    /// The record's reviews of the article's claims.
    Record,
    Claims,
    Source,
}

/// What a pane shows: a list of rows to select from, or text to scroll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneKind {
    /// Its selection narrows the Claims list (the timeline, the actors, the argument map).
    Context,
    /// A list whose selection is the claim shown.
    Claims,
    /// Text: the cursor's offset is how far it is scrolled.
    Text,
}

impl Pane {
    /// Every pane, in Tab order; the position in this list is the pane's index.
    pub const ALL: [Pane; 6] = [
        Pane::Timeline,
        Pane::Actors,
        Pane::Arguments,
        Pane::Record,
        Pane::Claims,
        Pane::Source,
    ];
    pub const COUNT: usize = Pane::ALL.len();

    /// The pane's place in [`Pane::ALL`], for tables indexed by pane.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane's number, 1 to 6, as the digit keys and titles use it.
    pub fn number(self) -> usize {
        self.index() + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Actors => "Actors",
            Pane::Arguments => "Arguments",
            Pane::Record => "Record",
            Pane::Claims => "Claims",
            Pane::Source => "Source",
        }
    }

    pub fn kind(self) -> PaneKind {
        match self {
            Pane::Timeline | Pane::Actors | Pane::Arguments | Pane::Record => PaneKind::Context,
            Pane::Claims => PaneKind::Claims,
            Pane::Source => PaneKind::Text,
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::COUNT]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::COUNT - 1) % Pane::COUNT]
    }

    /// Whether the pane lists events, actors, argument nodes or reviews (whose selection
    /// decides what the Claims list shows).
    pub fn is_context(self) -> bool {
        self.kind() == PaneKind::Context
    }
}

/// What fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Panes,
    Reading,
    Search,
    Help,
    /// The list of what a draft still breaks, over the panes.
    Problems,
}

/// What the keys mean right now: the mode, the pane in focus, and whether letters are
/// being typed into the help's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    pub mode: Mode,
    pub focus: Pane,
    pub filtering: bool,
    /// Whether the model is a draft with problems to list (the key bar offers them).
    pub draft: bool,
    /// Whether the focused pane shows its picture rather than its list.
    pub picture: bool,
}

/// The help screen's state: how far it is scrolled, and its filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpState {
    pub scroll: usize,
    /// Only entries holding this text are shown.
    pub filter: String,
    /// Whether keys type into the filter.
    pub editing: bool,
}

/// A selection in a list, and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

impl Cursor {
    pub fn at(selected: usize) -> Cursor {
        Cursor {
            selected,
            offset: 0,
        }
    }

    /// Moves by `delta` rows within `len`, stopping at the ends.
    pub fn step(&mut self, delta: isize, len: usize) {
        let last = len.saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Keeps the selection within `len` and on screen in a viewport of `height` rows.
    pub fn fit(&mut self, len: usize, height: usize) {
        let height = height.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Keeps the selection within `len` and the view within the list, without scrolling
    /// to the selection: for a pane out of focus, scrolled to show what is marked.
    pub fn clamp(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = self.offset.min(len.saturating_sub(height.max(1)));
    }
}

/// One visible row of the Actors pane: an actor, or one of its relations, opened under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRow {
    Actor(usize),
    Relation { actor: usize, relation: usize },
}

impl ActorRow {
    /// The actor the row is, or is under.
    pub fn actor(self) -> usize {
        match self {
            ActorRow::Actor(a) | ActorRow::Relation { actor: a, .. } => a,
        }
    }
}

/// One visible row of the argument tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgumentRow {
    pub node: usize,
    pub depth: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_go_round_in_order() {
        for (i, pane) in Pane::ALL.into_iter().enumerate() {
            assert_eq!(pane.index(), i);
            assert_eq!(pane.next().prev(), pane);
            assert_eq!(Pane::ALL[(i + 1) % Pane::COUNT], pane.next());
        }
        assert_eq!(Pane::Source.next(), Pane::Timeline);
        assert_eq!(Pane::Timeline.prev(), Pane::Source);
    }
}

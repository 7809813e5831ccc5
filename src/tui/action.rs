//! Everything the explorer can be asked to do. Keys, mouse and terminal events become
//! actions in the keymap; `App::update` carries each out.

use super::state::Pane;

/// One thing the reader asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Focus the next pane (Tab).
    FocusNext,
    /// Focus the previous pane (Shift-Tab).
    FocusPrev,
    /// Focus one pane by its number.
    Focus(Pane),
    /// Move the selection (or scroll) by one row.
    Up,
    Down,
    /// Jump to the first or last row.
    Top,
    Bottom,
    /// Move by a page, or by half a page.
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    /// Drill into the selection: from a pane to its claims, from a claim to its source.
    Enter,
    /// Go back to where the last drill or jump started.
    Back,
    /// Close whatever is open, or else go back. Never quits.
    Escape,
    /// Open or close an argument node's children.
    Expand,
    Collapse,
    ToggleFold,
    /// Switch the focused pane between its list and its picture (`p`).
    Picture,
    /// In a picture: move left or right (the previous or next event in time, the node
    /// beside, the name or line that way).
    Left,
    Right,
    /// Zoom the timeline chart in or out.
    ZoomIn,
    ZoomOut,
    /// Open the search box.
    OpenSearch,
    /// Show the key help.
    OpenHelp,
    /// List what the draft still breaks.
    OpenProblems,
    /// Read the model's file again at each save, or stop.
    ToggleWatch,
    /// Switch reading mode (the whole article) on or off.
    ToggleReading,
    /// In reading mode: the next or previous claim in the article.
    NextClaim,
    PrevClaim,
    /// Outside the search box: the next or previous hit of the last search gone to.
    NextHit,
    PrevHit,
    /// Go to the record's review of the claim in view, in the Record pane.
    ShowReview,
    /// Copy the selected claim's quote, with where it comes from, to the clipboard.
    Copy,
    /// Suspend the explorer (Ctrl-z); `fg` in the shell brings it back.
    Suspend,
    /// Search box editing.
    Type(char),
    DeleteChar,
    DeleteWord,
    ClearQuery,
    /// Search for what the search read a misspelt query as (Tab in the box).
    TakeSpelling,
    /// Text pasted into the terminal.
    Paste(String),
    /// Jump to the selected search hit.
    Accept,
    /// The background search answered a request.
    Found(Answer),
    /// A key no binding takes where it was pressed, by its label, for the reader to be
    /// told so.
    Unbound(String),
    /// The terminal changed size.
    Resize(u16, u16),
    /// A mouse click, or the wheel, at a cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
}

/// The search's answer to a query: its best hits, and how many items matched in all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    /// The number of the request answered.
    pub generation: u64,
    pub hits: Vec<crate::search::Hit>,
    pub total: usize,
    /// How many of them matched the query as typed.
    pub typed: usize,
    /// The query with its misspelt terms read as the words they are closest to, when
    /// that found hits (see [`crate::search::Results::spelled`]).
    pub spelled: Option<String>,
}

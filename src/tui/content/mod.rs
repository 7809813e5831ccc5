//! Text laid out for a width: the Source pane, the detail box, the help, reading mode's
//! article, and the labels the lists share. Pure functions of the model, the theme and the width: the app lays the
//! text out once when what it shows changes, and the view draws what was laid out.

pub mod detail;
pub mod help;
pub mod labels;
pub mod reading;
pub mod record;
pub mod source;

pub use detail::DetailText;
pub use help::HelpText;
pub use reading::ReadingText;
pub use source::SourceText;

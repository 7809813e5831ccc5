use claimscope::model::{Index, ModelFile, load_str};
use claimscope::tui::{Action, App, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let draw = std::env::args().nth(2).as_deref() != Some("nodraw");
    let model = load_str(&ModelFile::bundled()).expect("valid");
    let mut app = App::new(Index::new(model), Theme::new(true));
    app.update(Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let t = std::time::Instant::now();
    for _ in 0..n {
        app.update(Action::OpenSearch);
        for ch in "pakistan arms".chars() {
            app.update(Action::Type(ch));
            if draw {
                terminal.draw(|f| view::render(&app, f)).expect("draw");
            }
        }
        app.update(Action::Escape);
    }
    eprintln!("{:?} per key", t.elapsed() / (n as u32 * 13));
}

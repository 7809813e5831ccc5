use claimscope::model::{Index, Model};
use claimscope::tui::{Action, App, Theme, view};
use ratatui::{Terminal, backend::TestBackend};
fn main() {
    let app0 = Model::bundled().unwrap();
    let mut app = App::new(Index::new(app0), Theme::new(true));
    app.update(Action::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| view::render(&app, f)).unwrap();
    println!("built after first frame: {}", app.searcher().is_built());
    app.update(Action::OpenSearch);
    app.update(Action::Type('k'));
    println!("built after typing: {}", app.searcher().is_built());
}

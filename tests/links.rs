//! Source addresses made links (OSC 8) as the explorer writes them, read back by a
//! terminal emulator (vt100): the link changes no cell of the screen, so an address of
//! wide characters cannot run over the panes beside it, and a frame whose links did not
//! change writes none again.

use std::io::Write;
use std::sync::{Arc, Mutex};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use claimscope::model::{Index, Model, validate};
use claimscope::tui::links::Drawn;
use claimscope::tui::output::Output;
use claimscope::tui::{Action, App, Pane, Theme, view};

/// Every source address replaced by one of wide characters, with an emoji sequence and a
/// combining mark: all valid `https` addresses.
fn wide_model() -> Model {
    let mut model = Model::bundled().expect("bundled model");
    for (i, source) in model.sources.iter_mut().enumerate() {
        source.url = format!(
            "https://例え.jp/{i}/{}/👨\u{200d}👩\u{200d}👧/e\u{301}/{}",
            "中文宽字符".repeat(30),
            "x".repeat(5)
        );
    }
    assert!(validate(&model).is_empty(), "the model must stay valid");
    model
}

#[derive(Clone, Default)]
struct Bytes(Arc<Mutex<Vec<u8>>>);

impl Bytes {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().expect("bytes"))
    }
}

impl Write for Bytes {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The explorer at a size, on claim c07a (which has reviews and sources), its Source
/// pane focused and scrolled to the end, where the addresses are.
fn on_the_sources(model: Model, width: u16, height: u16) -> App {
    let mut app = App::new(Index::new(model), Theme::new(true));
    app.update(Action::Resize(width, height));
    app.update(Action::OpenSearch);
    for c in "c07a".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Accept);
    app.update(Action::Focus(Pane::Source));
    app.update(Action::Bottom);
    app
}

struct Screen {
    terminal: Terminal<CrosstermBackend<Output<Bytes>>>,
    bytes: Bytes,
    drawn: Drawn,
    parser: vt100::Parser,
}

impl Screen {
    fn new(width: u16, height: u16) -> Screen {
        let bytes = Bytes::default();
        let backend = CrosstermBackend::new(Output::new(bytes.clone(), false));
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
        };
        let terminal = Terminal::with_options(backend, options).expect("terminal");
        Screen {
            terminal,
            bytes,
            drawn: Drawn::default(),
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(height).expect("rows"),
                std::num::NonZeroU16::new(width).expect("columns"),
                0,
            ),
        }
    }

    /// Draws a frame with its links as the event loop does; the rows ratatui meant, and
    /// the bytes written.
    fn frame(&mut self, app: &App) -> (Vec<String>, Vec<u8>) {
        let frame = self.terminal.draw(|f| view::render(app, f)).expect("draw");
        let buffer = frame.buffer.clone();
        let pending = self.drawn.update(&buffer, &view::links(app));
        pending.write(self.terminal.backend_mut()).expect("links");
        let bytes = self.bytes.take();
        self.parser.process(&bytes);
        let area = buffer.area;
        let rows = (0..area.height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < area.width {
                    let symbol = buffer[(x, y)].symbol();
                    row.push_str(symbol);
                    x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol))
                        .unwrap_or(1)
                        .max(1);
                }
                row
            })
            .collect();
        (rows, bytes)
    }

    fn shown(&self) -> Vec<String> {
        let (_, width) = self.parser.screen().size();
        self.parser.screen().rows(0, width.get()).collect()
    }
}

fn links_in(bytes: &[u8]) -> usize {
    bytes.windows(5).filter(|w| w == b"\x1b]8;;").count()
}

#[test]
fn a_link_of_wide_characters_stays_in_its_cells() {
    for (width, height) in [(80, 24), (120, 40), (61, 30)] {
        let app = on_the_sources(wide_model(), width, height);
        let mut screen = Screen::new(width, height);
        let (meant, bytes) = screen.frame(&app);
        assert!(
            links_in(&bytes) > 0,
            "{width}x{height}: no link was written:\n{}",
            meant.join("\n")
        );
        let shown = screen.shown();
        for (y, (meant, shown)) in meant.iter().zip(&shown).enumerate() {
            assert_eq!(
                shown.trim_end(),
                meant.trim_end(),
                "{width}x{height}: row {y} as the terminal shows it"
            );
        }
    }
}

#[test]
fn links_are_written_again_only_when_they_change() {
    let mut app = on_the_sources(wide_model(), 80, 24);
    let mut screen = Screen::new(80, 24);
    let (_, first) = screen.frame(&app);
    assert!(links_in(&first) > 0, "the first frame has links");
    // Moving in another pane changes nothing in the Source pane's addresses.
    let (_, same) = screen.frame(&app);
    assert_eq!(
        links_in(&same),
        0,
        "an unchanged frame writes no link again"
    );
    // Scrolling the Source pane moves the addresses: written again where they now are.
    app.update(Action::Up);
    let (meant, moved) = screen.frame(&app);
    assert!(links_in(&moved) > 0, "moved links are written again");
    let shown = screen.shown();
    for (y, (meant, shown)) in meant.iter().zip(&shown).enumerate() {
        assert_eq!(shown.trim_end(), meant.trim_end(), "row {y} after a scroll");
    }
    // Twenty more frames with nothing changed draw nothing at all: no cell, no link, only
    // the reset and hidden cursor ratatui writes at every frame.
    for _ in 0..20 {
        let bytes = screen.frame(&app).1;
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(links_in(&bytes), 0, "an idle frame wrote a link: {text:?}");
        assert!(!text.contains('H'), "an idle frame drew cells: {text:?}");
    }
}

#[test]
fn an_address_is_written_inside_the_link_escaped_and_whole() {
    let app = on_the_sources(wide_model(), 120, 40);
    let mut screen = Screen::new(120, 40);
    let (_, bytes) = screen.frame(&app);
    let text = String::from_utf8_lossy(&bytes);
    let opened: Vec<&str> = text
        .split("\x1b]8;;")
        .skip(1)
        .filter_map(|s| s.split("\x1b\\").next())
        .filter(|url| !url.is_empty())
        .collect();
    assert!(!opened.is_empty(), "links were written");
    for url in opened {
        assert!(
            url.bytes().all(|b| (0x21..0x7f).contains(&b)),
            "an address written raw: {url:?}"
        );
        assert!(url.starts_with("https://%E4%BE%8B%E3%81%88.jp/"), "{url}");
    }
    // Links or not, every character of each address is in the pane's lines: cut into
    // lines by columns, never clipped at the pane's edge.
    for width in [80, 120, 200] {
        let app = on_the_sources(wide_model(), width, 40);
        let joined: String = app
            .laid()
            .source
            .lines
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.trim_start().to_string()))
            .collect();
        let url = &app.index().model().sources[0].url;
        let shown = app.laid().source.links.iter().any(|l| &l.url == url);
        if shown {
            assert!(
                joined.contains(url.as_str()),
                "{width}: {url} is not all shown"
            );
        }
        for link in &app.laid().source.links {
            let room = app.laid().source.laid_for.1;
            assert!(
                unicode_width::UnicodeWidthStr::width(link.text.as_str()) <= room,
                "{width}: a line of an address is wider than the pane: {:?}",
                link.text
            );
        }
    }
}

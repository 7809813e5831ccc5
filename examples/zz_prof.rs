use claimscope::model::{Index, Model};
use claimscope::search::Searcher;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let what = std::env::args().nth(2).unwrap_or_default();
    let t = std::time::Instant::now();
    for _ in 0..n {
        let model = Model::bundled().expect("valid");
        if what == "model" {
            std::hint::black_box(model);
            continue;
        }
        let index = std::sync::Arc::new(Index::new(model));
        if what == "index" {
            std::hint::black_box(index);
            continue;
        }
        std::hint::black_box(Searcher::new(index));
    }
    eprintln!("{:?} per load", t.elapsed() / n as u32);
}

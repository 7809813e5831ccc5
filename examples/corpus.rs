//! Writes a valid, deterministic model with N claims to standard output, for benchmarks
//! and stress tests: `cargo run --release --example corpus -- 100000 > big.toml`.

use std::io::{self, Write};

fn main() -> io::Result<()> {
    let claims: usize = match std::env::args().nth(1).map(|n| n.parse()) {
        Some(Ok(n)) if n >= 2 => n,
        _ => {
            eprintln!("usage: corpus N   (N claims, at least 2)");
            std::process::exit(2);
        }
    };
    let text = claimscope::corpus::generate(claims);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

//! What the explorer writes to the terminal. With NO_COLOR, colour escapes are taken out
//! of the stream: ratatui resets the colours after every frame (SGR 39, 49, 59) even when
//! no colour was ever set, and NO_COLOR means none at all.

use std::io::{self, Write};

const ESC: u8 = 0x1b;
/// An escape sequence longer than this is passed through as it is, rather than held.
const MAX_SEQUENCE: usize = 64;

/// A writer that drops colour-only SGR sequences when `strip` is on.
pub struct Output<W: Write> {
    inner: W,
    strip: bool,
    /// The start of an escape sequence cut across two writes.
    pending: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W, strip: bool) -> Output<W> {
        Output {
            inner,
            strip,
            pending: Vec::new(),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Filters `bytes` into `out`, holding back an unfinished escape sequence.
    fn filter(&mut self, bytes: &[u8], out: &mut Vec<u8>) {
        for &b in bytes {
            if self.pending.is_empty() {
                if b == ESC {
                    self.pending.push(b);
                } else {
                    out.push(b);
                }
                continue;
            }
            self.pending.push(b);
            let len = self.pending.len();
            if len == 2 && b != b'[' {
                out.append(&mut self.pending);
            } else if len > 2 && (0x40..=0x7e).contains(&b) {
                let params = &self.pending[2..len - 1];
                if !(b == b'm' && is_colour_only(params)) {
                    out.extend_from_slice(&self.pending);
                }
                self.pending.clear();
            } else if len > MAX_SEQUENCE {
                out.append(&mut self.pending);
            }
        }
    }
}

/// Whether SGR parameters only set or reset colours (foreground, background, underline).
fn is_colour_only(params: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(params) else {
        return false;
    };
    let numbers: Vec<u16> = text
        .split([';', ':'])
        .filter_map(|p| p.parse().ok())
        .collect();
    if numbers.is_empty() || numbers.len() != text.split([';', ':']).count() {
        return false;
    }
    // 38/48/58 start an extended colour: everything after them is part of it.
    if matches!(numbers[0], 38 | 48 | 58) {
        return true;
    }
    numbers
        .iter()
        .all(|n| matches!(n, 30..=39 | 40..=49 | 59 | 90..=97 | 100..=107))
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.strip {
            return self.inner.write(buf);
        }
        let mut out = Vec::with_capacity(buf.len());
        self.filter(buf, &mut out);
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(strip: bool, chunks: &[&[u8]]) -> Vec<u8> {
        let mut output = Output::new(Vec::new(), strip);
        for chunk in chunks {
            output.write_all(chunk).expect("write");
        }
        output.inner
    }

    #[test]
    fn strips_colour_sequences_even_when_split_across_writes() {
        let got = through(
            true,
            &[
                b"a\x1b[39m\x1b[4",
                b"9m\x1b[1mb\x1b[38;5;21mc\x1b[0m\x1b[59m",
            ],
        );
        assert_eq!(got, b"a\x1b[1mbc\x1b[0m");
    }

    #[test]
    fn keeps_everything_else() {
        let other = b"\x1b[2J\x1b[10;5H\x1b[?25l\x1b[1;7m\x1b[?1049lx\x1b7";
        assert_eq!(through(true, &[other]), other);
        let colours = b"\x1b[31mred\x1b[39m";
        assert_eq!(through(false, &[colours]), colours);
    }
}

//! What the explorer writes to the terminal. With NO_COLOR, colour escapes are taken out
//! of the stream: ratatui resets the colours after every frame (SGR 39, 49, 59) even when
//! no colour was ever set, and NO_COLOR means none at all.
//!
//! It also holds what is written until it is flushed, as ratatui does after each frame:
//! the terminal library writes a frame a few bytes at a time (a cursor move, a colour, a
//! character), and each of those going to the standard output on its own took a third of
//! the first frame's time and reached the terminal in pieces. A frame goes out whole, in
//! one write.

use std::io::{self, Write};

const ESC: u8 = 0x1b;
/// An escape sequence longer than this is passed through as it is, rather than held.
const MAX_SEQUENCE: usize = 64;
/// Room for a full frame of a large terminal, so that holding one seldom reallocates.
const HELD: usize = 64 * 1024;

/// A writer that drops colour-only SGR sequences when `strip` is on, and holds what it
/// is given until it is flushed.
pub struct Output<W: Write> {
    inner: W,
    strip: bool,
    /// The start of an escape sequence cut across two writes.
    pending: Vec<u8>,
    /// What was written since the last flush, filtered.
    held: Vec<u8>,
}

impl<W: Write> Output<W> {
    pub fn new(inner: W, strip: bool) -> Output<W> {
        Output {
            inner,
            strip,
            pending: Vec::new(),
            held: Vec::with_capacity(HELD),
        }
    }

    pub fn get_ref(&self) -> &W {
        &self.inner
    }

    /// Filters `bytes` into what is held, holding back an unfinished escape sequence.
    fn filter(&mut self, bytes: &[u8]) {
        let out = &mut self.held;
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
        if self.strip {
            self.filter(buf);
        } else {
            self.held.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    /// Writes out what is held (an escape sequence cut short stays held for the next
    /// write to finish). What could not be written is dropped with the error: the next
    /// frame is drawn from what the terminal library knows, not from this.
    fn flush(&mut self) -> io::Result<()> {
        let written = self.inner.write_all(&self.held);
        self.held.clear();
        if self.held.capacity() > 4 * HELD {
            self.held.shrink_to(HELD);
        }
        written?;
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
        output.flush().expect("flush");
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

    /// A writer that counts the writes it is given.
    #[derive(Default)]
    struct Counting {
        writes: usize,
        bytes: Vec<u8>,
    }

    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.writes += 1;
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn what_is_written_goes_out_whole_at_the_flush() {
        for strip in [false, true] {
            let mut output = Output::new(Counting::default(), strip);
            for _ in 0..100 {
                output.write_all(b"\x1b[1;1Hx").expect("write");
            }
            assert_eq!(output.inner.writes, 0, "nothing goes out before the flush");
            output.flush().expect("flush");
            assert_eq!(output.inner.writes, 1, "a frame goes out in one write");
            assert_eq!(output.inner.bytes.len(), 100 * 7);
            output.flush().expect("flush");
            assert_eq!(output.inner.writes, 1, "and nothing is written twice");
        }
    }

    #[test]
    fn keeps_everything_else() {
        let other = b"\x1b[2J\x1b[10;5H\x1b[?25l\x1b[1;7m\x1b[?1049lx\x1b7";
        assert_eq!(through(true, &[other]), other);
        let colours = b"\x1b[31mred\x1b[39m";
        assert_eq!(through(false, &[colours]), colours);
    }
}

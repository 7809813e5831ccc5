#!/usr/bin/env python3
"""Milliseconds from starting a command on a pseudo-terminal to its first screen: the
moment its output holds a given text (escape sequences taken out; blank cells a program
skips over are not in it). Run for claimscope and for `less` on the article's
text, side by side, as BENCHMARKS.md reports:

    benches/first_screen.py quit target/release/claimscope
    benches/first_screen.py pakistan-russia-2012.txt less ARTICLE.txt

Prints the median of RUNS starts (default 51) and the quartiles. The terminal is 120x40;
TERM is xterm-256color. Like a terminal, it answers the queries a program sends: its
colours (OSC 10 and 11: white on black) and its device attributes (DA1). Nothing but the
standard library."""
import fcntl, os, pty, re, select, statistics, struct, sys, termios, time

# Escape sequences, taken out of what the command wrote before looking for the text: a
# screen's text is broken up by its styles.
# What a terminal answers, query by query.
ANSWERS = [
    (b"\x1b]10;?", b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\"),
    (b"\x1b]11;?", b"\x1b]11;rgb:0000/0000/0000\x1b\\"),
    (b"\x1b[c", b"\x1b[?62;22c"),
]

ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\\\)|[()][0-9A-Za-z]|[=>78])")

def once(want, command):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    seen = b""
    answered = 0
    elapsed = None
    while time.monotonic() - start < 3:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        for query, answer in ANSWERS[answered:]:
            if query not in seen:
                break
            os.write(fd, answer)
            answered += 1
        if want in ESCAPES.sub(b"", seen):
            elapsed = (time.monotonic() - start) * 1000
            break
    os.write(fd, b"q")
    try:
        os.kill(pid, 15)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed

def main():
    want = sys.argv[1].encode()
    command = sys.argv[2:]
    runs = int(os.environ.get("RUNS", "51"))
    times = [t for t in (once(want, command) for _ in range(runs)) if t is not None]
    if not times:
        print(f"{' '.join(command)}: never showed {sys.argv[1]!r}")
        sys.exit(1)
    q = statistics.quantiles(times, n=4)
    print(f"{' '.join(command)}: median {statistics.median(times):.1f} ms "
          f"(quartiles {q[0]:.1f}–{q[2]:.1f}, {len(times)} runs)")

main()

#!/usr/bin/env bash
# The side-by-side figures behind BENCHMARKS.md: claimscope against fzf over the same
# claim texts, at 10,000, 100,000 and 1,000,000 claims, each target printed with its
# measured ratio and whether it is met. Needs hyperfine, fzf, GNU time, tmux and
# python3; says what it skips when one is missing. Takes some ten minutes.
#
#   benches/compare.sh            all sizes
#   SIZES="10000 100000" benches/compare.sh   fewer
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
for tool in hyperfine fzf tmux python3; do
  have "$tool" || { echo "compare.sh needs $tool; install it (apt-get install $tool)"; exit 2; }
done
[ -x /usr/bin/time ] || { echo "compare.sh needs GNU time at /usr/bin/time"; exit 2; }

cargo build --release --quiet --bin claimscope --example corpus
bin=$PWD/target/release/claimscope
work=$(mktemp -d)
trap 'tmux -L compare kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
# The model cache in a folder of this run's own: the warm-up run of each measurement saves
# the copy that the timed runs read, as a reader's second run would.
export CLAIMSCOPE_CACHE_DIR=$work/cache
unset CLAIMSCOPE_NO_CACHE
sizes=${SIZES:-"10000 100000 1000000"}

echo "== machine"
echo "cores: $(nproc)"
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
fzf --version | sed 's/^/fzf /'
hyperfine --version

# Mean milliseconds of a command line, by hyperfine (whole processes through the shell, as
# fzf needs its input redirected; output thrown away).
mean() {
  local runs=$1; shift
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null
  python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"] * 1000))' "$work/h.json"
}
# Peak resident memory of a command, in kB.
peak() { /usr/bin/time -f '%M' -o "$work/peak" "$@" >/dev/null 2>&1 || true; cat "$work/peak"; }
# Milliseconds from starting a command in a 120x40 tmux window to its screen showing $1:
# the median of five starts, as one start can be slowed by the machine's other work.
first_screen() {
  local runs=()
  for _ in 1 2 3 4 5; do runs+=("$(first_screen_once "$@")"); done
  printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p
}
first_screen_once() {
  local want=$1; shift
  tmux -L compare kill-server 2>/dev/null || true
  python3 - "$want" "$@" <<'EOF'
import subprocess, sys, time
want, command = sys.argv[1], sys.argv[2:]
start = time.monotonic()
subprocess.run(["tmux", "-L", "compare", "new", "-d", "-x", "120", "-y", "40", "--"] + command, check=True)
while time.monotonic() - start < 120:
    screen = subprocess.run(["tmux", "-L", "compare", "capture-pane", "-p"], capture_output=True, text=True).stdout
    if want in screen:
        print(f"{(time.monotonic() - start) * 1000:.0f}")
        break
    time.sleep(0.005)
else:
    print("nan")
EOF
  tmux -L compare kill-server 2>/dev/null || true
}

ratio() { python3 -c 'import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f"{a/b:.2f}")' "$1" "$2"; }
verdict() { python3 -c 'import sys; print("met" if float(sys.argv[1]) <= float(sys.argv[2]) else "MISSED")' "$1" "$2"; }
row() { printf '%-58s %12s %12s %7s  %s\n' "$@"; }

declare -A search_s fresh_s fzf_s cs_kb fzf_kb
for n in $sizes; do
  echo "== $n claims"
  target/release/examples/corpus "$n" > "$work/m$n.toml"
  "$bin" --data "$work/m$n.toml" export --format json \
    | python3 -c 'import json,sys; [print(c["text"]) for c in json.load(sys.stdin)["claims"]]' \
    > "$work/t$n.txt"
  echo "model $(stat -c %s "$work/m$n.toml") bytes; claim texts $(stat -c %s "$work/t$n.txt") bytes"
  runs=10; [ "$n" -ge 1000000 ] && runs=3
  search_s[$n]=$(mean "$runs" "$bin --data $work/m$n.toml search arms")
  fresh_s[$n]=$(mean "$runs" "CLAIMSCOPE_NO_CACHE=1 $bin --data $work/m$n.toml search arms")
  fzf_s[$n]=$(mean "$runs" "fzf --filter arms < $work/t$n.txt")
  cs_kb[$n]=$(peak "$bin" --data "$work/m$n.toml" search arms)
  fzf_kb[$n]=$(peak sh -c "fzf --filter arms < $work/t$n.txt")
done

echo
echo "== targets"
row "target" "claimscope" "against" "ratio" "status"
limit_for() { case $1 in 10000) echo 1.5 ;; *) echo 1.0 ;; esac; }
for n in $sizes; do
  r=$(ratio "${search_s[$n]}" "${fzf_s[$n]}")
  row "search arms at $n claims / fzf --filter arms (<= $(limit_for "$n"))" \
    "${search_s[$n]}ms" "${fzf_s[$n]}ms" "$r" "$(verdict "$r" "$(limit_for "$n")")"
done
for n in $sizes; do
  r=$(ratio "${fresh_s[$n]}" "${fzf_s[$n]}")
  row "  the same without the cache (a model's first run)" "${fresh_s[$n]}ms" "${fzf_s[$n]}ms" "$r" ""
done
prev=""
for n in $sizes; do
  if [ -n "$prev" ]; then
    r=$(ratio "${search_s[$n]}" "${search_s[$prev]}")
    row "load growth $prev -> $n claims (x10 claims; <= 11)" "${search_s[$n]}ms" "${search_s[$prev]}ms" "$r" "$(verdict "$r" 11)"
    r=$(ratio "${fresh_s[$n]}" "${fresh_s[$prev]}")
    row "  the same without the cache" "${fresh_s[$n]}ms" "${fresh_s[$prev]}ms" "$r" "$(verdict "$r" 11)"
  fi
  prev=$n
done
for n in $sizes; do
  [ "$n" -ge 100000 ] || continue
  r=$(ratio "${cs_kb[$n]}" "${fzf_kb[$n]}")
  row "peak memory at $n claims / fzf's (<= 3)" "${cs_kb[$n]}kB" "${fzf_kb[$n]}kB" "$r" "$(verdict "$r" 3)"
done
if [[ " $sizes " == *" 1000000 "* ]]; then
  if "$bin" --data "$work/m1000000.toml" search arms >/dev/null 2>&1; then
    row "a million-claim model opens" "yes" "" "" "met"
  else
    row "a million-claim model opens" "no" "" "" "MISSED"
  fi
fi
if [[ " $sizes " == *" 100000 "* ]]; then
  "$bin" --data "$work/m100000.toml" search arms >/dev/null 2>&1 || true  # the copy
  ours=$(first_screen "3 Arguments" "$bin" --data "$work/m100000.toml")
  theirs=$(first_screen "100000/100000" sh -c "fzf < $work/t100000.txt")
  r=$(ratio "$ours" "$theirs")
  row "explorer's first screen at 100000 / fzf's (<= 2)" "${ours}ms" "${theirs}ms" "$r" "$(verdict "$r" 2)"
fi

echo
echo "== keystrokes at 100,000 claims (criterion; see target/criterion for the reports)"
cargo bench --quiet --bench explorer -- 'keystroke/synthetic|nucleo' 2>/dev/null \
  | tee "$work/bench.txt" | grep -E '^(keystroke|nucleo)|time:' || true
python3 - "$work/bench.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
def ms(name):
    m = re.search(re.escape(name) + r"\s+time:\s+\[[^\]]*?([\d.]+) (ms|µs|us)\s+[\d.]+ (?:ms|µs|us)\]", text)
    if not m:
        return None
    value = float(m.group(1))
    return value if m.group(2) == "ms" else value / 1000
mean, slowest, nucleo = ms("keystroke/synthetic_100k\n"), ms("keystroke/synthetic_100k_slowest"), ms("nucleo/synthetic_100k")
row = "{:<58} {:>12} {:>12} {:>7}  {}"
if slowest is not None:
    print(row.format("slowest keystroke of 'pakistan arms' (<= 16 ms)", f"{slowest:.2f}ms", "16ms", f"{slowest/16:.2f}", "met" if slowest <= 16 else "MISSED"))
if mean is not None and nucleo is not None:
    print(row.format("mean keystroke / nucleo-matcher harness (<= 1)", f"{mean:.2f}ms", f"{nucleo:.2f}ms", f"{mean/nucleo:.2f}", "met" if mean <= nucleo else "MISSED"))
EOF

#!/usr/bin/env bash
# Side-by-side figures for BENCHMARKS.md: claimscope's search against `fzf --filter` over
# the same text, whole processes timed by hyperfine, and peak memory. Uses hyperfine,
# fzf, GNU time and tmux where they are installed, and says what it skips.
set -euo pipefail
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }
cargo build --release --quiet --bin claimscope --example corpus
bin=target/release/claimscope
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== machine"
nproc | sed 's/^/cores: /'
grep -m1 'model name' /proc/cpuinfo 2>/dev/null || true
have fzf && fzf --version | sed 's/^/fzf /'
have hyperfine && hyperfine --version

echo "== a synthetic model of 100,000 claims"
target/release/examples/corpus 100000 > "$work/big.toml"
ls -l "$work/big.toml" | awk '{print $5 " bytes"}'
"$bin" check "$work/big.toml"
# The claims' texts, one a line: what fzf searches in the side-by-side.
"$bin" --data "$work/big.toml" export --format json \
  | python3 -c 'import json,sys; [print(c["text"]) for c in json.load(sys.stdin)["claims"]]' \
  > "$work/claims.txt"
wc -l < "$work/claims.txt" | sed 's/$/ claim texts/'

if have hyperfine && have fzf; then
  echo "== claimscope search kayani (bundled model) vs fzf --filter kayani (article text)"
  hyperfine --warmup 10 --runs 300 \
    "$bin search kayani" \
    "fzf --filter kayani < assets/pakistan-russia-2012.txt"
  echo "== one query over 100,000 claim texts: fzf --filter, whole process"
  hyperfine --warmup 2 --runs 20 "fzf --filter 'pakistan arms' < $work/claims.txt > /dev/null"
  echo "== claimscope search on the 100,000-claim model, whole process (loading included)"
  hyperfine --warmup 1 --runs 5 "$bin --data $work/big.toml search pakistan arms > /dev/null"
else
  echo "(hyperfine or fzf not installed: the side-by-side is skipped)"
fi

if [ -x /usr/bin/time ]; then
  echo "== peak memory (maximum resident set)"
  /usr/bin/time -f "search on the article: %M KB" "$bin" search kayani > /dev/null
  /usr/bin/time -f "search on 100,000 claims: %M KB" "$bin" --data "$work/big.toml" search pakistan arms > /dev/null
  if have tmux; then
    # The explorer itself, typing a search, on the article and on the big model.
    for model in article big; do
      data=""
      [ "$model" = big ] && data="--data $work/big.toml"
      tmux kill-session -t cs-bench 2>/dev/null || true
      tmux new -d -s cs-bench -x 120 -y 40 "/usr/bin/time -f '%M' -o $work/peak $bin $data"
      sleep 5
      tmux send-keys -t cs-bench / && tmux send-keys -t cs-bench -l 'pakistan arms' && sleep 2
      tmux send-keys -t cs-bench Escape && tmux send-keys -t cs-bench q && sleep 2
      echo "the explorer, typing a search, on the $model model: $(cat "$work/peak") KB"
    done
  fi
fi

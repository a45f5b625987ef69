#!/usr/bin/env bash
# Accuracy on the annotated corpora beside the repo (../shared), with the shared scorer.
# Usage: scripts/eval.sh [--all-kinds]   (extra arguments go to score.py)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${WHOSAID_SHARED:-../shared}
out=${TMPDIR:-/tmp}/whosaid-eval
mkdir -p "$out"
cargo build --release --quiet
for corpus in polnear-dev pdnc-dev; do
  gold="$shared/corpora/$corpus.jsonl"
  ./target/release/whosaid annotate --jsonl "$gold" > "$out/$corpus.pred.jsonl"
  printf '%s: ' "$corpus"
  python3 "$shared/eval/score.py" "$gold" "$out/$corpus.pred.jsonl" --brief "$@"
done

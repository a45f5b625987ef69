#!/usr/bin/env bash
# Accuracy on the annotated corpora beside the repo (../shared), with the shared scorer.
# Usage: scripts/eval.sh   (prints PolNeAR direct and all kinds, PDNC, and PDNC by method)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${WHOSAID_SHARED:-../shared}
out=${TMPDIR:-/tmp}/whosaid-eval
mkdir -p "$out"
cargo build --release --quiet
score() { python3 "$shared/eval/score.py" "$@" --brief; }
for corpus in polnear-dev pdnc-dev; do
  ./target/release/whosaid annotate --jsonl "$shared/corpora/$corpus.jsonl" > "$out/$corpus.pred.jsonl"
done
printf 'polnear-dev (direct): '
score "$shared/corpora/polnear-dev.jsonl" "$out/polnear-dev.pred.jsonl"
printf 'polnear-dev (all kinds): '
score "$shared/corpora/polnear-dev.jsonl" "$out/polnear-dev.pred.jsonl" --all-kinds
printf 'pdnc-dev: '
score "$shared/corpora/pdnc-dev.jsonl" "$out/pdnc-dev.pred.jsonl"
echo 'pdnc-dev speaker accuracy by attribution method:'
WHOSAID_SHARED="$shared" python3 scripts/by_method.py "$shared/corpora/pdnc-dev.jsonl" "$out/pdnc-dev.pred.jsonl"

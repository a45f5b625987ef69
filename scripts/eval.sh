#!/usr/bin/env bash
# Accuracy on the annotated corpora beside the repo (../shared), with the shared scorer.
# Usage: scripts/eval.sh   (GGT direct and all kinds, PolNeAR direct and all kinds, PDNC,
# speaker accuracy by attribution method, and false "no speaker" warnings per article)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${WHOSAID_SHARED:-../shared}
out=${TMPDIR:-/tmp}/whosaid-eval
mkdir -p "$out"
cargo build --release --quiet
score() { python3 "$shared/eval/score.py" "$@" --brief; }
for corpus in ggt-dev polnear-dev pdnc-dev; do
  ./target/release/whosaid annotate --jsonl "$shared/corpora/$corpus.jsonl" > "$out/$corpus.pred.jsonl"
done
printf 'ggt-dev (direct): '
score "$shared/corpora/ggt-dev.jsonl" "$out/ggt-dev.pred.jsonl"
printf 'ggt-dev (all kinds, --min-overlap 0.3): '
score "$shared/corpora/ggt-dev.jsonl" "$out/ggt-dev.pred.jsonl" --all-kinds --min-overlap 0.3
printf 'polnear-dev (direct): '
score "$shared/corpora/polnear-dev.jsonl" "$out/polnear-dev.pred.jsonl"
printf 'polnear-dev (all kinds): '
score "$shared/corpora/polnear-dev.jsonl" "$out/polnear-dev.pred.jsonl" --all-kinds
printf 'pdnc-dev: '
score "$shared/corpora/pdnc-dev.jsonl" "$out/pdnc-dev.pred.jsonl"
for corpus in ggt-dev pdnc-dev; do
  echo "$corpus speaker accuracy by attribution method:"
  WHOSAID_SHARED="$shared" python3 scripts/by_method.py "$shared/corpora/$corpus.jsonl" "$out/$corpus.pred.jsonl"
done
# Both news corpora give every quote a source, so every unattributed-quote warning is false.
for corpus in ggt-dev polnear-dev; do
  python3 - "$out/$corpus.pred.jsonl" "$corpus" <<'PY'
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
n = sum(1 for d in docs for f in d["findings"] if f["code"] == "unattributed-quote")
hit = sum(1 for d in docs if any(f["code"] == "unattributed-quote" for f in d["findings"]))
print(f"{sys.argv[2]}: {n} unattributed-quote warnings in {hit} of {len(docs)} articles = {n / len(docs):.3f} per article")
PY
done

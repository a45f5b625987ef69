#!/usr/bin/env bash
# The whole test suite: format, lints, Rust tests (engine, golden documents, CLI, the language
# server over stdio, properties), then every editor client against the real server, the
# sources report's HTML in Chromium and its Spark job in local mode.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test
cargo build --quiet
bash editors/test.sh target/debug/whosaid
# The sources report: its HTML page in a real browser (Chromium, installed by the editor
# tests), and the Spark job in local mode against the single-process report.
# On the news corpora beside the repo when they are there, else on the project's own documents.
shared=${WHOSAID_SHARED:-../shared}
if [ -f "$shared/corpora/polnear-dev.jsonl" ] && [ -f "$shared/corpora/ggt-dev.jsonl" ]; then
  news=("$shared/corpora/polnear-dev.jsonl")
  archive=("$shared/corpora/ggt-dev.jsonl" "$shared/corpora/polnear-dev.jsonl")
else
  own=$(mktemp)
  trap 'rm -f "$own"' EXIT
  python3 - "$own" seeds/*.txt tests/golden/* <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for path in sys.argv[2:]:
        out.write(json.dumps({"id": path, "text": open(path, encoding="utf-8").read()}) + "\n")
PY
  echo "no corpora at $shared/corpora: the report checks run on the project's own documents"
  news=("$own")
  archive=("$own")
fi
python3 scripts/check_report_html.py target/debug/whosaid "${news[@]}"
bash examples/spark/test.sh target/debug/whosaid "${archive[@]}"

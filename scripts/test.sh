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
shared=${WHOSAID_SHARED:-../shared}
python3 scripts/check_report_html.py target/debug/whosaid "$shared/corpora/polnear-dev.jsonl"
WHOSAID_SHARED="$shared" bash examples/spark/test.sh target/debug/whosaid

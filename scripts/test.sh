#!/usr/bin/env bash
# The whole test suite: format, lints, Rust tests (engine, golden documents, CLI, the language
# server over stdio, properties), then every editor client against the real server.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
cargo test
cargo build --quiet
bash editors/test.sh target/debug/whosaid

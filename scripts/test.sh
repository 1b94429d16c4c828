#!/usr/bin/env bash
# The whole test suite of vigie, as CI runs it (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo test --workspace --locked

#!/usr/bin/env bash
# Window timings under Xvfb (see bench/window.py). Usage: bash bench/window.sh OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/window.py target/release/servicescope "${1:-bench/out}"

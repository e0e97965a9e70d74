#!/usr/bin/env bash
# Set up, then run the main job on the embedded defaults (DuckDB file under data/, Prefect without a server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/hzhk run "$@"

#!/usr/bin/env bash
# Set up, then run the offline demo end to end: the bundled corpus served on 127.0.0.1, ingested,
# tracked and written into weekly digests under data/demo/reports (no internet needed).
# The real sources: `.venv/bin/hzhk run` (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/hzhk demo "$@"

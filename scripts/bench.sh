#!/usr/bin/env bash
# Set up, then run every benchmark (speed and quality against a baseline measured in the same run).
# Arguments go to `python -m bench`, e.g. --corpus ../shared/corpus --only extraction tracking
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m bench "$@"

#!/usr/bin/env bash
# Set up, then run every check CI runs: lint, format, types, the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache
bash scripts/browser.sh  # Chromium and CJK fonts for the digest's browser test (apt, when missing)
bash scripts/postgres.sh  # PostgreSQL for the DuckLake catalog test (apt, when missing)
.venv/bin/python -m pytest "$@"

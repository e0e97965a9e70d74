"""`scripts/regenerate_expected.py --check`: are the expected files what the parsers give now?"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent.parent
SCRIPT = PROJECT / "scripts" / "regenerate_expected.py"
FIXTURES = PROJECT / "tests" / "fixtures" / "articles"


def check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--check", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        cwd=PROJECT,
    )


def test_every_fixture_expected_file_is_up_to_date() -> None:
    done = check(FIXTURES)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "expected files match" in done.stdout


def test_check_lists_a_stale_or_missing_expected_file_and_writes_nothing(tmp_path: Path) -> None:
    stale_page = tmp_path / "stale.html"
    shutil.copy(FIXTURES / "rthk" / "en_2025_zhejiang_projects.html", stale_page)
    expected = json.loads(
        (FIXTURES / "rthk" / "en_2025_zhejiang_projects.expected.json").read_text("utf-8")
    )
    expected["title"] = "An older reading of the headline"
    stale_expected = tmp_path / "stale.expected.json"
    stale_text = json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    stale_expected.write_text(stale_text, encoding="utf-8")
    shutil.copy(FIXTURES / "rthk" / "ch_2023_theme_forum.html", tmp_path / "new.html")

    done = check(tmp_path)

    assert done.returncode == 1
    assert f"differs: {stale_expected}" in done.stdout
    assert f"differs: {tmp_path / 'new.expected.json'}" in done.stdout
    assert stale_expected.read_text(encoding="utf-8") == stale_text
    assert not (tmp_path / "new.expected.json").exists()

"""`python -m bench.check_labels --help` says how to call it and reads no labels: a probe writer
asking for help must not be shown the blind set's events."""

from __future__ import annotations

import pytest

from bench import check_labels


def test_help_reads_no_labels(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read_labels(quiet: bool = False) -> check_labels.Checker:
        raise AssertionError("--help read the labels")

    monkeypatch.setattr(check_labels, "check_all", read_labels)
    with pytest.raises(SystemExit) as ended:
        check_labels.main(["--help"])
    assert ended.value.code == 0
    assert "--quiet" in capsys.readouterr().out

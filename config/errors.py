"""The one error every config file raises: which file, which key, what is wrong with it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError


class ConfigError(Exception):
    """A config file or setting that cannot be used. The message is one line naming the file (or
    environment variable), the key and the reason, because the person reading it has to find
    the line to fix; running on defaults instead would do something they did not ask for."""


def explain(exc: ValidationError, labels: Sequence[str] = ()) -> str:
    """Pydantic's errors as `key: reason; key: reason`, with list positions turned into the
    labels a person can find (`source #2 (id 'x')`) where the caller gives them."""
    parts = []
    for error in exc.errors():
        where = [_place(part, labels) for part in error["loc"]]
        message = explain_one(error)
        key = ".".join(p for p in where if p)
        parts.append(f"{key}: {message}" if key else message)
    return "; ".join(parts)


def explain_one(error: Any) -> str:
    """One pydantic error's reason, in our words where pydantic's would puzzle."""
    if error["type"] == "extra_forbidden":
        return "Extra inputs are not permitted (an unknown key: a typo would otherwise be ignored)"
    return str(error["msg"]).removeprefix("Value error, ")


def _place(part: Any, labels: Sequence[str]) -> str:
    if isinstance(part, int):
        return labels[part] if part < len(labels) else f"#{part + 1}"
    return str(part)


def invalid(path: Path, exc: ValidationError, labels: Sequence[str] = ()) -> ConfigError:
    return ConfigError(f"{path}: {explain(exc, labels)}")

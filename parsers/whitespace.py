"""Readable plain text: the one whitespace rule every parser (feeds and articles) applies."""

from __future__ import annotations

import re

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
_SPACES = re.compile(r"[\s\u00a0\u3000\u2000-\u200a\u202f\u205f]+")


def clean_text(text: str) -> str:
    """One line of readable text: invisible characters gone, every run of whitespace one space.

    Full-width (ideographic) spaces count as whitespace: Chinese pages indent with them.
    """
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()

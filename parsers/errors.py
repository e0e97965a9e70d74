"""The one error a parser raises: input that cannot yield a record at all."""

from __future__ import annotations


class ParseError(Exception):
    """Input that cannot yield a record at all; the message says what was wrong with it."""

"""One module per publisher, each defining `PUBLISHERS: tuple[Publisher, ...]` (../README.md)."""

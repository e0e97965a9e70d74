"""The declarative publisher registry: every `PUBLISHERS` tuple in `parsers.article.publishers`.

Adding a publisher is adding a module there; nothing here changes. Lookup is by host: the most
specific registered domain that equals the host or is a parent of it wins.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from parsers.article import publishers
from parsers.article.base import Publisher


class RegistryError(Exception):
    """Two publishers claim the same domain, or a module's PUBLISHERS is missing or malformed."""


@cache
def all_publishers() -> tuple[Publisher, ...]:
    """Every registered publisher, in module name order."""
    found: list[Publisher] = []
    for info in sorted(pkgutil.iter_modules(publishers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{publishers.__name__}.{info.name}")
        entries = getattr(module, "PUBLISHERS", None)
        if entries is None:
            raise RegistryError(
                f"{module.__name__} has no PUBLISHERS: every module in publishers/ registers one "
                "(helpers several publishers share belong in parsers/article/)"
            )
        if not all(isinstance(p, Publisher) for p in entries):
            raise RegistryError(f"{module.__name__}.PUBLISHERS must hold Publisher entries")
        found.extend(entries)
    return tuple(found)


@cache
def _domain_map() -> dict[str, Publisher]:
    mapping: dict[str, Publisher] = {}
    for publisher in all_publishers():
        for domain in publisher.domains:
            domain = domain.lower().lstrip(".")
            if domain in mapping and mapping[domain] is not publisher:
                raise RegistryError(
                    f"{domain} is claimed by {mapping[domain].name} and {publisher.name}"
                )
            mapping[domain] = publisher
    return mapping


def publisher_for(host: str) -> Publisher | None:
    """The publisher whose most specific domain covers this host, or None."""
    labels = host.lower().rstrip(".").split(".")
    mapping = _domain_map()
    for start in range(len(labels) - 1):
        found = mapping.get(".".join(labels[start:]))
        if found is not None:
            return found
    return None

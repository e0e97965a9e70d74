"""The User-Agent we send and match robots.txt rules against.

It names the project and its version, and, when the person running it fills in `[fetch] contact`,
how a site owner can reach them. No homepage is made up: a site that wants to complain should
reach whoever runs this copy, not a URL that belongs to nobody.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from config.settings import FetchSettings

PRODUCT = "hzhk-tracker"  # the token robots.txt groups address (`User-agent: hzhk-tracker`)


def project_version() -> str:
    try:
        return version(PRODUCT)
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0"


def user_agent(settings: FetchSettings) -> str:
    """`[fetch] user_agent` verbatim when set, else name/version (news monitoring; contact)."""
    if settings.user_agent.strip():
        return settings.user_agent.strip()
    contact = settings.contact.strip()
    detail = f"news monitoring; contact: {contact}" if contact else "news monitoring"
    return f"{PRODUCT}/{project_version()} ({detail})"

"""Language labels from feeds (`zh-cn`, `zh_HK`, GDELT's "Chinese") to our tags."""

from __future__ import annotations

SIMPLIFIED_REGIONS = frozenset({"cn", "sg", "my", "hans"})
TRADITIONAL_REGIONS = frozenset({"hk", "tw", "mo", "hant"})
# GDELT names a language, not a script; its source country decides the script where it can.
TRADITIONAL_COUNTRIES = frozenset({"hong kong", "taiwan", "macau", "macao"})
SIMPLIFIED_COUNTRIES = frozenset({"china", "singapore", "malaysia"})


def language_tag(label: str | None) -> str | None:
    """`en`, `zh-Hans` or `zh-Hant`; None when the label is absent, another language, or a
    bare `zh` that does not say which script."""
    if not label:
        return None
    parts = label.strip().lower().replace("_", "-").split("-")
    if parts[0] in {"en", "eng", "english"}:
        return "en"
    if parts[0] not in {"zh", "zho", "chi", "chinese", "yue", "cmn"}:
        return None
    regions = set(parts[1:])
    if regions & TRADITIONAL_REGIONS:
        return "zh-Hant"
    if regions & SIMPLIFIED_REGIONS:
        return "zh-Hans"
    return None


def gdelt_language(name: str | None, country: str | None) -> str | None:
    """GDELT's language name plus its source country to our tag."""
    tag = language_tag(name)
    if tag is not None or not name or name.strip().lower() != "chinese":
        return tag
    place = (country or "").strip().lower()
    if place in TRADITIONAL_COUNTRIES:
        return "zh-Hant"
    if place in SIMPLIFIED_COUNTRIES:
        return "zh-Hans"
    return None

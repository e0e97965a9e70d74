"""Turning page bytes into text: the one decoder both the fetcher and `hzhk extract` use.

Order of evidence: a byte-order mark (unambiguous, as in the WHATWG encoding spec), the HTTP
header, `<meta>` / the XML declaration, then charset-normalizer's guess. Declared charsets are
often wrong on Chinese sites, so a declaration is only trusted if the bytes decode under it
cleanly and the result is not mojibake; valid multi-byte UTF-8 beats any legacy declaration (it is
almost never accidental).

A clean decode is not enough for Chinese: Big5 bytes read as GBK (or the reverse) are mostly
valid but produce nonsense characters. charset-normalizer's `mess_ratio` scores such text far
above real prose (about 3.9 against 0.02 on a Big5 news paragraph read as GBK), so a legacy
declaration whose text scores above MESS_LIMIT is compared with the other likely charsets, and
replaced when one of them reads clearly better.

A page cut off in transfer (a size cap, a dropped connection, a partial save) can end in the
middle of a multi-byte character. Read strictly, those last bytes would disqualify the right
charset and let the detector pick a one-byte codec that garbles the whole page, so a charset that
fails only on an incomplete final character is used anyway: the partial character is dropped and
the result says `truncated`, which the article record reports as a problem.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from records.fetch import Decoded

# Legacy names decoded with their supersets, so characters outside the old tables survive.
SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "big5-tw": "big5hkscs",
    "cp950": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)["']""", re.I)
_TAG = re.compile(r"<[^>]*>")

# charset-normalizer's own default threshold for "this decoding is chaos".
MESS_LIMIT = 0.2
# Characters of tag-free non-ASCII text scored; plenty to tell prose from mojibake, and cheap.
MESS_SAMPLE = 20_000
# What a wrong legacy declaration most often hides on the sites we read.
LIKELY_CHARSETS = ("utf-8", "gb18030", "big5hkscs")

# The most bytes a charset we read leaves pending at the end of a cut page: three bytes of a
# four-byte UTF-8 or GB18030 character. A longer pending tail is not a cut character.
MAX_INCOMPLETE = 3

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_\-:.]+)""", re.I)


def normalise(name: str | None) -> str | None:
    """A Python codec name for a declared charset, upgraded to its superset; None if unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    label = SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    found = _HEADER_CHARSET.search(content_type)
    return found.group(1) if found else None


def sniff_declared(data: bytes) -> str | None:
    """The charset a document declares about itself in its first 4 KB (meta or XML declaration)."""
    head = data[:4096]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii", "replace") if found else None


def _clean(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _read(data: bytes, codec: str) -> tuple[str, bool] | None:
    """(text, truncated): a clean decode, or one that fails only on an incomplete last character.

    The incremental decoder tells the two apart: it keeps a cut character's bytes pending instead
    of raising, while a wrong byte anywhere (the last one included, for UTF-8) still raises.
    """
    try:
        return data.decode(codec), False
    except LookupError:
        return None
    except UnicodeDecodeError as error:
        if error.start < len(data) - MAX_INCOMPLETE:  # fails before the tail: a wrong charset
            return None
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    pending, _ = decoder.getstate()
    if not pending or len(pending) > MAX_INCOMPLETE:
        return None
    return text, True


def _multibyte_utf8(data: bytes) -> tuple[str, bool] | None:
    """The UTF-8 reading of bytes that hold at least one complete multi-byte character."""
    if data.isascii():
        return None
    read = _read(data, "utf-8")
    return None if read is None or read[0].isascii() else read


def mess(text: str) -> float:
    """How garbled the non-ASCII prose of a page reads (0 = clean), ignoring markup."""
    parts: list[str] = []
    size = 0
    for segment in _TAG.split(text):
        if not segment.isascii():
            parts.append(segment)
            size += len(segment)
            if size >= MESS_SAMPLE:
                break
    sample = "\n".join(parts)[:MESS_SAMPLE]
    return float(mess_ratio(sample, maximum_threshold=1.0)) if sample else 0.0


def _less_messy(data: bytes, declared: str, declared_mess: float) -> tuple[str, str, bool] | None:
    """(codec, text, truncated) of a charset reading the bytes clearly better than the declared."""
    candidates = list(LIKELY_CHARSETS)
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and (codec := normalise(guess.encoding)):
        candidates.insert(0, codec)
    best: tuple[float, str, str, bool] | None = None
    for codec in dict.fromkeys(candidates):
        if codec == declared or (read := _read(data, codec)) is None:
            continue
        score = mess(read[0])
        if best is None or score < best[0]:
            best = (score, codec, *read)
    if best is not None and best[0] <= MESS_LIMIT and best[0] < declared_mess / 2:
        return best[1], best[2], best[3]
    return None


def decode_html(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode a page's bytes to text; never raises, at worst replaces undecodable bytes."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, "replace"), codec, codec, "bom", False)

    declared_raw = header_charset(content_type)
    source = "header"
    declared = normalise(declared_raw)
    if declared is None:
        declared_raw = sniff_declared(data)
        source = "meta"
        declared = normalise(declared_raw)

    if declared is not None:
        utf8_family = declared.startswith("utf")
        if not utf8_family and (utf8 := _multibyte_utf8(data)) is not None:
            return Decoded(utf8[0], "utf-8", declared_raw, "utf-8", True, utf8[1])
        read = _read(data, declared)
        if read is not None:
            text, truncated = read
            if not utf8_family and not data.isascii() and (garbled := mess(text)) > MESS_LIMIT:
                better = _less_messy(data, declared, garbled)
                if better is not None:
                    codec, text, truncated = better
                    return Decoded(text, codec, declared_raw, "detected", True, truncated)
            return Decoded(text, declared, declared_raw, source, False, truncated)
    elif (utf8 := _read(data, "utf-8")) is not None:
        return Decoded(utf8[0], "utf-8", None, "utf-8", False, utf8[1])

    guess = from_bytes(data[:200_000]).best()
    if guess is not None:
        codec = normalise(guess.encoding) or "utf-8"
        guessed = _clean(data, codec)
        if guessed is not None:
            return Decoded(guessed, codec, declared_raw, "detected", declared is not None)
    codec = declared or "utf-8"
    return Decoded(data.decode(codec, "replace"), codec, declared_raw, "fallback", False)

"""Text cleaning and boilerplate tests shared by every article parser.

Pages mix the article with captions, bylines, share bars and copyright lines inside the same
container; parsers keep their selectors simple and let these line-level tests drop the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.whitespace import clean_text

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NOT_CJK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaff]+")
_SPACES = re.compile(r"\s+")

# A caption credit ending a line: "[Photo/Xinhua]", "(Photo by Li Ming)", "（新华社记者 王明 摄）".
_CAPTION = re.compile(
    r"""(
        [\[(（【]\s*(photo|image|picture|video|file\ photo|图|圖|图片|圖片|摄影|攝影)
          [^\])）】]{0,80}[\])）】]
      | [\[(（]\s*(xinhua|ic|vcg|cfp|afp|reuters|ap|getty\ images)\s*/[^\])）]{0,60}[\])）]
      | [（(][^（()）]{0,40}(摄|攝)\s*[）)]
    )\s*$
    | ^\s*(photo|图片|圖片)\s*[:：/]""",
    re.I | re.X,
)

_SOCIAL = r"facebook|twitter|weibo|wechat|微信|微博|linkedin|whatsapp|email|e-mail|x|print"

_BOILERPLATE = re.compile(
    r"""^(
        (copyright|©|\(c\))\b.* | .*\ball\ rights\ reserved\b.* | .*版权所有.* | .*版權所有.*
      | (share|share\ this(\ article|\ story)?|分享到|分享|分享至|轉發|转发)\s*[:：]?.{0,40}
      | (related(\ (stories|news|articles|reading|coverage|posts?))?|read\ more|more\ on\ this
         |see\ also|相关(新闻|阅读|报道|链接)|相關(新聞|閱讀|報道|連結)|延伸阅读|延伸閱讀|推荐阅读
         |推薦閱讀)\s*([:：].{0,100})?
      | [\[【(（]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|editor)\s*[:：].{0,40}
      | (来源|來源|source)\s*[:：].{0,40}
      | (by|作者|记者|記者|撰文|文)\s*[:：/].{0,40}
      | (记者|記者|作者|编辑|編輯|责任编辑|責任編輯)\s+[\u4e00-\u9fff·]{2,6}
        (\s+[\u4e00-\u9fff·]{2,6}){0,3}
      | \d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}[:：]\d{2}([:：]\d{2})?)?
        (\s*(来源|來源|source)\s*[:：].{0,40})?
      | by\ [\w.'’\- ]{2,60}(\ (in|and)\ [\w .'’\-]{2,40})?
      | (advertisement|广告|廣告|subscribe(\ now)?|sign\ up.*newsletter.*|打印|列印|关闭|關閉
         |返回顶部|返回頂部)
      | ({social})(\s*[|/·]\s*({social}))+
    )$""".replace("{social}", _SOCIAL),
    re.I | re.X | re.S,
)


def is_caption(line: str) -> bool:
    """A photo caption or credit, which the record keeps apart from the body."""
    return bool(_CAPTION.search(line))


def is_boilerplate(line: str) -> bool:
    """A byline, share bar, related-stories header, editor or copyright line: not the article."""
    return bool(_BOILERPLATE.match(line))


def split_body(lines: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(body paragraphs, captions) from raw paragraph texts, cleaned, deduplicated, in order."""
    body: list[str] = []
    captions: list[str] = []
    seen: set[str] = set()
    for raw in lines:
        line = clean_text(raw)
        if not line or line in seen:
            continue
        if len(line) >= 40:  # repeated captions and teasers; short lines may repeat legitimately
            seen.add(line)
        if is_caption(line):
            captions.append(line)
        elif not is_boilerplate(line):
            body.append(line)
    return tuple(body), tuple(captions)


# An opinion page's closing line about its writer: "Alice Wu is a political consultant …".
BIO_MAX_CHARS = 300
_BIO_VERB = re.compile(r"\s+is\s+(a|an|the)\s", re.I)


def drop_author_bio(body: tuple[str, ...], authors: tuple[str, ...]) -> tuple[str, ...]:
    """The body without a last paragraph that only introduces one of the page's own authors.

    Columns end with a line about the columnist inside the article text (SCMP puts it in the
    same paragraph list as the story); it describes the writer, not the news. Only the last
    paragraph, only when short and opening with an author's name followed by "is a/an/the".
    """
    if not body or not authors:
        return body
    last = body[-1]
    if len(last) > BIO_MAX_CHARS:
        return body
    for name in authors:
        if name and last.startswith(name) and _BIO_VERB.match(last, len(name)):
            return body[:-1]
    return body


def cjk_ratio(text: str) -> float:
    """Share of CJK ideographs among non-space characters; 0.0 for empty text.

    It runs on every page's text, so both counts are what is left once the regex engine has cut
    out the runs of other characters: a Chinese page's few runs of punctuation, an English page's
    one long run. Listing every ideograph as a match made a string per character (0.39 → 0.09 ms
    for 4,000 characters of Chinese, the same for English)."""
    visible = len(_SPACES.sub("", text))
    if not visible:
        return 0.0
    return len(_NOT_CJK.sub("", text)) / visible


_SUFFIX_SEPARATORS = re.compile(r"\s+[|\-–—·•:]\s+|\s*[|_｜]\s*|\s*--\s*|\s+-\s*|\s*-\s+")
_NAME_SEPARATORS = (" | ", " - ", " – ", " — ", "_", "|", "｜", " : ", "--", "-")


def _without_name(title: str, name: str) -> str | None:
    """The title without `name` at its end or its start (with a separator), else None.

    A name opens the title only before a separator that cannot be part of a word ("China
    Daily-sponsored …" keeps its name); Chinese titles also open with "site column headline",
    separated by spaces.
    """
    for sep in _NAME_SEPARATORS:
        if title.endswith(sep + name):
            return title[: -len(sep + name)]
        if sep != "-" and title.startswith(name + sep):
            return title[len(name + sep) :]
    if _CJK.search(name) and title.startswith(name + " "):
        return title[len(name) + 1 :]
    return None


def _strip_known(title: str, names: list[str]) -> str:
    """The title without every known name at either end, repeatedly, so that
    "headline - section - site" loses both when both are known."""
    while True:
        for name in names:
            rest = _without_name(title, name) if name != title else None
            if rest is not None and clean_text(rest):
                title = clean_text(rest)
                break
        else:
            return title


def strip_known_names(title: str, site_names: Iterable[str]) -> str:
    """A headline without the known site names at either end, and nothing else cut: for a
    headline the page displays, where a short last segment is the headline's own ("… - video")."""
    names = [n for n in (clean_text(name) for name in site_names) if n]
    return _strip_known(clean_text(title), names)


def strip_site_suffix(title: str, site_names: Iterable[str] = ()) -> str:
    """A headline without the site name pages add: "… - 新华网", "… | CBC News", "…_中国日报网",
    "news.gov.hk - …".

    Known site names (the parser's list, og:site_name, the JSON-LD publisher) are removed wherever
    they end or open the title, and nothing else is: a headline with its own separators survives.
    Without a known name a last segment is dropped only when it is short next to what precedes it,
    so a headline that itself contains a dash survives too.
    """
    title = clean_text(title)
    names = [n for n in (clean_text(name) for name in site_names) if n]
    known = _strip_known(title, names)
    if known != title:
        return known
    parts = _SUFFIX_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    head = title[: title.rfind(parts[-1])].rstrip(" |-–—·•:_｜")
    tail = parts[-1]
    head_length = len(clean_text(head))
    if _CJK.search(tail):
        short_tail = len(tail) <= 12 and head_length >= max(4, len(tail))
    else:
        short_tail = len(tail.split()) <= 4 and len(tail) <= 30
        short_tail = short_tail and head_length >= max(8, 2 * len(tail))
    if short_tail:
        return strip_site_suffix(clean_text(head)) if len(parts) > 2 else clean_text(head)
    return title

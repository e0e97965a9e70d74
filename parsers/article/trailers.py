"""The end matter Hong Kong press offices append to a release (no publisher here).

HKTDC and InvestHK releases end with media contacts and an "About us" paragraph inside the same
container as the story; everything from the first such heading on is not the article.
"""

from __future__ import annotations

import re

# Headings that open the end matter, in English, Traditional and Simplified Chinese.
TRAILER = re.compile(
    r"^(media\s+enquiries|for\s+media\s+enquiries|press\s+enquiries|about\s+(the\s+)?(hktdc|"
    r"hong\s+kong\s+trade\s+development\s+council|invest\s*hong\s*kong|investhk)\b|"
    r"傳媒查詢|媒體查詢|媒体查询|传媒查询|香港貿發局簡介|香港贸发局简介|關於投資推廣署|关于投资推广署|"
    r"關於香港貿發局|关于香港贸发局)",
    re.I,
)
# Download links for the release's photos: a pointer to the pictures, not text.
PHOTO_DOWNLOAD = re.compile(
    r"^(photo\s+download|圖片下載|图片下载|相片下載|相片下载)\s*[:：]", re.I
)


def cut_trailer(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs before the first end-matter heading, without photo-download lines."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if TRAILER.match(paragraph):
            break
        if not PHOTO_DOWNLOAD.match(paragraph):
            kept.append(paragraph)
    return tuple(kept)

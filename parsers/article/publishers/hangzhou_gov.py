"""Hangzhou Municipal Government: its Chinese portal www.hangzhou.gov.cn and its English site
eng.hangzhou.gov.cn, both Hanweb sites, and the bureaus' sites under hangzhou.gov.cn.

Article URLs: `/art/YYYY/M/D/art_<column id>_<article id>.html`.
"""

from __future__ import annotations

import re

from parsers.article.base import Page, Publisher
from parsers.article.hanweb import HanwebArticle

_ID_IN_URL = re.compile(r"/art_(\d+_\d+)\.html")


class HangzhouGov(HanwebArticle):
    title_suffixes = ("Hangzhou, China", "杭州市人民政府门户网站")

    def get_external_id(self, page: Page) -> str | None:
        found = _ID_IN_URL.search(page.url)
        return found.group(1) if found else None


PUBLISHERS = (
    Publisher(
        name="hangzhou_gov",
        label="Hangzhou Municipal Government",
        domains=("hangzhou.gov.cn",),
        versions=(HangzhouGov,),
    ),
)

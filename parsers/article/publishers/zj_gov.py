"""Zhejiang Provincial Government's Chinese portal, www.zj.gov.cn (a Hanweb site).

Article URLs: `/art/YYYY/M/D/art_<column id>_<article id>.html`. The `<title>` is
"浙江省人民政府 <column> <headline>", so the headline comes from the ArticleTitle meta.
"""

from __future__ import annotations

import re

from parsers.article.base import Page, Publisher
from parsers.article.hanweb import HanwebArticle

_ID_IN_URL = re.compile(r"/art_(\d+_\d+)\.html")


class ZhejiangGov(HanwebArticle):
    title_suffixes = ("浙江省人民政府",)

    def get_external_id(self, page: Page) -> str | None:
        found = _ID_IN_URL.search(page.url)
        return found.group(1) if found else None


PUBLISHERS = (
    Publisher(
        name="zj_gov",
        label="Zhejiang Provincial Government",
        domains=("zj.gov.cn",),
        versions=(ZhejiangGov,),
    ),
)

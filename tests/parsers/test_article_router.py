"""Which parser reads a page: publisher by domain (most specific wins), generic otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
import soupsieve

from parsers.article import parse_article
from parsers.article.base import ArticleParser, load_page
from parsers.article.publishers.chinadaily import ChinaDailyEnglish, ChinaDailyLegacy
from parsers.article.registry import all_publishers, publisher_for
from parsers.article.router import routing_host
from parsers.errors import ParseError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
CD_ENGLISH = FIXTURES / "chinadaily" / "en-2019-hk-hangzhou-forum.html"

ARTICLE = b"""<html><head><title>Hangzhou opens a new park - Some Site</title></head>
<body><article><h1>Hangzhou opens a new park</h1>
<p>Hangzhou opened a riverside park on Sunday, the city's parks department said in a notice.</p>
<p>The park links two existing green belts along the Qiantang River and has cycling lanes.</p>
<p>Officials said the project took three years and was paid for by the district government.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    ("host", "parser"),
    [
        ("www.chinadaily.com.cn", "chinadaily"),
        ("chinadaily.com.cn", "chinadaily"),
        ("zhejiang.chinadaily.com.cn", "chinadaily"),  # regional English subsite
        ("cn.chinadaily.com.cn", "chinadaily-cn"),  # more specific domain wins
        ("china.chinadaily.com.cn", "chinadaily-cn"),
        ("www.chinadailyhk.com", "chinadailyhk"),
        ("www.scmp.com", "scmp"),
        ("WWW.SCMP.COM.", "scmp"),
    ],
)
def test_publisher_is_chosen_by_domain_and_subdomain(host: str, parser: str) -> None:
    found = publisher_for(host)
    assert found is not None and found.name == parser


@pytest.mark.parametrize("host", ["notscmp.com", "scmp.com.evil.example", "example.com", ""])
def test_lookalike_and_unknown_hosts_have_no_publisher(host: str) -> None:
    assert publisher_for(host) is None


def test_every_registered_domain_has_one_publisher() -> None:
    domains = [d for p in all_publishers() for d in p.domains]
    assert len(domains) == len(set(domains))
    for publisher in all_publishers():
        assert publisher.versions, publisher.name
        # every version but the newest has an end date
        assert all(v.valid_until is not None for v in publisher.versions[:-1]), publisher.name


def test_unknown_site_goes_to_the_generic_parser() -> None:
    record = parse_article(ARTICLE, "https://parks.example.org/news/1")
    assert record.parser == "generic"
    assert record.title == "Hangzhou opens a new park"
    assert len(record.body) == 3


def test_publisher_page_without_its_layout_falls_back_to_generic_and_keeps_the_publisher() -> None:
    record = parse_article(ARTICLE, "https://www.chinadaily.com.cn/a/202401/01/WS0.html")
    assert record.parser == "generic"
    assert record.publisher == "China Daily"
    assert record.body


def test_a_saved_file_is_routed_by_its_canonical_link() -> None:
    record = parse_article(CD_ENGLISH.read_bytes(), CD_ENGLISH.resolve().as_uri())
    assert record.parser == "chinadaily"
    assert record.canonical_url.startswith("https://www.chinadaily.com.cn/a/201906/18/")


def test_a_saved_government_page_is_routed_by_its_url_meta_tag() -> None:
    page = ARTICLE.replace(
        b"<head>",
        b'<head><meta name="Url" content="https://www.hangzhou.gov.cn/art/2025/4/24/art_1.html">',
    )
    assert routing_host(load_page(page.decode(), "file:///tmp/saved.html")) == "www.hangzhou.gov.cn"


def test_a_caption_nested_in_another_caption_is_read_once() -> None:
    class Nested(ArticleParser):
        body_selector = "article"
        caption_selector = ".cap"

    html = ARTICLE.decode().replace(
        "<article>",
        '<article><figure class="cap"><img src="a.jpg">'
        '<figcaption class="cap">A riverside view [Photo/Xinhua]</figcaption></figure>',
    )
    body, captions, images = Nested().get_body(load_page(html, "https://x.test/a"))
    assert captions == ("A riverside view [Photo/Xinhua]",)
    assert images[0].caption == "A riverside view [Photo/Xinhua]"
    assert len(body) == 3 and not any("riverside view" in p for p in body)


def test_layout_version_follows_the_publication_date() -> None:
    publisher = publisher_for("www.chinadaily.com.cn")
    assert publisher is not None
    legacy_page = load_page(
        (FIXTURES / "chinadaily" / "en-2016-legacy-g20.html").read_text(encoding="utf-8"),
        "http://www.chinadaily.com.cn/china/2016-09/08/content_26735521.htm",
    )
    current_page = load_page(CD_ENGLISH.read_text(encoding="utf-8"), "https://x.chinadaily.com.cn/")
    legacy_first = publisher.pick(legacy_page, ChinaDailyEnglish().get_published(legacy_page))[0]
    current_first = publisher.pick(current_page, ChinaDailyEnglish().get_published(current_page))[0]
    assert type(legacy_first) is ChinaDailyLegacy
    assert type(current_first) is ChinaDailyEnglish


def test_the_record_names_the_parser_that_produced_it() -> None:
    record = parse_article(CD_ENGLISH.read_bytes(), "https://www.chinadaily.com.cn/a/x.html")
    assert (record.parser, record.publisher) == ("chinadaily", "China Daily")


def test_every_selector_of_every_registered_version_compiles() -> None:
    for publisher in all_publishers():
        for version in publisher.versions:
            selectors = [
                getattr(version, name)
                for name in dir(version)
                if name.endswith("_selector") and isinstance(getattr(version, name), str)
            ]
            for selector in [*selectors, *version.exclude_selectors]:
                try:
                    soupsieve.compile(selector)
                except soupsieve.SelectorSyntaxError as exc:
                    pytest.fail(f"{publisher.name}.{version.__name__}: {selector!r}: {exc}")


def test_a_parser_bug_surfaces_as_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object, page: object) -> object:
        raise KeyError("a bug in a parser")

    monkeypatch.setattr(ChinaDailyEnglish, "extract", broken)
    with pytest.raises(ParseError, match="KeyError"):
        parse_article(CD_ENGLISH.read_bytes(), "https://www.chinadaily.com.cn/a/x.html")

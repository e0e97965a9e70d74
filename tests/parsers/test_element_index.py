"""Page-wide selectors answered from the page's element index find exactly what soupsieve finds,
in the same order; any selector the index cannot answer goes to soupsieve."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from parsers.article.base import Page
from parsers.article.element_index import ElementIndex, classes_of, compile_simple
from parsers.article.registry import all_publishers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = sorted(FIXTURES.rglob("*.html"))


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def declared_selectors() -> list[str]:
    """Every selector a publisher's layout versions name, and each of a list's parts."""
    found: set[str] = set()
    for publisher in all_publishers():
        for version in publisher.versions:
            for attr in dir(version):
                value = getattr(version, attr)
                if attr.endswith("_selector") and isinstance(value, str):
                    found.add(value)
                if attr.endswith("_selectors") and isinstance(value, tuple):
                    found.update(v for v in value if isinstance(v, str))
    parts = {part.strip() for s in found for part in s.split(",")}
    return sorted(found | parts)


def same(soup: BeautifulSoup, selector: str) -> None:
    chains = compile_simple(selector)
    assert chains is not None, selector
    ours = ElementIndex(soup).select(chains)
    theirs = [t for t in soup.select(selector) if isinstance(t, Tag)]
    assert [id(t) for t in ours] == [id(t) for t in theirs], selector


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_publishers_selectors_find_what_soupsieve_finds_on_every_fixture_page(page: Path) -> None:
    soup = soup_of(page.read_text(encoding="utf-8", errors="replace"))
    for selector in declared_selectors():
        if compile_simple(selector) is not None:
            same(soup, selector)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_names_ids_and_classes_of_the_page_find_what_soupsieve_finds(page: Path) -> None:
    """Selectors made from what is on the page, so that most of them match something: single
    compounds, descendant chains and lists, in a seeded random sample."""
    soup = soup_of(page.read_text(encoding="utf-8", errors="replace"))
    tags = [t for t in soup.find_all(True) if isinstance(t, Tag)]
    rng = random.Random(page.name)

    def compound() -> str:
        tag = rng.choice(tags)
        word = tag.name if rng.random() < 0.6 else ""
        ident = tag.get("id")
        if isinstance(ident, str) and compile_simple("#" + ident) and rng.random() < 0.5:
            word += "#" + ident
        for name in classes_of(tag):
            if compile_simple("." + name) and rng.random() < 0.6:
                word += "." + name
        return word or tag.name

    for _ in range(40):
        chain = " ".join(compound() for _ in range(rng.randint(1, 3)))
        selector = chain if rng.random() < 0.7 else f"{chain}, {compound()}"
        if compile_simple(selector) is not None:
            same(soup, selector)


def test_what_a_template_holds_is_not_on_the_page() -> None:
    soup = soup_of(
        "<div class='a'><template><p class='a'>held</p></template><p class='a'>shown</p></div>"
        "<template><p class='a'>held too</p></template>"
    )
    for selector in (".a", "p", "div p", "template", "p.a, template"):
        same(soup, selector)


def test_classes_and_ids_match_case_sensitively_and_names_do_not() -> None:
    soup = soup_of("<DIV id='Main' class='Story lead'><P class='story'>x</P></DIV>")
    for selector in (".Story", ".story", "#Main", "#main", "DIV P", "div.lead.Story p.story"):
        same(soup, selector)


@pytest.mark.parametrize(
    "selector",
    [
        "a:last-of-type",
        "p[align=center] > font",
        "div > p",
        "h1 + p",
        "*",
        "#1abc",
        ".a\\:b",
        "p,",
        "",
        "script[type='application/ld+json']",
    ],
)
def test_other_selectors_are_left_to_soupsieve(selector: str) -> None:
    assert compile_simple(selector) is None


def test_the_page_answers_from_its_index_and_from_soupsieve_alike() -> None:
    page = Page(
        "https://example.com/a.html",
        "<div class='story'><h1>Title</h1><p>one</p><p>two</p></div><p>after</p>",
    )
    assert [t.get_text() for t in page.select(".story p")] == ["one", "two"]
    assert [t.get_text() for t in page.select(".story > p")] == ["one", "two"]
    assert page.select_one("p:last-of-type") is not None
    found = page.select_one(".story h1")
    assert found is not None and found.get_text() == "Title"
    assert page.select_one(".missing") is None

"""The publisher parsers read the page's lxml tree as they read BeautifulSoup's before it: the
same elements for every selector, the same text, and removals that keep the text around them
apart. BeautifulSoup and soupsieve (still the feeds' parsers) are the oracle, on every fixture
page and the demo site's pages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from lxml.html import HtmlElement

from parsers.article import elements
from parsers.article.base import Page
from parsers.article.metadata import parse_tree
from parsers.article.registry import all_publishers
from parsers.whitespace import clean_text

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    [*(ROOT / "tests" / "fixtures").rglob("*.htm*"), *(ROOT / "demo" / "site").rglob("*.htm*")]
)


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
    parts = {part.strip() for s in found for part in s.split(",") if "(" not in s}
    return sorted(found | parts)


class Both:
    """One page as both trees, and each element's position in document order in both."""

    def __init__(self, html: str) -> None:
        self.page = Page("https://example.com/a.html", html)
        root = self.page.tree
        assert root is not None
        self.root: HtmlElement = root
        self.ours = [e for e in root.iter() if isinstance(e.tag, str)]
        self.soup = BeautifulSoup(html, "lxml")
        self.theirs = [t for t in self.soup.find_all(True) if isinstance(t, Tag)]
        self.our_place = {id(e): i for i, e in enumerate(self.ours)}
        self.their_place = {id(t): i for i, t in enumerate(self.theirs)}

    def ours_for(self, selector: str) -> list[int]:
        return [self.our_place[id(e)] for e in self.page.select(selector)]

    def theirs_for(self, selector: str) -> list[int]:
        return [self.their_place[id(t)] for t in self.soup.select(selector) if isinstance(t, Tag)]


def both(page: Path) -> Both:
    return Both(page.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_lxml_builds_the_tree_beautifulsoup_built_element_for_element(page: Path) -> None:
    pages = both(page)
    assert [e.tag for e in pages.ours] == [t.name for t in pages.theirs]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_publisher_selector_finds_what_soupsieve_finds(page: Path) -> None:
    pages = both(page)
    for selector in declared_selectors():
        assert pages.ours_for(selector) == pages.theirs_for(selector), selector


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_selectors_made_from_the_page_find_what_soupsieve_finds(page: Path) -> None:
    """Selectors made from what is on the page, so that most of them match something: names,
    ids, classes and attributes, chained by each combinator, in a seeded random sample."""
    pages = both(page)
    rng = random.Random(page.name)

    def compound() -> str:
        tag = rng.choice(pages.theirs)
        word = tag.name if rng.random() < 0.6 else ""
        ident = tag.get("id")
        if isinstance(ident, str) and ident.isidentifier() and rng.random() < 0.5:
            word += "#" + ident
        classes = tag.get("class")
        for name in classes if isinstance(classes, list) else []:
            if name.isidentifier() and rng.random() < 0.6:
                word += "." + name
        for attr in ("align", "name", "type"):
            value = tag.get(attr)
            if isinstance(value, str) and value.isidentifier() and rng.random() < 0.5:
                word += f'[{attr}="{value}"]'
        if rng.random() < 0.1:
            word = f"{word or tag.name}:has(img)"
        return word or tag.name

    for _ in range(40):
        parts = [compound() for _ in range(rng.randint(1, 3))]
        chain = parts[0]
        for part in parts[1:]:
            chain += rng.choice((" ", " > ", " + ", " ~ ")) + part
        selector = chain if rng.random() < 0.7 else f"{chain}, {compound()}"
        assert pages.ours_for(selector) == pages.theirs_for(selector), selector


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_elements_text_is_beautifulsoups_text(page: Path) -> None:
    pages = both(page)
    for ours, theirs in zip(pages.ours, pages.theirs, strict=True):
        assert clean_text(elements.text(ours, " ")) == clean_text(theirs.get_text(" ")), ours.tag


def tree_of(html: str) -> HtmlElement:
    tree = parse_tree(f"<html><body>{html}</body></html>")
    assert tree is not None
    return tree


def test_text_leaves_out_scripts_styles_templates_and_ruby_annotations() -> None:
    tree = tree_of(
        "<div>Hang<script>x()</script>zhou <style>p{}</style><template><p>t</p></template>"
        "<ruby>杭<rp>(</rp><rt>háng</rt><rp>)</rp></ruby>州</div>"
    )
    div = tree.find(".//div")
    assert elements.text(div, "|") == "Hang|zhou |杭|州"
    assert elements.text(tree.find(".//script")) == "x()"
    assert elements.text(tree.find(".//template")) == "t"


def test_a_removed_element_leaves_the_text_either_side_of_it_apart() -> None:
    tree = tree_of("<p>Hangzhou<span>, said</span>Hong Kong</p>")
    p = tree.find(".//p")
    elements.remove(p.find("span"))
    assert elements.text(p, " ") == "Hangzhou Hong Kong"
    assert elements.select(p, "span") == []


def test_a_removed_block_leaves_its_neighbours_side_by_side() -> None:
    """A script between a photo's paragraph and its centred caption, as the wire templates have
    it: once the script is out, the caption is the photo paragraph's next element again."""
    tree = tree_of(
        '<div><p><img src="a.jpg"></p>\n<script>x()</script>\n<p align="center">Caption</p></div>'
    )
    container = elements.detached_copy(tree.find(".//div"))
    photo, caption = elements.select(container, "p")
    elements.remove(elements.select_one(container, "script"))
    assert elements.next_element(photo) is caption
    assert elements.matches(caption, ':is(p, div):has(img) + p[align="center"]')
    assert clean_text(elements.text(container, " ")) == "Caption"


def test_the_next_element_skips_comments_and_removed_elements() -> None:
    tree = parse_tree(
        "<div><p>a</p><!-- c --><p>b</p>word<i>x</i>word<p>c</p></div>", comments=True
    )
    assert tree is not None
    first, second, third = tree.findall(".//p")
    assert elements.next_element(first) is second
    elements.remove(tree.find(".//i"))  # text touches it on both sides: it stays, nameless
    assert elements.next_element(second) is third
    assert elements.text(tree.find(".//div"), "|") == "a|b|word|word|c"


def test_an_element_inside_a_removed_one_is_no_longer_inside_the_container() -> None:
    tree = tree_of("<div><figure><figcaption>Photo</figcaption></figure><p>Text</p></div>")
    container = elements.detached_copy(tree.find(".//div"))
    caption = elements.select_one(container, "figcaption")
    assert caption is not None and elements.inside(caption, container)
    elements.remove(elements.select(container, "figure")[0])
    assert not elements.inside(caption, container)
    assert elements.text(container) == "Text"


def test_a_selection_from_an_element_finds_what_is_below_it_and_not_the_element_itself() -> None:
    tree = tree_of('<div class="c"><div class="c"><p>a</p></div></div>')
    outer = tree.find(".//div")
    assert [e.get("class") for e in elements.select(outer, ".c")] == ["c"]
    assert [e.text for e in elements.select(outer, ".c p")] == ["a"]  # the outer div counts


def test_a_detached_copy_leaves_the_page_and_its_text_after_it() -> None:
    tree = tree_of("<div><p>body</p></div>after")
    copy = elements.detached_copy(tree.find(".//div"))
    elements.remove(copy.find("p"))
    assert elements.text(tree.find(".//div")) == "body"
    assert copy.getparent() is None and copy.tail is None


def test_a_match_counts_the_elements_siblings() -> None:
    tree = tree_of('<p><img src="a.jpg"></p><p align="center">Caption</p><p align="center">No</p>')
    first, second = tree.findall(".//p")[1:]
    selector = ':is(p, div):has(img) + p[align="center"]'
    assert elements.matches(first, selector)
    assert not elements.matches(second, selector)


def test_a_bad_selector_is_refused_when_compiled() -> None:
    with pytest.raises(Exception, match="Expected"):
        elements.compiled("p[")

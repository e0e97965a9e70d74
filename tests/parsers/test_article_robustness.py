"""Random and mutated pages, fed to every registered parser version: a record or a ParseError.

The router turns any exception a parser raises into ParseError("could not parse …: <type>: …"),
so that one bad page cannot stop a batch; here that message means a bug and fails the test. The
deliberate refusals are the ones the router raises itself: empty, binary or non-HTML input, a page
over the size limit, and a page nested deeper than the tree libraries can recurse (a limit of
lxml/BeautifulSoup/soupsieve that a real article never reaches, refused with its own message
rather than treated as a bug). Whatever the router says, every registered version is then run on
the page directly, so a version the router never reached is still exercised. Every date a record
carries passes `parsers.dates.doubt` against the clock the caller gave.

Budgets come from the Hypothesis profile (tests/conftest.py): short in CI, 10,000 examples per
test under `python -m bench.fuzz`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.article import parse_article
from parsers.article.base import ArticleParser, Publisher, load_page
from parsers.article.generic import parse_generic
from parsers.article.registry import all_publishers
from parsers.dates import doubt, latest_for
from parsers.errors import ParseError
from records.articles import ArticleRecord
from tests.faults.strategies import NOW, hostile_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.rglob("*.html"))]
VERSIONS: list[tuple[Publisher, type[ArticleParser]]] = [
    (publisher, version) for publisher in all_publishers() for version in publisher.versions
]
URLS = [f"https://{p.domains[0]}/a/2019/06/18/story.html" for p in all_publishers()]

TAGS = ["<div>", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->"]
fragments = st.one_of(
    st.sampled_from(TAGS),
    st.text(max_size=30),
    st.sampled_from(['<meta name="publishdate" content="', '<script type="application/ld+json">']),
    st.sampled_from(['{"@type":"NewsArticle","author":[{"name":', '"datePublished":"2019-13-99"']),
)


def refused_deliberately(error: ParseError) -> bool:
    """A refusal the router means, not a parser's exception wrapped as "could not parse"."""
    cause = error.__cause__
    return "could not parse" not in str(error) and (
        cause is None or isinstance(cause, RecursionError)
    )


def parse_or_refuse(data: bytes, url: str) -> ArticleRecord | None:
    """The record, or None for a deliberate refusal; a wrapped parser exception fails the test.
    A record's dates must pass `doubt` for the clock given (NOW)."""
    try:
        record = parse_article(data, url, now=NOW)
    except ParseError as error:
        assert refused_deliberately(error), f"parser bug: {error}"
        return None
    assert record.url == url
    latest = latest_for(NOW)
    for value in (record.published_at, record.updated_at):
        assert value is None or doubt(value, latest) is None, value
    return record


def mutate(seed: bytes, cut: int, insert: bytes, drop: int) -> bytes:
    at = cut % (len(seed) + 1)
    return seed[:at] + insert + seed[at + drop :]


def check_every_version(data: bytes) -> None:
    """Each registered layout on its own, then the router, must give a record or ParseError."""
    try:
        text = data.decode("utf-8", "replace")
        page = load_page(text, "https://fuzz.example/a.html")
    except RecursionError:
        return
    for publisher, version in VERSIONS:
        try:
            extracted = version().extract(page)
        except RecursionError:
            continue  # the router turns this into a ParseError; checked below
        assert isinstance(extracted.body, tuple), (publisher.name, version.__name__)
    assert isinstance(parse_generic(page), ArticleRecord)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.sampled_from(SEEDS),
    cut=st.integers(min_value=0),
    insert=st.lists(fragments, max_size=6).map(lambda parts: "".join(parts).encode()),
    drop=st.integers(min_value=0, max_value=2000),
    url=st.sampled_from(URLS),
)
def test_mutated_fixture_pages_give_a_record_or_parse_error(
    seed: bytes, cut: int, insert: bytes, drop: int, url: str
) -> None:
    data = mutate(seed, cut, insert, drop)
    parse_or_refuse(data, url)
    check_every_version(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), url=st.sampled_from(URLS))
def test_random_bytes_give_a_record_or_parse_error(data: bytes, url: str) -> None:
    parse_or_refuse(data, url)
    check_every_version(data)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(fragments, min_size=1, max_size=40),
    url=st.sampled_from(URLS),
)
def test_random_markup_gives_a_record_or_parse_error(parts: list[str], url: str) -> None:
    data = ("<html>" + "".join(parts)).encode()
    parse_or_refuse(data, url)
    check_every_version(data)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=hostile_page(), url=st.sampled_from([*URLS, "https://fuzz.example/a.html"]))
def test_structured_hostile_pages_give_a_record_with_trusted_dates_or_parse_error(
    data: bytes, url: str
) -> None:
    """Pages built like real ones, with hostile dates in meta, JSON-LD and visible text,
    markup-like titles, deep nesting, BOMs and declared charsets that may be wrong."""
    parse_or_refuse(data, url)


def test_a_stray_bracket_in_the_canonical_link_costs_only_the_link() -> None:
    # Found by the long fuzz (a "[" inserted into a fixture's canonical link).
    page = (
        '<html><head><title>Hangzhou</title><link rel="canonical" href="http://[www.x.test/a">'
        "</head><body><article><p>Hangzhou and Hong Kong sign a memorandum on trade.</p>"
        "</article></body></html>"
    )
    assert parse_or_refuse(page.encode(), URLS[0]) is not None


def test_a_parser_exception_is_told_apart_from_a_deliberate_refusal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> ArticleRecord:
        raise IndexError("a bug in a parser")

    monkeypatch.setattr("parsers.article.router.parse_page", broken)
    with pytest.raises(ParseError) as wrapped:
        parse_article(b"<html><body><p>Hangzhou</p></body></html>", URLS[0])
    assert not refused_deliberately(wrapped.value)
    with pytest.raises(ParseError) as refused:
        parse_article(b"", URLS[0])
    assert refused_deliberately(refused.value)

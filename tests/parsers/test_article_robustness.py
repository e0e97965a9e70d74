"""Random and mutated pages, fed to every registered parser version: a record or a ParseError."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.article import parse_article
from parsers.article.base import ArticleParser, Publisher, load_page
from parsers.article.generic import parse_generic
from parsers.article.registry import all_publishers
from parsers.records import ArticleRecord, ParseError

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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
    try:
        record = parse_article(data, url)
    except ParseError:
        return
    assert record.url == url
    check_every_version(data)


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=3000), url=st.sampled_from(URLS))
def test_random_bytes_give_a_record_or_parse_error(data: bytes, url: str) -> None:
    try:
        record = parse_article(data, url)
    except ParseError as exc:
        assert str(exc)
    else:
        assert record.url == url


@settings(max_examples=40, deadline=None)
@given(
    parts=st.lists(fragments, min_size=1, max_size=40),
    url=st.sampled_from(URLS),
)
def test_random_markup_gives_a_record_or_parse_error(parts: list[str], url: str) -> None:
    data = ("<html>" + "".join(parts)).encode()
    try:
        parse_article(data, url)
    except ParseError:
        return
    check_every_version(data)

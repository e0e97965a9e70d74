"""URL canonicalisation: one spelling per page, without changing what a server would return."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.article.generic import live_post_id
from parsers.urls import canonicalize, is_fetchable, post_fragment, resolve


@pytest.mark.parametrize(
    ("given_url", "canonical"),
    [
        # scheme and host are case-insensitive; path case is not
        ("HTTPS://WWW.ChinaDaily.COM.cn/A/B.html", "https://www.chinadaily.com.cn/A/B.html"),
        # default ports go, others stay
        ("http://news.gov.hk:80/eng/", "http://news.gov.hk/eng/"),
        ("https://news.gov.hk:443/eng/", "https://news.gov.hk/eng/"),
        ("https://news.gov.hk:8443/eng/", "https://news.gov.hk:8443/eng/"),
        # an empty path is "/"
        ("https://www.scmp.com", "https://www.scmp.com/"),
        # fragments never reach the server
        ("https://x.test/a.html#comments", "https://x.test/a.html"),
        ("https://x.test/a.html#top", "https://x.test/a.html"),
        ("https://x.test/a.html#", "https://x.test/a.html"),
        # ... except one naming a live blog's post: that post is its own article
        ("https://x.test/live.html#post-123", "https://x.test/live.html#post-123"),
        ("https://x.test/live.html?utm_source=x#entry_7", "https://x.test/live.html#entry_7"),
        ("https://X.test/live/index.html#update-2a", "https://x.test/live/#update-2a"),
        ("https://x.test/live.html#Post123", "https://x.test/live.html#Post123"),
        ("https://x.test/live.html#post-1-comments", "https://x.test/live.html"),
        # tracking parameters go; meaningful ones stay, sorted
        (
            "https://x.test/a?utm_source=rss&id=7&utm_medium=feed&fbclid=Ab&gclid=1&page=2",
            "https://x.test/a?id=7&page=2",
        ),
        ("https://x.test/a?spm=a2c.1&from=timeline&ref=home&share=wx", "https://x.test/a"),
        ("https://x.test/a?UTM_Campaign=x&q=1", "https://x.test/a?q=1"),
        (
            "https://news.google.com/rss/articles/CBMi?oc=5",
            "https://news.google.com/rss/articles/CBMi",
        ),
        ("https://x.test/a?", "https://x.test/a"),
        # trailing index pages
        ("https://x.test/news/index.html", "https://x.test/news/"),
        ("https://x.test/news/INDEX.HTM", "https://x.test/news/"),
        ("https://x.test/news/index.shtml?utm_source=x", "https://x.test/news/"),
        ("https://x.test/Default.aspx", "https://x.test/"),
        ("https://x.test/news/index.html.bak", "https://x.test/news/index.html.bak"),
        # percent-encoding: unreserved decoded, hex upper-cased, reserved kept, non-ASCII encoded
        ("https://x.test/%7euser/a%2fb", "https://x.test/~user/a%2Fb"),
        (
            "https://x.test/新闻/杭州.html",
            "https://x.test/%E6%96%B0%E9%97%BB/%E6%9D%AD%E5%B7%9E.html",
        ),
        ("https://x.test/s?q=%e6%9d%ad+%E5%B7%9E", "https://x.test/s?q=%E6%9D%AD+%E5%B7%9E"),
        (
            "https://x.test/s?q=杭州 香港",
            "https://x.test/s?q=%E6%9D%AD%E5%B7%9E%20%E9%A6%99%E6%B8%AF",
        ),
        # dot segments
        ("https://x.test/a/./b/../c.html", "https://x.test/a/c.html"),
        # IDN hosts become punycode; a trailing dot on the host goes
        ("https://例子.测试/路径", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84"),
        ("https://news.gov.hk./eng/", "https://news.gov.hk/eng/"),
        # http and https stay as given
        (
            "http://www.info.gov.hk/gia/general/today.htm",
            "http://www.info.gov.hk/gia/general/today.htm",
        ),
        # whitespace around and line breaks inside a feed's link
        ("  https://x.test/a\n/b.html \n", "https://x.test/a/b.html"),
    ],
)
def test_canonicalize(given_url: str, canonical: str) -> None:
    assert canonicalize(given_url) == canonical


def test_two_posts_of_one_live_blog_stay_two_links() -> None:
    posts = {
        canonicalize("https://x.test/live/hk-hangzhou.html#post-1?utm_source=rss"),
        canonicalize("https://x.test/live/hk-hangzhou.html#post-1"),
        canonicalize("https://x.test/live/hk-hangzhou.html#post-2"),
        canonicalize("https://x.test/live/hk-hangzhou.html#comments"),
    }
    assert posts == {
        "https://x.test/live/hk-hangzhou.html",
        "https://x.test/live/hk-hangzhou.html#post-1",
        "https://x.test/live/hk-hangzhou.html#post-2",
    }


@pytest.mark.parametrize(
    "fragment",
    ["post-123", "post_9", "entry-ab1", "update-2a", "UPDATE7", "comments", "top", "post-",
     "post-1-2", "section-post-1", "post-数", "p-1", ""],
)  # fmt: skip
def test_canonicalize_keeps_exactly_the_fragments_the_generic_parser_reads_a_post_for(
    fragment: str,
) -> None:
    # The generic parser extracts the one post a fragment names; canonicalize must keep exactly
    # those fragments (ASCII ones: a non-ASCII id would not survive a second pass unchanged).
    url = f"https://x.test/live.html#{fragment}"
    names_a_post = live_post_id(url) is not None and fragment.isascii()
    assert (post_fragment(fragment) is not None) is names_a_post
    assert canonicalize(url).endswith(f"#{fragment}") is names_a_post


def test_urls_from_three_feeds_for_one_article_become_one() -> None:
    spellings = [
        "https://www.chinadaily.com.cn/a/201906/18/WS5d0ae264498e12256565e36a.html",
        "HTTPS://www.chinadaily.com.cn:443/a/201906/18/WS5d0ae264498e12256565e36a.html?utm_source=rss",
        "https://www.chinadaily.com.cn/a/201906/18/WS5d0ae264498e12256565e36a.html#comments",
    ]

    assert len({canonicalize(url) for url in spellings}) == 1


@pytest.mark.parametrize(
    "other",
    ["mailto:press@info.gov.hk", "javascript:void(0)", "ftp://x.test/file", "not a url", ""],
)
def test_non_http_input_comes_back_unchanged(other: str) -> None:
    assert canonicalize(other) == other


def test_an_invalid_port_comes_back_unchanged_rather_than_raising() -> None:
    assert canonicalize("https://x.test:99999/") == "https://x.test:99999/"


@pytest.mark.parametrize(
    ("url", "fetchable"),
    [
        ("https://x.test/a", True),
        ("http://127.0.0.1:8080/feed.xml", True),
        ("ftp://x.test/a", False),
        ("https:///no-host", False),
        ("mailto:a@x.test", False),
        ("https://x.test:99999/", False),
        ("//x.test/a", False),
        ("", False),
    ],
)
def test_is_fetchable(url: str, fetchable: bool) -> None:
    assert is_fetchable(url) is fetchable


@pytest.mark.parametrize(
    ("href", "resolved"),
    [
        ("../b/c.html", "https://x.test/news/b/c.html"),
        ("/top.html", "https://x.test/top.html"),
        ("//cdn.x.test/a.html", "https://cdn.x.test/a.html"),
        ("https://other.test/a", "https://other.test/a"),
        ("  p2.html\n", "https://x.test/news/list/p2.html"),
        ("#top", None),
        ("javascript:void(0)", None),
        ("mailto:a@x.test", None),
        ("tel:+852", None),
        ("", None),
        (None, None),
    ],
)
def test_resolve(href: str | None, resolved: str | None) -> None:
    assert resolve("https://x.test/news/list/index.html", href) == resolved


@given(st.text())
def test_canonicalize_never_raises_and_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once


@given(
    st.builds(
        "https://x.test/live.html{}#{}{}{}".format,
        st.sampled_from(["", "?utm_source=rss", "?id=1"]),
        st.sampled_from(["post", "entry", "update", "Post", "note"]),
        st.sampled_from(["", "-", "_", "--"]),
        st.text(max_size=12),
    )
)
def test_canonicalize_of_live_blog_links_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once


@given(
    st.builds(
        "{}://{}{}?{}#{}".format,
        st.sampled_from(["http", "https", "HTTP"]),
        st.from_regex(r"[a-zA-Z0-9.-]{1,20}(:[0-9]{1,5})?", fullmatch=True),
        st.text(max_size=30),
        st.text(max_size=30),
        st.text(max_size=10),
    )
)
def test_canonicalize_of_http_urls_is_idempotent(url: str) -> None:
    once = canonicalize(url)
    assert canonicalize(once) == once


def test_a_host_ending_in_a_look_alike_dot_is_canonical_after_one_pass() -> None:
    # U+2024 ONE DOT LEADER becomes "." under IDNA: found by the property test above
    assert canonicalize("http://0\u2024?#") == "http://0/"
    assert canonicalize("https://www.scmp.com\u3002/news") == "https://www.scmp.com/news"

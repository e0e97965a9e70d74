"""The weekly digest as a reader gets it: Markdown, one self-contained HTML page, JSON, and the
index page and Atom feed over every digest, rendered from `Digest` records alone."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import lxml.html
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from digest import (
    IndexEntry,
    digest_to_json,
    render_all,
    render_feed,
    render_html,
    render_index,
    render_markdown,
)
from digest.formatting import clean
from digest.render import SCHEMA, SECTIONS
from records.digest import AppendixGroup, Change, DayCount, Link, Period
from tests.digest.factory import (
    JS_URL,
    SCRIPT,
    big_digest,
    empty_digest,
    hostile_digest,
    week_digest,
)

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"


def html_doc(text: str) -> Any:
    return lxml.html.document_fromstring(text)


def text_of(element: Any) -> str:
    """The text a reader sees, table cells and lines apart, whitespace folded."""
    for cell in element.xpath(".//td | .//th | .//br | .//li | .//p"):
        cell.tail = " " + (cell.tail or "")
    return " ".join(str(element.text_content()).split())


def section_text(html: str, section_id: str) -> str:
    [section] = html_doc(html).xpath(f'//section[@id="{section_id}"]')
    return text_of(section)


def markdown_tokens(md: str) -> list[Any]:
    """Every token a CommonMark reader sees, inline ones included."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    out = []
    for token in parser.parse(md):
        out.append(token)
        out.extend(token.children or [])
    return out


def markdown_to_html(md: str) -> tuple[str, list[str]]:
    """Render Markdown as a CommonMark reader would, raw HTML allowed and every link target kept
    (markdown-it would drop `javascript:` itself; we want to see whether we produced one)."""
    parser = MarkdownIt("commonmark").enable("table")
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    tokens = parser.parse(md)
    hrefs = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "link_open":
                hrefs.append(str(child.attrGet("href")))
    return parser.render(md), hrefs


# -- structure -----------------------------------------------------------------------------


def test_the_sections_come_in_the_order_a_reader_meets_them() -> None:
    d = week_digest()
    md, html = render_markdown(d), render_html(d)

    titles = [title for _, title in SECTIONS]
    md_headings = re.findall(r"^## (.+)$", md, flags=re.MULTILINE)
    assert md_headings == titles
    assert (
        md.index("# Hangzhou–Hong Kong") < md.index("**18 relevant articles") < md.index("## Key")
    )
    ids = [s.get("id") for s in html_doc(html).xpath("//main/section")]
    assert ids == [section_id for section_id, _ in SECTIONS]
    assert [h.text_content() for h in html_doc(html).xpath("//main/section/h2")] == titles


def test_the_header_gives_the_period_the_sources_polled_and_the_time_in_the_digest_zone() -> None:
    html = render_html(week_digest())
    header = text_of(html_doc(html).xpath('//header[@id="header"]')[0])

    assert "Week 2019-W24" in header and "Mon 10 Jun 2019 – Sun 16 Jun 2019" in header
    assert "26 polled, 2 failed" in header
    # Generated at 01:30 UTC: the reader in Hong Kong sees 09:30.
    assert "2019-06-17 09:30 HKT (UTC+08:00)" in header
    assert "Demo data" not in html


def test_a_demo_digest_says_so_in_a_banner_in_every_format() -> None:
    d = week_digest(demo=True)
    html, md = render_html(d), render_markdown(d)

    [banner] = html_doc(html).xpath('//*[contains(@class, "banner")]')
    assert banner.text_content() == "Demo data: invented coverage modelled on real happenings."
    assert "> **Demo data:** invented coverage modelled on real happenings." in md
    assert json.loads(digest_to_json(d))["demo"] is True


def test_key_numbers_show_the_change_on_last_week_in_numbers_percent_or_new() -> None:
    d = week_digest()
    text = section_text(render_html(d), "key-numbers")
    md = render_markdown(d)

    assert "Relevant articles 18 8 +10 (+125%)" in text
    assert "Events covered 2 new, 2 continuing 4 2 +2 (+100%)" in text
    assert "in Simplified Chinese 5 0 new" in text  # nothing the week before: "new", not +inf%
    assert "from official sources 5 2 +3 (+150%)" in text
    assert "| — in Traditional Chinese | 5 | 3 | +2 (+67%) |" in md
    assert "| — in Simplified Chinese | 5 | 0 | new |" in md


def test_a_fall_and_no_change_read_as_such() -> None:
    d = week_digest()
    third = section_text(render_html(d), "top-events")
    assert "down from 5 last week (−2, −40%)" in third  # the City Brain follow-up
    assert "as much as last week" in third  # the Asian Games, 3 and 3
    down = replace(d, key_numbers=replace(d.key_numbers, outlets=Change(4, 8)))
    assert "Outlets 4 8 −4 (−50%)" in section_text(render_html(down), "key-numbers")


def test_each_top_event_shows_what_happened_who_was_there_and_where_to_read_more() -> None:
    d = week_digest()
    [first] = html_doc(render_html(d)).xpath('//article[@id="event-1"]')
    text = text_of(first)

    assert "杭港创新合作论坛签署八项协议" in text
    assert "New Agreement signing · 2019-06-13 · Hong Kong" in text
    assert "Nicholas Yang Wei-hsiun" in text and "Hangzhou Venture Capital Association" in text
    assert "eight memorandums being signed" in text
    assert "8 articles in 7 outlets (2 official), new this week" in text
    links = first.xpath('.//ul[@class="links"]/li')
    assert len(links) == 5 == len(d.top_events[0].links)
    assert [li.xpath(".//a/@href")[0] for li in links] == [x.url for x in d.top_events[0].links]
    assert "香港政府新聞網 · Traditional Chinese" in links[1].text_content()
    assert first.xpath('.//h3/span[@lang="zh"]')  # the Chinese title gets Chinese glyphs
    # Taken from a Traditional article, a title is marked Traditional.
    third = html_doc(render_html(d)).xpath('//article[@id="event-3"]//h3/span')[0]
    assert (third.text_content(), third.get("lang")) == ("杭州「城市大腦」團隊再訪香港", "zh-Hant")


def test_agreements_show_parties_fields_count_status_date_and_source() -> None:
    text = section_text(render_html(week_digest()), "agreements")

    assert "8 MoUs signed on 2019-06-13" in text
    assert "Parties: Hangzhou, Hong Kong" in text
    assert (
        "Fields: smart city, high-end services, finance, artificial intelligence, new energy"
        in text
    )
    assert "Agreement planned for 2019-06-20" in text
    assert "Source: Hangzhou and Hong Kong sign eight pacts at innovation forum China Daily" in text


def test_an_agreement_kind_reads_in_the_plural() -> None:
    d = week_digest()
    kinds = ("memorandum of understanding", "framework agreement", "MoU")
    page = replace(d, agreements=tuple(replace(d.agreements[0], kind=k) for k in kinds))
    text = section_text(render_html(page), "agreements")
    assert "8 memorandums of understanding signed" in text
    assert "8 framework agreements signed" in text and "8 MoUs signed" in text


def test_a_figure_timeline_sets_this_week_against_earlier_values_with_their_dates() -> None:
    text = section_text(render_html(week_digest()), "figures")

    assert (
        "Latest: about 6,400 projects as of 2018-12-31; "
        "+400 projects (+6.7%) from 2017-12-31 to 2018-12-31" in text
    )
    assert "more than US$140 billion as of 2018-12-31; +US$20 billion (+17%)" in text
    # Oldest first, the earlier value from its own source and day.
    table = text[text.index("As of Value Reported by") :]
    assert table.index("about 6,000 projects") < table.index("about 6,400 projects")
    assert "Information Services Department, 2018-09-15" in text
    assert "30 unicorns (no as-of date given)" in text


def test_a_disagreement_is_flagged_naming_both_sources_and_both_values() -> None:
    d = week_digest()
    [flag] = html_doc(render_html(d)).xpath('//section[@id="figures"]//div[@class="flag"]')
    text = text_of(flag)

    assert text.startswith(
        "⚠ Sources disagree on the value as of 2018-12-31: China Daily and RTHK."
    )
    assert "more than US$140 billion: China Daily" in text and "US$104 billion: RTHK" in text
    md = render_markdown(d)
    assert "> **⚠ Sources disagree** on the value as of 2018-12-31: China Daily and RTHK." in md
    assert "> - US$104 billion: RTHK, [Hong Kong and Hangzhou firm up" in md
    # Only the measure with two values for one date is flagged.
    assert md.count("Sources disagree") == 1


def test_people_sources_charts_health_and_appendix_are_all_there() -> None:
    html = render_html(week_digest())
    assert "Hangzhou Venture Capital Association 杭州市创业投资协会" in section_text(
        html, "entities"
    )
    assert "Nicholas Yang Wei-hsiun 楊偉雄 Person 6 +4 (+200%)" in section_text(html, "entities")
    sources = section_text(html, "sources")
    assert (
        "Official: 5 articles from 3 outlets" in sources
        and "文匯報 media Traditional Chinese 3" in sources
    )
    charts = html_doc(html).xpath('//section[@id="coverage"]//svg')
    assert [c.get("class") for c in charts] == ["chart daily", "chart trend"]
    assert len(charts[0].xpath('.//*[local-name()="rect"][@class="bar"]')) == 6  # Monday had none
    assert charts[0].xpath('.//*[local-name()="polyline"][@class="usual"]')
    assert len(charts[1].xpath('.//*[local-name()="circle"]')) == 12
    health = section_text(html, "health")
    assert "26 sources polled, 2 failed; 4 duplicates folded" in health
    assert "gdelt-hangzhou-hk discover 3 Last error: HTTP 429" in health
    assert "score 4.5 against 5 (left out)" in health
    groups = html_doc(html).xpath('//section[@id="appendix"]/details')
    assert len(groups) == 5 and sum(len(g.xpath(".//li")) for g in groups) == 18


def test_markdown_draws_its_charts_as_text() -> None:
    md = render_markdown(week_digest())
    assert "Thu 2019-06-13  ████████████████████████████ 5  usual 2.2" in md
    assert "▂▁▂▁▅▃▂▂▁▃▄█  (2019-W13 to 2019-W24)" in md


# -- safety --------------------------------------------------------------------------------


def test_a_script_title_renders_as_text_and_a_javascript_link_stays_inert() -> None:
    html = render_html(hostile_digest())
    doc = html_doc(html)

    assert not doc.xpath("//script") and "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT in doc.xpath('//article[@id="event-1"]/h3')[0].text_content()
    hrefs = [str(h) for h in doc.xpath("//a/@href")]
    assert hrefs and all(h.startswith(("https://", "http://", "#", "2019-")) for h in hrefs)
    assert not any("javascript" in h.lower() for h in hrefs)
    assert not doc.xpath("//img") and not doc.xpath("//*[@onerror]") and not doc.xpath("//b")
    inert = doc.xpath('//article[@id="event-1"]//code[@class="url"]')
    assert [c.text_content() for c in inert] == [JS_URL, "JavaScript:alert(3)"]


def test_markdown_escapes_titles_and_keeps_link_targets_safe() -> None:
    md = render_markdown(hostile_digest())
    rendered, hrefs = markdown_to_html(md)

    assert "<script>" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown, as text
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    # Markdown syntax in a title is text too: no emphasis, no link, no extra table cell.
    assert "\\[click\\](javascript:alert(2)) \\*bold\\* \\_x\\_ \\| cell" in md
    assert "<em>" not in rendered and "<strong>bold</strong>" not in rendered
    # A lead that starts like a heading stays inside its quote.
    assert (
        "> &quot;&gt;" not in md
        and '> "\\>\\<img src=x onerror=alert(4)\\> \\# not a heading' in md
    )


@given(
    title=st.text(max_size=80),
    url=st.one_of(st.text(max_size=60), st.sampled_from(["javascript:x()", " data:text/html,x"])),
    outlet=st.text(max_size=20),
)
def test_any_outside_text_stays_text_in_html_markdown_and_the_feed(
    title: str, url: str, outlet: str
) -> None:
    d = week_digest()
    link = replace(d.top_events[0].links[0], title=title, url=url, outlet=outlet)
    event = replace(
        d.top_events[0], title=title, title_zh=None, lead=title, people=(title,), links=(link,)
    )
    page = replace(d, top_events=(event,), appendix=(AppendixGroup(None, title, (link,)),))

    doc = html_doc(render_html(page))
    assert not doc.xpath("//script | //img | //iframe | //style[2] | //*[@onerror]")
    hrefs = [str(h) for h in doc.xpath("//a/@href")]
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    heading = doc.xpath('//article[@id="event-1"]/h3')[0].text_content()
    shown_title = clean(title) or "(untitled event)"
    assert heading == f"1. {shown_title}"  # shown exactly, as text

    tokens = markdown_tokens(render_markdown(page))
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    links = [str(t.attrGet("href")) for t in tokens if t.type == "link_open"]
    assert all(h.startswith(("https://", "http://")) for h in links)
    h3 = next(i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h3")
    shown = "".join(t.content for t in tokens[h3 + 1].children or [] if t.type == "text")
    assert shown == f"1. {shown_title}"

    entry = replace(IndexEntry.from_digest(page, "a.md", "a.html", "a.json"), period_label=title)
    ET.fromstring(render_feed([entry], None))  # well-formed whatever the label holds


def test_a_month_long_period_and_odd_numbers_still_render() -> None:
    d = week_digest()
    month = Period("2019-06-01..2019-06-30", date(2019, 6, 1), date(2019, 6, 30), "Nowhere/Zone")
    days = tuple(
        DayCount(date(2019, 6, 1 + i), i % 5, float("nan") if i == 3 else 1.5) for i in range(30)
    )
    r = render_all(replace(d, period=month, daily=days, trend=()), None, None, None)

    assert "Period 2019-06-01..2019-06-30" in r.html
    assert "The 4 most covered of 4 events this period." in r.md
    assert "2019-06-17 01:30 UTC+00:00" in r.md  # an unknown zone: the time as given
    assert json.loads(r.json)["daily"][3]["usual"] is None  # valid JSON: no NaN literal
    assert "NaN" not in r.json and "nan" not in r.md.lower().replace("finance", "")
    drawn = html_doc(r.html).xpath("//svg//@*")
    assert drawn and not [v for v in drawn if "nan" in v.lower() or "inf" in v.lower()]
    assert "(no weeks to show)" in r.md


def test_an_awkward_address_stays_one_link_target_in_both_formats() -> None:
    d = week_digest()
    odd = replace(d.top_events[0].links[0], url='https://example.org/a (b)/c?q="x" y#<z>')
    event = replace(d.top_events[0], links=(odd,))
    page = replace(d, top_events=(event,))
    expected = "https://example.org/a%20%28b%29/c?q=%22x%22%20y#%3Cz%3E"

    assert html_doc(render_html(page)).xpath('//article[@id="event-1"]//a/@href') == [expected]
    _, hrefs = markdown_to_html(render_markdown(page))
    assert hrefs[0] == expected


def test_outside_text_cannot_break_a_markdown_line_or_a_table_row() -> None:
    d = week_digest()
    evil_name = replace(d.top_entities[0], name="Hangzhou\n## Injected | heading")
    md = render_markdown(replace(d, top_entities=(evil_name, *d.top_entities[1:])))
    assert "\n## Injected" not in md
    assert "| Hangzhou \\#\\# Injected \\| heading 杭州 | Place | 19 |" in md


def test_navigation_links_the_neighbours_and_the_index_but_never_a_script() -> None:
    d = week_digest()
    doc = html_doc(render_html(d, "2019-W23.html", "2019-W25.html", "index.html"))
    nav = doc.xpath('//nav[@class="pager"]//a')
    assert [(a.get("rel"), a.get("href")) for a in nav] == [
        ("prev", "2019-W23.html"),
        (None, "index.html"),
        ("next", "2019-W25.html"),
    ]
    sneaky = html_doc(render_html(d, "javascript:alert(1)", None, "index.html"))
    assert [a.get("href") for a in sneaky.xpath('//nav[@class="pager"]//a')] == ["index.html"]
    assert not html_doc(render_html(d)).xpath('//nav[@class="pager"]')


def test_the_page_is_one_self_contained_file() -> None:
    html = render_html(week_digest())
    doc = html_doc(html)

    assert not doc.xpath("//script | //iframe | //img | //link | //object | //embed")
    assert not doc.xpath("//@src") and "url(" not in html and "@import" not in html
    assert len(doc.xpath("//style")) == 1 and len(doc.xpath("//svg")) == 2
    css = doc.xpath("//style")[0].text_content()
    for font in (
        "Noto Sans CJK SC",
        "Noto Sans CJK TC",
        "PingFang",
        "Microsoft YaHei",
        "sans-serif",
    ):
        assert font in css
    assert "@media print" in css and 'name="viewport"' in html


# -- behaviour -----------------------------------------------------------------------------


def test_the_same_digest_renders_the_same_bytes() -> None:
    first = render_all(week_digest(demo=True), "a.html", "b.html", "index.html")
    second = render_all(week_digest(demo=True), "a.html", "b.html", "index.html")
    assert first == second


def test_the_bytes_do_not_depend_on_hash_seeds_or_the_machine_zone() -> None:
    # Set and dict order of strings changes with PYTHONHASHSEED; a naive time would move with TZ.
    program = (
        "import hashlib; from digest import render_all;"
        "from tests.digest.factory import week_digest;"
        "r = render_all(week_digest(), 'a.html', 'b.html', 'i.html');"
        "print(hashlib.sha256((r.md + r.html + r.json).encode()).hexdigest())"
    )
    digests = set()
    for seed, tz in (("1", "UTC"), ("2", "America/New_York"), ("3", "Asia/Tokyo")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", program],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(out.stdout.strip())
    r = render_all(week_digest(), "a.html", "b.html", "i.html")
    digests.add(hashlib.sha256((r.md + r.html + r.json).encode()).hexdigest())
    assert len(digests) == 1


def test_an_empty_week_renders_a_short_digest_with_its_key_numbers() -> None:
    d = empty_digest()
    r = render_all(d, None, None, None)

    assert "No relevant coverage this week." in r.md and "No relevant coverage this week." in r.html
    assert "| Relevant articles | 0 | 3 | −3 (−100%) |" in r.md
    assert "| — in Traditional Chinese | 0 | 0 | no change |" in r.md
    assert "Relevant articles 0 3 −3 (−100%)" in section_text(r.html, "key-numbers")
    assert re.findall(r"^## (.+)$", r.md, flags=re.MULTILINE) == [t for _, t in SECTIONS]
    assert len(r.md) < 4000 and len(r.html) < 30_000
    assert json.loads(r.json)["top_events"] == []


def test_a_week_of_500_articles_stays_readable_and_the_appendix_holds_them_all() -> None:
    d = big_digest(500)
    r = render_all(d, None, None, "index.html")
    doc = html_doc(r.html)

    groups = doc.xpath('//section[@id="appendix"]/details')
    assert len(groups) == 25 and all(g.get("open") is None for g in groups)  # folded away
    appendix_links = doc.xpath('//section[@id="appendix"]//li//a/@href')
    assert len(appendix_links) == 500 == len(set(appendix_links))
    assert len(doc.xpath('//section[@id="top-events"]/article')) == len(d.top_events)
    assert "The 4 most covered of 25 events this week." in r.html
    assert len(r.html) < 500_000 and len(r.md) < 200_000
    assert r.md.count("\n- [") == 500 + sum(len(e.links) for e in d.top_events) + 2


def test_the_json_carries_every_event_link_figure_point_and_disagreement() -> None:
    d = week_digest()
    data = json.loads(digest_to_json(d))

    assert data["schema"] == SCHEMA
    assert [e["event_id"] for e in data["top_events"]] == [e.event_id for e in d.top_events]
    assert [len(e["links"]) for e in data["top_events"]] == [len(e.links) for e in d.top_events]
    assert data["top_events"][0]["links"][1]["url"] == d.top_events[0].links[1].url
    assert data["top_events"][0]["event_date"] == "2019-06-13"
    assert data["top_events"][0]["links"][0]["published_at"] == "2019-06-13T10:00:00+08:00"
    money = data["timelines"][1]
    assert [p["value"] for p in money["history"]] == [120e9, 140e9]
    assert [p["value"] for p in money["this_period"]] == [140e9, 104e9]
    [disagreement] = money["disagreements"]
    assert disagreement["as_of"] == "2018-12-31"
    assert [p["source"]["outlet"] for p in disagreement["values"]] == ["China Daily", "RTHK"]
    assert sum(len(g["links"]) for g in data["appendix"]) == 18
    assert len(data["daily"]) == 7 and len(data["trend"]) == 12
    assert data["health"]["failures"][0]["source_id"] == "gdelt-hangzhou-hk"


def test_json_changes_carry_delta_and_percent_and_the_text_stays_readable() -> None:
    text = digest_to_json(week_digest())
    data = json.loads(text)

    assert data["key_numbers"]["relevant_articles"] == {
        "current": 18,
        "previous": 8,
        "delta": 10,
        "percent": 125.0,
    }
    assert dict((k, v["percent"]) for k, v in data["key_numbers"]["by_language"])["zh-Hans"] is None
    assert "杭港创新合作论坛签署八项协议" in text  # ensure_ascii off
    assert text.startswith('{\n  "agreements"') and text.endswith("}\n")  # sorted, indent 2


# -- index and feed ------------------------------------------------------------------------


def entries() -> list[IndexEntry]:
    week = week_digest(demo=True)
    empty = empty_digest()
    middle = replace(
        week,
        period=replace(
            week.period, label="2019-W26", start=date(2019, 6, 24), end=date(2019, 6, 30)
        ),
        generated_at=datetime(2019, 7, 1, 1, 0, tzinfo=UTC),
    )
    # Deliberately out of order: the index and the feed sort.
    return [
        IndexEntry.from_digest(middle, "2019-W26.md", "2019-W26.html", "2019-W26.json"),
        IndexEntry.from_digest(week, "2019-W24.md", "2019-W24.html", "2019-W24.json"),
        IndexEntry.from_digest(empty, "2019-W27.md", "2019-W27.html", "2019-W27.json"),
    ]


def test_the_index_lists_every_digest_newest_first_with_its_headline_numbers() -> None:
    doc = html_doc(render_index(entries()))

    items = doc.xpath('//li[@class="digest-entry"]')
    assert [li.xpath(".//h3/a")[0].text_content() for li in items] == [
        "2019-W27",
        "2019-W26",
        "2019-W24",
    ]
    last = text_of(items[2])
    assert "10–16 Jun 2019 · 18 relevant articles · 4 events" in last and "demo data" in last
    assert "Hangzhou–Hong Kong Innovation and Cooperation Forum" in last
    assert items[2].xpath(".//a/@href") == ["2019-W24.html", "2019-W24.md", "2019-W24.json"]
    assert not doc.xpath("//script") and "No digests yet." in render_index([])


def test_the_atom_feed_parses_and_has_one_entry_per_digest_newest_first() -> None:
    feed = ET.fromstring(render_feed(entries(), "https://example.org/reports"))

    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == "tag:hzhk-tracker,2019:digests"
    assert feed.findtext(f"{ATOM}updated") == "2019-07-08T01:00:00+00:00"
    found = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in found] == [
        "tag:hzhk-tracker,2019:digest/2019-W27",
        "tag:hzhk-tracker,2019:digest/2019-W26",
        "tag:hzhk-tracker,2019:digest/2019-W24",
    ]
    first_link = found[0].find(f"{ATOM}link")
    assert first_link is not None
    assert first_link.get("href") == "https://example.org/reports/2019-W27.html"
    assert found[0].findtext(f"{ATOM}summary") == "No relevant coverage."
    summary = found[2].findtext(f"{ATOM}summary") or ""
    assert summary.startswith("18 relevant articles, 4 events. Top: Hangzhou–Hong Kong Innovation")
    assert found[2].findtext(f"{ATOM}title") == "Demo: 2019-W24 (10–16 Jun 2019)"
    for entry in found:
        for name in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{name}")


def test_the_feed_stays_well_formed_whatever_the_titles_hold() -> None:
    hostile = replace(entries()[1], top_events=("<b>&amp; \x00\x0b\ud800 ]]>",))
    feed = ET.fromstring(render_feed([hostile], None))  # raises if not well-formed
    [entry] = feed.findall(f"{ATOM}entry")
    assert "<b>&amp; ]]>" in (entry.findtext(f"{ATOM}summary") or "")
    link = entry.find(f"{ATOM}link")
    assert link is not None and link.get("href") == "2019-W24.html"  # relative without a base
    render_feed([hostile], None).encode("utf-8")  # nothing UTF-8 cannot hold


def test_a_link_without_a_scheme_or_title_is_still_shown() -> None:
    d = week_digest()
    bare = Link(title="", url="www.example.org/x", outlet="RTHK", language=None, published_at=None)
    event = replace(d.top_events[0], links=(bare,))
    text = section_text(render_html(replace(d, top_events=(event,))), "top-events")
    assert "(untitled) www.example.org/x RTHK · unknown language" in text

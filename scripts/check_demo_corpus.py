"""Check the demo corpus against the project's own parsers: every page, every feed.

    .venv/bin/python scripts/check_demo_corpus.py           # pages + feeds + summary tables
    ... --relevance     + the relevance scorer (informational)
    ... --tracking      + duplicates and figures (informational)
    ... --originality   + text shared with fixtures and corpora
    ... --cli           pages through `hzhk extract` itself
    ... --verbose       one line per passing page too

Pages: each file under demo/site/ is parsed as `hzhk extract FILE --url URL` does (the project's
`parsers.article.parse_article`; the `hzhk extract` command itself if that import moved) and must
give the intended publisher parser (never "generic"), title, publication time (same instant),
language, `updated_at` where the page was updated, exactly the article's paragraphs, and none of
the page furniture (captions, related-story headlines) in the body.

Feeds: each feed, list page and search answer is parsed with `parsers.feeds.parse_feed` for its
source kind and options, and must list exactly the intended links (after canonicalisation), with
the intended titles and, where the format carries one, the page's publication time.

What is intended comes from demo/intended.json and demo/expected.jsonl (both written by
demo/generator/build.py). Stdlib and project imports only. Exit status 1 if any check fails.
"""

from __future__ import annotations

import argparse
import html
import importlib
import inspect
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

Record = dict[str, Any]
# Where the workspace keeps the seed's notes and the evaluation corpus (not part of the project;
# skipped when absent): the originality check compares our sentences with them too.
EVALUATION_DATA = [Path("../shared/seed"), Path("../shared/corpus")]

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"
sys.path.insert(0, str(ROOT))


def norm(text: str) -> str:
    return " ".join(str(text).split())


def instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).astimezone(UTC) if value else None


# --- extraction -------------------------------------------------------------------------------


def _in_process() -> tuple[Callable[..., Any], Callable[[Any], Record]] | None:
    """`(parse_article, record_to_json)` from the project, or None if they moved."""
    try:
        parse_article = importlib.import_module("parsers.article").parse_article
        record_to_json = importlib.import_module("parsers.article.serialize").record_to_json
    except (ImportError, AttributeError):
        return None
    return parse_article, record_to_json


USE_CLI = False


def extract(path: Path, url: str) -> Record:
    found = None if USE_CLI else _in_process()
    if found is not None:
        parse_article, record_to_json = found
        kwargs = {}
        if "now" in inspect.signature(parse_article).parameters:
            kwargs["now"] = datetime.now(UTC)
        try:
            return record_to_json(parse_article(path.read_bytes(), url, **kwargs))
        except Exception as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}
    hzhk = ROOT / ".venv" / "bin" / "hzhk"
    done = subprocess.run(
        [str(hzhk), "extract", str(path), "--url", url], capture_output=True, text=True, check=False
    )
    if not done.stdout.strip():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"hzhk extract exited {done.returncode}: {last}"}
    record: Record = json.loads(done.stdout.strip().splitlines()[-1])
    return record


def check_page(url: str, want: Record) -> tuple[Record, list[str]]:
    path = DEMO / want["file"]
    got = extract(path, url)
    problems: list[str] = []
    if "error" in got:
        return got, [f"extract failed: {got['error']}"]
    if got.get("parser") != want["parser"]:
        problems.append(f"parser {got.get('parser')!r}, want {want['parser']!r}")
    if got.get("publisher") != want["publisher"]:
        problems.append(f"publisher {got.get('publisher')!r}, want {want['publisher']!r}")
    if norm(got.get("title") or "") != norm(want["title"]):
        problems.append(f"title {got.get('title')!r}, want {want['title']!r}")
    if instant(got.get("published_at")) != instant(want["published"]):
        problems.append(f"published_at {got.get('published_at')}, want {want['published']}")
    if want.get("updated") and instant(got.get("updated_at")) != instant(want["updated"]):
        problems.append(f"updated_at {got.get('updated_at')}, want {want['updated']}")
    if got.get("language") != want["language"]:
        problems.append(f"language {got.get('language')!r}, want {want['language']!r}")
    body = [norm(p) for p in got.get("body") or []]
    wanted = [norm(p) for p in want["body"]]
    if body != wanted:
        extra = [p for p in body if p not in wanted]
        missing = [p for p in wanted if p not in body]
        problems.append(f"body differs: extra {extra[:2]!r}, missing {missing[:2]!r}")
    text = "\n".join(body)
    for piece in want["furniture"]:
        if norm(piece) and norm(piece) in text:
            problems.append(f"furniture in body: {piece[:60]!r}")
    for p in got.get("problems") or []:
        problems.append(f"record problem: {p}")
    return got, problems


# --- feeds ------------------------------------------------------------------------------------


def canonical(url: str) -> str:
    try:
        spelled: str = importlib.import_module("parsers.urls").canonicalize(url)
        return spelled
    except (ImportError, AttributeError):
        return url.split("?")[0].split("#")[0]


def parse_feed_file(feed: Record) -> list[Any]:
    module = importlib.import_module("parsers.feeds")
    options = {k: feed[k] for k in ("language", "selector", "default_tz") if feed.get(k)}
    if feed["kind"] == "google_news":
        options["language"] = {"en-HK": "en", "zh-HK": "zh-Hant", "zh-CN": "zh-Hans"}[
            feed["edition"]
        ]
    data = (DEMO / feed["file"]).read_bytes()
    items: list[Any] = module.parse_feed(feed["kind"], data, feed["url"], **options)
    return items


def check_feed(feed: Record, pages: dict[str, Record]) -> tuple[int, list[str]]:
    problems: list[str] = []
    try:
        items = parse_feed_file(feed)
    except Exception as exc:
        return 0, [f"parse failed: {type(exc).__name__}: {exc}"]
    got = {canonical(i.url): i for i in items}
    wanted = {canonical(i["url"]): i for i in feed["items"]}
    for url in sorted(set(got) - set(wanted)):
        problems.append(f"unexpected link {url}")
    for url, want in wanted.items():
        item = got.get(url)
        if item is None:
            problems.append(f"missing link {url}")
            continue
        if norm(item.title or "") != norm(want["title"]):
            problems.append(f"{url}: title {item.title!r}, want {want['title']!r}")
        if feed["kind"] == "gdelt_doc":
            # GDELT's seendate is when its crawler saw the page (`crawled_at` since the feed
            # parsers were refactored; `published_at` before): after the page's own date.
            when = getattr(item, "crawled_at", None) or item.published_at
            page = instant(want["published"])
            assert page is not None
            if when is None or not (page <= when.astimezone(UTC) <= page + timedelta(days=1)):
                problems.append(f"{url}: seen {when}, page published {want['published']}")
        elif feed["dated"]:
            when = item.published_at
            if when is None or when.astimezone(UTC) != instant(want["published"]):
                problems.append(f"{url}: date {when}, want {want['published']}")
        if want.get("publisher") and item.publisher != want["publisher"]:
            problems.append(f"{url}: publisher {item.publisher!r}, want {want['publisher']!r}")
        if not url.startswith("http://news.google.com/") and url not in {
            canonical(u) for u in pages
        }:
            problems.append(f"{url}: no page in demo/site for it")
    return len(items), problems


# --- relevance (informational) ----------------------------------------------------------------


def _gazetteers() -> tuple[Any, Any]:
    """(relevance gazetteer, entity gazetteer) from the project's config."""
    from config.knowledge import load_knowledge
    from tracking.knowledge import prepare

    knowledge = prepare(load_knowledge(ROOT / "config", 3.0))
    return knowledge.relevance, knowledge.entities


def relevance_checker() -> Callable[..., Any]:
    from tracking.assess import ArticleText as article_text
    from tracking.assess import assess

    rel, gaz = _gazetteers()

    def judge(key: str, record: Record, full: bool = False) -> Any:
        published = record.get("published_at")
        text = article_text(
            key,
            record.get("title"),
            "\n\n".join(record.get("body") or []),
            record.get("language"),
            datetime.fromisoformat(published) if published else None,
        )
        assessment = assess(text, rel, gaz)
        if full:
            return assessment
        scored = assessment.relevance
        return bool(scored.is_relevant), float(getattr(scored, "score", float("nan")))

    return judge


def tracking_report(
    expected: list[Record], pages: dict[str, Record], records: dict[str, Record]
) -> None:
    """Informational: how the tracker's near-duplicate signatures and figure extraction see the
    corpus (syndicated copies should score high, near-duplicates above the threshold; every
    labelled figure should be found with its value and as-of date)."""
    try:
        judge = relevance_checker()
    except Exception as exc:
        print(f"tracking report unavailable: {type(exc).__name__}: {exc}")
        return
    done = {}
    for line in expected:
        if line.get("kind", "page") == "page" and "error" not in records.get(
            line["url"], {"error": 1}
        ):
            done[line["url"]] = judge(pages[line["url"]]["key"], records[line["url"]], full=True)
    print("\n== Tracking (informational): copies' MinHash similarity to their original ==")
    for line in expected:
        if line["copy_of"] and line["url"] in done and line["copy_of"] in done:
            mine, theirs = done[line["url"]].signature, done[line["copy_of"]].signature
            similarity = mine.similarity(theirs) if mine and theirs else 0.0
            print(
                f"  {similarity:4.2f}  {line['role']:<16} {pages[line['url']]['key']} -> "
                f"{pages[line['copy_of']]['key']}"
            )
    print("\n== Tracking (informational): labelled figures found by the fact extractor ==")
    # Counts of what a happening produced (MoUs, areas, projects) are dated by the happening
    # itself, so a figure found without an as-of date is the expected reading for them.
    event_counts = {"mous_signed", "cooperation_areas", "cooperation_projects"}
    found = missed = wrong_date = undated_event = 0
    misses: list[str] = []
    for line in expected:
        facts = done[line["url"]].facts if line["url"] in done else None
        figures = list(getattr(facts, "figures", []) or [])
        for want in line["figures"]:
            same_value = [
                f for f in figures if abs(f.value - want["value"]) < 1e-6 * max(1, want["value"])
            ]
            dated = [f for f in same_value if f.as_of and str(f.as_of) == want["as_of"]]
            if dated:
                found += 1
            elif same_value and want["measure"] in event_counts and same_value[0].as_of is None:
                undated_event += 1
            elif same_value:
                wrong_date += 1
                misses.append(
                    f"  as_of {same_value[0].as_of} (ours {want['as_of']}): {want['measure']}="
                    f"{want['value']:g} in {pages[line['url']]['key']}"
                )
            else:
                missed += 1
                misses.append(
                    f"  not found: {want['measure']}={want['value']:g} "
                    f"in {pages[line['url']]['key']}"
                )
    print(
        f"  {found} found with our as-of date; {undated_event} happening counts (MoUs, areas, "
        f"projects) found, undated as expected; {wrong_date} timeline figures found without "
        f"their as-of date; {missed} not found"
    )
    for m in misses:
        print(m)


# --- originality ------------------------------------------------------------------------------

# Names of happenings, offices and organisations: facts every report repeats, not expression.
PROPER = [
    "High-Level Meeting cum First Plenary Session of the Hong Kong/Zhejiang Co-operation "
    "Conference",
    "Hong Kong/Zhejiang Co-operation Conference",
    "Hong Kong/Zhejiang Cooperation Conference",
    "Zhejiang and Hong Kong Cooperation Theme Forum",
    "Hangzhou-Hong Kong Innovation and Cooperation Forum",
    "Hong Kong & Macao - Zhejiang Week",
    "Hong Kong & Macao-Zhejiang Week",
    "Secretary for Innovation and Technology",
    "Secretary for Innovation & Technology",
    "Hong Kong Trade Development Council",
    "CPC Hangzhou Municipal Committee",
    "CPC Zhejiang Provincial Committee",
    "Communist Party of China",
    "Olympic Council of Asia",
    "smart city construction, high-end services, the financial industry, artificial "
    "intelligence applications and new energy",
    "香港／浙江合作會議高層會晤暨第一次全體會議",
    "香港／浙江合作会议高层会晤暨第一次全体会议",
    "智慧城市建设、高端服务业、金融业、人工智能应用",
    "智慧城市建設、高端服務業、金融業、人工智能應用",
    "創新及科技局局長",
    "创新及科技局局长",
    "香港特区行政长官",
    "中共浙江省委書記",
    "中共杭州市委书记",
    "Chief Executive Carrie Lam",
    "Chief Executive John Lee",
    "Carrie Lam Cheng Yuet-ngor",
    "John Lee Ka-chiu",
    "Nicholas W Yang",
    "Nicholas W. Yang",
    "Nicholas Yang Wei-hsiung",
    "Margaret Fong",
    "Timothy Fok Tsun-ting",
    "Zhou Jiangyong",
    "Zhang Zhongcan",
    "Yi Lianhong",
    "Executive Director",
    "Party Secretary",
    "Party secretary",
    "行政長官林鄭月娥",
    "行政長官李家超",
    "香港特區行政長官",
    "中共杭州市委書記周江勇",
    "杭州市委书记周江勇",
    "杭州市委副书记张仲灿",
    "中共杭州市委副書記張仲燦",
    "亞洲奧林匹克理事會副會長霍震霆",
    "亚洲奥林匹克理事会副会长霍震霆",
    "香港貿發局總裁方舜文",
    "香港贸发局总裁方舜文",
    "浙江省委书记易炼红",
    "中共浙江省委書記易煉紅",
    "省委书记易炼红",
    "香港特区行政长官李家超",
    "香港特区行政长官林郑月娥",
    "High-Level Meeting cum First Plenary Session of Hong Kong/Zhejiang Co-operation Conference",
    "合作会议高层会晤暨第一次全体会议",
    "合作會議高層會晤暨第一次全體會議",
    "智慧城市建設、高端服務業、金融服務、人工智能應用",
    "杭港创新合作论坛",
    "杭港創新合作論壇",
    "浙港合作主题论坛",
    "浙港合作主題論壇",
    "香港澳门·浙江周",
    "港澳‧浙江周",
    "香港／浙江合作会议",
    "香港／浙江合作會議",
    "港浙合作会议",
    "港浙合作會議",
    "香港貿易發展局",
    "香港贸易发展局",
    "創新及科技局局長楊偉雄",
    "创新及科技局局长杨伟雄",
]
# Datelines and credits: the wire's format, not its words.
_DATELINES = re.compile(
    r"(新华社|人民网|中国日报网)\S{0,6}?\d{1,2}月\d{1,2}日电(\s*[（(][^）)]{0,30}[）)])?"
    r"|[A-Z]{4,}, [A-Z][a-z]+ \d{1,2} \(Xinhua\) --|\(Xinhua/[^)]*\)|Photo: \w+"
)
_TAGS = re.compile(r"<[^>]+>")
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _plain(text: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", text)).lower().split())


def _shingles(text: str, proper: list[str]) -> set[str]:
    text = _plain(_DATELINES.sub(" | ", html.unescape(text)))
    for name in sorted(proper, key=len, reverse=True):  # longest first: names nest
        text = text.replace(_plain(name), " | ")
    if _CJK_CHAR.search(text):
        chars = re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", text)
        return {chars[i : i + 12] for i in range(max(0, len(chars) - 11))}
    words = re.findall(r"[a-z0-9$]+|\|", text)
    grams = (words[i : i + 8] for i in range(max(0, len(words) - 7)))
    return {" ".join(g) for g in grams if "|" not in g}


def originality_report(pages: dict[str, Record], headlines: Sequence[Record] = ()) -> int:
    """Shared 8-word (English) or 12-character (Chinese) runs between our text and the tests'
    fixtures, the benchmark data, the seed and the shared evaluation corpus, names excepted."""
    roots = [
        ROOT / "tests" / "fixtures",
        ROOT / "bench" / "data",
        *EVALUATION_DATA,
    ]
    reference: set[str] = set()
    for root in roots:
        for path in root.rglob("*") if root.exists() else ():
            if path.is_file() and path.suffix.lower() in (
                ".html",
                ".htm",
                ".xml",
                ".json",
                ".jsonl",
                ".txt",
                ".md",
                "",
            ):
                try:
                    reference |= _shingles(path.read_text("utf-8", "ignore"), PROPER)
                except OSError:
                    continue
    shared = 0
    print("\n== Originality: runs of text shared with fixtures, bench data, seed, shared corpus ==")
    for page in pages.values():
        for piece in [page["title"], *page["body"], *page["furniture"]]:
            common = _shingles(piece, PROPER) & reference
            if common:
                shared += 1
                print(f"  {page['key']}: {sorted(common)[0]!r} in {piece[:70]!r}")
    for line in headlines:
        common = _shingles(line["title"], PROPER) & reference
        if common:
            shared += 1
            print(f"  headline: {sorted(common)[0]!r} in {line['title']!r}")
    print(f"  {shared} passages share a run")
    return shared


# --- summary ----------------------------------------------------------------------------------


def iso_week(value: str) -> str:
    year, week, _ = datetime.fromisoformat(value).isocalendar()
    return f"{year}-W{week:02d}"


def table(title: str, counts: Counter[Any], order: list[Any] | None = None) -> str:
    keys = order or sorted(counts)
    width = max([len(str(k)) for k in keys] + [len(title)])
    lines = [f"{title:<{width}}  count", f"{'-' * width}  -----"]
    lines += [f"{k!s:<{width}}  {counts[k]:>5}" for k in keys]
    lines.append(f"{'total':<{width}}  {sum(counts[k] for k in keys):>5}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relevance", action="store_true", help="also run the relevance scorer")
    parser.add_argument(
        "--tracking",
        action="store_true",
        help="also compare copies' MinHash similarity and the extracted figures",
    )
    parser.add_argument(
        "--originality",
        action="store_true",
        help="look for runs of text shared with fixtures, bench data, seed, corpus",
    )
    parser.add_argument(
        "--cli",
        action="store_true",
        help="extract each page with the `hzhk extract` command (slower)",
    )
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args()
    global USE_CLI
    USE_CLI = args.cli

    intended = json.loads((DEMO / "intended.json").read_text("utf-8"))
    expected = [
        json.loads(line) for line in (DEMO / "expected.jsonl").read_text("utf-8").splitlines()
    ]
    pages: dict[str, Record] = intended["pages"]
    failures = 0

    how = (
        "the hzhk extract command" if USE_CLI else "parsers.article.parse_article, as hzhk extract"
    )
    print(f"== Pages: hzhk extract FILE --url URL (via {how}) ==")
    records: dict[str, Record] = {}
    by_parser: Counter[str] = Counter()
    for url, want in sorted(pages.items(), key=lambda kv: kv[1]["published"]):
        got, problems = check_page(url, want)
        records[url] = got
        by_parser[got.get("parser", "error")] += 1
        if problems:
            failures += 1
            print(f"FAIL {want['file']}")
            for p in problems:
                print(f"     {p}")
        elif args.verbose:
            print(
                f"ok   {got['parser']:<14} {got['language']:<8} {got['published_at']}  "
                f"{got['title'][:60]}"
            )
    print(f"{len(pages) - failures}/{len(pages)} pages pass")
    print(table("parser", by_parser))

    print("\n== Feeds: parsers.feeds.parse_feed(kind, bytes, url, **options) ==")
    feed_failures = 0
    listed: set[str] = set()
    print(f"{'source':<26} {'kind':<13} {'items':>5}  status")
    for feed in intended["feeds"]:
        count, problems = check_feed(feed, pages)
        listed |= {canonical(i["url"]) for i in feed["items"]}
        status = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"{feed['id']:<26} {feed['kind']:<13} {count:>5}  {status}")
        for p in problems:
            print(f"     {p}")
        feed_failures += bool(problems)
    unlisted = [u for u in pages if canonical(u) not in listed]
    if unlisted:
        feed_failures += 1
        print(f"pages no feed lists: {unlisted}")
    print(
        f"{len(intended['feeds']) - feed_failures}/{len(intended['feeds'])} feeds pass; "
        f"every page listed: {not unlisted}"
    )

    expected_urls = {e["url"] for e in expected if e.get("kind", "page") == "page"}
    if expected_urls != set(pages):
        failures += 1
        print("expected.jsonl and intended.json disagree on the pages")

    print("\n== Corpus ==")
    page_lines = [e for e in expected if e.get("kind", "page") == "page"]
    print(table("language (pages)", Counter(e["language"] for e in page_lines)))
    print()
    print(table("publisher (pages)", Counter(e["publisher"] for e in page_lines)))
    print()
    print(table("ISO week (pages)", Counter(iso_week(e["published"]) for e in page_lines)))
    print()
    print(table("role (pages + headlines)", Counter(e["role"] for e in expected)))
    print()
    print(table("trap kind", Counter(e["trap"] for e in expected if e["trap"])))
    print()
    print(
        table(
            "happening (pages + headlines)",
            Counter(e["happening"] for e in expected if e["happening"]),
        )
    )
    print(f"\nGoogle News headline items: {len(expected) - len(page_lines)}")

    if args.relevance:
        print("\n== Relevance (informational): assess(...).relevance.is_relevant vs our label ==")
        try:
            judge = relevance_checker()
        except Exception as exc:
            print(f"relevance check unavailable: {type(exc).__name__}: {exc}")
        else:
            disagree = 0
            for line in page_lines:
                record = records.get(line["url"]) or {}
                if "error" in record or not record:
                    continue
                verdict, score = judge(pages[line["url"]]["key"], record)
                if verdict != line["relevant"]:
                    disagree += 1
                    label = line["trap"] or line["role"]
                    print(
                        f"  scorer {verdict!s:<5} (score {score:5.2f}), "
                        f"ours {line['relevant']!s:<5} "
                        f"[{label}] {pages[line['url']]['key']}: {line['title'][:70]}"
                    )
            heads = [e for e in expected if e.get("kind") == "google_news_headline"]
            for line in heads:
                record = {
                    "title": line["title"],
                    "body": [],
                    "language": line["language"],
                    "published_at": line["published"],
                }
                verdict, score = judge(line["url"], record)
                if verdict != line["relevant"]:
                    disagree += 1
                    print(
                        f"  scorer {verdict!s:<5} (score {score:5.2f}), "
                        f"ours {line['relevant']!s:<5} "
                        f"[headline] {line['title'][:70]}"
                    )
            counted = f"{len(page_lines)} pages and {len(heads)} headlines"
            print(f"{disagree} disagreement(s) among {counted}")

    if args.tracking:
        tracking_report(expected, pages, records)

    headlines = [e for e in expected if e.get("kind") == "google_news_headline"]
    if args.originality and originality_report(pages, headlines):
        failures += 1

    ok = failures == 0 and feed_failures == 0
    print(
        f"\nRESULT: {'PASS' if ok else 'FAIL'} ({failures} page problem(s), "
        f"{feed_failures} feed problem(s))"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""The digest page in a real browser (Debian's Chromium, driven by Playwright): at a phone's
width and a desktop's, every section is there, nothing pushes the page sideways, Chinese text
gets a CJK font, the console stays clean, nothing is fetched, and print hides the navigation and
shows link targets. Screenshots go to pytest's tmp dir, and to $HZHK_SCREENSHOT_DIR when set.

Chromium comes from `scripts/browser.sh` (apt-get); Playwright's own browser download cannot
reach the internet from here, so it is launched with `executable_path`. The tests skip, saying
why, only where no Chromium binary is found.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

from digest import IndexEntry, render_html, render_index
from digest.render import SECTIONS
from records.digest import Digest
from tests.conftest import missing_tool
from tests.digest.factory import big_digest, empty_digest, week_digest

pytestmark = pytest.mark.browser

# Read at import: the suite's autouse fixture clears HZHK_* variables before each test runs.
CHROMIUM = os.environ.get("HZHK_CHROMIUM", "/usr/bin/chromium")
SCREENSHOT_DIR = os.environ.get("HZHK_SCREENSHOT_DIR")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = (390, 844)
DESKTOP = (1280, 900)
DIGESTS = {"week": lambda: week_digest(demo=True), "busy": big_digest, "empty": empty_digest}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing_tool(
            f"no Chromium at {CHROMIUM}: run scripts/browser.sh as root to install Debian's "
            "chromium and fonts-noto-cjk (or set HZHK_CHROMIUM)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """A page opened at one size, with what the browser reported while loading it."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def number(self, script: str) -> float:
        return float(self.page.evaluate(script))


@pytest.fixture
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    page = browser.new_page()
    seen = Visit(page)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            seen.errors.append(message.text)

    def on_request(request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "about:")):
            seen.requests.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    page.on("request", on_request)
    yield seen
    page.close()


def open_page(visit: Visit, html: str, size: tuple[int, int], path: Path) -> None:
    path.write_text(html, encoding="utf-8")
    visit.page.set_viewport_size({"width": size[0], "height": size[1]})
    visit.page.goto(path.as_uri(), wait_until="load")


def screenshot(visit: Visit, tmp_path: Path, name: str) -> Path:
    shot = tmp_path / f"{name}.png"
    visit.page.screenshot(path=str(shot), full_page=True)
    if SCREENSHOT_DIR:
        Path(SCREENSHOT_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(SCREENSHOT_DIR) / shot.name)
    return shot


def overflowing(visit: Visit) -> list[str]:
    """Elements whose right edge passes the viewport (outside a scrolling box): the culprits
    when the page scrolls sideways."""
    return list(
        visit.page.evaluate(
            """() => {
            const width = window.innerWidth, out = [];
            const scrolls = el => el.closest('.scroll');
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.right > width + 0.5 && !scrolls(el)) {
                    out.push(el.tagName + '.' + el.className + ': ' + el.textContent.slice(0, 40));
                }
            }
            return out.slice(0, 10);
        }"""
        )
    )


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", sorted(DIGESTS))
def test_the_digest_reads_at_phone_and_desktop_width(
    visit: Visit, tmp_path: Path, kind: str, size: tuple[int, int]
) -> None:
    d: Digest = DIGESTS[kind]()
    html = render_html(d, "2019-W23.html", "2019-W25.html", "index.html")
    open_page(visit, html, size, tmp_path / f"{kind}.html")

    for section_id, title in SECTIONS:
        heading = visit.page.locator(f"#{section_id} > h2")
        assert heading.is_visible() and heading.inner_text() == title
    assert visit.page.locator("h1").inner_text().startswith(f"Week {d.period.label}")
    # Nothing pushes the page sideways: long URLs and CJK titles wrap, tables scroll in a box.
    scroll_width = visit.number("document.scrollingElement.scrollWidth")
    assert scroll_width <= visit.number("window.innerWidth"), overflowing(visit)
    assert not visit.errors, visit.errors
    assert not visit.requests, visit.requests  # one self-contained file
    shot = screenshot(visit, tmp_path, f"digest-{kind}-{size[0]}x{size[1]}")
    assert shot.stat().st_size > 10_000


def test_chinese_titles_get_a_cjk_font_and_chart_labels_stay_legible_on_a_phone(
    visit: Visit, tmp_path: Path
) -> None:
    open_page(visit, render_html(week_digest()), PHONE, tmp_path / "week.html")

    session = visit.page.context.new_cdp_session(visit.page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("#event-1 h3 span", "#event-3 h3 span"):
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        families = {f["familyName"] for f in fonts}
        assert any("CJK" in name for name in families), (
            f"{selector} drew with {families}: install fonts-noto-cjk (scripts/browser.sh)"
        )
    # The SVG scales down with the screen; its labels must not shrink below 9 px.
    heights = visit.page.eval_on_selector_all(
        "svg.chart text", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 9, heights


def test_print_hides_the_navigation_and_shows_where_links_go(visit: Visit, tmp_path: Path) -> None:
    html = render_html(week_digest(), "2019-W23.html", "2019-W25.html", "index.html")
    open_page(visit, html, DESKTOP, tmp_path / "week.html")
    assert visit.page.locator("nav.pager").is_visible()

    visit.page.emulate_media(media="print")

    assert not visit.page.locator("nav.pager").is_visible()
    assert not visit.page.locator("nav.toc").is_visible()
    after = visit.page.eval_on_selector(
        "#event-1 .links a", "a => getComputedStyle(a, '::after').content"
    )
    assert "https://www.chinadaily.com.cn/" in after


def test_the_index_page_reads_on_a_phone(visit: Visit, tmp_path: Path) -> None:
    entries = [
        IndexEntry.from_digest(week_digest(demo=True), "w24.md", "w24.html", "w24.json"),
        IndexEntry.from_digest(empty_digest(), "w27.md", "w27.html", "w27.json"),
    ]
    open_page(visit, render_index(entries), PHONE, tmp_path / "index.html")

    assert visit.page.locator("li.digest-entry").count() == 2
    assert visit.number("document.scrollingElement.scrollWidth") <= PHONE[0], overflowing(visit)
    assert not visit.errors and not visit.requests
    screenshot(visit, tmp_path, "index-390x844")

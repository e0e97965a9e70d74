"""Chinese pages through a real server: declared, wrong and missing charsets end up as good text."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from tests.fetch.fetch_harness import Harness
from warehouse.archive import read_body

# Our own sentences, about the real 2024 Hangzhou–Hong Kong cooperation meetings.
SIMPLIFIED = "杭州与香港签署多项合作协议，涵盖金融、创新科技及人才交流。两地将加强数字经济合作。"
TRADITIONAL = "杭州與香港簽署多項合作協議，涵蓋金融、創新科技及人才交流。兩地將加強數字經濟合作。"


def page(text: str, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>杭港合作</title></head><body><p>{text}</p></body></html>"


def fetch_page(
    harness: Harness, server: HTTPServer, path: str, body: bytes, content_type: str
) -> tuple[str, str]:
    server.expect_request("/robots.txt").respond_with_data("", status=404)
    server.expect_request(path).respond_with_data(body, content_type=content_type)
    result = harness.fetch_and_store(server.url_for(path))
    assert result.ok and result.decoded is not None
    stored = read_body(harness.con, harness.archive_dir, server.url_for(path))
    assert stored is not None and stored.charset == result.decoded.charset
    return result.decoded.text, result.decoded.charset


def test_gbk_page_declared_in_the_header(harness: Harness, server: HTTPServer) -> None:
    body = page(SIMPLIFIED).encode("gbk")
    text, charset = fetch_page(harness, server, "/gbk", body, "text/html; charset=GBK")
    assert SIMPLIFIED in text and charset == "gb18030"


def test_big5_page_declared_in_meta(harness: Harness, server: HTTPServer) -> None:
    body = page(TRADITIONAL, "big5").encode("big5")
    text, charset = fetch_page(harness, server, "/big5", body, "text/html")
    assert TRADITIONAL in text and charset == "big5hkscs"


def test_big5_bytes_declared_as_gbk_are_corrected(harness: Harness, server: HTTPServer) -> None:
    body = page(TRADITIONAL, "gbk").encode("big5")
    text, charset = fetch_page(harness, server, "/wrong", body, "text/html; charset=gbk")
    assert TRADITIONAL in text and charset == "big5hkscs"


def test_utf8_declared_as_latin1_is_corrected(harness: Harness, server: HTTPServer) -> None:
    body = page(SIMPLIFIED).encode("utf-8")
    text, charset = fetch_page(harness, server, "/u8", body, "text/html; charset=iso-8859-1")
    assert SIMPLIFIED in text and charset == "utf-8"


def test_missing_charset_is_detected(harness: Harness, server: HTTPServer) -> None:
    body = page(SIMPLIFIED * 3).encode("gb18030")
    text, charset = fetch_page(harness, server, "/none", body, "text/html")
    assert SIMPLIFIED in text and charset == "gb18030"

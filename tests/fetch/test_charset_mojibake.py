"""The mojibake check in `decode_html`: a declaration that decodes cleanly into nonsense is
replaced, and a correct declaration is never second-guessed."""

from __future__ import annotations

import pytest

from parsers.charset import MESS_LIMIT, decode_html, mess

TRADITIONAL = "香港特區政府與浙江省簽署合作備忘錄，推動兩地在金融服務和創新科技方面的交流。"
SIMPLIFIED = "香港特区政府与浙江省签署合作备忘录，推动两地在金融服务和创新科技方面的交流。"


def html(text: str, charset: str) -> str:
    return f'<html><head><meta charset="{charset}"></head><body><p>{text}</p></body></html>'


def test_big5_read_as_gbk_is_mojibake_by_the_numbers() -> None:
    garbled = TRADITIONAL.encode("big5").decode("gb18030")
    assert mess(garbled) > MESS_LIMIT > mess(TRADITIONAL)


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "expected"),
    [
        (TRADITIONAL, "big5", "gbk", "big5hkscs"),
        (SIMPLIFIED, "gbk", "big5", "gb18030"),
        (SIMPLIFIED, "gbk", "windows-1252", "gb18030"),
    ],
)
def test_wrong_declaration_is_corrected(
    text: str, encoding: str, declared: str, expected: str
) -> None:
    decoded = decode_html(html(text, declared).encode(encoding))
    assert decoded.charset == expected and text in decoded.text
    assert decoded.corrected and decoded.declared == declared and decoded.source == "detected"


@pytest.mark.parametrize(
    ("text", "encoding", "declared", "expected"),
    [
        (TRADITIONAL, "big5hkscs", "big5", "big5hkscs"),
        (SIMPLIFIED, "gb18030", "gb2312", "gb18030"),
        ("Café crème à São Paulo, déjà vu — naïve façade.", "cp1252", "iso-8859-1", "cp1252"),
    ],
)
def test_right_declaration_is_kept(text: str, encoding: str, declared: str, expected: str) -> None:
    decoded = decode_html(html(text, declared).encode(encoding))
    assert decoded.charset == expected and text in decoded.text and not decoded.corrected

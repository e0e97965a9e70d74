"""The gazetteer is data: a new alias needs no code, a broken file says what is wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from config.errors import ConfigError
from tests.tracking.config_helpers import gazetteer_from
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts
from tracking.figures import zh_number


def test_every_entity_has_its_three_scripts(gazetteer: Gazetteer) -> None:
    for entity in gazetteer.entities:
        assert entity.name_zh_hans and entity.name_zh_hant, entity.entity_id


def test_an_alias_added_to_the_config_is_matched(config_dir: Path) -> None:
    path = config_dir / "entities.toml"
    text = path.read_text("utf-8")
    text = text.replace('aliases = ["HKTDC",', 'aliases = ["Trade Council", "HKTDC",')
    path.write_text(text, "utf-8")
    facts = extract_facts(None, "The Trade Council opened.", "en", None, gazetteer_from(config_dir))
    assert [(m.entity_id, m.surface) for m in facts.mentions] == [("hktdc", "Trade Council")]


def test_context_aliases_mark_only_the_name(gazetteer: Gazetteer) -> None:
    text = "代表團昨日抵港，又在港口參觀；杭州灣新區不是杭州。"
    facts = extract_facts(None, text, "zh-Hant", None, gazetteer)
    found = [(m.entity_id, text[m.start : m.end]) for m in facts.mentions]
    assert found == [("hong-kong", "港"), ("hangzhou-bay", "杭州灣新區"), ("hangzhou", "杭州")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[entity]]\nid = 'x'\ntype = 'planet'\nen = 'X'\n", "type must be one of"),
        ("[[entity]]\nid = 'x'\ntype = 'place'\n", "needs a non-empty `id` and `en`"),
        ("[[entity]]\nid = 'x'\ntype = 'place'\nen = 'X'\naliases = 'Y'\n", "list of strings"),
        ("[[entity]]\nid='x'\ntype='place'\nen='X'\n[[entity]]\nid='x'\ntype='place'\nen='Y'\n",
         "duplicate entity ids"),
        ("[[entity]]\nid = 'x'\ntype = 'place'\nen = 'X'\ncontextual = ['it']\n", "`after`"),
        ("[[entity]\n", "cannot read"),
    ],
)  # fmt: skip
def test_a_broken_gazetteer_names_the_problem(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "entities.toml").write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message):
        gazetteer_from(tmp_path)


def test_chinese_numerals() -> None:
    assert [zh_number(n) for n in ("51", "1.4", "十三", "二十", "两千", "一百零五")] == [
        51,
        1.4,
        13,
        20,
        2000,
        105,
    ]


@pytest.mark.parametrize(
    "body",
    [
        "杭州去年吸引港资140亿美元；浙江经济总量达1.4万亿元，推出51个项目，涵盖13个领域。",
        "杭州去年吸引港資140億美元；浙江經濟總量達1.4萬億元，推出51個項目，涵蓋13個領域。",
    ],
    ids=["simplified", "traditional"],
)
def test_chinese_amounts_and_counts_in_both_scripts(gazetteer: Gazetteer, body: str) -> None:
    facts = extract_facts(None, body, None, datetime(2020, 1, 2), gazetteer)
    assert [(f.subject, f.value, f.unit, f.currency) for f in facts.figures] == [
        ("杭州吸引港资", 14e9, "money", "USD"),  # 140亿美元 = US$14 billion
        ("浙江经济总量", 1.4e12, "money", "CNY"),
        ("项目", 51, "count", None),
        ("领域", 13, "count", None),
    ]
    numbers = ["140", "1.4", "51", "13"]
    assert [
        body[f.start : f.start + len(n)] for f, n in zip(facts.figures, numbers, strict=True)
    ] == numbers

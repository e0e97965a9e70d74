"""Unknown names: split at known names and titles, longer names proposed whole, noise left out."""

from __future__ import annotations

from datetime import datetime

from records.facts import ArticleFacts
from tracking.entities import Gazetteer
from tracking.extraction import extract_facts

PUBLISHED = datetime(2024, 5, 6, 8)


def facts(gazetteer: Gazetteer, body: str) -> ArticleFacts:
    return extract_facts(None, body, None, PUBLISHED, gazetteer)


def test_titles_and_known_names_split_a_run_of_capitals_into_people_with_roles(
    gazetteer: Gazetteer,
) -> None:
    body = (
        "Hangzhou Mayor Lin Mingde met Hong Kong Financial Secretary Tony Wong Kai-ming on Monday, "
        "as Zhejiang Party Secretary Wang Hao looked on."
    )
    found = facts(gazetteer, body)
    assert [(c.name, c.entity_type, c.role) for c in found.candidates] == [
        ("Lin Mingde", "person", "Hangzhou Mayor"),
        ("Tony Wong Kai-ming", "person", "Hong Kong Financial Secretary"),
        ("Wang Hao", "person", "Zhejiang Party Secretary"),
    ]
    assert [m.name for m in found.mentions] == ["Hangzhou", "Hong Kong", "Zhejiang"]


def test_a_longer_unknown_organisation_is_proposed_instead_of_the_place_inside_it(
    gazetteer: Gazetteer,
) -> None:
    body = (
        "Researchers from Hong Kong Polytechnic University and Geely Holding Group met in Hangzhou."
    )
    found = facts(gazetteer, body)
    assert [(c.name, c.entity_type) for c in found.candidates] == [
        ("Hong Kong Polytechnic University", "organization"),
        ("Geely Holding Group", "organization"),
    ]
    assert [m.surface for m in found.mentions] == ["Hangzhou"]  # no "Hong Kong" inside the name


def test_a_happening_named_after_a_place_leaves_the_place_a_mention(gazetteer: Gazetteer) -> None:
    found = facts(gazetteer, "Hong Kong Innovation Forum opened on Monday.")
    assert found.candidates == ()
    assert [m.surface for m in found.mentions] == ["Hong Kong"]


def test_amounts_currencies_and_mixed_script_runs_are_not_names(gazetteer: Gazetteer) -> None:
    body = "Trade with Hangzhou reached 88bn RMB last year, and Zhejiang GDP达到1万亿元, NGOs said."
    assert facts(gazetteer, body).candidates == ()


def test_chinese_organisations_are_proposed_by_their_suffix(gazetteer: Gazetteer) -> None:
    body = "香港科技大学与吉利控股集团签署合作协议，杭州市商务局负责人出席。"
    found = facts(gazetteer, body)
    assert [(c.name, c.entity_type) for c in found.candidates] == [
        ("香港科技大学", "organization"),
        ("吉利控股集团", "organization"),
        ("杭州市商务局", "organization"),
    ]
    assert found.mentions == ()  # 香港 and 杭州市 are parts of those names here


def test_a_common_word_ending_like_an_organisation_is_no_name(gazetteer: Gazetteer) -> None:
    found = facts(gazetteer, "杭州优化产业布局，香港当局表示欢迎。")
    assert found.candidates == ()


def test_jieba_keeps_only_the_tags_names_are_read_from_and_cuts_as_before() -> None:
    import jieba
    import jieba.posseg

    from tracking.candidates import _tokens
    from tracking.chinese_words import NAME_FLAGS

    text = (
        "杭州市副市长陈立新周二在香港会见了香港贸易发展局总裁，双方签署了数字经济合作备忘录。"
        "浙江大学与香港科技大学将共建联合实验室，吉利控股集团也派代表出席。"
    )
    full = jieba.posseg.POSTokenizer(jieba.Tokenizer())  # jieba's own dicts, the whole tag table

    def read(flag: str) -> str:
        return flag if flag.startswith(NAME_FLAGS) else "not a name"

    assert [(w, read(f)) for w, f, _, _ in _tokens(text)] == [
        (p.word, read(p.flag)) for p in full.cut(text)
    ]

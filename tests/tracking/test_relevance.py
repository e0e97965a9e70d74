"""Relevance: both sides together, in any script, pass; the known traps fail, with their reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracking.relevance import (
    RelevanceConfigError,
    RelevanceGazetteer,
    load_relevance,
    score_article,
)

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="module")
def gazetteer() -> RelevanceGazetteer:
    return load_relevance(PROJECT_CONFIG)


def groups(title: str, body: str, gazetteer: RelevanceGazetteer) -> dict[str, float]:
    """Contribution per group, summed."""
    found: dict[str, float] = {}
    for r in score_article(title, body, gazetteer).reasons:
        found[r.group] = found.get(r.group, 0.0) + r.contribution
    return found


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Hangzhou delegation signs deals in Hong Kong",
            "A Hangzhou delegation signed five agreements with Hong Kong companies on Monday.",
        ),
        ("杭州代表团赴港签约", "杭州市代表团在香港与多家企业签署合作协议，涉及金融和科技领域。"),
        ("杭州代表團赴港簽約", "杭州市代表團在香港與多家企業簽署合作協議，涉及金融和科技領域。"),
    ],
    ids=["en", "zh-Hans", "zh-Hant"],
)
def test_both_sides_signing_in_one_sentence_is_relevant_in_each_script(
    title: str, body: str, gazetteer: RelevanceGazetteer
) -> None:
    result = score_article(title, body, gazetteer)
    assert result.is_relevant
    pair = [r for r in result.reasons if r.group == "pair_sentence"]
    assert pair[0].field == "title" and pair[0].sentence == 0
    assert any(r.group == "action_with_pair" for r in result.reasons)


def test_traditional_and_simplified_score_the_same(gazetteer: RelevanceGazetteer) -> None:
    simplified = score_article("杭港合作论坛举行", "杭州与香港签署备忘录。", gazetteer)
    traditional = score_article("杭港合作論壇舉行", "杭州與香港簽署備忘錄。", gazetteer)
    assert simplified.score == traditional.score
    assert traditional.reasons[0].term == "杭港合作"  # reasons quote the article's own text
    assert traditional.reasons[0].group == "joint"


def test_a_side_named_alone_is_never_enough(gazetteer: RelevanceGazetteer) -> None:
    hangzhou = score_article("Hangzhou opens metro line", "Hangzhou opened a new line.", gazetteer)
    hong_kong = score_article("香港天文台發出八號風球", "香港學校停課。", gazetteer)
    assert not hangzhou.is_relevant and not hong_kong.is_relevant


def test_both_sides_named_without_cooperation_stays_below_the_threshold(
    gazetteer: RelevanceGazetteer,
) -> None:
    result = score_article(
        "Holiday crowds",
        "Hotels in Hangzhou were full, with many guests coming from Hong Kong.",
        gazetteer,
    )
    assert "pair_sentence" in {r.group for r in result.reasons}
    assert not result.is_relevant


def test_port_is_not_hong_kong(gazetteer: RelevanceGazetteer) -> None:
    found = groups(
        "宁波舟山港吞吐量创新高", "杭州港和宁波舟山港的港口集装箱航线继续增加。", gazetteer
    )
    assert "hong_kong" not in found
    assert found["trap_port"] < 0


def test_hangzhou_bay_is_not_hangzhou(gazetteer: RelevanceGazetteer) -> None:
    result = score_article(
        "Traffic on Hangzhou Bay Bridge",
        "A Hong Kong firm opened a plant in 杭州湾新区.",
        gazetteer,
    )
    assert not result.is_relevant
    assert {r.group for r in result.reasons} >= {"trap_bay"}
    assert not any(r.group == "hangzhou_city" for r in result.reasons)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Alibaba shares jump on Hong Kong debut",
            "Shares of Hangzhou-based Alibaba rose 6 percent in their Hong Kong listing, and the "
            "Hong Kong-listed stock may join the Hang Seng index after Hangzhou officials cheered.",
        ),
        ("港股收市", "總部位於杭州的科技股在港股市場上漲，恒指收市升200點，杭州企業赴港上市增加。"),
    ],
    ids=["en", "zh-Hant"],
)
def test_market_chatter_is_rejected_with_negative_reasons(
    title: str, body: str, gazetteer: RelevanceGazetteer
) -> None:
    result = score_article(title, body, gazetteer)
    assert not result.is_relevant
    traps = [r for r in result.reasons if r.group == "trap_market"]
    assert traps and all(r.contribution <= 0 for r in traps)  # 0 once the traps' cap is reached
    assert traps[0].contribution < 0


def test_another_citys_cooperation_with_hong_kong_is_rejected(
    gazetteer: RelevanceGazetteer,
) -> None:
    result = score_article(
        "深港河套合作区建设提速", "深港双方签署合作协议，浙江企业也表示关注。", gazetteer
    )
    assert not result.is_relevant
    assert any(r.group == "trap_other_city" and r.contribution < 0 for r in result.reasons)


def test_reasons_say_where_each_term_was_found(gazetteer: RelevanceGazetteer) -> None:
    body = (
        "Hangzhou has many parks.\n\nIt met Hong Kong officials. They signed an MoU in Hong Kong."
    )
    result = score_article("Weekly notes", body, gazetteer)
    by_term = {(r.term, r.group): r for r in result.reasons}
    assert by_term[("Hangzhou", "hangzhou_city")].sentence == 0
    assert by_term[("Hong Kong", "hong_kong")].sentence == 1
    assert by_term[("Hong Kong", "hong_kong")].field == "body"
    assert not any(r.group == "pair_sentence" for r in result.reasons)  # never one sentence
    assert not any(r.group == "pair_paragraph" for r in result.reasons)  # nor one paragraph


def test_threshold_comes_from_settings_when_given(tmp_path: Path) -> None:
    strict = load_relevance(PROJECT_CONFIG, threshold=100.0)
    result = score_article("杭港合作论坛", "杭州与香港签署备忘录。", strict)
    assert result.score > 3 and not result.is_relevant


def test_a_broken_config_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "relevance.toml").write_text("threshold = 3\n[[group]]\nname = 'x'\n", "utf-8")
    with pytest.raises(RelevanceConfigError, match=r"relevance\.toml"):
        load_relevance(tmp_path)


def test_naming_many_places_of_one_side_adds_up_to_little(gazetteer: RelevanceGazetteer) -> None:
    body = (
        "Hong Kong news: HKTDC, InvestHK, Cyberport, HKSTP, LegCo, Kowloon and the HKSAR "
        "government all held events in Hong Kong this week, Carrie Lam and John Lee said."
    )
    result = score_article("A busy week in Hong Kong", body, gazetteer)
    assert not result.is_relevant
    assert sum(1 for r in result.reasons if r.group == "hong_kong") == 3  # title and body

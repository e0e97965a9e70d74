"""Relevance: both sides together, in any script, pass; the known traps fail, with their reasons."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from config.errors import ConfigError
from config.settings import load_settings
from records.articles import ArticleRecord, ArticleVersion
from records.ids import article_id
from records.tracking import TrackedBatch
from tests.tracking.config_helpers import relevance_from
from tracking.relevance import RelevanceGazetteer, score_article
from warehouse.articles import upsert_articles
from warehouse.db import open_warehouse
from warehouse.tracking import store_batch

PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "config"


@pytest.fixture(scope="module")
def gazetteer() -> RelevanceGazetteer:
    return relevance_from(PROJECT_CONFIG)


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
    strict = relevance_from(PROJECT_CONFIG, threshold=100.0)
    result = score_article("杭港合作论坛", "杭州与香港签署备忘录。", strict)
    assert result.score > 3 and not result.is_relevant


def test_a_broken_config_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "relevance.toml").write_text("threshold = 3\n[[group]]\nname = 'x'\n", "utf-8")
    with pytest.raises(ConfigError, match=r"relevance\.toml"):
        relevance_from(tmp_path)


def test_naming_many_places_of_one_side_adds_up_to_little(gazetteer: RelevanceGazetteer) -> None:
    body = (
        "Hong Kong news: HKTDC, InvestHK, Cyberport, HKSTP, LegCo, Kowloon and the HKSAR "
        "government all held events in Hong Kong this week, Carrie Lam and John Lee said."
    )
    result = score_article("A busy week in Hong Kong", body, gazetteer)
    assert not result.is_relevant
    hong_kong_side = {g.name for g in gazetteer.groups.values() if g.role == "hongkong"}
    assert sum(1 for r in result.reasons if r.group in hong_kong_side) == 3  # title and body


# --- near-misses: both cities named, but no Hangzhou–Hong Kong cooperation ---

NEAR_MISSES = {
    "tourists visiting": (
        "Hong Kong tourists are visiting Hangzhou's West Lake",
        "Hong Kong tourists are visiting Hangzhou's West Lake in record numbers, hotels said.",
        "action_not_counted",
    ),
    "tourists, Chinese": (
        "香港游客赴杭旅游",
        "国庆假期，香港游客赴杭旅游人数增长三成，杭州与香港之间的航班也有增加。",
        "cooccurrence_cap",
    ),
    "IPO underwriting": (
        "Hangzhou chipmaker signs IPO deal",
        "A Hangzhou chipmaker signed an underwriting agreement with banks in Hong Kong for its "
        "initial public offering.",
        "market_context",
    ),
    "listed in HK, supply deal": (
        "Battery maker signs supply agreement",
        "The battery maker, listed in HK since 2005, signed a supply agreement with a Hangzhou "
        "carmaker on Friday.",
        "trap_market",
    ),
    "Ningbo government MoU, Zhejiang attends": (
        "宁波市政府与香港特区政府签署合作备忘录",
        "宁波市政府与香港特区政府在香港签署合作备忘录，浙江省领导出席签约仪式。",
        "other_city_subject",
    ),
    "Wenzhou delegation in Hong Kong": (
        "Wenzhou delegation signs deals in Hong Kong",
        "A delegation from Wenzhou, Zhejiang province, signed 26 agreements in Hong Kong.",
        "other_city_subject",
    ),
    "football cooperation": (
        "Hangzhou side beat Hong Kong club",
        "A Hangzhou football club beat a Hong Kong side 3-1 in a friendly match as part of "
        "their cooperation.",
        "action_not_counted",
    ),
    "Shenzhen MoU, Hangzhou firms attend": (
        "Shenzhen and Hong Kong sign MoU",
        "Shenzhen and Hong Kong signed a memorandum of understanding on data on Wednesday. "
        "Officials and several Hangzhou firms attended the signing in Hong Kong.",
        "other_city_subject",
    ),
    "other place joined to Hong Kong, Hangzhou in one sentence": (
        "Shanghai, Hong Kong sign fintech pact; Hangzhou watches",
        "Shanghai and Hong Kong signed a fintech memorandum, and Hangzhou officials attended.",
        "other_city_subject",
    ),
    "restaurant chef signs": (
        "杭州港式茶餐厅开业",
        "杭州一家港式茶餐厅开业，老板与三名香港厨师签约。",
        "action_not_counted",
    ),
    "flight route": (
        "Cathay adds Hong Kong-Hangzhou flights",
        "Cathay Pacific will add flights on its Hong Kong-Hangzhou route from May.",
        "pair_sentence",
    ),
    "typhoon cancels flights": (
        "颱風吹襲 港杭航班取消",
        "受颱風影響，航空公司取消多班港杭航班。",
        "pair_sentence",
    ),
    "court case": (
        "Hangzhou court jails Hong Kong man",
        "A Hangzhou court sentenced a Hong Kong man for fraud after a joint venture agreement "
        "collapsed.",
        "action_not_counted",
    ),
    "Hangzhou–Macao pact": (
        "杭州與澳門簽署旅遊合作備忘錄",
        "杭州市旅遊局與澳門旅遊局簽署合作備忘錄。杭州去年已在香港舉辦旅遊推介活動。",
        "other_city_subject",
    ),
}


@pytest.mark.parametrize(("title", "body", "reason"), NEAR_MISSES.values(), ids=NEAR_MISSES)
def test_near_misses_are_rejected_with_the_reason_visible(
    title: str, body: str, reason: str, gazetteer: RelevanceGazetteer
) -> None:
    result = score_article(title, body, gazetteer)
    assert not result.is_relevant, result
    assert reason in {r.group for r in result.reasons}, result.reasons
    # what both sides named together adds is capped below the threshold, and shown when it is
    together = sum(r.contribution for r in result.reasons if r.group in _COOCCURRENCE)
    assert together < gazetteer.threshold


_COOCCURRENCE = {
    "hangzhou_city",
    "hong_kong",
    "pair_sentence",
    "pair_paragraph",
    "cooccurrence_cap",
}


def test_a_joint_term_on_a_flight_route_only_names_both_sides(
    gazetteer: RelevanceGazetteer,
) -> None:
    route = score_article("港杭航班加密", "航空公司宣布港杭航班每周增至42班。", gazetteer)
    pledge = score_article("港杭合作", "港杭兩地政府簽署合作協議。", gazetteer)
    assert not any(r.group == "joint" for r in route.reasons)
    assert any(r.group == "joint" and r.contribution > 0 for r in pledge.reasons)
    assert not route.is_relevant and pledge.is_relevant


def test_hkex_signing_with_the_hangzhou_government_outweighs_the_market_traps(
    gazetteer: RelevanceGazetteer,
) -> None:
    result = score_article(
        "香港交易所与杭州市人民政府签署战略合作备忘录",
        "香港交易所与杭州市人民政府在杭州签署战略合作备忘录。\n\n已有数十家杭州企业在香港上市。",
        gazetteer,
    )
    assert result.is_relevant
    groups = {r.group: r for r in result.reasons}
    assert groups["official_side"].term == "香港交易所"  # counted as the Hong Kong side
    assert groups["official_agreement"].contribution > 0
    factor = gazetteer.weights.market_factor_with_official_agreement
    trap = gazetteer.groups["trap_market"].weight
    assert groups["trap_market"].contribution == pytest.approx(trap * factor)  # still shown


def test_the_same_exchange_without_a_government_is_market_news(
    gazetteer: RelevanceGazetteer,
) -> None:
    result = score_article(
        "港交所迎来杭州新股", "杭州一家公司今日在港交所挂牌，股价上涨。", gazetteer
    )
    assert not result.is_relevant
    assert any(r.group == "trap_exchange" and r.contribution < 0 for r in result.reasons)


def test_zhejiang_stands_in_for_hangzhou_only_without_another_city(
    gazetteer: RelevanceGazetteer,
) -> None:
    ours = score_article(
        "Zhejiang and Hong Kong sign deals",
        "Zhejiang and Hong Kong signed 12 agreements.",
        gazetteer,
    )
    theirs = score_article(
        "Deals signed in Hong Kong",
        "Ningbo officials from Zhejiang signed 12 agreements with Hong Kong firms.",
        gazetteer,
    )
    assert ours.is_relevant and not theirs.is_relevant
    dropped = [r for r in theirs.reasons if r.group == "province_other_city"]
    assert dropped and dropped[0].term == "Zhejiang / Ningbo" and dropped[0].contribution == 0


def test_a_visit_counts_only_with_an_institution_or_the_two_sides_acting(
    gazetteer: RelevanceGazetteer,
) -> None:
    officials = score_article(
        "Hong Kong officials visit Hangzhou", "Hong Kong officials visited Hangzhou.", gazetteer
    )
    cities = score_article(
        "Hangzhou and Hong Kong pledge cooperation",
        "Hangzhou and Hong Kong pledged cooperation.",
        gazetteer,
    )
    fans = score_article(
        "Hong Kong fans visit Hangzhou", "Hong Kong fans visited Hangzhou.", gazetteer
    )
    assert officials.is_relevant and cities.is_relevant and not fans.is_relevant
    assert {"action_with_pair"} <= {r.group for r in cities.reasons}
    assert "action_with_pair" not in {r.group for r in fans.reasons}


def test_a_body_based_on_one_side_acting_on_the_other_is_an_institution_acting(
    gazetteer: RelevanceGazetteer,
) -> None:
    """Only a company, a fund or a group is "Hong Kong-based": its investing in Hangzhou counts
    as an institution's action, though no word like "company" says what it is."""
    body = "{} Lotus Group will invest 2 billion yuan in Hangzhou to build electric buses."
    based = score_article("Bus plant for Hangzhou", body.format("Hong Kong-based"), gazetteer)
    from_there = score_article("Bus plant for Hangzhou", body.format("From Hong Kong,"), gazetteer)
    assert "action_with_pair" in {r.group for r in based.reasons}
    assert "action_with_pair" not in {r.group for r in from_there.reasons}


def test_english_meetings_and_talks_are_actions(gazetteer: RelevanceGazetteer) -> None:
    for verb in ("met", "held talks with"):
        result = score_article(
            "Leaders meet",
            f"Hangzhou's mayor {verb} Hong Kong's Chief Executive on Monday.",
            gazetteer,
        )
        assert any(r.group == "action_with_pair" for r in result.reasons), verb


# --- proximity, title weight, threshold ---


def test_both_sides_in_one_paragraph_but_no_one_sentence_is_a_paragraph_pair(
    gazetteer: RelevanceGazetteer,
) -> None:
    together = score_article("Notes", "Hangzhou grew fast. Hong Kong grew too.", gazetteer)
    apart = score_article("Notes", "Hangzhou grew fast.\n\nHong Kong grew too.", gazetteer)
    pairs = [r for r in together.reasons if r.group == "pair_paragraph"]
    assert len(pairs) == 1 and pairs[0].term == "Hangzhou + Hong Kong"
    assert pairs[0].contribution == gazetteer.weights.pair_paragraph
    assert not any(r.group == "pair_paragraph" for r in apart.reasons)


def test_what_the_title_says_counts_more(gazetteer: RelevanceGazetteer) -> None:
    sentence = "Hangzhou and Hong Kong sign an MoU"
    in_title = score_article(sentence, "", gazetteer)
    in_body = score_article("", sentence + ".", gazetteer)
    factor = gazetteer.weights.title_factor
    for group in ("pair_sentence", "action_with_pair", "hangzhou_city"):
        title = next(r for r in in_title.reasons if r.group == group)
        body = next(r for r in in_body.reasons if r.group == group)
        assert (title.field, body.field) == ("title", "body")
        assert title.contribution == pytest.approx(body.contribution * factor), group


def _settings_threshold(config_dir: Path) -> RelevanceGazetteer:
    settings = load_settings(config_dir=config_dir)
    return relevance_from(settings.config_dir, settings.relevance_threshold)


def test_the_threshold_comes_from_settings_toml_and_the_environment(
    config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings_file = config_dir / "settings.toml"
    text = settings_file.read_text("utf-8")
    assert "relevance_threshold = 3.0" in text
    settings_file.write_text(text.replace("relevance_threshold = 3.0", "relevance_threshold = 7.5"))
    assert _settings_threshold(config_dir).threshold == 7.5
    monkeypatch.setenv("HZHK_RELEVANCE_THRESHOLD", "9.25")  # flows/settings.py: top-level key
    strict = _settings_threshold(config_dir)
    assert strict.threshold == 9.25
    result = score_article("杭港合作论坛", "杭州与香港签署备忘录。", strict)
    assert 3.0 < result.score < 9.25 and not result.is_relevant


def test_an_include_that_is_missing_is_named(config_dir: Path) -> None:
    (config_dir / "relevance_places.toml").unlink()
    with pytest.raises(ConfigError, match=r"relevance_places\.toml"):
        relevance_from(config_dir)


def test_every_rule_reaches_v_relevance_reasons(
    gazetteer: RelevanceGazetteer, warehouse_path: Path
) -> None:
    """New rules are reasons like any term: stored, and readable with their contribution."""
    url = "https://news.example/ningbo"
    record = ArticleRecord(
        url, url, "test", title="宁波与香港签约", body=("宁波与香港签署备忘录。",)
    )
    at = datetime(2026, 1, 1, tzinfo=UTC)
    scored = score_article("宁波与香港签约", "宁波与香港签署备忘录。浙江省领导出席。", gazetteer)
    with closing(open_warehouse(warehouse_path)) as con:
        upsert_articles(con, [ArticleVersion(record, None, at)])
        article = article_id(url)
        store_batch(
            con,
            TrackedBatch(
                relevance={article: scored},
                body_sha256={},
                signatures={},
                duplicates=[],
                events=[],
                reclustered=[],
                tracked_at=at,
            ),
        )
        rows = con.execute(
            "SELECT term_group, field, contribution FROM v_relevance_reasons "
            "WHERE term_group = 'other_city_subject'"
        ).fetchall()
    assert rows == [("other_city_subject", "article", gazetteer.weights.other_subject)]


def test_organising_together_is_an_action_in_english_as_in_chinese(
    gazetteer: RelevanceGazetteer,
) -> None:
    english = score_article(
        "Summer scheme",
        "The scheme is organised by a Hangzhou federation together with a Hong Kong association.",
        gazetteer,
    )
    chinese = score_article("暑期计划", "该计划由杭州一家协会与香港一家协会共同主办。", gazetteer)
    for result in (english, chinese):
        assert any(r.group == "action_with_pair" for r in result.reasons), result.reasons

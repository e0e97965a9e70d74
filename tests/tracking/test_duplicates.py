"""Near-duplicates: syndicated copies point at the earliest copy; different stories never do."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from datetime import UTC, datetime

from records.events import SIGNING, Copy
from tracking.duplicates import link_duplicates, signature

STORY = (
    "Officials from Hangzhou and Hong Kong put their names to eight agreements on Thursday at an "
    "innovation forum held in Hong Kong.\n\nThe memorandums cover smart city construction, "
    "high-end services, finance, artificial intelligence and new energy, the organisers said.\n\n"
    "A deputy Party secretary of Hangzhou said Hong Kong investors had set up about 6,400 "
    "projects in the city by the end of 2018."
)
SYNDICATED = STORY.replace("on Thursday", "last Thursday").replace("said.", "announced.")
OTHER_ANGLE = (
    "Hong Kong remains the largest source of outside investment for Hangzhou, a city official "
    "said on Thursday, with more than US$140 billion committed to projects by the end of last "
    "year. The two cities signed cooperation agreements at a forum in Hong Kong."
)
ZH_SIMPLIFIED = (
    "6月13日，杭港创新合作论坛在香港举办，杭州与香港两地现场签署8项合作协议。"
    "这些合作备忘录涉及智慧城市建设、高端服务业、金融业、人工智能应用和新能源等领域。"
)
ZH_TRADITIONAL = (
    "6月13日，杭港創新合作論壇在香港舉辦，杭州與香港兩地現場簽署8項合作協議。"
    "這些合作備忘錄涉及智慧城市建設、高端服務業、金融業、人工智能應用和新能源等領域。"
)


def at(day: int) -> datetime:
    return datetime(2019, 6, day, 8, tzinfo=UTC)


def copy(article_id: str, day: int, text: str, duplicate_of: str | None = None) -> Copy:
    found = signature(None, text)
    assert found is not None
    return Copy(article_id, at(day), found, duplicate_of)


def links(batch: list[Copy], known: list[Copy] | None = None) -> dict[str, str | None]:
    return {link.article_id: link.duplicate_of for link in link_duplicates(batch, known or [])}


def test_a_syndicated_copy_points_at_the_earliest_copy() -> None:
    found = links([copy("later", 18, SYNDICATED), copy("first", 14, STORY)])
    assert found == {"first": None, "later": "first"}


def test_another_article_on_the_same_event_is_not_a_duplicate() -> None:
    found = links([copy("story", 14, STORY), copy("angle", 15, OTHER_ANGLE)])
    assert found == {"story": None, "angle": None}


def test_chinese_is_shingled_by_characters_and_scripts_fold_together() -> None:
    simplified, traditional = signature(None, ZH_SIMPLIFIED), signature(None, ZH_TRADITIONAL)
    assert simplified is not None and traditional is not None
    assert simplified.shingling == "char3"
    assert simplified.similarity(traditional) == 1.0


def test_a_new_copy_links_to_a_stored_original_through_its_existing_link() -> None:
    stored = [copy("original", 14, STORY), copy("reprint", 16, SYNDICATED, "original")]
    found = links([copy("third", 18, SYNDICATED + " Extra line.")], stored)
    assert found == {"third": "original"}


def test_an_earlier_copy_arriving_late_becomes_the_original() -> None:
    stored = [copy("reprint", 16, SYNDICATED)]
    found = links([copy("original", 14, STORY)], stored)
    assert found == {"original": None, "reprint": "original"}


def test_a_headline_alone_has_no_signature() -> None:
    assert signature("Hangzhou and Hong Kong sign deals", "") is None


def test_buckets_are_stable_across_runs() -> None:
    first, second = signature(None, STORY), signature(None, STORY)
    assert first is not None and second is not None
    assert first.buckets() == second.buckets()
    assert len(set(first.buckets())) > 1


def test_a_signature_is_the_same_in_another_process() -> None:
    """Stored signatures are compared with those of later runs: nothing may depend on the
    process (Python's string hashing is salted per process)."""
    here = signature(None, STORY)
    assert here is not None
    code = "import sys; from tracking.duplicates import signature; "
    code += "sys.stdout.write(signature(None, sys.stdin.read()).values.hex())"
    there = subprocess.run(
        [sys.executable, "-c", code],
        input=STORY,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout
    assert there == here.values.hex()


def test_the_minhash_named_in_the_tracked_version_is_the_one_installed() -> None:
    """A rensa whose values changed must change `SIGNING`, so stored articles are signed again."""
    assert f"rensa {importlib.metadata.version('rensa')} " in SIGNING

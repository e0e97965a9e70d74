"""jieba's dictionary and tag table in DAWGs answer exactly as jieba's own dicts."""

from __future__ import annotations

import subprocess
import sys

import jieba
import jieba.posseg
import pytest

from tracking.chinese_words import NAME_FLAGS, TagTable, frequency, tagger

TEXTS = (
    "杭州市副市长陈立新周二在香港会见了香港贸易发展局总裁，双方签署了数字经济合作备忘录。",
    "浙江大学与香港科技大学将共建联合实验室，吉利控股集团也派代表出席。",
    "阿里巴巴集团董事会主席蔡崇信出席了在西湖边举行的论坛，并与特区政府官员交流。",
    "2025年4月，港杭两地签署8项合作协议，涉及金融、科技创新和人才交流等领域。",
)


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    """A tokenizer of jieba's own, its dictionary a dict, for comparison."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def test_the_dictionary_is_held_in_a_dawg_not_a_dict() -> None:
    tagger()
    assert not isinstance(jieba.dt.FREQ, dict)
    assert isinstance(jieba.posseg.dt.word_tag_tab, TagTable)


def test_every_word_and_prefix_counts_as_in_jiebas_dict(reference: jieba.Tokenizer) -> None:
    assert len(reference.FREQ) > 400_000
    for word, count in reference.FREQ.items():  # prefixes of longer words count 0
        assert frequency(word) == count, word
    for missing in ("香港杭州合作协议签署", "zzz", "", "𠀀"):
        assert frequency(missing) == reference.FREQ.get(missing, 0) == 0


def test_membership_and_lookup_are_the_ones_jieba_uses(reference: jieba.Tokenizer) -> None:
    tagger()
    for word in ("香港", "杭州市", "香", "合作", "签署"):
        assert (word in jieba.dt.FREQ) == (word in reference.FREQ)
        assert jieba.dt.FREQ[word] == reference.FREQ[word]
    assert "香港杭州合作协议签署" not in jieba.dt.FREQ
    assert jieba.dt.total == reference.total


def test_tags_are_kept_only_for_the_flags_asked_for() -> None:
    table = TagTable({"陈立新": "nr", "香港": "ns", "签署": "v", "合作": "vn"}, ("nr", "ns"))
    assert table.get("陈立新", "x") == "nr"
    assert table.get("香港", "x") == "ns"
    assert table.get("签署", "x") == "x"  # a verb: read as no name, as jieba's "x"
    assert table.get("不在表里") is None


@pytest.mark.parametrize("text", TEXTS)
def test_posseg_cuts_and_tags_names_as_with_jiebas_dicts(
    reference: jieba.Tokenizer, text: str
) -> None:
    full = jieba.posseg.POSTokenizer(reference)

    def read(flag: str) -> str:
        return flag if flag.startswith(NAME_FLAGS) else "x"

    ours = [(pair.word, read(pair.flag)) for pair in tagger().cut(text)]
    assert ours == [(pair.word, read(pair.flag)) for pair in full.cut(text)]


FIRST_LOAD_IN_THREADS = """
from concurrent.futures import ThreadPoolExecutor
from tracking.chinese_words import TagTable, frequency, tagger
with ThreadPoolExecutor(4) as pool:
    counts = list(pool.map(lambda n: frequency("香港") if n % 2 else tagger() and 0, range(8)))
assert isinstance(tagger().dt.word_tag_tab, TagTable), "tag table"
print(max(counts))
"""


def test_threads_asking_first_at_once_load_the_tables_once() -> None:
    """A fresh process, so the first load is the one raced."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_LOAD_IN_THREADS], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 0

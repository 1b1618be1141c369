"""The quality gate: the pipeline on our own sample reports against hand-made records.

Eight reports written for the project (``chidao/demo/samples``: Nghệ An 2021 and 2025,
Quảng Bình 2024 as a web page, Quảng Trị 2025 with a site visit, Thanh Hóa and Hà
Tĩnh 2026, Lào Cai 2023 as a provincial portal page with a bulleted conclusion, Gia
Lai 2025 with a quoted leader), scored with the session-record metrics of
``scorer.py``.  The floors sit just below what the pipeline measured on 23
November 2026 (10:35 UTC): every metric 1.000 except petitions 0.996 (overall 1.000).
The golden directives follow the dev convention: a sentence whose verb "giao" belongs to
the instruction is kept whole ("Đồng chí giao Sở Nội vụ hướng dẫn ...", "Về các kiến nghị
của huyện, Phó Chủ tịch UBND tỉnh giao ..."), one item per sentence.  Two of the samples
(Lào Cai, Gia Lai) were first held-out reports whose misses were fixed by genre rules; the
others were tuned on longer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scorer import assert_offsets, collapse, score

from chidao.extract.read import extract_file, read_file

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "chidao" / "demo" / "samples"
GOLDEN = Path(__file__).with_name("golden")

FLOORS = {
    "date_accuracy": 0.99,
    "province_accuracy": 0.99,
    "chairs_f1": 0.99,
    "chair_titles_f1": 0.99,
    "people_f1": 0.99,
    "localities_f1": 0.99,
    "agencies_f1": 0.99,
    "indicators_f1": 0.99,
    "directives_f1": 0.99,
    "directive_item_recall": 0.99,
    "directive_issuer_accuracy": 0.99,
    "petitions_f1": 0.99,
    "difficulties_f1": 0.99,
    "site_visits_f1": 0.99,
    "overall": 0.99,
}


def _pairs():
    for sample in sorted(SAMPLES.iterdir()):
        gold = json.loads((GOLDEN / f"{sample.stem}.json").read_text(encoding="utf-8"))
        yield sample, gold


@pytest.fixture(scope="module")
def scored():
    triples = [(read_file(s), gold, extract_file(s)) for s, gold in _pairs()]
    return triples, score(triples)


def test_every_sample_has_a_golden_record_whose_texts_are_in_the_sample():
    pairs = list(_pairs())
    assert len(pairs) == 8
    for sample, gold in pairs:
        doc = collapse(read_file(sample))
        for key in ("directives", "petitions", "difficulties", "indicators"):
            for item in gold[key]:
                assert collapse(item["text"]) in doc, (sample.name, key, item["text"])


def test_the_scorer_gives_full_marks_to_the_golden_records_and_few_to_empty_ones():
    pairs = [(read_file(s), gold) for s, gold in _pairs()]
    perfect = score((text, gold, gold) for text, gold in pairs)
    empty = score((text, gold, {}) for text, gold in pairs)
    assert perfect["overall"] == 1.0
    assert empty["overall"] < 0.2


def test_every_sample_gives_a_record_whose_offsets_hold(scored):
    for _, _, record in scored[0]:
        assert_offsets(record)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_the_pipeline_stays_above_its_floor(scored, metric):
    assert scored[1][metric] >= FLOORS[metric], f"{metric}: {scored[1][metric]:.3f}"

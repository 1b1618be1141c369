"""Extracting many documents: the pool, its workers and the order of the results."""

from __future__ import annotations

import os

from chidao.extract import batch, units
from chidao.extract.batch import iter_records
from chidao.extract.spans import Options

REPORT = (
    "Chiều 3/3, đồng chí Hoàng Minh Tuấn, Chủ tịch UBND tỉnh Quảng Trị làm việc với xã {x} "
    "về kết quả năm 2025. Đồng chí yêu cầu xã hoàn thành quy hoạch.\n"
)


def test_warm_up_builds_the_official_units_once_for_the_whole_process():
    batch.warm_up()
    built = units._tables.cache_info().misses
    batch.warm_up()
    assert units._tables.cache_info().currsize == 1
    assert units._tables.cache_info().misses == built  # the second call builds nothing


def _worker_tables(_: int) -> tuple[int, int]:
    """(process id, how many times this process built the unit tables)."""
    return os.getpid(), units._tables.cache_info().misses


def test_each_pool_worker_builds_the_tables_in_its_initializer_before_any_document():
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing inherited
    with ctx.Pool(2, initializer=batch.warm_up) as pool:
        seen = dict(pool.map(_worker_tables, range(8), chunksize=1))
    assert seen and all(misses == 1 for misses in seen.values())


def test_two_jobs_stream_texts_in_input_order():
    texts = [
        (f"doc-{i}", REPORT.format(x=x))
        for i, x in enumerate(["Cam Lộ", "Hiếu Giang", "Vĩnh Linh"])
    ]
    names = [name for name, _ in iter_records([], Options(), jobs=2, texts=iter(texts))]
    assert names == ["doc-0", "doc-1", "doc-2"]

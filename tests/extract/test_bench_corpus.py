"""Specification of ``bench/extract.py --corpus``: the office measures the extractor's speed on
its own folder of reports (the figures themselves are the benchmark's, never asserted here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "chidao" / "demo" / "samples"


def measure(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "extract.py"), "--corpus", str(folder), "--repeat", "1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_each_report_of_the_folder_is_timed_and_a_bad_file_is_named_not_fatal(tmp_path):
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    shutil.copy(sample, tmp_path / sample.name)
    (tmp_path / "scan.pdf").write_bytes(b"\x00\x01 not a pdf")
    result = measure(tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{tmp_path / 'scan.pdf'}: skipped:" in result.stdout
    assert f"1 reports of {tmp_path}" in result.stdout
    assert sample.name in result.stdout and "(first pass)" in result.stdout
    assert "chidao pipeline, first pass (CPU)" in result.stdout


def test_a_folder_with_no_report_says_so_and_fails(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"garbage")
    result = measure(tmp_path)
    assert result.returncode == 1
    assert f"{tmp_path}: no report that chidao extract reads" in result.stdout

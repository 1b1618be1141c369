"""Benchmark of the extraction pipeline against underthesea's word_tokenize.

Generates reports by varying the project's own sample reports
(``src/chidao/demo/samples``, about 4 KB each): people's names, the commune or
district, the figures, the order of the middle paragraphs and the length.  Two
batches, each printed with its mean size:

- short reports, the samples' own length: a few paragraphs of other samples
  borrowed, or one dropped (about 3.8 KB, 2,900 characters);
- reports of real length: real reports of the genre are 2-4 times longer than the
  samples, so each one is grown with paragraphs of the other samples to a length
  drawn uniformly from 8,000 to 16,000 characters (about 16 KB).

No paragraph appears twice in a generated report (the cleaning step drops copies,
which would count bytes never extracted); the share of characters cleaning
removes is printed for each batch.  Documents are generated on the fly and streamed
through the same batch API as ``chidao extract`` (nothing is kept).

Prints, for each batch: MB/s and documents/s of the pipeline (one process, CPU
time) and of underthesea.word_tokenize on the same texts, and their ratio; then
the warm cost of one 1-2 KB report, the speed-up with ``--jobs 2`` and the peak RSS
of a fresh process that extracts N and 4N short reports (flat memory means the
batch streams).

Then the growth in the size of one text, whatever its shape: the CPU seconds of
one extraction of 0.5, 1 and 2 million characters of (a) generated reports'
paragraphs, (b) the same words with no punctuation and no line breaks (one endless
sentence, as a pasted table or OCR text gives), (c) one repeated character and
(d) one line of digits and slashes; with the ratio of each doubling (2.0 is
linear, 4.0 quadratic).

    python bench/extract.py [--docs 1000] [--long-docs 300] [--rss-docs 250] [--seed 7]
                            [--shapes-only]

With ``--corpus DIR`` it measures real reports instead: every file of DIR that
``chidao extract`` reads, each read once, then extracted and tokenised by underthesea
in turn; the first pass over the files (the lexicons loaded, no cache holding these
texts) and the passes after it (``--repeat``, caches keyed by text warm) are printed
apart.

    python bench/extract.py --corpus DIR [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from chidao.extract import clean
from chidao.extract.batch import expand_paths, iter_records
from chidao.extract.errors import ExtractError
from chidao.extract.pipeline import extract_text
from chidao.extract.read import read_file
from chidao.extract.spans import Options

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "chidao" / "demo" / "samples"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Mai", "Trịnh"]  # fmt: skip
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Đình", "Xuân", "Hồng", "Công"]  # fmt: skip
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hạnh", "Khoa", "Lâm", "Linh", "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Yến"]  # fmt: skip
PLACE = ["Tân Phú", "Minh Lộc", "Hòa Bình", "Quảng Phú", "Yên Thành", "Đông Sơn", "Thạch Long", "Kỳ Phong", "Nam Giang", "Hưng Thịnh", "Phúc Lâm", "Xuân Hòa"]  # fmt: skip
FIGURE = re.compile(
    r"(?<![\d/.,-])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?=\s?(?:%|tỷ|triệu|ha\b|km|m2|hồ sơ|dự án|đảng viên|hộ\b|người))"
)


class Sample(NamedTuple):
    """One sample report, as the generator uses it."""

    lines: list[str]  # its non-empty lines, in order
    names: list[str]  # people's names the pipeline finds in it (longest first)
    places: list[str]  # its localities' proper names (longest first)
    body: list[str]  # its paragraphs that clean keeps: what other reports may borrow


@cache
def templates() -> list[Sample]:
    """Every sample of ``src/chidao/demo/samples``, in the order of the file names."""
    out = []
    for path in sorted(SAMPLES.iterdir()):
        text = read_file(path)
        record = extract_text(text)
        # longest first, then by the text: the order of the replacements (and so the
        # generated reports) does not depend on the hash seed of the process
        names = sorted({p["name"] for p in record["people"]}, key=lambda s: (-len(s), s))
        places = sorted(
            {loc.split(" ", 1)[1] for loc in record["localities"] if " " in loc},
            key=lambda s: (-len(s), s),
        )
        lines = [x.strip() for x in text.splitlines() if x.strip()]
        body = [x for x in clean.clean(text, Options()).text.split("\n") if x]
        out.append(Sample(lines, names, places, body))
    return out


def _figure(rng: random.Random, m: re.Match[str]) -> str:
    whole = m.group().replace(".", "").split(",")[0]
    value = max(1, int(int(whole) * rng.uniform(0.5, 1.8)))
    grouped = f"{value:,}".replace(",", ".")
    return grouped + (f",{rng.randint(1, 9)}" if "," in m.group() else "")


def _vary(rng: random.Random, text: str, used: list[Sample]) -> str:
    """``text`` with new people's names, places and figures for those of the samples ``used``."""
    names = sorted({n for s in used for n in s.names}, key=lambda s: (-len(s), s))
    places = sorted({p for s in used for p in s.places}, key=lambda s: (-len(s), s))
    for name in names:
        new = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        text = text.replace(name, new)
    for place in places:
        text = text.replace(place, rng.choice(PLACE))
    return FIGURE.sub(lambda m: _figure(rng, m), text)


def make_report(i: int, seed: int) -> str:
    """The ``i``-th generated short report: a sample with new names, place, figures, order,
    length (a few paragraphs of other samples borrowed, or one dropped): about 4 KB."""
    rng = random.Random(seed * 1_000_003 + i)
    tpl = templates()
    k = i % len(tpl)
    lines = list(tpl[k].lines)
    head, middle, tail = lines[:2], lines[2:-4], lines[-4:]
    rng.shuffle(middle)
    present, used = set(lines), {k}
    for _ in range(rng.randint(0, 4)):  # longer: paragraphs of other reports
        j = rng.randrange(len(tpl))
        other = tpl[j].lines
        line = other[rng.randint(2, max(2, len(other) - 5))]
        if line in present:  # never a paragraph twice: clean drops copies (a flattering
            continue  # figure: bytes counted, never extracted)
        present.add(line)
        used.add(j)
        middle.insert(rng.randint(0, len(middle)), line)
    if middle and rng.random() < 0.3:  # shorter
        middle.pop(rng.randrange(len(middle)))
    return _vary(rng, "\n\n".join(head + middle + tail), [tpl[j] for j in sorted(used)])


LONG = (8_000, 16_000)  # characters: real reports of the genre are 2-4 times the samples


def long_report(i: int, seed: int) -> str:
    """The ``i``-th generated report of real length: a sample with new order, grown with
    paragraphs of the other samples (each at most once) to a length drawn uniformly from
    8,000 to 16,000 characters, then new names, places and figures."""
    rng = random.Random(f"long/{seed}/{i}")
    tpl = templates()
    target = rng.randint(*LONG)
    k = i % len(tpl)
    lines = list(tpl[k].lines)
    head, middle, tail = lines[:2], lines[2:-4], lines[-4:]
    rng.shuffle(middle)
    pool = [(j, p) for j, s in enumerate(tpl) if j != k for p in s.body]
    rng.shuffle(pool)
    present, used = set(lines), {k}
    size = len("\n\n".join(lines))
    for j, line in pool:
        if size >= target:
            break
        if line in present:
            continue
        present.add(line)
        used.add(j)
        middle.insert(rng.randint(0, len(middle)), line)
        size += len(line) + 2
    return _vary(rng, "\n\n".join(head + middle + tail), [tpl[j] for j in sorted(used)])


Make = Callable[[int, int], str]


class Counter:
    """Streams generated reports and counts them."""

    def __init__(self, n: int, seed: int, make: Make = make_report) -> None:
        self.n, self.seed, self.make, self.docs, self.bytes = n, seed, make, 0, 0

    def texts(self) -> Iterator[tuple[str, str]]:
        for i in range(self.n):
            text = self.make(i, self.seed)
            self.docs += 1
            self.bytes += len(text.encode("utf-8"))
            yield f"gen-{i:05d}", text


def run_pipeline(
    n: int, seed: int, jobs: int, make: Make = make_report
) -> tuple[float, Counter, int, float]:
    """Wall seconds, counter, failures and CPU seconds of this process for ``n`` reports."""
    counter = Counter(n, seed, make)
    failures = 0
    t, cpu = time.perf_counter(), time.process_time()
    for _, result in iter_records([], Options(), jobs, texts=counter.texts()):
        failures += not isinstance(result, dict)
    return time.perf_counter() - t, counter, failures, time.process_time() - cpu


def generation_only(n: int, seed: int, make: Make = make_report) -> float:
    """CPU seconds of generating ``n`` reports alone."""
    counter = Counter(n, seed, make)
    t = time.process_time()
    for _ in counter.texts():
        pass
    return time.process_time() - t


def removed_share(n: int, seed: int, make: Make) -> float:
    """The share of the characters of the first ``n`` reports that cleaning removes (the
    pages' own captions, bylines, headline copies; no paragraph is generated twice)."""
    texts = [make(i, seed) for i in range(n)]
    kept = sum(len(clean.clean(t, Options()).text) for t in texts)
    return 1 - kept / sum(len(t) for t in texts)


def short_report(i: int, seed: int, low: int = 1000, high: int = 2000) -> str:
    """The ``i``-th generated report cut to its first paragraphs: 1-2 KB (UTF-8)."""
    out: list[str] = []
    for line in make_report(i, seed).split("\n\n"):
        if len("\n\n".join([*out, line]).encode("utf-8")) > high and out:
            break
        out.append(line)
    text = "\n\n".join(out)
    while len(text.encode("utf-8")) < low:
        text += "\n\n" + text
    return text.encode("utf-8")[:high].decode("utf-8", "ignore")


def warm_per_document(n: int, seed: int) -> tuple[float, float]:
    """Mean and 95th percentile CPU milliseconds of one extraction of a 1-2 KB report,
    the process warm (lexicons loaded, one report extracted before)."""
    texts = [short_report(i, seed) for i in range(n)]
    extract_text(texts[0])
    costs = []
    for text in texts:
        t = time.process_time()
        extract_text(text)
        costs.append((time.process_time() - t) * 1000)
    costs.sort()
    return sum(costs) / len(costs), costs[int(0.95 * (len(costs) - 1))]


def run_underthesea(n: int, seed: int, make: Make = make_report) -> tuple[float, Counter] | str:
    try:
        from underthesea import word_tokenize
    except Exception as e:  # not installed, or its models fail to load
        return f"underthesea unavailable ({type(e).__name__}: {e}); install the [bench] extra"
    word_tokenize("Chủ tịch UBND tỉnh làm việc với xã")  # load the model
    counter = Counter(n, seed, make)
    t = time.process_time()
    for _, text in counter.texts():
        word_tokenize(text)
    return time.process_time() - t, counter


SHAPE_SIZES = (500_000, 1_000_000, 2_000_000)
_PUNCT = re.compile(r"[.!?;:,…\"“”‘’()\[\]\n-]+")
_SPACES = re.compile(r"\s+")


def shape_paragraphs(n: int, seed: int) -> str:
    """``n`` characters of generated reports, one after another."""
    parts, size, i = [], 0, 0
    while size < n:
        parts.append(make_report(i, seed))
        size += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:n]


def shape_words(n: int, seed: int) -> str:
    """``n`` characters of the reports' words with no punctuation and no line break."""
    text = _SPACES.sub(" ", _PUNCT.sub(" ", shape_paragraphs(n + n // 10, seed)))
    return text[:n]


def shape_one_character(n: int, seed: int) -> str:
    return "a" * n


def shape_digits_and_slashes(n: int, seed: int) -> str:
    """One line of numbers joined by slashes ("4821/17/30395/..."), no space."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < n:
        parts.append(str(rng.randint(1, 99999)))
        size += len(parts[-1]) + 1
    return "/".join(parts)[:n]


SHAPES = [
    ("genre paragraphs", shape_paragraphs),
    ("punctuation-free genre words", shape_words),
    ("one repeated character", shape_one_character),
    ("one line of digits and slashes", shape_digits_and_slashes),
]


def growth(seed: int) -> None:
    """Print the CPU seconds of extracting each shape at each size, and the ratios."""
    extract_text(shape_paragraphs(3000, seed))  # load the lexicons and tables first
    print()
    print("growth in the size of one text (CPU seconds of one extraction; goal < 5 s at 2M,")
    print("a ratio near 2.0 per doubling is linear, 4.0 quadratic)")
    sizes = "".join(f"{n / 1e6:>8.1f}M" for n in SHAPE_SIZES)
    print(f"{'shape':34s}{sizes}   ratios per doubling")
    for label, make in SHAPES:
        seconds = []
        for n in SHAPE_SIZES:
            text = make(n, seed)
            t = time.process_time()
            extract_text(text)
            seconds.append(time.process_time() - t)
        ratios = ", ".join(f"{b / max(a, 1e-9):.2f}" for a, b in pairwise(seconds))
        cells = "".join(f"{x:8.2f} s" for x in seconds)
        print(f"{label:34s}{cells}   {ratios}", flush=True)


def peak_rss_child(n: int, seed: int) -> int:
    """Peak RSS (kB) of a fresh process that extracts ``n`` generated reports."""
    out = subprocess.run(
        [sys.executable, __file__, "--rss-only", str(n), "--seed", str(seed)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def _load() -> str:
    """The 1, 5 and 15 minute load averages of the machine (other work skews wall times)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def _line(label: str, seconds: float, c: Counter, gen: float = 0.0) -> str:
    s = max(seconds - gen, 1e-9)
    return f"{label:34s} {c.docs:6d} docs {c.bytes / 1e6:7.2f} MB {s:7.2f} s {c.bytes / 1e6 / s:7.2f} MB/s {c.docs / s:8.1f} docs/s"


def batch(label: str, n: int, seed: int, make: Make) -> tuple[str, float, float | None]:
    """Print the pipeline's and underthesea's figures on ``n`` reports of ``make``; return
    (label, pipeline MB/s, underthesea MB/s or None)."""
    gen = generation_only(n, seed, make)
    size = Counter(n, seed, make)
    chars = sum(len(text) for _, text in size.texts())
    mean = f"mean {size.bytes / size.docs / 1000:.1f} KB"
    print()
    print(f"{label} reports: {n}, {mean}, {chars // size.docs:,} characters")
    title = f"{label} ({mean})"
    print(f"{'  generating the reports alone':34s} {gen:7.2f} s CPU")
    print(f"{'  cleaning removes':34s} {100 * removed_share(min(n, 100), seed, make):7.1f} % "
          "of the characters (captions, bylines, headline copies)")  # fmt: skip
    print(f"  load average before the runs: {_load()}")
    _, c1, failed, cpu1 = run_pipeline(n, seed, 1, make)
    print(_line("  chidao pipeline (CPU)", cpu1, c1, gen))
    if failed:
        print(f"  {failed} documents failed")
    ours = c1.bytes / 1e6 / max(cpu1 - gen, 1e-9)
    base = run_underthesea(n, seed, make)
    if isinstance(base, str):
        print(f"  {base}")
        return title, ours, None
    tu, cu = base
    print(_line("  underthesea.word_tokenize (CPU)", tu, cu, gen))
    return title, ours, cu.bytes / 1e6 / max(tu - gen, 1e-9)


def corpus(folder: str, repeat: int) -> int:
    """Print the pipeline's and underthesea's throughput on the files of ``folder``."""
    texts: list[tuple[str, str]] = []
    for path in expand_paths([folder]):
        try:
            texts.append((Path(path).name, read_file(path)))
        except ExtractError as e:  # one unreadable file does not stop the measure
            print(f"{path}: skipped: {e}")
    if not texts:
        print(f"{folder}: no report that chidao extract reads")
        return 1
    extract_text(make_report(0, 7))  # load the lexicons and tables first
    sizes = {name: len(text.encode("utf-8")) for name, text in texts}
    total = sum(sizes.values())
    print(f"{len(texts)} reports of {folder}: {total / 1000:.1f} KB, "
          f"mean {total / len(texts) / 1000:.1f} KB; load average {_load()}")  # fmt: skip
    first: dict[str, float] = {}
    for name, text in texts:
        t = time.process_time()
        for _ in iter_records([], Options(), 1, texts=[(name, text)]):
            pass
        first[name] = time.process_time() - t
    t = time.process_time()
    for _ in iter_records([], Options(), 1, texts=texts * repeat):
        pass
    again = time.process_time() - t
    for name, _ in texts:
        ms = first[name] * 1000
        print(f"  {name:40s} {sizes[name] / 1000:7.1f} KB {ms:7.2f} ms "
              f"{sizes[name] / 1e6 / max(first[name], 1e-9):6.2f} MB/s (first pass)")  # fmt: skip
    ours_first = total / 1e6 / max(sum(first.values()), 1e-9)
    ours = total * repeat / 1e6 / max(again, 1e-9)
    print(f"{'chidao pipeline, first pass (CPU)':40s} {ours_first:7.2f} MB/s")
    print(f"{f'chidao pipeline, {repeat} passes more (CPU)':40s} {ours:7.2f} MB/s")
    try:
        from underthesea import word_tokenize
    except Exception as e:  # not installed, or its models fail to load
        print(f"underthesea unavailable ({type(e).__name__}: {e}); install the [bench] extra")
        return 0
    word_tokenize(texts[0][1])  # load the model
    t = time.process_time()
    for _ in range(repeat):
        for _, text in texts:
            word_tokenize(text)
    theirs = total * repeat / 1e6 / max(time.process_time() - t, 1e-9)
    print(f"{'underthesea.word_tokenize (CPU)':40s} {theirs:7.2f} MB/s")
    print(f"{'pipeline / word_tokenize':40s} {ours_first / theirs:7.2f} x first pass, "
          f"{ours / theirs:.2f} x the passes after")  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000, help="short generated reports")
    ap.add_argument("--long-docs", type=int, default=300, help="generated reports of real length")
    ap.add_argument("--rss-docs", type=int, default=250, help="N for the memory check (N and 4N)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shapes-only", action="store_true", help="only the growth table")
    ap.add_argument("--rss-only", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", metavar="DIR", help="measure the real reports of DIR instead")
    ap.add_argument("--repeat", type=int, default=20, help="passes over --corpus after the first")
    a = ap.parse_args(argv)
    if a.corpus:
        return corpus(a.corpus, a.repeat)
    if a.rss_only is not None:
        run_pipeline(a.rss_only, a.seed, 1)
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
        return 0
    if a.shapes_only:
        growth(a.seed)
        return 0

    templates()
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {a.docs} short generated reports "
        f"and {a.long_docs} of real length ({LONG[0]:,}-{LONG[1]:,} characters) (seed {a.seed})"
    )
    print("One-process figures are CPU seconds of this process (robust to other load on the")
    print("machine) minus the CPU time of generating the reports; --jobs figures are wall clock.")
    rows = [
        batch("short", a.docs, a.seed, make_report),
        batch("real-length", a.long_docs, a.seed, long_report),
    ]
    print()
    print(f"{'throughput on one core (CPU)':30s} {'chidao':>8s} {'underthesea':>12s} {'ratio':>7s}")
    for title, ours, theirs in rows:
        if theirs is None:
            print(f"{title:30s} {ours:6.2f} MB/s {'-':>10s}")
        else:
            print(f"{title:30s} {ours:6.2f} MB/s {theirs:7.2f} MB/s {ours / theirs:6.2f} x")
    print()
    mean, p95 = warm_per_document(200, a.seed)
    print(
        f"{'warm cost of one 1-2 KB report':34s} {mean:7.2f} ms CPU mean, {p95:.2f} ms 95th percentile"
    )
    t1, c1, _, cpu1 = run_pipeline(a.docs, a.seed, 1)
    print(_line("short, --jobs 1 (wall)", t1, c1))
    print(f"load average before --jobs 2: {_load()}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t2, c2, _, cpu2 = run_pipeline(a.docs, a.seed, 2)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(_line("short, --jobs 2 (wall)", t2, c2))
    print(
        f"{'  CPU of --jobs 2':34s} parent {cpu2:6.2f} s, workers {workers:6.2f} s "
        f"(one process: {cpu1:6.2f} s)"
    )
    print(f"{'speed-up of --jobs 2 (wall clock)':34s} {t1 / t2:7.2f} x")
    print(f"load average after the runs: {_load()}  (a speed-up below 2 x on a busy machine")
    print("  says little: compare CPU seconds, and rerun when the load average is below 0.5)")
    n = a.rss_docs
    r1, r4 = peak_rss_child(n, a.seed), peak_rss_child(4 * n, a.seed)
    print(f"{'peak RSS, fresh process':34s} {n} docs: {r1 / 1024:.1f} MB; {4 * n} docs: {r4 / 1024:.1f} MB "
          f"({(r4 - r1) / 1024:+.1f} MB)")  # fmt: skip
    growth(a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

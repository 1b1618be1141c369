"""Score the held-out texts: ``python tests/extract/heldout/measure.py [NAME ...]``.

Prints, per text and over all of them, the metrics of ``scorer.py`` that the quality
classes of issue 6 are read from (directives, date, province, agencies, indicators,
petitions, difficulties, site visits), plus the lead/support role accuracy of the
directives' assignees.  Used to fill ``BUGS.md`` before and after each fix.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from scorer import collapse, norm, score  # noqa: E402

from chidao.extract import extract_text  # noqa: E402
from chidao.extract.spans import Options  # noqa: E402

COLUMNS = (
    ("directives_f1", "dir"),
    ("directive_item_recall", "dir_rec"),
    ("date_accuracy", "date"),
    ("province_accuracy", "prov"),
    ("agencies_f1", "agen"),
    ("indicators_f1", "ind"),
    ("petitions_f1", "pet"),
    ("difficulties_f1", "diff"),
    ("site_visits_f1", "visit"),
    ("overall", "overall"),
)


def texts(names: list[str] | None = None) -> list[Path]:
    return [p for p in sorted(HERE.glob("*.txt")) if not names or p.stem in names]


def triple(path: Path) -> tuple[str, dict, dict]:
    """(source, gold, record); the record is made as of ``RECEIVED``, so that "today" never
    decides a test.  A gold record's ``published`` (not scored) is the page's publication
    date, given to the extractor as a caller gives it (``--published``)."""
    gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    published = _dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
    options = Options(source=path.name, received=RECEIVED, published=published)
    return text, gold, extract_text(text, options)


def _matching(g: dict, pred: dict) -> dict | None:
    """The predicted directive that holds the start of the gold one."""
    head = norm(collapse(g["text"]))[:40]
    for d in pred.get("directives", []):
        if head in norm(collapse(d["text"])):
            return d
    return None


def role_accuracy(pairs: list[tuple[str, dict, dict]]) -> float:
    """Share of the gold directives with ``roles`` whose assignees got exactly those roles."""
    total = ok = 0
    for _, gold, pred in pairs:
        for g in gold.get("directives", []):
            if "roles" not in g:
                continue
            total += 1
            want = {norm(a): r for a, r in zip(g["assignees"], g["roles"], strict=True)}
            d = _matching(g, pred)
            if d is not None:
                got = {norm(s["text"]): s.get("role") for s in d.get("assignee_spans", [])}
                ok += got == want
    return ok / total if total else 1.0


def assignee_accuracy(pairs: list[tuple[str, dict, dict]]) -> float:
    """Share of the gold directives found with exactly the gold assignees (as written)."""
    total = ok = 0
    for _, gold, pred in pairs:
        for g in gold.get("directives", []):
            total += 1
            d = _matching(g, pred)
            if d is not None:
                ok += sorted(map(norm, d["assignees"])) == sorted(map(norm, g["assignees"]))
    return ok / total if total else 1.0


# the held-out texts are read as received on this day (their sessions are all before it)
RECEIVED = _dt.date(2026, 12, 7)


def main(argv: list[str]) -> None:
    paths = texts(argv or None)
    all_pairs = []
    print("text".ljust(36) + "".join(short.rjust(8) for _, short in COLUMNS) + "   roles     asg")
    for p in paths:
        t = triple(p)
        all_pairs.append(t)
        s = score([t])
        print(
            p.stem[:35].ljust(36)
            + "".join(f"{s[k]:8.2f}" for k, _ in COLUMNS)
            + f"{role_accuracy([t]):8.2f}"
            + f"{assignee_accuracy([t]):8.2f}"
        )
    s = score(all_pairs)
    print(
        "ALL".ljust(36)
        + "".join(f"{s[k]:8.2f}" for k, _ in COLUMNS)
        + f"{role_accuracy(all_pairs):8.2f}"
        + f"{assignee_accuracy(all_pairs):8.2f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])

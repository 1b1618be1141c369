"""A small scorer of session records against hand-made records (the record format's metrics).

Names and titles are compared after folding (lower case, one tone placement,
dashes, surrounding punctuation); text items by character overlap in the
whitespace-collapsed source; indicators by value and unit; agencies and site
visits by token F1 >= 0.6.  ``score(pairs)`` returns the metrics over a corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from chidao.extract.spans import fold

_TOKEN = re.compile(r"\w+")
HEADLINE = (
    "date_accuracy",
    "chairs_f1",
    "chair_titles_f1",
    "people_f1",
    "localities_f1",
    "indicators_f1",
    "directives_f1",
    "directive_issuer_accuracy",
    "petitions_f1",
    "difficulties_f1",
)


def norm(s: Any) -> str:
    """A name or title as compared: folded, dashes unified, spaces collapsed."""
    s = fold(unicodedata.normalize("NFC", str(s or "")))
    s = s.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip(" .,;:")


def collapse(text: str) -> str:
    """The source as the records' texts are found in: NFC, white space collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def token_f1(a: str, b: str) -> float:
    # a unit without word characters ("%") is its own token
    ta, tb = _TOKEN.findall(norm(a)) or [norm(a)], _TOKEN.findall(norm(b)) or [norm(b)]
    if ta == [""] or tb == [""]:
        return 0.0
    pool = list(tb)
    common = 0
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


@dataclass
class PRF:
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0

    def add(self, tp: float, fp: float, fn: float) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def set_match(gold: list[Any], pred: list[Any], same: Callable[[Any, Any], bool]):
    """Greedy one-to-one matching: (tp, fp, fn, pairs of indexes)."""
    left = list(range(len(pred)))
    pairs = []
    for gi, g in enumerate(gold):
        for k, pi in enumerate(left):
            if same(g, pred[pi]):
                pairs.append((gi, pi))
                del left[k]
                break
    return len(pairs), len(pred) - len(pairs), len(gold) - len(pairs), pairs


def _chars(doc: str, text: str | None) -> set[int]:
    t = collapse(text or "")
    if not t:
        return set()
    low, tl = doc.lower(), t.lower()
    out: set[int] = set()
    for m in re.finditer(re.escape(tl), low):
        out.update(i for i in range(m.start(), m.start() + len(tl)) if doc[i].isalnum())
    return out


def _names(items: list[Any] | None) -> list[str]:
    return [i.get("name", "") if isinstance(i, dict) else i for i in items or []]


def score(pairs: Iterable[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, float]:
    """Metrics over ``(source text, gold record, predicted record)`` triples."""
    m = {k: PRF() for k in ("chairs", "chair_titles", "people", "localities", "agencies",
                             "indicators", "directives", "petitions", "difficulties",
                             "site_visits")}  # fmt: skip
    n = date_ok = prov_ok = dir_items = dir_hit = issuer_ok = 0
    same_name = lambda x, y: norm(x) == norm(y)  # noqa: E731
    for source, gold, pred in pairs:
        doc = collapse(source)
        n += 1
        date_ok += pred.get("date") == gold.get("date")
        prov_ok += norm(pred.get("province")) == norm(gold.get("province"))
        gc, pc = gold.get("chairs", []), pred.get("chairs") or []
        tp, fp, fn, matched = set_match(_names(gc), _names(pc), same_name)
        m["chairs"].add(tp, fp, fn)
        for gi, pi in matched:
            gt = [norm(t) for t in gc[gi].get("titles", [])]
            pt = [norm(t) for t in pc[pi].get("titles") or []]
            m["chair_titles"].add(*set_match(gt, pt, lambda x, y: x == y)[:3])
        m["people"].add(
            *set_match(_names(gold.get("people")), _names(pred.get("people")), same_name)[:3]
        )
        m["localities"].add(
            *set_match(gold.get("localities", []), pred.get("localities") or [], same_name)[:3]
        )
        for key in ("agencies", "site_visits"):
            m[key].add(
                *set_match(
                    gold.get(key, []), pred.get(key) or [], lambda x, y: token_f1(x, y) >= 0.6
                )[:3]
            )

        def same_ind(x: dict[str, Any], y: dict[str, Any]) -> bool:
            try:
                return (
                    abs(float(x["value"]) - float(y["value"])) < 1e-6
                    and token_f1(x.get("unit", ""), y.get("unit", "")) >= 0.5
                )
            except (KeyError, TypeError, ValueError):
                return False

        m["indicators"].add(
            *set_match(gold.get("indicators", []), pred.get("indicators") or [], same_ind)[:3]
        )
        for key in ("directives", "petitions", "difficulties"):
            g_items, p_items = gold.get(key, []), pred.get(key) or []
            g_sets = [_chars(doc, it.get("text")) for it in g_items]
            p_sets = [_chars(doc, it.get("text")) for it in p_items]
            g_all = set().union(*g_sets) if g_sets else set()
            p_all = set().union(*p_sets) if p_sets else set()
            m[key].add(len(g_all & p_all), len(p_all - g_all), len(g_all - p_all))
            if key != "directives":
                continue
            for git, gset in zip(g_items, g_sets, strict=True):
                dir_items += 1
                best, best_cov = None, 0.0
                for pit, pset in zip(p_items, p_sets, strict=True):
                    cov = len(gset & pset) / len(gset) if gset else 0.0
                    if cov > best_cov:
                        best, best_cov = pit, cov
                if best is not None and best_cov >= 0.5:
                    dir_hit += 1
                    issuer_ok += same_name(git.get("issuer"), best.get("issuer"))
    res: dict[str, float] = {
        "documents": n,
        "date_accuracy": date_ok / n if n else 0.0,
        "province_accuracy": prov_ok / n if n else 0.0,
    }
    for k, v in m.items():
        res[f"{k}_f1"] = v.f1
    res["directive_item_recall"] = dir_hit / dir_items if dir_items else 0.0
    res["directive_issuer_accuracy"] = issuer_ok / dir_hit if dir_hit else 0.0
    res["overall"] = sum(res[h] for h in HEADLINE) / len(HEADLINE)
    return res


def assert_offsets(record: dict[str, Any]) -> None:
    """Every span of the record is ``record["text"][start:end]``."""
    text = record["text"]

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
                s, e = value["start"], value["end"]
                expected = value["text"] if "text" in value else value.get("name")
                assert 0 <= s <= e <= len(text), where
                assert text[s:e] == expected, f"{where}: {text[s:e]!r} != {expected!r}"
            for k, v in value.items():
                if k != "text":
                    walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{where}[{i}]")

    for key, value in record.items():
        if key != "text":
            walk(value, key)
    for p in record["people"] + record["chairs"]:
        assert text[p["start"] : p["end"]] == p["name"]
        assert [t["text"] for t in p["title_spans"]] == p["titles"]
    for d in record["directives"]:
        assert all(a["text"] in d["assignees"] for a in d["assignee_spans"])

"""Stage: the places, projects and works the delegation inspected (``doc.site_visits``).

A visit is a narrative verb of inspection ("khảo sát thực tế", "kiểm tra tiến độ",
"thị sát", "thăm", "đến kiểm tra") followed by a site: a noun of the lexicon
(``data/visit_words.tsv``, kind ``site``: "dự án", "công trình", "nhà máy", "khu di tích", "mô hình", ...) and its
name, up to the end of the clause.  Several sites joined by "," or "và" are
separate visits.  Text as written.

Not visits: the session's own "thăm và làm việc tại huyện X" (a locality),
"kiểm tra, giám sát" as a work area, "thăm hỏi, tặng quà" families, and
inspections that a directive asks for ("đề nghị ... kiểm tra").

The words are reviewed data (``data/visit_words.tsv``); the patterns keep the grammar, with
a ``«kind»`` slot where the words of a kind go (``lexicon.fill``, rows in the file's order).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .lookup import SentenceIndex, mentions_in
from .scan import Cue, starting_words
from .segment import UPPER
from .spans import Document, fold

WORDS = "visit_words.tsv"
KINDS = (
    "inspect",
    "site",
    "next_step",
    "other_activity",
    "time_word",
    "next_clause",
    "asked_before",
    "delegation",
    "session_noun",
    "area",
    "matter",
    "determiner",
    "asked_in_sentence",
    "in_field",
    "site_list",
    "works_stage",
    "at",
    "verb_lead",
    "time_prep",
    "condition",
    "site_frame",
    "asked_compound",
    "site_tail",
    "list_open",
    "situation",
    "progress",
    "work_of",
    "and",
    "attend",
    "then",
    "go_to",
    "not_after",
    "monitoring",
    "not_after_comma",
)


@lru_cache(maxsize=1)
def visit_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/visit_words.tsv`` by kind (folded, in the file's order); a bad line
    raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS)


_grammar = lexicon.grammar_of(visit_words)


# the verb itself (the scan starts there: see _VERB_LEAD for the words before it)
_VERB = _grammar(
    r"(?:«inspect»)"
    r"(?: (?:«in_field»))?"
    # "kiểm tra thực tế các điểm: A; B; C": the list's head before the colon
    # ... also with where they lie and a word that opens the list: "kiểm tra thực tế một số công
    # trình trên địa bàn phường, gồm: A; B; C"
    r"(?: (?:«site_list»)(?:[^:.;]{0,60}?,?\s(?:«list_open»))?(?=\s*:))?"
    r"(?: (?:«matter»)(?: [^\W\d]+){0,4}?(?= (?:«at»))| (?:«situation»)"
    r"| (?:«progress»)(?: (?:«works_stage»))?"
    # the state of the site inspected: "kiểm tra tình trạng sạt lở tuyến đường A"
    r"| (?:«condition»)"
    r"| (?:«work_of») (?:«works_stage»))?(?: (?:«at»))?(?P<colon>\s*:)?\s+"
)
_VERB_CUE = Cue(_VERB)  # read from the shared scan
# a list of sites after a colon runs to the end of the sentence: "kiểm tra: dự án A; cụm B; ..."
_LIST_END = re.compile(r"[.!?…\n]")
_VERB_LEAD = _grammar(r"(?<!\w)(?:«verb_lead») $")
_SITE = r"(?:«site»)"
# a site may open with a determiner or a count: "các điểm sạt lở ...", "hai công trình ..."
_SITE_START = _grammar(r"(?P<det>(?:«determiner»|\d{1,3})\s+)?" + _SITE + r"(?!\w)")
_SPLIT = _grammar(r"\s*(?:,|;|\b(?:«and»)\b)\s*")
# the end of a site: the clause ends, or another inspection verb starts the next site
# ("... tuyến đường A và khảo sát dự án B", "... dự án A, kiểm tra tiến độ công trình B")
_END = _grammar(
    r"[.;:!?…\n]|\s(?:«next_step»)\s"
    r"|\s(?:«and») (?:«other_activity»|(?:«attend»)(?! án))(?!\w)"
    r"|(?:,|\s(?:«and»)|\s(?:«then»))\s(?:(?:«go_to») )?(?:«inspect»)(?!\w)"
    r"|\s(?:«time_prep»)\s(?:«time_word»)(?!\w)"
    r"|,\s(?:«next_clause»)(?!\w)"
)
# (not the first word of a noun: "Sở Giao thông vận tải", "họp giao ban")
_NOT_COMPOUND = r"(?!\s+(?:«asked_compound»)(?!\w))"
_DIRECTIVE_HEAD = _grammar(r"(?:«asked_before»)" + _NOT_COMPOUND + r"\s+(?:\w+\s+){0,4}$")
# an instruction earlier in the sentence: "giao Sở Xây dựng chủ trì, phối hợp với xã A khảo
# sát vị trí ..." is a task given, not a site inspected ("theo yêu cầu của ..." is not one)
_ASKED_IN_SENTENCE = _grammar(r"(?<!\w)(?:«asked_in_sentence»)(?!\w)(?!\s+của)" + _NOT_COMPOUND)
# the verb as the name of the session: "buổi kiểm tra", "chuyến khảo sát", "đợt kiểm tra"
_SESSION_NOUN = _grammar(r"(?<!\w)(?:«session_noun»)\s+$")
_WORD = re.compile(r"\w+")
# "công trường cầu A" is the site "cầu A" seen again: the frame's words are left out of the
# comparison of sites
_FRAME_WORDS = frozenset(w for f in visit_words()["site_frame"] for w in f.split())
# the words that say where a site lies or whose it is ("tại", "của"): a caption "... kiểm tra
# vườn cam tại xã A" names the "vườn cam của hợp tác xã B, xã A" seen before
_TAIL_WORDS = frozenset(w for f in visit_words()["site_tail"] if " " not in f for w in [f])
_NOT_AFTER = _grammar(r"(?:«not_after»|,? (?:«monitoring»)|, (?:«not_after_comma»))")


# the delegation is the one that inspects: not a district's own inspection campaign
_DELEGATION = _grammar(r"(?<!\w)(?:«delegation»)(?!\w)")


# the area a summary of sites lies in: "một số dự án trọng điểm trên địa bàn huyện X"
_AREA = _grammar(r"(?<!\w)(?:«area»)(?!\w)")


def _named(text: str) -> bool:
    """Whether a site phrase holds a name (a capitalised word) before the area it lies in."""
    area = _AREA.search(fold(text))
    return any(c.isupper() for c in (text[: area.start()] if area else text))


# a word of a name or a number in a site ("Lát" of "xã Lát", "723" of "ĐT 723")
_NAME_OR_NUMBER = re.compile(rf"(?<!\w)[{UPPER}]\w*|\d+")


def _same_site(
    a: frozenset[str], a_names: frozenset[str], b: frozenset[str], b_names: frozenset[str]
) -> bool:
    """Whether two sites (their folded words, and the words of their names) are one site said
    twice ("khu sản xuất rau, hoa công nghệ cao tại xã Lát" and a caption's "vùng sản xuất rau
    công nghệ cao tại xã Lát"): the same names and numbers, and four fifths of the shorter
    one's words shared ("đoạn qua xã A" and "đoạn qua xã B" stay two)."""
    return a_names == b_names and len(a & b) * 5 >= 4 * min(len(a), len(b))


# where a site's own name ends and where it lies, or whose it is, begins: "mô hình trồng lê Tai
# Nung | của hợp tác xã A", "... | tại xã B" (folded)
_SITE_TAIL = _grammar(r"\s(?:«site_tail»)\s")


def _core(text: str) -> str:
    """A site's own name, folded, before where it lies or whose it is ("mô hình trồng lê Tai
    Nung" of "mô hình trồng lê Tai Nung của hợp tác xã Hoa Lê"), when that name holds a name
    or a number (a caption naming the same site by its place is that site); else ""."""
    folded = fold(text)
    tail = _SITE_TAIL.search(folded)
    if tail is None:
        return ""
    if not _NAME_OR_NUMBER.search(text, 0, tail.start()):
        return ""  # "điểm sạt lở tại bản A", "điểm sạt lở tại bản B": two sites
    return folded[: tail.start()]


def _by_delegation(doc: Document, index: SentenceIndex, offset: int) -> bool:
    sentence = index.at(offset)
    if sentence is None:
        return False
    if _DELEGATION.search(doc.folded, sentence.start, sentence.end):
        return True
    return any(
        doc.people[m.person].is_chair
        for m in mentions_in(doc, sentence.start, sentence.end)
        if 0 <= m.person < len(doc.people)
    )


def find_visits(doc: Document) -> None:
    """Set ``doc.site_visits``: the sites inspected in the field, each as written."""
    folded = doc.folded
    # the words, the names and the named core of the sites found
    seen: list[tuple[frozenset[str], frozenset[str], str]] = []
    index = SentenceIndex(doc)
    for m in starting_words(_VERB_CUE.finditer(doc), folded):
        lead = _VERB_LEAD.search(folded, max(0, m.start() - 12), m.start())
        start = lead.start() if lead else m.start()
        # (matched where the verb ends: a copy of the rest of the text for each verb made
        # a long text quadratic)
        if _NOT_AFTER.match(folded[m.end() - 1 : m.end() + 20].lstrip()) or _NOT_AFTER.match(
            folded, m.end()
        ):
            continue
        site = _SITE_START.match(folded, m.end())
        if not site:
            continue
        if _DIRECTIVE_HEAD.search(folded[max(0, start - 40) : start]):
            continue
        sentence = index.at(start)
        if sentence is not None and _ASKED_IN_SENTENCE.search(folded, sentence.start, start):
            continue
        if _SESSION_NOUN.search(folded, max(0, start - 12), start):
            continue  # "tại buổi kiểm tra tiến độ các công trình ...": the session's name
        if not _by_delegation(doc, index, start):
            continue
        end_m = (_LIST_END if m.group("colon") else _END).search(folded, m.end())
        end = end_m.start() if end_m else len(folded)
        # split "dự án A, nhà máy B và khu C" into sites: only where a site noun follows
        cuts = [m.end()]
        for sep in _SPLIT.finditer(folded, m.end(), end):
            if _SITE_START.match(folded, sep.end()):
                cuts.append(sep.start())
                cuts.append(sep.end())
        cuts.append(end)
        for a, b in zip(cuts[::2], cuts[1::2], strict=True):
            if len(folded[a:b].split()) < 2:
                continue
            first = _SITE_START.match(folded, a)
            if first and first.group("det") and not _named(doc.text[first.end() : b]):
                continue  # "một số dự án trọng điểm": a summary, not a site
            span = doc.span(a, b, "site_visit", "visits:inspection")
            key = frozenset(_WORD.findall(fold(span.text))) - _FRAME_WORDS
            names = frozenset(fold(w) for w in _NAME_OR_NUMBER.findall(span.text))
            core = _core(span.text)
            bare = key - _TAIL_WORDS
            if not any(
                bare <= k or k <= key or _same_site(key, names, k, n) or (core and core == c)
                for k, n, c in seen
            ):
                # a caption "... kiểm tra tại công trường dự án A" repeats the visit to "dự án
                # A", "thăm mô hình X tại xã B" the one to "mô hình X tại thôn C, xã B"
                seen.append((key, names, core))
                doc.site_visits.append(span)

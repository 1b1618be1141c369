"""The chairs of a session: the lede's leader, "X chủ trì", "dưới sự chủ trì của X",
"Chủ trì hội nghị có các đồng chí: ...", the leader who gives "phát biểu kết luận";
failing these, the one who "phát biểu chỉ đạo"; failing that, the person the lede opens
with.  Lower-side officials never chair, except a district's leader when no provincial
leader does (a district's session with its commune)."""

from __future__ import annotations

from bisect import bisect_right

from . import lexicon
from .references import Occurrence, people_words
from .scan import Cue
from .segment import DATELINE as _DATELINE
from .spans import Document, Span
from .titles import is_district_leader, is_local

_grammar = lexicon.grammar_of(people_words)


_LEDE_VERB = _grammar(r"(?<!\w)(?:«lede_verb»)(?!\w)")


def _sentence_of(doc: Document, pos: int) -> Span | None:
    lo, hi = 0, len(doc.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return s
    return None


_CHAIRED_BY = _grammar(
    r"(?:«chaired_under»)"
    r"|(?<!\w)(?:«chair_verb») (?:«chaired_meeting»)?\s*(?:«chairs_are»)(?!\w)"
)
_CHAIRED_BY_CUE = Cue(_CHAIRED_BY)  # read from the shared scan
_LED_BY = _grammar(r"(?<!\w)do\s+(?:(?:các\s+)?(?:«honorific»)\s+)?")
_LEADS = _grammar(r"(?:«heads_as»)|(?<!\w)(?:«leads»)")
_CHAIRS = _grammar(r"(?<!\w)(?:«chair_verb»)(?!\w)")
_CONCLUDES = _grammar(
    r"(?:«concluding_speech»)|^(?:«conclude») (?:«concluded_meeting»)"
    r"|(?<!\w)(?:«conclude») (?:«concluded_session»)|"
    # "Chủ tịch UBND tỉnh X kết luận tại buổi kiểm tra ...": the leader concludes it
    r"(?<!\w)(?:«conclude») (?:«at_meeting») (?:«concluded_meeting»)|"
    r"(?<!\w)(?:«conclude») (?:(?:«and_directs») )?(?:«as_follows»)"
)
# "phát biểu chỉ đạo", and the author of a notice's conclusions ("Thông báo ... truyền đạt kết
# luận của Phó Chủ tịch UBND tỉnh X tại buổi làm việc ..."): chairs when no one else does
_DIRECTS = _grammar(
    r"(?:«directing_speech»)"
    r"|(?<!\w)(?:(?:«opinion_of») )?(?:«conclude») (?:(?:«and_directs») )?(?:«of_whom»)(?!\w)"
)
_CONCLUDE_WORDS = people_words()["conclude"]
_DIRECTS_CUE = Cue(_DIRECTS)  # asked of most sentences that name someone: read from the scan
_GROUP_GAP = _grammar(r"^\s*(?:,|;|«joiner»)?\s*(?:các\s+)?(?:«honorific»)?\s*$")
# the lede's opening before its first people: only honorifics ("Sáng 5/4, đồng chí ...")
_LEDE_GAP = _grammar(r"[\s,]*(?:(?:các\s+)?(?:«honorific»)\s*)?")
# the words between the people and "chủ trì" ("X và Y đã đồng chủ trì")
_CHAIR_GAP = _grammar(r"[\s,]*(?:(?:«chair_gap»)\s*)*")


def _groups(doc: Document, refs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Consecutive references (start, end, person) joined only by commas, "và", "đồng chí"."""
    groups: list[list[tuple[int, int, int]]] = []
    for r in refs:
        if groups and _GROUP_GAP.match(doc.folded[groups[-1][-1][1] : r[0]]):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _speaker_of(refs: list[tuple[int, int, int]], verb: int) -> int:
    """The person doing ``verb``: the last reference right before it, else the first after it."""
    before = [r for r in refs if r[1] <= verb and verb - r[1] <= 12]
    if before:
        return before[-1][2]
    after = [r for r in refs if r[0] >= verb]
    return (after or refs)[0][2]


def find_chairs(doc: Document, occs: list[Occurrence]) -> None:
    """Set ``Person.is_chair`` from the lede, "chủ trì" and "kết luận" sentences."""
    refs_by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    occ_at = {o.name.start: o for o in occs}
    sent_index = {s.start: i for i, s in enumerate(doc.sentences)}
    sent_starts = [s.start for s in doc.sentences]
    for mention in doc.mentions:
        if mention.kind not in ("name", "title"):
            continue
        k = bisect_right(sent_starts, mention.span.start) - 1
        if k < 0 or mention.span.start >= doc.sentences[k].end:
            continue  # between sentences
        s = doc.sentences[k]
        if mention.kind == "name":
            occ = occ_at.get(mention.span.start)
            a, b = (occ.start, occ.end) if occ else (mention.span.start, mention.span.end)
        else:
            a, b = mention.span.start, mention.span.end
        refs_by_sentence.setdefault(sent_index[s.start], []).append((a, b, mention.person))
    chairs: set[int] = set()
    # 1. the lede: the first dateline paragraph's first sentence
    subject: set[int] = set()  # the people the lede opens with, as a last resort
    for p in doc.paragraphs[:4]:
        if _DATELINE.match(doc.folded, p.start):
            s0 = _sentence_of(doc, p.start)
            first = [s0] if s0 is not None and p.contains(s0) else []
            if first:
                refs = sorted(refs_by_sentence.get(sent_index[first[0].start], []))
                groups = _groups(doc, refs)
                for k, g in enumerate(groups):
                    # the clause after the group, up to the next person or ";"
                    stop = groups[k + 1][0][0] if k + 1 < len(groups) else first[0].end
                    clause = doc.folded[g[-1][1] : stop].split(";")[0]
                    clause = " ".join(clause.split()[:16])
                    if _LEDE_VERB.search(clause):
                        chairs.update(r[2] for r in g)
                        break
                m = _DATELINE.match(doc.folded, p.start)
                if groups and m and _LEDE_GAP.fullmatch(doc.folded[m.end() : groups[0][0][0]]):
                    subject.update(r[2] for r in groups[0])
            break
    weak: set[int] = set()
    for si, refs in refs_by_sentence.items():
        s = doc.sentences[si]
        low = doc.folded[s.start : s.end]
        refs = sorted(refs)
        m = _CHAIRED_BY_CUE.search_in(doc, low, s.start)
        if m:
            after = [r for r in refs if r[0] >= s.start + m.end()]
            if after:
                chairs.update(r[2] for r in _groups(doc, after)[0])
            continue
        # "Đoàn công tác do đồng chí X, ... làm trưởng đoàn / dẫn đầu"
        m = _LED_BY.search(low) if "do" in low else None
        if m and _LEADS.search(low, m.end()):
            after = [r for r in refs if r[0] >= s.start + m.end()]
            if after and after[0][0] - (s.start + m.end()) <= 2:
                chairs.update(r[2] for r in _groups(doc, after)[0])
        m = _CHAIRS.search(low) if "chủ trì" in low else None
        if m:
            before = [r for r in refs if r[1] <= s.start + m.start()]
            if before:
                g = _groups(doc, before)[-1]
                gap = doc.folded[g[-1][1] : s.start + m.start()]
                if _CHAIR_GAP.fullmatch(gap):
                    chairs.update(r[2] for r in g)
        m = _CONCLUDES.search(low) if any(w in low for w in _CONCLUDE_WORDS) else None
        if m and refs:
            chairs.add(_speaker_of(refs, s.start + m.start()))
        else:
            m = _DIRECTS_CUE.search_in(doc, low, s.start)
            if m and refs:
                verb = s.start + (m.end() if m.group().endswith("của") else m.start())
                weak.add(_speaker_of(refs, verb))
    if not chairs:
        chairs = weak or subject
    picked = [i for i in chairs if not is_local(doc.people[i])]
    if not picked:
        # no provincial leader chairs: a district's leader at a commune's session (before 2025)
        # is its upper side ("Bí thư Huyện ủy X làm việc với Đảng ủy xã Y")
        picked = [i for i in chairs if is_district_leader(doc.people[i])]
    for i in picked:
        doc.people[i].is_chair = True

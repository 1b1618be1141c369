"""Who has the floor in a report: speaker lead-ins of sentences ("đồng chí ... đề nghị",
"Theo Chủ tịch UBND xã ..., ..."), photo captions, "Title Name:" leads and quotes named
after them; the state of the floor as the directive stage reads paragraph by paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import lexicon
from .agencies import department_lists
from .cues import cue_grammar, cue_patterns
from .references import people_words
from .scan import Cue
from .segment import UPPER
from .spans import Document, Span
from .titles import canonical_title, is_leader, is_local_title

if TYPE_CHECKING:
    from .clauses import Reader


# "đồng chí", "đồng chí Chủ tịch": the speaker already named goes on
BARE_COMRADE = re.compile(r"(?<!\w)đồng chí(?=\s)")
_COMMA = re.compile(r"\s*,\s*")


_grammar = lexicon.grammar_of(people_words)


_THEO = _grammar(r"theo(?<!\wtheo) (?:(?:«honorific») )?$")  # (the word start checked after it)
# an honorific, with a leader's title head ("đồng chí Chủ tịch"), starting a word (checked
# after the first letter, for a fast search: ``lexicon.trie_pattern``)
_BARE_DONG_CHI = _grammar(
    f"{lexicon.trie_pattern(people_words()['honorific'], word_start=True)}"
    r"(?:\s+(?:(?:«vice»)\s+)?(?:«leader_head»))?(?=\s)"
)
_BARE_DONG_CHI_CUE = Cue(_BARE_DONG_CHI)  # read from the shared scan


_CAPTION_VERB = _grammar(r"(?<!\w)(?:«caption_verb»)(?!\w)")
# a provincial leader's title: "Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"
_BI_THU = r"(?:«party_head»)(?:\s+(?:«standing»))?\s+(?:«provincial_party»)"
_CHU_TICH = r"(?:«state_head»)(?:\s+(?:«standing»))?\s+(?:«people_body»)\s+(?:«province_level»)"
LEADER_TITLE = _grammar(
    rf"(?<!\w)(?:(?:(?:«vice»)\s+)?{_BI_THU}|(?:(?:«vice»)\s+)?{_CHU_TICH})(?!\w)"
)
# a leader's title that can lead a sentence without a name: the above, and the head of the
# visiting delegation ("Trưởng đoàn công tác cũng yêu cầu ..."); read from the shared scan,
# so the word start is checked only where one of its first words is
_LEAD_TITLE = _grammar(
    rf"(?<!\w)(?:(?:«vice»)\s+(?:{_BI_THU}|{_CHU_TICH})|{_BI_THU}|{_CHU_TICH}|"
    r"(?:«delegation_head»)(?!\s+(?:«deputies»))|"
    # the province's standing bodies speak as its leaders: "Thường trực Tỉnh ủy đề nghị ..."
    r"(?:«standing»)\s+(?:«provincial_party»)|(?:«standing_committee»)\s+(?:«provincial_party»))(?!\w)"
)
_LEAD_TITLE_CUE = Cue(_LEAD_TITLE)  # read from the shared scan
_CAP_RUN = re.compile(rf"(?:\s+[{UPPER}][^\s,.;:]*)+")


# "Huyện đề nghị tỉnh hỗ trợ ...": the lower side asks the province (a petition)
UPWARD = cue_grammar(r"(?:«upward»)\s+(?:với\s+)?(?:«above»)(?!\w)")


# a heading that tells a leader's speech ("... kết luận ...", "... phát biểu ...")
_CONCLUSION = _grammar(r"«speech_word»")


@dataclass
class Speaker:
    person: int | None  # index into doc.people, None when unknown
    leader: bool


@dataclass
class Lead:
    """A speaker lead-in found in a sentence: who, which verb, where the rest starts."""

    person: int | None
    kind: str  # ask | assign | say | open | praise | report
    lead_start: int  # where the reference to the speaker starts
    verb_start: int
    rest: int  # where the text after the verb starts
    leader: bool = False  # a leader's title with no name the people stage could resolve


class SpeakerReader:
    """The reading state of one document for the directive stage: who is named where,
    and the speaker lead-ins of its sentences ("<person> (cũng) đề nghị", "đồng chí giao")."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.f = doc.folded
        self.rx = cue_patterns()
        self.refs: list[tuple[int, int, int]] = []  # (start, end, person) of name/title mentions
        caption_at = {}
        for m in doc.mentions:
            if m.kind in ("name", "title"):
                self.refs.append((m.span.start, m.span.end, m.person))
            elif m.kind in ("caption", "colon"):
                caption_at[m.span.start] = m
        self.refs.sort()
        self.ref_starts = [r[0] for r in self.refs]
        self._leads: dict[int, list[Lead]] = {}
        self._leader: dict[int, bool] = {}
        self.indicator_starts = sorted(i.span.start for i in doc.indicators)
        # one scan of the document for bare pronouns ("đồng chí", "ông") and leaders' titles
        bare = list(_BARE_DONG_CHI_CUE.finditer(doc))
        self.bare = ([m.start() for m in bare], bare)
        titled = list(_LEAD_TITLE_CUE.finditer(doc))
        self.titled = ([m.start() for m in titled], titled)
        self.mention_at = caption_at
        # "các sở: Tài chính, Xây dựng, ...": the departments of each list, by the list's head
        self.department_lists: dict[int, list[Span]] = {}
        for span, head in department_lists(doc).items():
            self.department_lists.setdefault(head, []).append(span)
        # a name's reference runs to the end of the titles written after it
        self.ref_end: dict[int, int] = {}
        names = [m for m in doc.mentions if m.kind == "name"]
        self.ref_begin: dict[int, int] = {}  # and starts at the titles written before it
        for m, ref in zip(names, doc.references, strict=False):
            self.ref_end[m.span.start] = ref.end
            self.ref_begin[m.span.start] = ref.start
        for m in doc.mentions:
            if m.kind == "colon":
                self.ref_end[m.span.start] = m.span.end

    def leader(self, person: int | None) -> bool:
        """Whether ``person`` is a leader who can give directives (memoised: chairs are set)."""
        if person is None:
            return False
        known = self._leader.get(person)
        if known is None:
            known = self._leader[person] = is_leader(self.doc.people[person])
        return known

    def leads_in(self, s: Span) -> list[Lead]:
        """Speaker lead-ins of a sentence ("<person> (cũng) đề nghị", "đồng chí giao")."""
        leads = self._leads.get(s.start)
        if leads is None:
            leads = self._leads[s.start] = self._find_leads(s)
        return leads

    def refs_in(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The name and title references that start inside ``[start, end)``."""
        lo = bisect_left(self.ref_starts, start)
        hi = bisect_left(self.ref_starts, end)
        return self.refs[lo:hi]

    @staticmethod
    def _within(found: tuple[list[int], list[re.Match[str]]], s: Span) -> list[re.Match[str]]:
        """The matches of a whole-document scan that lie inside sentence ``s``."""
        starts, matches = found
        lo = bisect_left(starts, s.start)
        if lo == len(starts) or starts[lo] >= s.end:
            return []  # most sentences: none
        hi = bisect_left(starts, s.end, lo)
        return [m for m in matches[lo:hi] if m.end() <= s.end]

    def _find_leads(self, s: Span) -> list[Lead]:
        # most sentences name no one and have no lead-in: told by three bisections first
        start, end = s.start, s.end
        k = bisect_left(self.ref_starts, start)
        if k == len(self.ref_starts) or self.ref_starts[k] >= end:
            bare_starts, titled_starts = self.bare[0], self.titled[0]
            b = bisect_left(bare_starts, start)
            t = bisect_left(titled_starts, start)
            if (b == len(bare_starts) or bare_starts[b] >= end) and (
                t == len(titled_starts) or titled_starts[t] >= end
            ):
                return []
        refs = self.refs_in(start, end)
        bare = self._within(self.bare, s)
        titled = self._within(self.titled, s)
        if not refs and not bare and not titled:
            return []
        out = []
        ends = [(a, min(self.ref_end.get(a, b), s.end), person) for a, b, person in refs]
        for a, end, person in ends:
            # "Theo Chủ tịch UBND xã ..., ...": an opinion, the leader's or the lower side's
            b0 = self.ref_begin.get(a, a)  # "Theo Bí thư Tỉnh ủy Lê Văn An, ...": before the title
            if _THEO.search(self.f, max(0, a - 14), a) or _THEO.search(self.f, max(0, b0 - 14), b0):
                m = _COMMA.match(self.f, end, s.end)
                if m:
                    kind = "say" if self.leader(person) else "report"
                    out.append(Lead(person, kind, a, end, m.end()))
                continue
            m = self.rx.speech.match(self.f, end, s.end)
            if m:
                kind = self.rx.kind_of[m.group("verb")]
                out.append(Lead(person, kind, a, m.start("verb"), m.end()))
        for m in bare:
            if any(a <= m.start() < e for a, e, _ in ends):
                continue
            sm = self.rx.speech.match(self.f, m.end(), s.end)
            if sm:
                kind = self.rx.kind_of[sm.group("verb")]
                # "Đồng chí đề nghị tỉnh hỗ trợ ..." after a local official was named: theirs
                who = self.last_named(m.start())
                if (
                    who is not None
                    and not self.leader(who)
                    and UPWARD.match(self.f, sm.start("verb"), s.end)
                ):
                    out.append(Lead(who, "report", m.start(), sm.start("verb"), sm.end()))
                    continue
                out.append(Lead(None, kind, m.start(), sm.start("verb"), sm.end()))
        # "Chủ tịch UBND tỉnh yêu cầu ...": a leader's title the people stage left unresolved
        for m in titled:
            if any(a <= m.start() < e for a, e, _ in ends) or any(
                x.lead_start <= m.start() < x.rest for x in out
            ):
                continue
            end = m.end()
            cap = _CAP_RUN.match(self.doc.text, end, s.end)
            if cap:
                end = cap.end()
            if any(m.start() <= a <= end for a, _, _ in ends):
                continue  # "Chủ tịch UBND tỉnh Lê Văn An": the name's reference covers it
            if is_local_title(self.doc.text[m.start() : end]):
                continue  # "Bí thư Thành ủy Vinh cho biết": a city of the province
            sm = self.rx.speech.match(self.f, end, s.end)
            if sm:
                kind = self.rx.kind_of[sm.group("verb")]
                out.append(Lead(None, kind, m.start(), sm.start("verb"), sm.end(), leader=True))
        out.sort(key=lambda x: x.lead_start)
        return out

    def last_named(self, pos: int) -> int | None:
        """The person of the last name or title reference that ends before ``pos``."""
        ref = self.last_ref(pos)
        return ref[2] if ref is not None else None

    def last_ref(self, pos: int) -> tuple[int, int, int] | None:
        """The last name or title reference (start, end, person) that ends before ``pos``."""
        k = bisect_left(self.ref_starts, pos) - 1
        while k >= 0:
            if self.refs[k][1] <= pos:
                return self.refs[k]
            k -= 1
        return None

    def last_leader_before(self, pos: int) -> int | None:
        """The leader of the last reference to a leader that ends before ``pos``, in any
        paragraph, else None."""
        k = bisect_left(self.ref_starts, pos) - 1
        while k >= 0:
            _, end, person = self.refs[k]
            if end <= pos and self.leader(person):
                return person
            k -= 1
        return None

    def leader_named_before(self, pos: int) -> int | None:
        """The leader named last before ``pos`` in the same paragraph ("Chiều 16/10, đồng
        chí X, Bí thư Tỉnh ủy đã làm việc với ... Đồng chí yêu cầu ..."), else None."""
        ref = self.last_ref(pos)
        if ref is None or not self.leader(ref[2]) or "\n" in self.doc.text[ref[1] : pos]:
            return None
        return ref[2]


def bare_caption(doc: Document, r: Reader, p: Span) -> int | None:
    """The person a caption paragraph that is only "Title Name" names, else None."""
    m = r.mention_at.get(p.start)
    if m is None or m.kind != "caption":
        return None
    names = r.refs_in(p.start, p.end)
    if not names:
        return None
    last = max(x[1] for x in names)
    rest = doc.folded[last : p.end].strip(" .")
    if not rest:
        return m.person
    # "Đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh": titles after the name, no verb
    if rest[0] in ",-–" and not _CAPTION_VERB.search(rest) and not r.rx.report_verb.search(rest):
        return m.person
    return None


@dataclass
class State:
    speaker: Speaker
    last_assignees: list[Span | str] = field(default_factory=list)
    last_issuer: int | None = None
    # for whom the points of a numbered list ("Một là, ...") are: the assignees of the last
    # directive that was not itself a point
    list_assignees: list[Span | str] = field(default_factory=list)
    end_at: int | None = None  # where the current directive ends, when before its sentence's end
    listing: bool = False  # a leader's "... như sau:" opened a numbered or bulleted list


def caption_after(captions: dict[int, int | None], headings: list[bool], i: int) -> int | None:
    """The person of a bare caption right after paragraph ``i`` (before the next content)."""
    for j in range(i + 1, min(i + 3, len(headings))):
        if captions.get(j) is not None:
            return captions[j]
        if not headings[j]:
            return None
    return None


def paragraph_speaker(
    r: Reader, st: State, p: Span, first: Span, after: int | None, heading: bool
) -> None:
    """Update who has the floor from the start of paragraph ``p``."""
    people = r.doc.people
    colon = r.mention_at.get(p.start)
    leads = r.leads_in(first)
    if colon is not None and colon.kind == "colon":
        person = colon.person
        # "Title Name: ..." leads give the floor to participants; a chair's or a top
        # leader's ("Phó Chủ tịch UBND tỉnh Lê Văn An: Các địa phương cần ...") is a directive
        top = any(
            LEADER_TITLE.match(canonical_title(t.text)) and not is_local_title(t.text)
            for t in people[person].titles
        )
        st.speaker = Speaker(person, people[person].is_chair or top)
    elif leads and (
        (leads[0].person is not None and r.leader(leads[0].person))
        or (leads[0].person is None and leads[0].kind != "report")
    ):
        who = leads[0].person if leads[0].person is not None else st.speaker.person
        st.speaker = Speaker(who, True)
    elif after is not None and not heading:
        st.speaker = Speaker(after, r.leader(after))
    elif heading:
        refs = r.refs_in(p.start, p.end)
        if refs and r.leader(refs[0][2]) and _CONCLUSION.search(r.f, p.start, p.end):
            st.speaker = Speaker(refs[0][2], True)
    elif (
        leads and (leads[0].person is not None or not st.speaker.leader) and not leads[0].leader
    ) or r.local_lead(first):  # the cheap test first (local_lead is pure)
        st.speaker = Speaker(None, False)
    elif not leads and r.reports_results(first):
        # "Năm 2024, thu ngân sách của huyện đạt 120 tỷ đồng ...": the lower side's report
        st.speaker = Speaker(None, False)


def quote_speaker(r: Reader, st: State, p: Span, sentences: list[Span]) -> Speaker | None:
    """The leader a paragraph that opens with a quote names after it ("“...”, đồng chí
    nhấn mạnh."), when the quote runs over several sentences; else None."""
    if len(sentences) < 2 or not p.text.startswith(('"', "“")):
        return None
    leads = r.leads_in(sentences[-1])
    if not leads or leads[0].kind not in ("ask", "assign", "say"):
        return None
    lead = leads[0]
    if lead.person is not None:
        return Speaker(lead.person, True) if r.leader(lead.person) else None
    if lead.leader or st.speaker.leader:
        return Speaker(st.speaker.person if st.speaker.leader else None, True)
    return None

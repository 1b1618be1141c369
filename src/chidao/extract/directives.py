"""Stage: directives, with issuer, assignees and deadline (``doc.directives``).

A directive is one sentence of a leader's speech that tells someone to act.  The
report is read paragraph by paragraph with a small state: who is speaking and
whether that speaker is a leader (a directive zone) or the lower side (reports,
petitions: never directives).

Who speaks a paragraph, in order of precedence:

1. a leader named in a sentence as the subject of a speech verb of
   ``data/directive_cues.tsv`` ("đồng chí Bí thư Tỉnh ủy Lê Văn An đề nghị ...",
   "Kết luận buổi làm việc, Chủ tịch UBND tỉnh ... ghi nhận ...", "đồng chí ... đã
   triển khai, quán triệt ...");
2. a "Title Name:" lead at the start of the paragraph (a directive zone only for a
   chair or a top leader of the province; otherwise a participant's opinion);
3. a photo caption that is only a title and a name, placed right after the
   paragraph (news photos name the speaker of the paragraph before them);
4. a lower-side subject of a speech verb ("Theo báo cáo ...", "lãnh đạo huyện ...
   đã chỉ ra ...", "Nhiều ý kiến cho rằng ...") or a paragraph reporting figures
   ("thu ngân sách đạt 120 tỷ đồng"): the zone closes;
5. otherwise the speaker of the paragraph before goes on.

In a leader's zone, a sentence is a directive when its clause (after openers such
as "Cùng với đó," and framing phrases such as "Về ...,") starts with a cue verb
("Tăng cường ...", "Cần ..."), or has a subject that can act followed by a modal
("các cấp, các ngành tiếp tục ...", "huyện phải ..."), or follows a leader's
"đề nghị"/"yêu cầu"/"lưu ý" (the text then starts after that verb).  Praise,
results and principles are not directives.  A summary lede printed before the
dateline (a sapo) is not counted again.

The layout of a conclusion notice is read too: "a) UBND huyện X:" then bullets
("- Tập trung ..."), "b) Sở Tài chính: Chủ trì, ...".  A quoted instruction before
its speaker ("“Các xã phải ...”, đồng chí nhấn mạnh") counts.  A summary lede that
the body repeats is counted once.  ``Item.span.rule`` says which path found it
(ask, assign, say, quote, speech, unit).

Assignees: the subject as written; else those of the previous directive of the
same speech; else the localities the session is about (for a conference about no
locality, the bodies invited).  Issuer: the speaker; an unnamed speaker is the
chair (the first named, when several chair).  Deadlines: ``deadlines``.

A leader's "... kết luận như sau:" (or any sentence announcing points: "các nhiệm vụ
sau:") keeps the floor over the numbered and lettered points that follow, even those
that state results; "đề nghị UBND phường X thực hiện các nhiệm vụ sau:" is not itself a
directive but names the assignee of the points.  A named body followed by its task
("Giao Sở Xây dựng hướng dẫn ...", "Văn phòng UBND tỉnh theo dõi, đôn đốc ...") is an
instruction to that body; the body ends before the task verb.  A notice's closing
formula ("... thông báo để các cơ quan, đơn vị biết, thực hiện.") is not a directive.
Petitions that overlap a directive are dropped: the leader's instruction wins.

Speakers are also named by "ông"/"bà" ("Theo ông X, ...", "ông giao ..."), by the head of
the delegation ("Trưởng đoàn công tác yêu cầu ..."), by a leader's caption placed before
the conclusion ("Bí thư Tỉnh ủy X phát biểu kết luận."), and at the end of a quote of
several sentences ("“... . ...”, Bí thư Tỉnh ủy X yêu cầu.").  A bare "Đồng chí đề nghị
tỉnh ..." right after a local official was named is that official's request.  Each
";"-clause of a directive that opens with a named body and its task adds that body to
the assignees; "Thường trực Tỉnh ủy giao X ..." assigns X.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .agencies import department_lists
from .deadlines import find_deadline
from .people import canonical_title, is_leader, is_local_title, title_lexicon, trie_pattern
from .segment import DATELINE as _DATELINE
from .segment import UPPER
from .spans import Document, Item, Span, fold

CUES = "directive_cues.tsv"
KINDS = (
    "ask",
    "assign",
    "say",
    "open",
    "praise",
    "report",
    "modal",
    "imperative",
    "connector",
    "frame",
    "agent",
    "negator",
    "local",
    "body",
    "task",
    "closing",
    "lead",
    "support",
)


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/directive_cues.tsv`` by kind (folded); bad lines name the file and
    line."""
    rows = lexicon.load(CUES, KINDS)
    return {k: lexicon.texts(rows, k) for k in KINDS}


def _alt(entries: tuple[str, ...]) -> str:
    return trie_pattern(entries)


@dataclass(frozen=True)
class _Rx:
    speech: re.Pattern[str]
    connector: re.Pattern[str]
    frame: re.Pattern[str]
    start_cue: re.Pattern[str]
    modal: re.Pattern[str]
    agent: re.Pattern[str]
    negator: re.Pattern[str]
    local: re.Pattern[str]
    praise: re.Pattern[str]
    report_verb: re.Pattern[str]
    ask: re.Pattern[str]
    then_ask: re.Pattern[str]
    imperative_only: re.Pattern[str]
    body: re.Pattern[str]
    task: re.Pattern[str]
    closing: re.Pattern[str]
    lead: re.Pattern[str]
    support_before: re.Pattern[str]
    support_after: re.Pattern[str]
    support_scan: re.Pattern[str]
    kind_of: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    lx = cue_lexicon()
    kind_of: dict[str, str] = {}
    for k in ("report", "praise", "open", "say", "assign", "ask"):  # later kinds win
        for e in lx[k]:
            kind_of[e] = k
    verbs = tuple(kind_of)
    filler = r"(?:(?:cũng|đã|tiếp tục|còn|thì|đặc biệt|một lần nữa|tiếp|trực tiếp|luôn)\s+)*"
    return _Rx(
        speech=re.compile(rf"\s*(?:,\s*)?{filler}(?P<verb>{_alt(verbs)})(?!\w)\s*(?::|,)?\s*"),
        connector=re.compile(rf"\s*(?:{_alt(lx['connector'])})(?:\s*[,:]\s*|\s+(?=\w))"),
        frame=re.compile(rf"\s*(?:{_alt(lx['frame'])})(?!\w)"),
        start_cue=re.compile(
            rf"\s*[\"“]?(?:{_alt(lx['modal'] + lx['imperative'] + lx['ask'] + lx['assign'])})(?!\w)(?!\s+(?:được|là)(?!\w))"
        ),
        modal=re.compile(rf"(?:{_start(lx['modal'])})(?!\w)(?!\s+(?:được|là)(?!\w))"),
        agent=re.compile(
            rf"\s*[\"“]?(?:(?:các|những|từng|mỗi|toàn|cả|tất cả|mọi|cho|đối với)\s+)*(?:{_alt(lx['agent'])})(?!\w)"
        ),
        negator=re.compile(rf"(?:{_start(lx['negator'])})(?!\w)"),
        local=re.compile(rf"\s*(?:{_alt(lx['local'])})(?!\w)"),
        praise=re.compile(rf"\s*(?:{_alt(lx['praise'])})(?!\w)"),
        ask=re.compile(rf"\s*(?:{_alt(lx['ask'] + lx['assign'])})(?!\w)\s*:?\s*"),
        then_ask=re.compile(
            r"(?:[,;]\s*|\s)(?:đồng thời|và|nhưng|song|tuy nhiên|mặt khác)\s+(?:(?:cũng|đã)\s+)*"
            r"(?:đề nghị|yêu cầu|lưu ý|nhắc nhở|mong muốn)(?!\w)\s*:?\s*"
        ),
        report_verb=re.compile(rf"(?:{_start(lx['report'] + lx['say'])})(?!\w)"),
        imperative_only=re.compile(
            rf"\s*[\"“]?(?:{_alt(tuple(set(lx['imperative']) - set(lx['modal'] + lx['ask'] + lx['assign'])))})(?!\w)"
        ),
        body=re.compile(rf"(?:{_alt(lx['body'])})(?!\w)"),
        task=re.compile(rf"(?:{_alt(lx['task'] + lx['modal'])})(?!\w)"),
        closing=re.compile(rf"(?:{_start(lx['closing'])})(?!\w)"),
        lead=re.compile(rf"\s*,?\s*(?:{_alt(lx['lead'])})(?!\w)"),
        support_before=re.compile(rf"(?<!\w)(?:{_alt(lx['support'])})\s+$"),
        support_after=re.compile(rf"\s*,?\s*(?:{_alt(lx['support'])})(?!\w)"),
        support_scan=re.compile(rf"(?:{_start(lx['support'])})(?!\w)\s+"),
        kind_of=kind_of,
    )


def _start(entries: tuple[str, ...]) -> str:
    """The alternation of ``entries`` matching only at the start of a word (fast to search)."""
    return trie_pattern(entries, word_start=True)


# "đồng chí", "đồng chí Chủ tịch": the speaker already named goes on
_BARE_COMRADE = re.compile(r"(?<!\w)đồng chí(?=\s)")
_COMMA = re.compile(r"\s*,\s*")
_THEO = re.compile(r"(?<!\w)theo (?:(?:đồng chí|ông|bà) )?$")
_BARE_DONG_CHI = re.compile(
    r"(?:đ(?<!\w.)ồng chí|ô(?<!\w.)ng|b(?<!\w.)à)(?:\s+(?:phó\s+)?(?:bí thư|chủ tịch|trưởng đoàn|trưởng ban))?(?=\s)"
)
_MAX_SUBJECT_WORDS = 22
_BULLET = re.compile(r"\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\)|[IVXivx]{1,4}\.)\s+")
_CAPTION_SPEECH = re.compile(r"(?<!\w)(?:kết luận|chỉ đạo)(?!\w)")
_ROMAN = re.compile(r"\s*[IVX]{1,4}\.\s")
# a formal conclusion notice: "THÔNG BÁO" / "Thông báo kết luận ..." / "Kết luận của ..."
_NOTICE = re.compile(
    r"(?:thông báo\s*$|thông báo\s+(?:số\s+\S+\s+)?(?:ý kiến\s+)?kết luận|(?:ý kiến\s+)?kết luận của)(?!\w)"
)
_CAPTION_VERB = re.compile(
    r"(?<!\w)(?:phát biểu|tại|kiểm tra|thăm|trao|tặng|làm việc|chủ trì|kết luận|chỉ đạo|"
    r"báo cáo|trình bày|dự|đến|cùng|với|và các)(?!\w)"
)
_LEADER_TITLE = re.compile(
    r"(?<!\w)(?:(?:phó\s+)?bí thư(?:\s+thường trực)?\s+(?:tỉnh ủy|thành ủy)|"
    r"(?:phó\s+)?chủ tịch(?:\s+thường trực)?\s+(?:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân)\s+(?:tỉnh|thành phố))"
    r"(?!\w)"
)
# a leader's title that can lead a sentence without a name: the above, and the head of the
# visiting delegation ("Trưởng đoàn công tác cũng yêu cầu ...")
_BI_THU = r"í thư(?:\s+thường trực)?\s+(?:tỉnh ủy|thành ủy)"
_CHU_TICH = r"hủ tịch(?:\s+thường trực)?\s+(?:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân)\s+(?:tỉnh|thành phố)"
_LEAD_TITLE = re.compile(  # written for a fast search: the word start is checked after a letter
    rf"(?:p(?<!\w.)hó\s+(?:b{_BI_THU}|c{_CHU_TICH})|b(?<!\w.){_BI_THU}|c(?<!\w.){_CHU_TICH}|"
    r"t(?<!\w.)rưởng đoàn(?: công tác)?(?!\s+(?:đbqh|đại biểu)))(?!\w)"
)
_CAP_RUN = re.compile(rf"(?:\s+[{UPPER}][^\s,.;:]*)+")
_PURPOSE = re.compile(r"\s*(?:và\s+)?(?P<de>để)\s")
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*\s*(?:%|tỷ|triệu|nghìn|ngàn|ha|km|hộ|người|dự án|doanh nghiệp|công trình|tấn)(?!\w)"
)
_RESULT = re.compile(rf"(?:{_start(('đạt', 'tăng', 'giảm', 'đã', 'được', 'vượt', 'bằng'))})(?!\w)")
_STATE = re.compile(
    rf"(?:{_start(('đã', 'được', 'đạt', 'có nhiều', 'có bước', 'chuyển biến', 'là', 'ngày càng', 'còn'))})(?!\w)"
)
_UPWARD = re.compile(
    r"(?:đề nghị|yêu cầu|kiến nghị|mong muốn)\s+(?:với\s+)?(?:tỉnh|trung ương|ubnd tỉnh|hđnd tỉnh|"
    r"thường trực tỉnh ủy|ban thường vụ tỉnh ủy|chính phủ|các bộ|bộ|cấp trên)(?!\w)"
)
_NOUN_USE = re.compile(r"(?:của|này|đó|nói trên)(?!\w)")  # "các đề nghị của xã": a noun
_HONORIFIC_GAP = re.compile(r"\s*(?:(?:đồng chí|ông|bà)\s+)?")
_MUST = re.compile(rf"(?:{_start(('cần phải', 'cần', 'phải'))})(?!\w)")
_CONCLUSION = re.compile(r"kết luận|chỉ đạo|ý kiến|phát biểu")
_DETERMINER = re.compile(r"(?:một số|nhiều|các|những|mọi|toàn bộ|hầu hết)(?!\w)")


@dataclass
class _Speaker:
    person: int | None  # index into doc.people, None when unknown
    leader: bool


@dataclass
class _Lead:
    """A speaker lead-in found in a sentence: who, which verb, where the rest starts."""

    person: int | None
    kind: str  # ask | assign | say | open | praise | report
    lead_start: int  # where the reference to the speaker starts
    verb_start: int
    rest: int  # where the text after the verb starts
    leader: bool = False  # a leader's title with no name the people stage could resolve


class _Reader:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.f = doc.folded
        self.rx = _rx()
        self.refs: list[tuple[int, int, int]] = []  # (start, end, person) of name/title mentions
        caption_at = {}
        for m in doc.mentions:
            if m.kind in ("name", "title"):
                self.refs.append((m.span.start, m.span.end, m.person))
            elif m.kind in ("caption", "colon"):
                caption_at[m.span.start] = m
        self.refs.sort()
        self.ref_starts = [r[0] for r in self.refs]
        self._leads: dict[int, list[_Lead]] = {}
        self._leader: dict[int, bool] = {}
        self.indicator_starts = sorted(i.span.start for i in doc.indicators)
        # one scan of the document for bare pronouns ("đồng chí", "ông") and leaders' titles
        bare = list(_BARE_DONG_CHI.finditer(self.f))
        self.bare = ([m.start() for m in bare], bare)
        titled = list(_LEAD_TITLE.finditer(self.f))
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

    # -- speakers ------------------------------------------------------------
    def leader(self, person: int | None) -> bool:
        """Whether ``person`` is a leader who can give directives (memoised: chairs are set)."""
        if person is None:
            return False
        known = self._leader.get(person)
        if known is None:
            known = self._leader[person] = is_leader(self.doc.people[person])
        return known

    def leads_in(self, s: Span) -> list[_Lead]:
        """Speaker lead-ins of a sentence ("<person> (cũng) đề nghị", "đồng chí giao")."""
        if s.start not in self._leads:
            self._leads[s.start] = self._find_leads(s)
        return self._leads[s.start]

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

    def _find_leads(self, s: Span) -> list[_Lead]:
        out = []
        refs = self.refs_in(s.start, s.end)
        ends = [(a, min(self.ref_end.get(a, b), s.end), person) for a, b, person in refs]
        for a, end, person in ends:
            # "Theo Chủ tịch UBND xã ..., ...": an opinion, the leader's or the lower side's
            b0 = self.ref_begin.get(a, a)  # "Theo Bí thư Tỉnh ủy Lê Văn An, ...": before the title
            if _THEO.search(self.f, max(0, a - 14), a) or _THEO.search(self.f, max(0, b0 - 14), b0):
                m = _COMMA.match(self.f, end, s.end)
                if m:
                    kind = "say" if self.leader(person) else "report"
                    out.append(_Lead(person, kind, a, end, m.end()))
                continue
            m = self.rx.speech.match(self.f, end, s.end)
            if m:
                kind = self.rx.kind_of[m.group("verb")]
                out.append(_Lead(person, kind, a, m.start("verb"), m.end()))
        bare = self._within(self.bare, s)
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
                    and _UPWARD.match(self.f, sm.start("verb"), s.end)
                ):
                    out.append(_Lead(who, "report", m.start(), sm.start("verb"), sm.end()))
                    continue
                out.append(_Lead(None, kind, m.start(), sm.start("verb"), sm.end()))
        # "Chủ tịch UBND tỉnh yêu cầu ...": a leader's title the people stage left unresolved
        titled = self._within(self.titled, s)
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
                out.append(_Lead(None, kind, m.start(), sm.start("verb"), sm.end(), leader=True))
        out.sort(key=lambda x: x.lead_start)
        return out

    def last_named(self, pos: int) -> int | None:
        """The person of the last name or title reference that ends before ``pos``."""
        k = bisect_left(self.ref_starts, pos) - 1
        while k >= 0:
            if self.refs[k][1] <= pos:
                return self.refs[k][2]
            k -= 1
        return None

    def has_closing(self, s: Span) -> bool:
        """Whether a sentence holds a notice's closing formula ("... biết, thực hiện")."""
        f = self.f
        if f.find("biết", s.start, s.end) < 0 and f.find("thông báo", s.start, s.end) < 0:
            return False
        return self.rx.closing.search(f, s.start, s.end) is not None

    def local_lead(self, s: Span) -> bool:
        """Whether a sentence opens with the lower side reporting or asking."""
        pos = self.skip_openers(s.start, s.end)
        if self.rx.local.match(self.f, pos, s.end):
            return True
        # "Theo Chủ tịch UBND xã, ...", "Theo đại diện Sở ..., ..."
        if self.f.startswith("theo ", pos) and self.rx.agent.match(self.f, pos + 5, s.end):
            return not _LEADER_TITLE.match(self.f, pos + 5, s.end)
        # "<subject without a leader> đã báo cáo / cho rằng / kiến nghị ..."
        end = min(s.end, pos + 220)
        for n, m in enumerate(self.rx.report_verb.finditer(self.f, pos, end)):
            if n >= 3:
                break
            subject = self.f[pos : m.start()]
            if self.refs_in(pos, m.start()) or _BARE_COMRADE.search(subject):
                return False
            if self.rx.modal.search(subject) or len(subject.split()) > _MAX_SUBJECT_WORDS:
                return False
            if self.rx.agent.match(subject) or re.search(
                r"ý kiến|đại biểu|đại diện|lãnh đạo|bà con|người dân|nhân dân|cử tri", subject
            ):
                return True
        return False

    def reports_results(self, s: Span) -> bool:
        """A sentence stating achieved figures ("đạt 12,36%", "tăng 8 tỷ đồng"), not an order."""
        if self.clause_start(s.start, s.end) is not None:
            return False
        k = bisect_left(self.indicator_starts, s.start)
        has_figure = (k < len(self.indicator_starts) and self.indicator_starts[k] < s.end) or bool(
            _FIGURE.search(self.f, s.start, s.end)
        )
        return has_figure and bool(_RESULT.search(self.f, s.start, s.end))

    # -- clause tests ------------------------------------------------------------
    def skip_openers(self, pos: int, end: int) -> int:
        """Skip "Cùng với đó, ", "Theo đó, ", bullets "- " ... (they stay in the text)."""
        m = _BULLET.match(self.f, pos, end)
        if m:
            pos = m.end()
        while True:
            m = self.rx.connector.match(self.f, pos, end)
            if not m:
                return pos
            if not self.f[pos : m.end()].rstrip().endswith((",", ":")):
                # "Trọng tâm là rà soát ...": without a comma only before an instruction
                if not (
                    self.rx.start_cue.match(self.f, m.end(), end)
                    or self.rx.agent.match(self.f, m.end(), end)
                ):
                    return pos
            pos = m.end()

    def clause_start(self, pos: int, end: int) -> int | None:
        """Where the directive clause starts, after openers and one framing phrase; None if not one."""
        pos = self.skip_openers(pos, end)
        if self.is_instruction(pos, end):
            return pos
        if self.rx.frame.match(self.f, pos, end):
            for n, m in enumerate(re.finditer(r"[,;]\s*", self.f[pos:end])):
                if n >= 3:
                    break
                cand = self.skip_openers(pos + m.end(), end)
                if self.rx.ask.match(self.f, cand, end):
                    continue  # "nghị quyết, chỉ thị, ...": a list, not a clause
                if self.is_instruction(cand, end):
                    return cand
                if self.rx.agent.match(self.f, cand, end) or _DETERMINER.match(self.f, cand, end):
                    return None  # the clause after the frame is a statement
        return None

    def is_instruction(self, pos: int, end: int) -> bool:
        """Whether the clause at ``pos`` tells someone to act."""
        if self.rx.praise.match(self.f, pos, end):
            return False
        m = self.rx.start_cue.match(self.f, pos, end)
        if m:
            # "Phát triển kinh tế đạt nhiều kết quả": a topic, not an order
            if self.rx.imperative_only.match(self.f, pos, end):
                head = " ".join(self.f[m.end() : end].split()[:8])
                if _STATE.search(head):
                    return False
            return True
        if self.subject_end(pos, end) is not None or self.body_end(pos, end) is not None:
            return True
        # "Công tác giải phóng mặt bằng phải được thực hiện quyết liệt": any topic + cần/phải
        m = _MUST.search(self.f, pos, min(end, pos + 120))
        if not m:
            return False
        subject = self.f[pos : m.start()]
        # "Việc gì đã hứa với dân thì phải làm": a condition, then what must be done
        condition = subject.endswith("thì ")
        return (
            0 < len(subject.split()) <= 15
            and (condition or not self.rx.negator.search(subject))
            and not re.search(r"[:;]", subject)
            and not self.refs_in(pos, m.start())
        )

    def subject_end(self, pos: int, end: int, people: bool = False) -> int | None:
        """End of an acting subject followed by a modal ("các cấp, các ngành | tiếp tục")."""
        a = self.rx.agent.match(self.f, pos, end)
        if not a:
            return None
        m = self.rx.modal.search(self.f, a.end(), end)
        if not m:
            return None
        subject = self.f[pos : m.start()]
        if len(subject.split()) > _MAX_SUBJECT_WORDS or not subject.strip():
            return None
        if self.rx.negator.search(subject) or ":" in subject:
            return None
        if not people and self.refs_in(pos, m.start()):
            return None  # "Đồng chí Lê Văn An chủ trì ...": a person doing, not told to do
        if _UPWARD.match(self.f, m.start(), end):
            return None  # "Huyện đề nghị tỉnh hỗ trợ ...": a petition to the province
        return m.start()

    def unit_colon(self, s: Span) -> tuple[Span, int] | None:
        """A sentence opening with "<who>:" (a conclusion notice's layout): (who, after the colon)."""
        pos = s.start
        m = _BULLET.match(self.f, pos, s.end)
        if m:
            pos = m.end()
        a = self.rx.agent.match(self.f, pos, s.end)
        colon = self.f.find(":", pos, min(s.end, pos + 100))
        if not a or colon < 0 or colon < a.end():
            return None
        who = self.f[pos:colon]
        if len(who.split()) > 12 or self.rx.negator.search(who) or self.rx.modal.search(who):
            return None
        if self.refs_in(pos, colon) or any(x.verb_start < colon for x in self.leads_in(s)):
            return None  # "Đồng chí Bí thư nhấn mạnh: ...": a speaker, not a unit
        rest = colon + 1
        while rest < s.end and self.f[rest] == " ":
            rest += 1
        return self.doc.span(pos, colon, "assignee", "unit-colon"), rest

    def body_end(self, pos: int, end: int, any_verb: bool = False) -> int | None:
        """End of a named body written at ``pos`` ("Sở Nội vụ", "Văn phòng UBND tỉnh", "Sở
        Văn hóa, Thể thao và Du lịch", "Sở Tài chính, Sở Xây dựng") when a task verb or a
        modal follows it ("hướng dẫn", "chủ trì", "theo dõi", "cần"); else None.  With
        ``any_verb`` (after "giao") any word that cannot continue the name ends it."""
        text, f = self.doc.text, self.f
        m = self.rx.body.match(f, pos, end)
        if not m or not text[pos].isupper():
            return None
        words = title_lexicon().words
        p = last = m.end()
        for _ in range(16):
            w = _BODY_STEP.match(text, p, end)
            if not w:
                return last if any_verb and last > m.end() else None
            a, b = w.start("tok"), w.end("tok")
            tok = text[a:b]
            if w.group("comma"):
                if not tok[0].isupper():
                    return None  # "UBND các xã, phường ...": not a named body
            elif tok[0].isupper() or tok[0].isdigit() or tok[0] == "(":
                last = b
            elif tok in "-–":
                pass
            elif self.rx.task.match(f, a, end):
                return last if last > m.end() or f[pos:last] in ("ubnd", "hđnd") else None
            elif f[a:b] == "và":
                nxt = _BODY_STEP.match(text, b, end)
                if not nxt or nxt.group("comma") or not text[nxt.start("tok")].isupper():
                    return None
            elif f[a:b] == "dự":
                if not f.startswith(" án", b):
                    return None
            elif f[a:b] in words:
                if f[a:b] not in ("các", "của", "số", "cơ"):
                    last = b
            else:
                return last if any_verb and last > m.end() else None
            p = b
        return None

    def action_start(self, pos: int, end: int) -> int:
        """Where the action begins inside a subject: "xã Ea Tu | huy động lực lượng ...",
        "Ban cán sự đảng UBND tỉnh | lãnh đạo ...": a verb of the cue lexicon right after a
        name (a capitalised word) or a level word ending a body's name ("tỉnh", "xã"); else
        ``end``."""
        text, f = self.doc.text, self.f
        named = False
        head = self.rx.agent.match(f, pos, end)  # "chủ đầu tư", "các cấp": one head, not a verb
        after = head.end() if head else pos
        for w in _WORD.finditer(text, pos, end):
            word = w.group()
            if (
                w.start() >= after
                and w.start() > pos
                and named
                and (
                    self.rx.imperative_only.match(f, w.start(), end)
                    or self.rx.task.match(f, w.start(), end)
                )
            ):
                prev = text[pos : w.start()].split()[-1]
                if (prev[0].isupper() and fold(prev) not in _BODY_HEADS) or fold(prev) in _LEVELS:
                    return w.start() - 1 if text[w.start() - 1] == " " else w.start()
            if word[0].isupper() or fold(word) in _LEVELS:
                named = True
        return end

    def body_assignees(self, pos: int, end: int, any_verb: bool = False) -> list[Span]:
        """The bodies told to act at ``pos``: one span per body of a list ("Sở Tài chính,
        Sở Xây dựng hướng dẫn ..." gives both); empty when ``pos`` holds no named body."""
        while pos < end and self.f[pos] in ' "“':
            pos += 1
        e = self.body_end(pos, end, any_verb)
        if e is None:
            return []
        out = []
        start = pos
        for m in _BODY_LIST_GAP.finditer(self.f, pos, e):
            if self.doc.text[m.end()].isupper() and self.rx.body.match(self.f, m.end(), e):
                out.append(self.doc.span(start, m.start(), "assignee", "body"))
                start = m.end()
        out.append(self.doc.span(start, e, "assignee", "body"))
        return out

    def group_end(self, pos: int, end: int) -> int | None:
        """End of a group asked to act ("đề nghị các đại biểu | tập trung thảo luận"): "các"
        or "những" and up to six words before a modal, without punctuation."""
        m = _GROUP.match(self.f, pos, end)
        if not m:
            return None
        mm = self.rx.modal.search(self.f, m.end(), min(end, m.end() + 40))
        if not mm or len(self.f[pos : mm.start()].split()) > 7:
            return None
        if any(c in self.f[pos : mm.start()] for c in ",;:.") or self.rx.negator.search(
            self.f, pos, mm.start()
        ):
            return None
        return mm.start()

    def assignees_at(self, pos: int, end: int) -> list[Span]:
        """The subjects written at ``pos`` when they can act: named bodies followed by their
        task ("giao Sở Nội vụ hướng dẫn ..." gives "Sở Nội vụ"), else the subject before a
        modal ("các xã cần ...")."""
        while pos < end and self.f[pos] in ' "“':
            pos += 1
        m = self.rx.ask.match(self.f, pos, end)
        if m and not self.f.startswith("chỉ đạo", pos):  # "Chỉ đạo các xã ...": not theirs
            pos = m.end()
        asked = bool(m) or _ASKED.search(self.f, max(0, pos - 16), pos) is not None
        m = _CHO.match(self.f, pos, end)
        if m:
            pos = m.end()
        at = pos
        while at < end and self.f[at] == " ":
            at += 1
        listed = self.department_lists.get(at)
        if listed:
            # "giao các sở: Tài chính, Xây dựng thẩm định ...": one assignee per department
            return [
                Span(x.start, x.end, "assignee", x.text, "department-list")
                for x in sorted(listed, key=lambda x: x.start)
            ]
        # "giao Sở Tài nguyên và Môi trường rút ngắn ...": after "giao" the body is named
        given = _GIVEN.search(self.f, max(0, pos - 10), pos) is not None
        bodies = self.body_assignees(pos, end, any_verb=given)
        if bodies:
            return bodies
        e = self.subject_end(pos, end, people=True)
        if e is None and asked:
            e = self.group_end(pos, end)
        if e is None and asked and self.rx.agent.match(self.f, pos, end):
            # "Đề nghị Ban cán sự đảng UBND tỉnh lãnh đạo sắp xếp ...": a named subject, then
            # the verb of the action (no modal between)
            clause = _CLAUSE_END.search(self.f, pos, end)
            stop = clause.start() if clause else end
            cut = self.action_start(pos, stop)
            if cut < stop and not self.rx.negator.search(self.f, pos, cut):
                e = cut
        if e is None:
            return []
        while pos < e and self.f[pos] in ' "“':
            pos += 1
        # "Thường trực Tỉnh ủy giao Ban Tổ chức Tỉnh ủy chủ trì ...": the one given the task
        given_in = _GIVE_IN.search(self.f, pos, e)
        if given_in:
            return self.assignees_at(given_in.end(), end)
        e = self.action_start(pos, e)
        s = self.doc.span(pos, e, "assignee", "subject")
        text = s.text.rstrip(" ,;")
        # "Người đứng đầu địa phương nào để dự án chậm thì phải ...": the subject ends at "nào"
        m = _WHICH.search(text)
        if m:
            text = text[: m.end()]
        return [self.doc.span(s.start, s.start + len(text), "assignee", "subject")] if text else []


# a token of a body's name; abbreviations keep their "&" and "-" ("Sở GD&ĐT", "Sở KH-ĐT")
_BODY_STEP = re.compile(r"(?P<comma>,)? (?P<tok>\(\w+\)|[\w'’]+(?:[&-][\w'’]+)*|[-–])")
_WORD = re.compile(r"[\w'’&-]+")
_CLAUSE_END = re.compile(r"[,;:.]")
_LEVELS = frozenset({"tỉnh", "xã", "phường", "huyện", "thị trấn", "thị xã", "thành phố", "quận"})
_BODY_HEADS = frozenset({"ban", "sở", "ủy", "trung", "văn", "chi", "cục", "hội", "đảng"})
_BODY_LIST_GAP = re.compile(r", | và ")
# a sentence announcing a list of points: "... như sau:", "các nhiệm vụ sau:", "cụ thể:"
_LIST_LEAD = re.compile(
    r"(?:sau|sau đây|cụ thể|trọng tâm|như sau|chủ yếu|là|"
    r"(?:các|những|một số)\s+(?:nhiệm vụ|giải pháp|nội dung|việc|vấn đề|điểm|yêu cầu)"
    r"(?:\s+\w+){0,2})\s*:\s*$",
    re.IGNORECASE,
)
_GROUP = re.compile(r"\s*(?:các|những|mỗi|từng)\s+\w")
_ASKED = re.compile(r"(?<!\w)(?:đề nghị|yêu cầu|lưu ý|nhắc nhở)\s*:?\s*$")
_GIVE_IN = re.compile(r"(?<!\w)giao(?: cho)?\s+(?=\S)")
# the next clause of a sentence, which may give its own body a task: "; giao Sở Tài chính ...",
# "; đồng thời giao cho Công an tỉnh ..." (matched on the folded text)
_CLAUSE_GAP = re.compile(r";\s+(?:đồng thời\s+)?(?:giao(?:\s+cho)?\s+)?")
_GIVEN = re.compile(r"(?<!\w)giao(?: cho)?\s*$")
_WHICH = re.compile(r"^\S.*?(?<!\w)nào(?!\w)")
_CHO = re.compile(r"\s*cho\s+")


def sentences_by_paragraph(doc: Document) -> list[list[Span]]:
    """The sentences of each paragraph, in one pass (both lists are sorted)."""
    out: list[list[Span]] = [[] for _ in doc.paragraphs]
    i = 0
    for s in doc.sentences:
        while i < len(doc.paragraphs) and doc.paragraphs[i].end <= s.start:
            i += 1
        if i < len(doc.paragraphs) and doc.paragraphs[i].contains(s):
            out[i].append(s)
    return out


# a sapo that states a leader's instruction ("Chủ tịch UBND tỉnh yêu cầu các địa phương hoàn
# thành ... trước ngày 15/12."): read like the body (a repeat in the body is counted once)
_SAPO_ASKS = re.compile(r"(?<!\w)(?:yêu cầu|đề nghị|chỉ đạo|giao)(?!\w)")


def _sapo(doc: Document) -> set[int]:
    """Indices of summary paragraphs before the dateline lede."""
    for i, p in enumerate(doc.paragraphs[:4]):
        if _DATELINE.match(doc.folded, p.start):
            return set(range(i))
    return set()


def _heading(doc: Document, p: Span) -> bool:
    """A subheading: short, no end punctuation, not a bullet of a list."""
    text = p.text.rstrip()
    if _BULLET.match(text) and not _ROMAN.match(text):
        return False  # "- Tập trung ...", "1. ..." (but "II. Nhiệm vụ thời gian tới" is one)
    return not text.endswith((".", "!", "?", "…", ":", ";", '"', "”")) and len(text.split()) <= 16


def _bare_caption(doc: Document, r: _Reader, p: Span) -> int | None:
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
class _State:
    speaker: _Speaker
    last_assignees: list[Span | str] = field(default_factory=list)
    last_issuer: int | None = None
    end_at: int | None = None  # where the current directive ends, when before its sentence's end
    listing: bool = False  # a leader's "... như sau:" opened a numbered or bulleted list


def _caption_after(captions: dict[int, int | None], headings: list[bool], i: int) -> int | None:
    """The person of a bare caption right after paragraph ``i`` (before the next content)."""
    for j in range(i + 1, min(i + 3, len(headings))):
        if captions.get(j) is not None:
            return captions[j]
        if not headings[j]:
            return None
    return None


def _paragraph_speaker(
    r: _Reader, st: _State, p: Span, first: Span, after: int | None, heading: bool
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
            _LEADER_TITLE.match(canonical_title(t.text)) and not is_local_title(t.text)
            for t in people[person].titles
        )
        st.speaker = _Speaker(person, people[person].is_chair or top)
    elif leads and (
        (leads[0].person is not None and r.leader(leads[0].person))
        or (leads[0].person is None and leads[0].kind != "report")
    ):
        person = leads[0].person if leads[0].person is not None else st.speaker.person
        st.speaker = _Speaker(person, True)
    elif after is not None and not heading:
        st.speaker = _Speaker(after, r.leader(after))
    elif heading:
        refs = r.refs_in(p.start, p.end)
        if refs and r.leader(refs[0][2]) and _CONCLUSION.search(r.f, p.start, p.end):
            st.speaker = _Speaker(refs[0][2], True)
    elif r.local_lead(first) or (
        leads and (leads[0].person is not None or not st.speaker.leader) and not leads[0].leader
    ):
        st.speaker = _Speaker(None, False)
    elif not leads and r.reports_results(first):
        # "Năm 2024, thu ngân sách của huyện đạt 120 tỷ đồng ...": the lower side's report
        st.speaker = _Speaker(None, False)


def _quote_speaker(r: _Reader, st: _State, p: Span, sentences: list[Span]) -> _Speaker | None:
    """The leader a paragraph that opens with a quote names after it ("“...”, đồng chí
    nhấn mạnh."), when the quote runs over several sentences; else None."""
    if len(sentences) < 2 or not p.text.startswith(('"', "“")):
        return None
    leads = r.leads_in(sentences[-1])
    if not leads or leads[0].kind not in ("ask", "assign", "say"):
        return None
    lead = leads[0]
    if lead.person is not None:
        return _Speaker(lead.person, True) if r.leader(lead.person) else None
    if lead.leader or st.speaker.leader:
        return _Speaker(st.speaker.person if st.speaker.leader else None, True)
    return None


def _directive_start(
    r: _Reader, st: _State, s: Span, begin: int
) -> tuple[int | None, int | None, int | None, str]:
    """(start of the directive text, where its subject is written, issuer, rule) for one sentence.

    Updates the speaker when the sentence names one.  ``begin`` is where the
    sentence's own words start (after a "Title Name:" lead).
    """
    f = r.f
    leads = r.leads_in(s)
    issuer = st.speaker.person
    ask = next((x for x in leads if x.kind in ("ask", "assign")), None)
    if ask is not None and (ask.person is not None or ask.leader or st.speaker.leader):
        if ask.person is not None and not r.leader(ask.person):
            st.speaker = _Speaker(None, False)
            return None, None, None, ""
        if ask.person is not None:
            st.speaker = _Speaker(ask.person, True)
        elif ask.leader and not st.speaker.leader:
            st.speaker = _Speaker(None, True)
        issuer = st.speaker.person
        if ask.kind == "assign":
            return s.start, ask.rest, issuer, "assign"
        if ask.rest >= s.end - 1:
            q = _quoted(r, st, s, ask.lead_start)
            return q, q, issuer, "quote"
        if r.rx.praise.match(f, ask.rest, s.end):
            return None, None, issuer, ""
        # "...; và để huyện phát triển, đồng chí ... đề nghị ...": the purpose clause stays
        clause = max(s.start, f.rfind(";", s.start, ask.lead_start) + 1)
        m = _PURPOSE.match(f, clause, ask.lead_start)
        if m and not re.search(r"[.;:]", f[m.start() : ask.lead_start]):
            return m.start("de"), ask.rest, issuer, "ask"
        return ask.rest, ask.rest, issuer, "ask"
    lead = next((x for x in leads if x.kind in ("say", "open", "praise", "report")), None)
    if lead is not None:
        named_leader = lead.person is not None and r.leader(lead.person)
        unnamed_leader = lead.person is None and (lead.leader or st.speaker.leader)
        if not (named_leader or unnamed_leader):
            st.speaker = _Speaker(None, False)  # the lower side speaks
            return None, None, None, ""
        if lead.person is not None:
            st.speaker = _Speaker(lead.person, True)
        elif lead.leader and not st.speaker.leader:
            st.speaker = _Speaker(None, True)
        elif not st.speaker.leader:
            return None, None, None, ""
        issuer = st.speaker.person
        # "... ghi nhận ..., đồng thời đề nghị ..."
        m = r.rx.then_ask.search(f, lead.rest, s.end)
        if m and not _NOUN_USE.match(f, m.end(), s.end):
            return m.end(), m.end(), issuer, "ask"
        if lead.kind != "say":
            return None, None, issuer, ""
        if lead.rest >= s.end - 1:
            q = _quoted(r, st, s, lead.lead_start)
            return q, q, issuer, "quote"
        start = r.clause_start(lead.rest, s.end)
        return start, start, issuer, "say"
    if not st.speaker.leader:
        return None, None, None, ""
    clause = r.clause_start(begin, s.end)
    if clause is None:
        return None, None, issuer, ""
    return begin, clause, issuer, "speech"


def _quoted(r: _Reader, st: _State, s: Span, lead_start: int) -> int | None:
    """The instruction said before its speaker: “Các xã phải ...”, đồng chí nhấn mạnh
    (the quote), or "Các xã phải ..., đồng chí nhấn mạnh." (up to the comma, kept in
    ``st.end_at``)."""
    m = re.match(r"\s*[\"“]", r.f[s.start : s.end])
    if m:
        start = s.start + m.end()
        return start if r.clause_start(start, s.end) is not None else None
    lead_start = r.ref_begin.get(lead_start, lead_start)  # "..., Bí thư Tỉnh ủy Lê Văn An yêu cầu."
    comma = r.f.rfind(",", s.start, lead_start)
    if comma < 0 or not _HONORIFIC_GAP.fullmatch(r.f[comma + 1 : lead_start]):
        return None
    if r.clause_start(s.start, comma) is None:
        return None
    st.end_at = comma
    return s.start


def find_directives(doc: Document) -> None:
    """Fill ``doc.directives`` (Items with issuer, assignees, deadline, deadline_text)."""
    r = _Reader(doc)
    people = doc.people
    sapo = _sapo(doc)
    paragraphs = doc.paragraphs
    captions = {i: _bare_caption(doc, r, p) for i, p in enumerate(paragraphs)}
    headings = [_heading(doc, p) for p in paragraphs]
    fallback = _session_addressees(doc)
    chairs = [i for i, p in enumerate(people) if p.is_chair]
    by_paragraph = sentences_by_paragraph(doc)
    st = _State(_Speaker(None, False))
    items: list[Item] = []
    # in a notice, everything after the leader's "kết luận như sau:" is the leader's
    notice = any(_NOTICE.match(doc.folded, q.start, q.end) for q in paragraphs[:3]) or bool(
        doc.title and _NOTICE.match(fold(doc.title))
    )
    for i, p in enumerate(paragraphs):
        if (i in sapo and not _SAPO_ASKS.search(doc.folded, p.start, p.end)) or captions.get(
            i
        ) is not None:
            continue
        sentences = by_paragraph[i]
        if not sentences:
            continue
        heading = headings[i]
        m = r.mention_at.get(p.start)
        if m is not None and m.kind == "caption":
            # a photo caption "X báo cáo ...": the lower side has the floor
            if r.rx.report_verb.search(doc.folded, p.start, p.end) and not r.leads_in(sentences[0]):
                st.speaker = _Speaker(None, False)
            elif r.leader(m.person) and _CAPTION_SPEECH.search(doc.folded, p.start, p.end):
                # "Bí thư Tỉnh ủy X phát biểu kết luận." placed before the paragraph it
                # illustrates: the leader has the floor (placed after, the leader had it anyway)
                st.speaker = _Speaker(m.person, True)
            continue
        if (
            st.listing
            and st.speaker.leader
            and (notice or heading or _BULLET.match(doc.folded, p.start, p.end))
        ):
            # "kết luận như sau:" then "1. ...", "a) ...": the points are the leader's, even
            # those that state results; only a named lower-side speaker takes the floor
            leads = r.leads_in(sentences[0])
            if leads and leads[0].person is not None and not r.leader(leads[0].person):
                st.speaker, st.listing = _Speaker(None, False), False
        elif (quoted := _quote_speaker(r, st, p, sentences)) is not None:
            # "“Các xã phải ... . Không để ...”, Bí thư Tỉnh ủy X yêu cầu.": the whole
            # quote is the speaker's, named only at the end of the paragraph
            st.listing = False
            st.speaker = quoted
        else:
            st.listing = False
            _paragraph_speaker(
                r, st, p, sentences[0], _caption_after(captions, headings, i), heading
            )
        if heading:
            continue
        colon_end = m.span.end if m is not None and m.kind == "colon" else -1
        for s in sentences:
            if r.has_closing(s):
                continue  # "Văn phòng UBND tỉnh thông báo để các cơ quan ... biết, thực hiện."
            begin = s.start
            if s.start <= colon_end < s.end:
                begin = colon_end + 1
            unit = r.unit_colon(s) if st.speaker.leader and s.start == p.start else None
            if unit is not None:
                # "b) Sở Tài chính: Chủ trì, phối hợp ..." / "a) UBND huyện Yên Định:" + bullets
                np, rest = unit
                if rest >= s.end:
                    st.last_assignees, st.last_issuer = [np], st.speaker.person
                    continue
                if r.clause_start(rest, s.end) is None:
                    continue
                start, subject_at, issuer, rule = s.start, None, st.speaker.person, "unit"
                st.last_assignees, st.last_issuer = [np], issuer
            else:
                start, subject_at, issuer, rule = _directive_start(r, st, s, begin)
            if (
                st.speaker.leader
                and s is sentences[-1]
                and s.text.endswith(":")
                and _LIST_LEAD.search(s.text)
            ):
                st.listing = True
            if start is None or not st.speaker.leader:
                st.end_at = None
                continue
            end, st.end_at = (st.end_at or s.end), None
            if doc.text[start - 1 : start] in '"“' and start > s.start:
                q = doc.text.find("”" if doc.text[start - 1] == "“" else '"', start, s.end)
                end = q if q > 0 else s.end
            answered = _ANSWERED_TOPIC.match(doc.folded, start, end)
            if answered:
                # "4. Về đề nghị của huyện ...: giao Sở A chủ trì ...": the petition answered is
                # not part of the instruction, which names its own body after "giao"
                start = answered.end()
                subject_at = start
            span = doc.span(start, end, "directive", rule)
            if span.text.endswith(":") and _LIST_LEAD.search(span.text) and subject_at is not None:
                # "đề nghị UBND phường X tập trung thực hiện các nhiệm vụ sau:": who the list is for
                who_list = r.assignees_at(subject_at, span.end)
                if not who_list:
                    # "đề nghị thời gian tới, Đảng ủy xã X tập trung các nhiệm vụ:": after
                    # the time phrase
                    comma = doc.folded.find(", ", subject_at, min(span.end, subject_at + 40))
                    if comma > 0:
                        who_list = r.assignees_at(comma + 2, span.end)
                if who_list:
                    st.last_assignees, st.last_issuer = list(who_list), issuer
                    continue
            if span.text.endswith(":") and r.rx.agent.match(doc.folded, span.start, span.end):
                if not r.rx.modal.search(doc.folded, span.start, span.end):
                    # "Đồng chí yêu cầu các địa phương:" then a list: who the list is for
                    who = doc.span(span.start, span.end - 1, "assignee", "list-lead")
                    st.last_assignees, st.last_issuer = [who], issuer
                    continue
            if len(span.text.split()) < 3:
                continue
            # "Giao Sở A ... trước ngày 20/10; giao Sở B ...": each "giao"/"đề nghị" clause is
            # a directive with its own assignee and deadline
            parts = _instruction_clauses(doc, span, subject_at)
            if len(parts) > 1:
                for part, part_at in parts:
                    part_who = r.assignees_at(part_at, part.end)
                    part_assignees: list[Span | str] = list(part_who)
                    if not part_assignees:
                        part_assignees = [
                            *(st.last_assignees if issuer == st.last_issuer else fallback)
                        ]
                    part_assignees, part_roles = _with_roles(r, part, part_assignees)
                    deadline, deadline_text = find_deadline(doc, part)
                    who_issues = issuer if issuer is not None or not chairs else chairs[0]
                    items.append(
                        Item(
                            part,
                            {
                                "issuer": people[who_issues].name.text
                                if who_issues is not None
                                else None,
                                "assignees": part_assignees,
                                "roles": part_roles,
                                "deadline": deadline,
                                "deadline_text": deadline_text,
                            },
                        )
                    )
                    st.last_assignees, st.last_issuer = part_assignees, issuer
                continue
            explicit = r.assignees_at(subject_at, span.end) if subject_at is not None else []
            if explicit:
                # "Sở Y tế tăng cường ...; Công an tỉnh bảo đảm ...": each clause's body
                for m in _CLAUSE_GAP.finditer(doc.folded, explicit[-1].end, span.end):
                    explicit.extend(r.body_assignees(m.end(), span.end))
                assignees: list[Span | str] = list(explicit)
            elif st.last_assignees and issuer == st.last_issuer:
                assignees = list(st.last_assignees)
            else:
                assignees = list(fallback)
            assignees, roles = _with_roles(r, span, assignees)
            deadline, deadline_text = find_deadline(doc, span)
            if issuer is None and chairs:
                issuer = chairs[0]  # an unnamed speaker in the conclusion: the (first) chair
            data = {
                "issuer": people[issuer].name.text if issuer is not None else None,
                "assignees": assignees,
                "roles": roles,
                "deadline": deadline,
                "deadline_text": deadline_text,
            }
            items.append(Item(span, data))
            st.last_assignees, st.last_issuer = assignees, issuer
    doc.directives = _without_summary_repeats(doc, items)
    # (a petition over the same words as a directive is dropped by resolve.py, not here)


# the next instruction of a sentence: "; giao Sở B ...", "; đồng thời đề nghị UBND xã C ..."
_NEXT_INSTRUCTION = re.compile(
    r";\s+(?:đồng thời\s+)?(?P<verb>giao(?:\s+cho)?|đề nghị|yêu cầu)\s+(?=\S)"
)


def _instruction_clauses(
    doc: Document, span: Span, subject_at: int | None
) -> list[tuple[Span, int]]:
    """The clauses of a directive that each open with their own "giao"/"đề nghị" and name
    their own assignee: (clause, where its subject is written); one clause when the sentence
    has no such break or the directive opens without one."""
    if subject_at is None:
        return [(span, span.start)]
    head = doc.folded[span.start : subject_at]
    if not re.search(r"(?:giao|đề nghị|yêu cầu)(?:\s+cho)?\s*$", head) and not re.match(
        r"[\s\"“]*(?:giao|đề nghị)", doc.folded[span.start : span.end]
    ):
        return [(span, subject_at)]
    out: list[tuple[Span, int]] = []
    start, at = span.start, subject_at
    for m in _NEXT_INSTRUCTION.finditer(doc.folded, span.start, span.end):
        out.append((doc.span(start, m.start(), "directive", span.rule), at))
        start = m.start() + 1
        while doc.folded[start] == " ":
            start += 1
        at = m.end()
    if not out:
        return [(span, subject_at)]
    out.append((doc.span(start, span.end, "directive", span.rule), at))
    return out


# "Về đề nghị của huyện ...: giao ...", "Về kiến nghị hỗ trợ ...: đề nghị ...": a petition
# answered by the instruction after the colon (folded)
_ANSWERED_TOPIC = re.compile(
    r"(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?về\s+(?:các\s+|những\s+)?"
    r"(?:đề nghị|kiến nghị|đề xuất)[^:;.]{5,200}:\s*(?=(?:giao|đề nghị|yêu cầu|đồng ý)(?!\w))"
)


_SUPPORT_GROUP = re.compile(r"(?:các|những)\s[^,;.:()]{1,40}?liên quan(?!\w)")


def _with_roles(
    r: _Reader, span: Span, assignees: list[Span | str]
) -> tuple[list[Span | str], list[str]]:
    """The assignees of a directive with their roles ("lead" or "support"), parallel lists.

    A body followed by a lead word ("Sở Xây dựng chủ trì, ...") leads; a body written after
    a support word ("phối hợp với UBND xã A và Sở Tài chính", "UBND xã B cùng Công an tỉnh")
    or followed by one ("Sở Y tế phối hợp") supports.  The bodies named after "phối hợp
    với" inside the directive are added as supporting units.  When none is marked as lead,
    every assignee not written after a support word leads."""
    f, doc = r.f, r.doc
    rx = r.rx
    spans: list[Span | str] = []
    # "UBND xã Hòa Phú cùng Công an tỉnh": two assignees, the second supports
    for a in assignees:
        if isinstance(a, Span):
            parts = _split_support(r, a)
            spans.extend(parts)
        else:
            spans.append(a)
    known = [a for a in spans if isinstance(a, Span)]
    listed: set[int] = set()  # starts of the bodies of a list after a support word
    # supporting bodies named inside the directive after a support word
    for m in rx.support_scan.finditer(f, span.start, span.end):
        at = m.end()
        if any(k.start <= at < k.end for k in known):
            continue
        found = r.body_assignees(at, span.end, any_verb=True)
        if not found:
            g = _SUPPORT_GROUP.match(f, at, span.end)
            if g:
                found = [doc.span(g.start(), g.end(), "assignee", "support-group")]
        for b in found:
            listed.add(b.start)
            if not any(b.overlaps(k) for k in known):
                spans.append(b)
                known.append(b)
    roles: list[str] = []
    for a in spans:
        if not isinstance(a, Span):
            roles.append("lead")
            continue
        before = rx.support_before.search(f, max(0, a.start - 30), a.start)
        if before or a.start in listed or a.rule == "support-group":
            roles.append("support")
        elif rx.lead.match(f, a.end, span.end):
            roles.append("lead")
        elif rx.support_after.match(f, a.end, span.end):
            roles.append("support")
        else:
            roles.append("lead")
    if "lead" not in roles and roles:
        roles[0] = "lead"
    order = sorted(
        range(len(spans)), key=lambda i: spans[i].start if isinstance(spans[i], Span) else -1
    )
    # a department of a list under one head is named in full: "các sở: Tài chính" -> "Sở Tài chính"
    named: list[Span | str] = [
        "Sở " + x.text if isinstance(x, Span) and x.rule == "department-list" else x for x in spans
    ]
    return [named[i] for i in order], [roles[i] for i in order]


_SUPPORT_JOIN = re.compile(r"\s+(?:cùng với|cùng)\s+(?=\S)")


def _split_support(r: _Reader, a: Span) -> list[Span]:
    """A subject "UBND xã A cùng Công an tỉnh" as its two bodies, "UBND xã A và xã B" as its
    two units; else the span itself."""
    m = _SUPPORT_JOIN.search(r.f, a.start, a.end)
    if m is not None and r.doc.text[m.end()].isupper():
        return [
            r.doc.span(a.start, m.start(), "assignee", a.rule),
            r.doc.span(m.end(), a.end, "assignee", a.rule),
        ]
    out = []
    start = a.start
    for sep in _UNIT_LIST_GAP.finditer(r.f, a.start, a.end):
        if r.doc.text[sep.start("name")].isupper():
            out.append(r.doc.span(start, sep.start(), "assignee", a.rule))
            start = sep.start("unit")
    if not out:
        return [a]
    out.append(r.doc.span(start, a.end, "assignee", a.rule))
    return out


# "UBND xã Bình Phú và xã Vĩnh Thạnh": a second unit named with its level
_UNIT_LIST_GAP = re.compile(
    r"(?:,\s*|\s+và\s+)(?P<unit>(?:ubnd\s+|ủy ban nhân dân\s+|đảng ủy\s+)?"
    r"(?:xã|phường|thị trấn|huyện|thị xã|đặc khu)\s+)(?P<name>\w)"
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text)))


def _without_summary_repeats(doc: Document, items: list[Item]) -> list[Item]:
    """Drop a directive of the first two paragraphs (a summary lede) that the body repeats."""
    if len(doc.paragraphs) < 3:
        return items
    lede_end = doc.paragraphs[1].end
    out = []
    for i, it in enumerate(items):
        if it.span.start < lede_end:
            mine = _words(it.span.text)
            repeated = any(
                len(mine & _words(later.span.text)) >= 0.6 * len(mine)
                for later in items[i + 1 :]
                if later.span.start >= lede_end
            )
            if repeated:
                continue
        out.append(it)
    return out


_PARTICIPANTS = re.compile(
    r"(?:^|[;:,]\s*)(?:lãnh đạo(?: chủ chốt)?|đại diện(?: lãnh đạo)?)\s+(?P<who>các\s[^;.:\n]+)"
)


def _session_addressees(doc: Document) -> list[Span | str]:
    """The localities the session is about, once each (the default assignees); for a
    conference about no locality, the bodies invited ("lãnh đạo chủ chốt các ban, sở,
    ngành cấp tỉnh; lãnh đạo các huyện, thị xã, thành phố")."""
    if not doc.localities:
        out_c: list[Span | str] = []
        for p in doc.paragraphs[:3]:
            for m in _PARTICIPANTS.finditer(doc.folded, p.start, p.end):
                out_c.append(doc.span(m.start("who"), m.end("who"), "assignee", "participants"))
        return out_c
    out: list[Span | str] = []
    seen: set[str] = set()
    for s in doc.localities:
        if s.label in seen:
            continue
        seen.add(s.label)
        # where the unit is written as its label ("huyện Quỳ Hợp"), else the label itself
        written = [
            x for x in doc.localities if x.label == s.label and fold(x.text) == fold(s.label)
        ]
        out.append(written[0] if written else s.label)
    return out

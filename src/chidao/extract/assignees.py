"""The assignees of a directive: the subject as written ("các xã cần ...", "giao Sở Nội
vụ hướng dẫn ..."), the bodies of a list, their roles (lead or support), and the
session's addressees when a directive names nobody."""

from __future__ import annotations

import re

from . import lexicon
from .agencies import list_item_name
from .cues import cue_grammar, cue_lexicon
from .scan import Cue
from .segment import segment_words
from .spans import Document, Span, fold
from .speakers import UPWARD, SpeakerReader
from .titles import title_lexicon

MAX_SUBJECT_WORDS = 22
# "Đối với " before the unit a heading's points are for (folded)
_UNIT_HEADING = cue_grammar(r"(?:«unit_heading»)\s+")
_UNIT_LIST_LEAD = cue_grammar(r"(?:«unit_list_lead»)\s+")
BULLET = re.compile(r"\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\)|[IVXivx]{1,4}\.)\s+")


# a token of a body's name; abbreviations keep their "&" and "-" ("Sở GD&ĐT", "Sở KH-ĐT")
# one step of a body's name; an abbreviation's full stop stays in it ("UBND TP. Mỹ Tho": the
# abbreviations that end no sentence, ``segment_words.tsv``)
_BODY_STEP = re.compile(
    lexicon.fill(
        r"(?P<comma>,)? (?P<tok>\(\w+\)|(?:«abbreviation»)\.(?= )|[\w'’]+(?:[&-][\w'’]+)*|[-–])",
        segment_words(),
    )
)
_WORD = re.compile(r"[\w'’&-]+")
_CLAUSE_END = re.compile(r"[,;:.]")
# the word that ends a unit's level, compared with one word of the text ("thị trấn" ends with
# "trấn", "thị xã" with "xã", "thành phố" with "phố")
# the last word of a level ending a body's name ("xã", "trấn", "khu" of "đặc khu"): the
# ``unit_level`` entries of ``directive_cues.tsv``, and the province and the urban district
# agents that are verbs too ("lãnh đạo", "tổ chức"): alone before another verb, the verb
_VERB_AGENTS = frozenset(cue_lexicon()["agent"]) & frozenset(cue_lexicon()["imperative"])
_OBLIGATION = cue_grammar(r"(?:«obligation»)(?!\w)")
_LEVELS = frozenset({"tỉnh", "quận"}) | {e.split()[-1] for e in cue_lexicon()["unit_level"]}
# ... and their first words, which name a level's Party committee ("Thị ủy", "Thành ủy")
_LEVEL_HEADS = _LEVELS | {e.split()[0] for e in cue_lexicon()["unit_level"]}
_BODY_HEADS = frozenset({"ban", "sở", "ủy", "trung", "văn", "chi", "cục", "hội", "đảng"})
# words a body's name does not end with ("Sở Văn hóa của", "Ban Chỉ đạo các")
_NOT_LAST = cue_lexicon()["body_not_last"]
_BODY_LIST_GAP = cue_grammar(r", | (?:«list_and») ")
# the rest of a unit's office named in ordinary words, up to its level ("đầu tư xây dựng
# huyện" after "Ban Quản lý dự án"): at most nine words, no punctuation (folded)
_UNIT_OFFICE = cue_grammar(r"(?:[^\W\d]+ ){0,9}?(?:«province_word»|«unit_level»)(?= )")


_GROUP = cue_grammar(r"\s*(?:«group_det»)\s+\w")
# a time frame between the subject and its action: "huyện | trong thời gian tới tập trung ..."
_TIME_FRAME = cue_grammar(r"\s(?:«time_frame»)(?!\w)")
# the province or the centre as the subject of a promise ("Tỉnh sẽ ...", folded)
_PROMISE = cue_grammar(r"(?:«promise»)(?!\w)")
_ABOVE_SUBJECT = cue_grammar(r"(?:«above»)")
_ASKED = cue_grammar(r"(?<!\w)(?:«request»)\s*:?\s*$")
_GIVE_IN = re.compile(r"(?<!\w)giao(?: cho)?\s+(?=\S)")


_GIVEN = re.compile(r"(?<!\w)giao(?: cho)?\s*$")
_WHICH = re.compile(r"^\S.*?(?<!\w)nào(?!\w)")
_CHO = re.compile(r"\s*cho\s+")
# the words of a duty ("theo chức năng, nhiệm vụ"), read from the shared scan: a sentence
# without one has no duty phrase, and its subject is not searched for one
_DUTY_WORDS = Cue(cue_grammar(r"(?:«duty»)"))


class AssigneeReader(SpeakerReader):
    """Who is told to act: the subjects and named bodies written where a directive starts."""

    def subject_end(self, pos: int, end: int, people: bool = False) -> int | None:
        """End of an acting subject followed by a modal ("các cấp, các ngành | tiếp tục")."""
        a = self.rx.agent.match(self.f, pos, end)
        if not a:
            return None
        duty = None
        if _DUTY_WORDS.search(self.doc, a.end(), end) is not None:
            duty = next(
                (
                    d
                    for d in self.rx.duty.finditer(self.f, a.end(), end)
                    if self.rx.task.match(self.f, d.end(), end)
                ),
                None,
            )
        if duty:
            # "Các phòng, ban chuyên môn theo chức năng, nhiệm vụ hướng dẫn ...": the subject,
            # its duty, then a task verb (no modal needed); the subject stops before the duty
            subject = self.f[pos : duty.start()]
            if (
                0 < len(subject.split()) <= MAX_SUBJECT_WORDS
                and not self.rx.negator.search(self.f, a.end("det"), duty.start())
                and ":" not in subject
                and not self.rx.modal.search(self.f, a.end(), duty.start())
            ):
                return duty.start()
        m = self.rx.modal.search(self.f, a.end(), end)
        while m and self.doc.text[m.start()].isupper():
            # "cấp ủy, chính quyền huyện Cần Đước cần phải ...": a name's "Cần" is no modal
            m = self.rx.modal.search(self.f, m.end(), end)
        if not m:
            return None
        subject = self.f[pos : m.start()]
        if len(subject.split()) > MAX_SUBJECT_WORDS or not subject.strip():
            return None
        # "Từng cán bộ, đảng viên phải ...": the determiner "từng" is not "đã từng"
        if self.rx.negator.search(self.f, a.end("det"), m.start()) or ":" in subject:
            return None
        if not people and self.refs_in(pos, m.start()):
            return None  # "Đồng chí Lê Văn An chủ trì ...": a person doing, not told to do
        if _PROMISE.match(self.f, m.start()) and _ABOVE_SUBJECT.fullmatch(subject.strip()):
            return None  # "Tỉnh sẽ kiến nghị Chính phủ ...": the province promises
        up = UPWARD.search(self.f, a.end(), end)
        if up and up.start() <= m.start():
            # "Huyện đề nghị tỉnh hỗ trợ ...", "Huyện mong muốn tỉnh sớm hỗ trợ ..." (the
            # modal after the asking verb): a petition to the province
            return None
        return m.start()

    def unit_colon(self, s: Span) -> tuple[Span, int] | None:
        """A sentence opening with "<who>:" (a conclusion notice's layout): (who, after the colon)."""
        pos = s.start
        m = BULLET.match(self.f, pos, s.end)
        if m:
            pos = m.end()
        if pos in self.department_lists:
            return None  # "- Các sở: Tài chính, Xây dựng khẩn trương ...": a list, the subject
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

    def unit_heading(self, p: Span) -> Span | None:
        """A heading paragraph naming whom the points under it are for ("1. Đối với UBND huyện
        A", "2. Đối với các sở, ngành:"; kind ``unit_heading`` of ``directive_cues.tsv``), or a
        list's lead ending with a colon ("- Chỉ đạo UBND đặc khu:"; kind ``unit_list_lead``):
        the unit, else None."""
        m = BULLET.match(self.f, p.start, p.end)
        pos = m.end() if m else p.start
        h = _UNIT_HEADING.match(self.f, pos, p.end)
        if h is None and self.f[p.start : p.end].rstrip().endswith(":"):
            # "- Chỉ đạo UBND đặc khu:" over "+ Khẩn trương lập ...", "+ ...": a list's lead
            h = _UNIT_LIST_LEAD.match(self.f, pos, p.end)
        if h is None:
            return None
        pos = h.end()
        end = p.end
        while end > pos and self.f[end - 1] in " .:":
            end -= 1
        who = self.f[pos:end]
        if (
            not self.rx.agent.match(self.f, pos, end)
            or len(who.split()) > 12
            or re.search(r"[;:.]", who)
            or self.rx.negator.search(who)
            or self.rx.modal.search(who)
        ):
            return None
        return self.doc.span(pos, end, "assignee", "unit-heading")

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
                if f[a:b] not in _NOT_LAST:
                    last = b
            elif (unit := _UNIT_OFFICE.match(f, a, end)) and self.rx.task.match(
                f, unit.end() + 1, end
            ):
                # "Ban Quản lý dự án đầu tư xây dựng huyện lập hồ sơ ...": a unit's office
                # named in ordinary words up to its level, then its task
                return unit.end()
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
                and not word[0].isupper()  # "huyện Cần Đước": a name goes on, "Cần" is no verb
                and (
                    self.rx.imperative_only.match(f, w.start(), end)
                    or self.rx.task.match(f, w.start(), end)
                )
            ):
                prior = text[pos : w.start()].split()
                prev = prior[-1]
                # ... or the committee a capitalised level word names ("Ban Thường vụ Huyện ủy |
                # lãnh đạo ...", "Tỉnh ủy", "Thị ủy")
                committee = (
                    len(prior) >= 2 and prior[-2][0].isupper() and fold(prior[-2]) in _LEVEL_HEADS
                )
                if (
                    (prev[0].isupper() and fold(prev) not in _BODY_HEADS)
                    or fold(prev) in _LEVELS
                    or committee
                ):
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
                head = self.rx.body.match(self.f, start, m.start())
                if head is not None and head.end() == m.start():
                    # "Đảng ủy, UBND xã tập trung ...": a head without a name of its own shares
                    # the unit named after the list; the subject is one, as written
                    continue
                out.append(self.doc.span(start, m.start(), "assignee", "body"))
                start = m.end()
        out.append(self.doc.span(start, e, "assignee", "body"))
        return out

    def related_end(self, pos: int, end: int) -> int | None:
        """End of "các sở, ngành liên quan" (the bodies concerned, unnamed) at ``pos`` when a
        task verb or a modal follows it ("Các sở, ngành liên quan nghiên cứu, giải quyết ...")."""
        m = _SUPPORT_GROUP.match(self.f, pos, end)
        if not m:
            return None
        at = m.end()
        while at < end and self.f[at] == " ":
            at += 1
        if self.rx.task.match(self.f, at, end) or self.rx.modal.match(self.f, at, end):
            return m.end()
        return None

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
                Span(x.start, x.end, "assignee", x.text, x.rule.removeprefix("agencies:"))
                for x in sorted(listed, key=lambda x: x.start)
            ]
        # "giao Sở Tài nguyên và Môi trường rút ngắn ...": after "giao" the body is named
        given = _GIVEN.search(self.f, max(0, pos - 10), pos) is not None
        bodies = self.body_assignees(pos, end, any_verb=given)
        if bodies:
            return bodies
        related = self.related_end(pos, end)
        if related is not None:
            return [self.doc.span(pos, related, "assignee", "related")]
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
        if e is None or ";" in self.f[pos:e] or self.f[e : e + 3].lstrip().startswith(";"):
            # "Tổ chức lại hoạt động du lịch ...; bảo đảm ...": a subject ends before a ";"
            return []
        while pos < e and self.f[pos] in ' "“':
            pos += 1
        # "Thường trực Tỉnh ủy giao Ban Tổ chức Tỉnh ủy chủ trì ...": the one given the task
        given_in = _GIVE_IN.search(self.f, pos, e)
        if given_in:
            return self.assignees_at(given_in.end(), end)
        frame = _TIME_FRAME.search(self.f, pos, e)
        if frame is not None:
            e = frame.start()  # "huyện trong thời gian tới tập trung ...": "huyện"
        e = self.action_start(pos, e)
        s = self.doc.span(pos, e, "assignee", "subject")
        text = s.text.rstrip(" ,;")
        # "Người đứng đầu địa phương nào để dự án chậm thì phải ...": the subject ends at "nào"
        m = _WHICH.search(text)
        if m:
            text = text[: m.end()]
        after = s.start + len(text)
        while after < end and self.f[after] in " ,":
            after += 1
        if fold(text) in _VERB_AGENTS and not _OBLIGATION.match(self.f, after, end):
            # "Lãnh đạo hoàn thành ...", "Tổ chức lại ...": the verb, no subject ("Lãnh đạo
            # cần ..." is one)
            return []
        return [self.doc.span(s.start, s.start + len(text), "assignee", "subject")] if text else []


_DIRECTS = re.compile(r"chỉ đạo(?<!\wchỉ đạo)\s+(?=\S)")  # (a word start, checked after it)
_SUPPORT_GROUP = cue_grammar(
    r"(?:«plural_det»)\s(?:[^,;.:()]{1,20}?,\s)?[^,;.:()]{1,40}?(?:«related»)(?!\w)"
)
_UNIT_LEVEL = cue_grammar(r"\s*(?:«unit_level»)\s+(?=\w)")
# the lower units as a group, by their levels: "UBND các huyện, thị xã, thành phố", "các xã,
# phường" (folded)
_LEVEL_GROUP = cue_grammar(
    r"(?:(?:«committee»)\s+)?(?:«all_of»)\s+(?:«unit_level»)"
    r"(?:\s*(?:,|«list_and»)\s*(?:«unit_level»))*(?!\w)"
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _agent_group(r: AssigneeReader, pos: int, end: int) -> re.Match[str] | None:
    """ "các chủ đầu tư", "những doanh nghiệp" at ``pos``: actors of one kind of the cue
    lexicon (``agent``) after "các" / "những", as a group; else None."""
    m = r.rx.agent.match(r.f, pos, end)
    if m is None or m.group("det").strip() not in cue_lexicon()["plural_det"]:
        return None
    # the group ends where its task begins ("các chủ đầu tư đẩy nhanh ..."), not inside a
    # longer name ("các trường đại học ...")
    if not (r.f.startswith((",", ";", "."), m.end()) or r.rx.task.match(r.f, m.end() + 1, end)):
        return None
    return m


def _named_unit_end(doc: Document, pos: int, end: int) -> int | None:
    """The end of "xã Mù Cang Chải" (a level and its capitalised name, up to four words) at
    ``pos``, or None."""
    m = _UNIT_LEVEL.match(doc.folded, pos, end)
    if not m:
        return None
    at, stop, words = m.end(), None, 0
    while words < 4:
        w = _NAME_WORD.match(doc.text, at, end)
        if not w or not w.group()[0].isupper():
            break
        stop, words = w.end(), words + 1
        at = w.end() + 1
        if not doc.text.startswith(" ", w.end()):
            break
    return stop


def with_roles(
    r: AssigneeReader, span: Span, assignees: list[Span | str]
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
    # "giao Ban cán sự đảng UBND tỉnh chỉ đạo Sở A chủ trì, phối hợp với UBND huyện B ...": the
    # partners of the body directed are its own, not the assignee's
    directed = _DIRECTS.search(f, max((k.end for k in known), default=span.start), span.end)
    for m in rx.support_scan.finditer(f, span.start, span.end):
        at = m.end()
        if any(k.start <= at < k.end for k in known):
            continue
        if directed is not None and known and m.start() > directed.start():
            continue
        found = r.body_assignees(at, span.end, any_verb=True)
        if not found:
            g = (
                _SUPPORT_GROUP.match(f, at, span.end)
                or _LEVEL_GROUP.match(f, at, span.end)
                or _agent_group(r, at, span.end)
            )
            if g:
                found = [doc.span(g.start(), g.end(), "assignee", "support-group")]
        if not found:
            unit_end = _named_unit_end(doc, at, span.end)
            if unit_end is not None:
                # "phối hợp với xã Mù Cang Chải hoàn thành ...": a unit by its level and name
                found = [doc.span(at, unit_end, "assignee", "support-unit")]
            elif (level := _UNIT_LEVEL.match(f, at, span.end)) and doc.text[level.end()].islower():
                # "phối hợp với huyện khảo sát ...": the unit the session is with, by its
                # level alone (its name not written: a lower-case word follows)
                piece = f[at : level.end()]
                start = at + len(piece) - len(piece.lstrip())
                stop = at + len(piece.rstrip())
                found = [doc.span(start, stop, "assignee", "support-unit")]
        for b in found:
            listed.add(b.start)
            # a body already told to act in a clause of its own is not added again as support
            if not any(b.overlaps(k) or fold(b.text) == fold(k.text) for k in known):
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
    else:
        # "giao Sở A phối hợp với UBND huyện B hoàn chỉnh ...; Sở C nghiên cứu ...": in each
        # ";"-clause where no body leads, its first body does (the one given the task)
        clauses: dict[int, list[tuple[int, int]]] = {}
        for k, a in enumerate(spans):
            if isinstance(a, Span) and span.start <= a.start < span.end:
                clauses.setdefault(f.count(";", span.start, a.start), []).append((a.start, k))
        for members in clauses.values():
            if all(roles[k] == "support" for _, k in members):
                at, first = min(members)
                if at not in listed:
                    roles[first] = "lead"
    starts = [a.start if isinstance(a, Span) else -1 for a in spans]
    order = sorted(range(len(spans)), key=starts.__getitem__)
    # a department of a list under one head is named in full: "các sở: Tài chính" -> "Sở Tài chính"
    named: list[Span | str] = [
        list_item_name(x.text, x.rule)
        if isinstance(x, Span) and x.rule.startswith(("department-list", "board-list"))
        else x
        for x in spans
    ]
    return [named[i] for i in order], [roles[i] for i in order]


_SUPPORT_JOIN = cue_grammar(r"\s+(?:«together»)\s+(?=\S)")


def _split_support(r: AssigneeReader, a: Span) -> list[Span]:
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
        head = r.rx.body.match(r.f, start, sep.start())
        if head is not None and head.end() == sep.start():
            continue  # "Đảng ủy, UBND xã Tân Phú": a head with no name of its own shares the unit
        if r.doc.text[sep.start("name")].isupper():
            out.append(r.doc.span(start, sep.start(), "assignee", a.rule))
            start = sep.start("unit")
    if not out:
        return [a]
    out.append(r.doc.span(start, a.end, "assignee", a.rule))
    return out


# "UBND xã Bình Phú và xã Vĩnh Thạnh": a second unit named with its level
_UNIT_LIST_GAP = cue_grammar(
    r"(?:,\s*|\s+(?:«list_and»)\s+)(?P<unit>(?:(?:«unit_body»)\s+)?"
    r"(?:«listed_level»)\s+)(?P<name>\w)"
)


_PARTICIPANTS = cue_grammar(
    r"(?:^|[;:,]\s*)(?:«representatives»)\s+(?P<who>(?:«all_of»)\s[^;.:\n]+)"
)


def session_addressees(doc: Document) -> list[Span | str]:
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

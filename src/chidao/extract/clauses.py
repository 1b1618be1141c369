"""The clauses of a leader's speech: whether a clause tells someone to act ("Tăng cường
...", "các xã cần ...", "Công tác ... phải ..."), where the directive of a sentence
starts (after openers, frames, a speaker's lead-in, or a quote), and the "giao"/"đề nghị"
clauses of one sentence that each give their own body a task."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .assignees import BULLET, MAX_SUBJECT_WORDS, AssigneeReader
from .cues import at_word_start, cue_grammar, cue_lexicon, cue_patterns
from .scan import Cue
from .spans import Document, Span
from .speakers import BARE_COMRADE, LEADER_TITLE, Speaker, State

# the province or the centre and a promise: "Tỉnh sẽ ...", "UBND tỉnh sẽ ..." (folded)
_ABOVE_PROMISE = cue_grammar(r"\s*(?:«above»)\s+(?:«promise»)(?!\w)")
_FIGURE = cue_grammar(  # (``\d\d*`` for ``\d+``: searched by skipping to the next digit)
    r"\d\d*(?:[.,]\d+)*\s*(?:%|«figure_unit»)(?!\w)"
)
_RESULT = re.compile(rf"(?:{at_word_start(cue_lexicon()['clause_result'])})(?!\w)")
_STATE = re.compile(rf"(?:{at_word_start(cue_lexicon()['clause_state'])})(?!\w)")


_MUST = re.compile(rf"(?:{at_word_start(cue_lexicon()['clause_must'])})(?!\w)")
# a comma and a connector right before the modal ("..., vì vậy phải ...", "..., do đó cần ...")
# ... and a short subject between them ("..., vì vậy thị xã phải theo dõi ..."): the last one
_AFTER_CONNECTOR = cue_grammar(r"(?s:.*),\s*(?:«connector»)\s+")
_DETERMINER = cue_grammar(r"(?:«clause_determiner»)(?!\w)")


# a determiner right before a report verb makes it a noun ("các kiến nghị", "những đề xuất")
_DETERMINER_LAST = cue_grammar(r"(?<!\w)(?:«determiner_last»)\s+$")
_PURPOSE = re.compile(r"\s*(?:và\s+)?(?P<de>để)\s")


_NOUN_USE = cue_grammar(r"(?:«noun_use»)(?!\w)")  # "các đề nghị của xã": a noun
_HONORIFIC_GAP = cue_grammar(r"\s*(?:(?:«honorific_gap»)\s+)?")
# the lower side's voices as a subject ("ý kiến đại biểu cho rằng ...", "bà con kiến nghị ...")
_LOWER_VOICE = cue_grammar(r"«lower_voice»")
_REPORT_VERB = Cue(cue_patterns().report_verb)  # read from the shared scan


class Reader(AssigneeReader):
    """The directive stage's reader of one document: speakers, assignees and clause tests."""

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
            return not LEADER_TITLE.match(self.f, pos + 5, s.end)
        # "<subject without a leader> đã báo cáo / cho rằng / kiến nghị ..."
        end = min(s.end, pos + 220)
        for n, m in enumerate(_REPORT_VERB.finditer(self.doc, pos, end)):
            if n >= 3:
                break
            subject = self.f[pos : m.start()]
            if _DETERMINER_LAST.search(subject):
                continue  # "Sở Tài chính giải quyết các kiến nghị của xã": a noun, not the verb
            if self.refs_in(pos, m.start()) or BARE_COMRADE.search(subject):
                return False
            if self.rx.modal.search(subject) or len(subject.split()) > MAX_SUBJECT_WORDS:
                return False
            if self.rx.agent.match(subject) or _LOWER_VOICE.search(subject):
                return True
        return False

    def reports_results(self, s: Span) -> bool:
        """A sentence stating achieved figures ("đạt 12,36%", "tăng 8 tỷ đồng"), not an order."""
        # the cheap tests first: most sentences state no figure, and the clause test is the
        # dearest (all three are pure, so the order does not change the answer)
        k = bisect_left(self.indicator_starts, s.start)
        has_figure = (k < len(self.indicator_starts) and self.indicator_starts[k] < s.end) or bool(
            _FIGURE.search(self.f, s.start, s.end)
        )
        if not has_figure or _RESULT.search(self.f, s.start, s.end) is None:
            return False
        return self.clause_start(s.start, s.end) is None

    def skip_openers(self, pos: int, end: int) -> int:
        """Skip "Cùng với đó, ", "Theo đó, ", bullets "- " ... (they stay in the text)."""
        m = BULLET.match(self.f, pos, end)
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
                a = self.rx.ask.match(self.f, cand, end)
                if a:
                    # "Về kiến nghị của phường A, giao Sở B ...": the frame's assignment
                    verb = self.f[cand : a.end()].strip(" :")
                    if (
                        self.rx.kind_of.get(verb) == "assign"
                        and self.rx.agent.match(self.f, a.end(), end)
                        and (self.doc.text[a.end()].isupper() or self.f.startswith("các ", a.end()))
                    ):
                        return cand  # (a named body or "các ...": not "giao ban định kỳ")
                    continue  # "nghị quyết, chỉ thị, ...": a list, not a clause
                if self.is_instruction(cand, end):
                    return cand
                if self.rx.agent.match(self.f, cand, end) or _DETERMINER.match(self.f, cand, end):
                    return None  # the clause after the frame is a statement
        return None

    def reason_subject_at(self, pos: int, end: int) -> int | None:
        """Where the subject of "<reason>, vì vậy <subject> phải ..." starts (after the
        connector), when the clause at ``pos`` is one; else None."""
        m = _MUST.search(self.f, pos, min(end, pos + 200))
        if m is None:
            return None
        subject = self.f[pos : m.start()]
        if not self._reason_then_subject(subject):
            return None
        c = _AFTER_CONNECTOR.match(subject)
        return pos + c.end() if c is not None else None

    def _reason_then_subject(self, subject: str) -> bool:
        """Whether the words before a modal end with a comma, a connector and nothing or a
        short subject that can act: "A là địa phương ..., vì vậy (thị xã) phải ..."."""
        m = _AFTER_CONNECTOR.match(subject)
        if m is None:
            return False
        tail = subject[m.end() :]
        return not tail or (
            len(tail.split()) <= 4 and self.rx.agent.match(tail) is not None and "," not in tail
        )

    def is_instruction(self, pos: int, end: int) -> bool:
        """Whether the clause at ``pos`` tells someone to act."""
        if self.rx.praise.match(self.f, pos, end) or _ABOVE_PROMISE.match(self.f, pos, end):
            return False  # praise; "Tỉnh sẽ kiến nghị Chính phủ ...": the province promises
        m = self.rx.start_cue.match(self.f, pos, end)
        if m:
            # "Phát triển kinh tế đạt nhiều kết quả": a topic, not an order
            if self.rx.imperative_only.match(self.f, pos, end):
                head = " ".join(self.f[m.end() : end].split()[:8])
                if _STATE.search(head):
                    return False
            return True
        if (
            self.subject_end(pos, end) is not None
            or self.body_end(pos, end) is not None
            or self.related_end(pos, end) is not None
        ):
            return True
        listed = self.department_lists.get(pos)
        if listed:
            # "Các sở: Tài chính, Xây dựng khẩn trương khảo sát ...": the bodies listed under
            # one head, then their task
            after = max(x.end for x in listed)
            while after < end and self.f[after] == " ":
                after += 1
            return bool(
                self.rx.start_cue.match(self.f, after, end)
                or self.rx.modal.match(self.f, after, end)
            )
        # "Công tác giải phóng mặt bằng phải được thực hiện quyết liệt": any topic + cần/phải
        m = _MUST.search(self.f, pos, min(end, pos + 120))
        if not m:
            return False
        subject = self.f[pos : m.start()]
        # "Việc gì đã hứa với dân thì phải làm": a condition, then what must be done
        # ... or a reason, then a connector: "A là địa phương ..., vì vậy phải chủ động hơn"
        reason = self._reason_then_subject(subject)
        condition = subject.endswith("thì ") or reason
        return (
            0 < len(subject.split()) <= (25 if reason else 15)
            and (condition or not self.rx.negator.search(subject))
            and not re.search(r"[:;]", subject)
            and not self.refs_in(pos, m.start())
        )


def directive_start(
    r: Reader, st: State, s: Span, begin: int
) -> tuple[int | None, int | None, int | None, str]:
    """(start of the directive text, where its subject is written, issuer, rule) for one sentence.

    Updates the speaker when the sentence names one.  ``begin`` is where the
    sentence's own words start (after a "Title Name:" lead).
    """
    f = r.f
    leads = r.leads_in(s)
    issuer = st.speaker.person
    # (most sentences have no lead-in: no generator made for them)
    ask = next((x for x in leads if x.kind in ("ask", "assign")), None) if leads else None
    if ask is not None and ask.person is None and not ask.leader and not st.speaker.leader:
        # "Chiều 16/10, đồng chí X, Bí thư Tỉnh ủy đã làm việc với ... Đồng chí yêu cầu ...":
        # the bare "đồng chí" who asks is the leader the paragraph has just named
        named = r.leader_named_before(ask.lead_start)
        if named is not None:
            st.speaker = Speaker(named, True)
    if ask is not None and (ask.person is not None or ask.leader or st.speaker.leader):
        if ask.person is not None and not r.leader(ask.person):
            st.speaker = Speaker(None, False)
            return None, None, None, ""
        if ask.person is not None:
            st.speaker = Speaker(ask.person, True)
        elif ask.leader and not st.speaker.leader:
            st.speaker = Speaker(None, True)
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
    lead = (
        next((x for x in leads if x.kind in ("say", "open", "praise", "report")), None)
        if leads
        else None
    )
    if (
        lead is not None
        and lead.kind == "praise"
        and lead.person is None
        and not lead.leader
        and not st.speaker.leader
    ):
        # "Đồng chí ghi nhận ..., đề nghị ..." (a brief's paragraph after the report): the
        # lower side does not praise; the bare "đồng chí" is the leader named last
        named = r.last_leader_before(lead.lead_start)
        if named is not None:
            st.speaker = Speaker(named, True)
    if lead is not None:
        named_leader = lead.person is not None and r.leader(lead.person)
        unnamed_leader = lead.person is None and (lead.leader or st.speaker.leader)
        if not (named_leader or unnamed_leader):
            st.speaker = Speaker(None, False)  # the lower side speaks
            return None, None, None, ""
        if lead.person is not None:
            st.speaker = Speaker(lead.person, True)
        elif lead.leader and not st.speaker.leader:
            st.speaker = Speaker(None, True)
        elif not st.speaker.leader:
            return None, None, None, ""
        issuer = st.speaker.person
        # "... ghi nhận ..., đồng thời đề nghị ..."
        m = r.rx.then_ask.search(f, lead.rest, s.end)
        if m and not _NOUN_USE.match(f, m.end(), s.end):
            return m.end(), m.end(), issuer, "ask"
        # "... ghi nhận ...; đề nghị UBND huyện ...", a portal brief's one sentence: with no
        # connector, the verb asks when who must act comes right after it ("ghi nhận các ý
        # kiến, đề nghị của xã" is a noun)
        m = r.rx.bare_ask.search(f, lead.rest, s.end)
        if m and r.rx.agent.match(f, m.end(), s.end):
            return m.end(), m.end(), issuer, "ask"
        if lead.kind == "open" and r.rx.agent.match(f, lead.rest, s.end):
            # "Đồng chí quán triệt các cấp ủy ... phải chuẩn bị ...": the verb opens the speech
            # and names who must act; the clause from the subject is the instruction
            start = r.clause_start(lead.rest, s.end)
            if start is not None:
                return start, start, issuer, "say"
        if lead.kind != "say":
            return None, None, issuer, ""
        if lead.rest >= s.end - 1:
            q = _quoted(r, st, s, lead.lead_start)
            return q, q, issuer, "quote"
        start = r.clause_start(lead.rest, s.end)
        if start is None:
            # "Đồng chí nhấn mạnh, quý II có ý nghĩa quyết định ...; các sở, ngành phải ...": a
            # statement, then a subject told what it must do
            start = _after_statement(r, lead.rest, s.end)
        return start, start, issuer, "say"
    if not st.speaker.leader:
        return None, None, None, ""
    notice = r.rx.notice_says.match(f, begin, s.end)
    if notice is not None:
        # "Thông báo nêu rõ: “Giao Sở A ...”": the notice of the leader's conclusions speaks
        begin = notice.end()
    at = r.clause_start(begin, s.end)
    if at is None:
        return None, None, issuer, ""
    return begin, at, issuer, "speech"


def _after_statement(r: Reader, pos: int, end: int) -> int | None:
    """The first clause after a ";" of ``pos..end`` that names a subject and tells it to act."""
    for _ in range(3):
        semi = r.f.find(";", pos, end)
        if semi < 0:
            return None
        pos = semi + 1
        while pos < end and r.f[pos] == " ":
            pos += 1
        if r.rx.agent.match(r.f, pos, end) and r.is_instruction(pos, end):
            return pos
    return None


def _quoted(r: Reader, st: State, s: Span, lead_start: int) -> int | None:
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


# the next instruction of a sentence: "; giao Sở B ...", "; đồng thời đề nghị UBND xã C ...";
# or a connector, then a clause of its own ("...; bên cạnh đó, các đồng chí ... phải ...;
# mặt khác, UBND huyện chủ trì ..."): a break only where that clause names a body that acts
_NEXT_INSTRUCTION = cue_grammar(
    r";\s+(?:(?:…|\.\.\.)\s*)?(?:(?:(?:«at_once»)\s+)?(?P<verb>(?:«give»)(?:\s+(?:«to»))?|«instruct»)\s+"
    r"|(?P<link>«connector»)\s*,?\s+)(?=\S)"
)
# a directive that opens with one of these verbs breaks at each next instruction
_OPENS_CLAUSES = cue_grammar(r"[\s\"“]*(?:«opens_clauses»)")
# the words right before a directive's subject that give it ("giao cho", "đề nghị")
_GIVES = cue_grammar(r"(?:«give»|«instruct»)(?:\s+(?:«to»))?\s*$")


def instruction_clauses(
    doc: Document,
    span: Span,
    subject_at: int | None,
    names_body: Callable[[int, int], bool],
    acts: Callable[[int, int], bool] | None = None,
) -> list[tuple[Span, int]]:
    """The clauses of a directive that each open with their own "giao"/"đề nghị" and name
    their own assignee: (clause, where its subject is written); one clause when the sentence
    has no such break.  A directive that opens with "giao"/"đề nghị"/"yêu cầu" (also when the
    verb is the lead-in before it: "Phó Chủ tịch yêu cầu UBND huyện A ...; đề nghị UBND xã B
    ...") breaks at each; any other breaks where the clause names a body that can act
    (``names_body(start, end)``): "Huyện cần ...; đề nghị UBND xã B ..." is B's.  After a
    connector ("; đồng thời, ...", "; bên cạnh đó, ...") a clause is its own also where it
    reads as an instruction of its own (``acts(start, end)``: a subject and its modal, or a
    modal or task verb that keeps the sentence's subject)."""
    if subject_at is None:
        return [(span, span.start)]
    head = doc.folded[max(0, span.start - 30) : subject_at]
    opened = bool(_GIVES.search(head)) or bool(
        _OPENS_CLAUSES.match(doc.folded, span.start, span.end)
    )
    out: list[tuple[Span, int]] = []
    start, at = span.start, subject_at
    for m in _NEXT_INSTRUCTION.finditer(doc.folded, span.start, span.end):
        if m.group("link"):
            if not names_body(m.end(), span.end) and not (acts and acts(m.end(), span.end)):
                continue
        elif not opened and not names_body(m.end(), span.end):
            continue
        out.append((doc.span(start, m.start(), "directive", span.rule), at))
        start = m.start() + 1
        while doc.folded[start] in " …." and start < m.end():
            start += 1  # (and the quotation's ellipsis: "...; … giao Sở B ...")
        at = m.end()
    if not out:
        return [(span, subject_at)]
    out.append((doc.span(start, span.end, "directive", span.rule), at))
    return out

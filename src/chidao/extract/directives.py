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

from .assignees import BULLET, session_addressees, with_roles
from .clauses import Reader, directive_start, instruction_clauses
from .clean import (
    attributes_headline,
    headline_unit,
    instruction_headline,
    kept_headline,
    visit_order_start,
)
from .cues import cue_grammar
from .deadlines import find_deadline
from .opinions import answers, asks_centre, is_central_issuer
from .segment import DATELINE as _DATELINE
from .spans import Document, Item, Span, fold
from .speakers import Speaker, State, bare_caption, caption_after, paragraph_speaker, quote_speaker

_CAPTION_SPEECH = cue_grammar(r"(?<!\w)(?:«caption_speech»)(?!\w)")
_ROMAN = re.compile(r"\s*[IVX]{1,4}\.\s")
# a formal conclusion notice: "THÔNG BÁO" / "Thông báo kết luận ..." / "Kết luận của ..."
_NOTICE = cue_grammar(
    r"(?:(?:«notice_word»)\s*$"
    r"|(?:«notice_word»)\s+(?:(?:«notice_number»)\s+\S+\s+)?(?:(?:«notice_opinion»)\s+)?(?:«notice_conclusion»)"
    r"|(?:(?:«notice_opinion»)\s+)?(?:«notice_conclusion») (?:«notice_of»))(?!\w)"
)


# a sentence announcing a list of points: "... như sau:", "các nhiệm vụ sau:", "cụ thể:"
_LIST_LEAD = cue_grammar(
    r"(?:«list_lead»|(?:«list_many»)\s+(?:«list_point»)(?:\s+[\w/]+){0,8})\s*:\s*$",
    re.IGNORECASE,
)


# the next clause of a sentence, which may give its own body a task: "; giao Sở Tài chính ...",
# "; đồng thời giao cho Công an tỉnh ..." (matched on the folded text)
_CLAUSE_GAP = re.compile(r";\s+(?:đồng thời\s+)?(?:giao(?:\s+cho)?\s+)?")


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
_SAPO_ASKS = cue_grammar(r"(?<!\w)(?:«sapo_ask»)(?!\w)")


def _sapo(doc: Document) -> set[int]:
    """Indices of summary paragraphs before the dateline lede."""
    for i, p in enumerate(doc.paragraphs[:4]):
        if _DATELINE.match(doc.folded, p.start):
            return set(range(i))
    return set()


_SECTION_NUMBER = re.compile(r"\s*\d{1,2}\.\s")


def _heading(doc: Document, p: Span) -> bool:
    """A subheading: short, no end punctuation, not a bullet of a list."""
    text = p.text.rstrip()
    if text.endswith((".", "!", "?", "…", ":", ";", '"', "”")):
        return False
    if BULLET.match(text) and not _ROMAN.match(text):
        # "- Tập trung ...", "a) ..." are points; "1. Đánh giá chung", a notice's numbered
        # section, is a heading (as "II. Nhiệm vụ thời gian tới" is)
        return _SECTION_NUMBER.match(text) is not None and len(text.split()) <= 8
    return len(text.split()) <= 16


def find_directives(doc: Document) -> None:
    """Fill ``doc.directives`` (Items with issuer, assignees, deadline, deadline_text)."""
    r = Reader(doc)
    people = doc.people
    sapo = _sapo(doc)
    paragraphs = doc.paragraphs
    captions = {i: bare_caption(doc, r, p) for i, p in enumerate(paragraphs)}
    headings = [_heading(doc, p) for p in paragraphs]
    fallback = session_addressees(doc)
    chairs = [i for i, p in enumerate(people) if p.is_chair]
    by_paragraph = sentences_by_paragraph(doc)
    st = State(Speaker(None, False))
    items: list[Item] = []
    # in a notice, everything after the leader's "kết luận như sau:" is the leader's
    notice = any(_NOTICE.match(doc.folded, q.start, q.end) for q in paragraphs[:8]) or bool(
        doc.title and _NOTICE.match(fold(doc.title))
    )
    # a headline that states the instruction ("Xã A phải hoàn thành ... trước ngày 15/5", with
    # "Đây là yêu cầu của đồng chí ..." next): read as the (unnamed) leader's, then the floor
    # is as it was
    # ... and a sapo that states it the same way ("Na Rì cần tập trung ...", the leader named
    # in the lede next)
    stated = {0} if kept_headline(doc) else set()
    stated |= {i for i in sapo if headline_unit(doc.text, paragraphs[i].start, paragraphs[i].end)}
    # ... or one whose next sentence says whose instruction it was ("Xã A cần ... . Đó là chỉ
    # đạo của Chủ tịch UBND tỉnh ...")
    stated |= {i for i in sapo if any(attributes_headline(x.text) for x in by_paragraph[i][1:2])}
    restore: Speaker | None = None
    for i, p in enumerate(paragraphs):
        if restore is not None:
            st.speaker, restore = restore, None
        if (
            i in sapo and i not in stated and not _SAPO_ASKS.search(doc.folded, p.start, p.end)
        ) or captions.get(i) is not None:
            continue
        sentences = by_paragraph[i]
        if not sentences:
            continue
        # a paragraph that answers the lower side's requests ("Trả lời kiến nghị của huyện, ...")
        answering = answers(doc.folded, p.start, p.end, department=False)
        heading = headings[i] and i not in stated
        if i in stated:
            restore = st.speaker
        m = r.mention_at.get(p.start)
        if m is not None and m.kind == "caption":
            # a photo caption "X báo cáo ...": the lower side has the floor
            if r.rx.report_verb.search(doc.folded, p.start, p.end) and not r.leads_in(sentences[0]):
                st.speaker = Speaker(None, False)
            elif r.leader(m.person) and _CAPTION_SPEECH.search(doc.folded, p.start, p.end):
                # "Bí thư Tỉnh ủy X phát biểu kết luận." placed before the paragraph it
                # illustrates: the leader has the floor (placed after, the leader had it anyway)
                st.speaker = Speaker(m.person, True)
            continue
        if (
            st.listing
            and st.speaker.leader
            and (notice or heading or BULLET.match(doc.folded, p.start, p.end))
        ):
            # "kết luận như sau:" then "1. ...", "a) ...": the points are the leader's, even
            # those that state results; only a named lower-side speaker takes the floor
            leads = r.leads_in(sentences[0])
            if leads and leads[0].person is not None and not r.leader(leads[0].person):
                st.speaker, st.listing = Speaker(None, False), False
        elif (quoted := quote_speaker(r, st, p, sentences)) is not None:
            # "“Các xã phải ... . Không để ...”, Bí thư Tỉnh ủy X yêu cầu.": the whole
            # quote is the speaker's, named only at the end of the paragraph
            st.listing = False
            st.speaker = quoted
        else:
            st.listing = False
            paragraph_speaker(r, st, p, sentences[0], caption_after(captions, headings, i), heading)
        if i in stated and not st.speaker.leader:
            st.speaker = Speaker(None, True)
        if not st.speaker.leader and _ANSWERED_TOPIC.match(doc.folded, p.start, p.end):
            # "Về kiến nghị của huyện xin ...: giao Sở A ...": only the leader answers so
            st.speaker = Speaker(None, True)
        if st.speaker.leader and len(sentences) == 1 and (head := r.unit_heading(p)) is not None:
            # "1. Đối với UBND huyện A" over "a) Tập trung ...", "b) ...": the points are its
            st.last_assignees, st.last_issuer = [head], st.speaker.person
            continue
        if heading:
            continue
        colon_end = m.span.end if m is not None and m.kind == "colon" else -1
        for s in sentences:
            if r.has_closing(s):
                continue  # "Văn phòng UBND tỉnh thông báo để các cơ quan ... biết, thực hiện."
            if i in stated and s is not sentences[0] and attributes_headline(s.text):
                continue  # "Đó là chỉ đạo của ...": whose instruction the sapo stated
            begin = s.start
            if s.start <= colon_end < s.end:
                begin = colon_end + 1
            elif i in stated and (lead := _HEADLINE_LEAD.match(doc.folded, s.start, s.end)):
                begin = lead.end()  # "Bí thư Tỉnh ủy: Phải ...", "Sơn La: Phải ..."
            elif st.speaker.leader:
                topic = _ANSWERED_BODY.match(doc.folded, s.start, s.end)
                if topic:
                    # "2. Về đề nghị điều chỉnh quy hoạch ...: UBND huyện hoàn thiện hồ sơ ...":
                    # the leader's answer after the colon is read like any sentence
                    begin = topic.end()
            unit = r.unit_colon(s) if st.speaker.leader and s.start == p.start else None
            start: int | None
            subject_at: int | None
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
                start, subject_at, issuer, rule = directive_start(r, st, s, begin)
                if start is None and begin > s.start and st.speaker.leader:
                    approved = _APPROVED_TASK.match(doc.folded, begin, s.end)
                    if approved:
                        # "2. Về đề nghị ...: thống nhất chủ trương; giao Sở A ...": the answer
                        # approves (a decision), then assigns (the instruction)
                        start = subject_at = approved.end()
                        issuer, rule = st.speaker.person, "answer"
                if start is None and i == 0 and 0 in stated and not instruction_headline(doc.title):
                    # "Đẩy mạnh liên kết ..." with "Đó là chỉ đạo của ..." next: the whole
                    # headline is the instruction the next paragraph attributes
                    start, subject_at, rule = s.start, None, "headline"
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
            if i in stated:
                start = s.start  # the headline is the instruction, its "Title:" lead included
                if i == 0 and (order_at := visit_order_start(s.text)) is not None:
                    start += order_at  # "Bí thư Tỉnh ủy làm việc với huyện A: | Quyết liệt ..."
            bullet = BULLET.match(doc.folded, start, end)
            if bullet and not _ROMAN.match(doc.folded, start, end):
                start = bullet.end()  # "- Chỉ đạo ...", "2. Giao ...": the marker is layout
                if subject_at is not None and subject_at < start:
                    subject_at = start
            quote_lead = _SUBJECT_QUOTE.match(doc.folded, start, end)
            if (
                quote_lead
                and subject_at == start
                and r.rx.agent.match(doc.folded, start, quote_lead.end("who"))
            ):
                # "đề nghị Ban Thường vụ Huyện ủy X: “Tập trung ...”": the body asked is the
                # assignee, the instruction is the quotation
                start = quote_lead.end()
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
            if asks_centre(doc.folded, span.start if subject_at is None else subject_at, end) and (
                not is_central_issuer(doc, issuer)
            ):
                continue  # "Chủ tịch UBND tỉnh đề nghị Bộ A ...": the province petitions the centre
            if answering and issuer is not None and not people[issuer].is_chair:
                # "Trả lời kiến nghị của huyện, ... cho biết ...; đồng chí Trưởng Ban Tổ chức
                # Tỉnh ủy cho biết ...; đề nghị Huyện ủy rà soát ...": an answer, not a directive
                continue
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
                    st.list_assignees = list(who_list)
                    continue
            if span.text.endswith(":") and r.rx.agent.match(doc.folded, span.start, span.end):
                if not r.rx.modal.search(doc.folded, span.start, span.end):
                    # "Đồng chí yêu cầu các địa phương:" then a list: who the list is for
                    who = doc.span(span.start, span.end - 1, "assignee", "list-lead")
                    st.last_assignees, st.last_issuer = [who], issuer
                    st.list_assignees = [who]
                    continue
            if len(span.text.split()) < 3:
                continue
            # "Giao Sở A ... trước ngày 20/10; giao Sở B ...": each "giao"/"đề nghị" clause is
            # a directive with its own assignee and deadline
            parts = instruction_clauses(
                doc,
                span,
                subject_at,
                lambda a, b: bool(r.body_assignees(a, b, any_verb=True)),
                # after a connector: a subject and its modal ("; bên cạnh đó, các đồng chí ...
                # phải ..."), or a modal that keeps the sentence's subject ("; trong đó phải ...")
                lambda a, b: bool(r.rx.modal.match(doc.folded, a, b) or r.assignees_at(a, b)),
            )
            if len(parts) > 1:
                for part, part_at in parts:
                    part_who = r.assignees_at(part_at, part.end)
                    part_assignees: list[Span | str] = list(part_who)
                    if not part_assignees:
                        part_assignees = [
                            *(st.last_assignees if issuer == st.last_issuer else fallback)
                        ]
                    part_assignees, part_roles = with_roles(r, part, part_assignees)
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
            if issuer is None and i in stated and not chairs:
                # "Đây là yêu cầu của đồng chí X, Phó Chủ tịch UBND tỉnh, ...": the first leader
                issuer = next((k for k in range(len(people)) if r.leader(k)), None)
            if issuer is None and chairs:
                issuer = chairs[0]  # an unnamed speaker in the conclusion: the (first) chair
            explicit = r.assignees_at(subject_at, span.end) if subject_at is not None else []
            point = r.rx.ordinal.match(doc.folded, span.start, span.end) is not None
            if not explicit and subject_at is not None:
                # "yêu cầu các sở, ngành và địa phương: chủ động ...; kiểm tra ...": the subject
                # before the colon is who the list of tasks is for
                colon = _SUBJECT_COLON.match(doc.folded, subject_at, span.end)
                if colon and r.rx.agent.match(doc.folded, subject_at, colon.end("who")):
                    explicit = [doc.span(subject_at, colon.end("who"), "assignee", "list-lead")]
            if not explicit and subject_at is not None:
                # "Trong năm 2018, huyện phải hoàn thành ...", "yêu cầu thời gian tới, huyện cần
                # ...", "Về văn kiện, Ban Thường vụ Huyện ủy cần ...": a time or topic frame,
                # then the subject after its comma
                comma = doc.folded.find(", ", subject_at, min(span.end, subject_at + 40))
                if comma > 0 and (
                    _YEAR_IN.search(doc.folded, subject_at, comma)
                    or _TIME_FRAME.fullmatch(doc.folded, subject_at, comma)
                    or r.rx.frame.match(doc.folded, subject_at, comma)
                ):
                    explicit = r.assignees_at(comma + 2, span.end)
            reason_at = (
                r.reason_subject_at(subject_at, span.end) if subject_at is not None else None
            )
            if not explicit and reason_at is not None:
                # "tình hình ... còn phức tạp đến hết tháng 5, vì vậy thị xã phải ...": the
                # subject after the connector acts
                explicit = r.assignees_at(reason_at, span.end)
            quoted_at = (
                span.start + 1
                if doc.text[span.start : span.start + 1] in '"“'
                else span.start
                if doc.text[span.start - 1 : span.start] in '"“'
                else -1
            )
            if not explicit and (i in stated or quoted_at > 0):
                # "Tri Tôn phải di dời xong ...": the unit as the headline writes it; also as a
                # quotation opens ("“Tam Đảo phải phát triển du lịch ...”, đồng chí nhấn mạnh")
                named = headline_unit(doc.text, max(span.start, quoted_at), span.end)
                if named is not None:
                    explicit = [doc.span(*named, "assignee", "headline-unit")]
            if explicit:
                # "Sở Y tế tăng cường ...; Công an tỉnh bảo đảm ...": each clause's body
                for gap in _CLAUSE_GAP.finditer(doc.folded, explicit[-1].end, span.end):
                    # "...; cấp ủy, chính quyền các xã cần phải ...": a subject and its modal
                    # after the ";" acts as well as a named body with its task
                    explicit.extend(
                        r.body_assignees(gap.end(), span.end) or r.assignees_at(gap.end(), span.end)
                    )
                assignees: list[Span | str] = list(explicit)
            elif point and st.list_assignees and issuer == st.last_issuer:
                # "Năm là, tập trung ..." after "Bốn là, huyện phải ...": for whom the list is
                assignees = list(st.list_assignees)
            elif st.last_assignees and issuer == st.last_issuer:
                assignees = list(st.last_assignees)
            else:
                assignees = list(fallback)
            if not point:
                st.list_assignees = list(assignees)
            assignees, roles = with_roles(r, span, assignees)
            # (the reason's own time, "đến hết tháng 5", is no deadline of the task after it)
            timed = doc.span(reason_at, span.end, "directive") if reason_at is not None else span
            deadline, deadline_text = find_deadline(doc, timed)
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


# "Về đề nghị của huyện ...: giao ...", "Về kiến nghị hỗ trợ ...: đề nghị ...": a petition
# answered by the instruction after the colon (folded)
_ANSWERED_TOPIC = cue_grammar(
    r"(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?(?:«topic_about»)\s+(?:(?:«topic_det»)\s+)?"
    r"(?:«petition_noun»)[^:;.]{5,200}:\s*(?=(?:«answer_verb»)(?!\w))"
)


# a subject, a colon and an opening quote before the instruction quoted (folded)
_SUBJECT_QUOTE = re.compile(r"\s*(?P<who>[^:;.“”\"]{3,80}?)\s*:\s*[“\"]")
# a subject and a colon before the tasks of one sentence (folded)
_SUBJECT_COLON = re.compile(r"\s*(?P<who>[^:;.]{3,60}?)\s*:\s")
# a year in a frame before the subject ("Trong năm 2018, huyện phải ...")
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "yêu cầu thời gian tới, huyện cần ...": a time frame before the subject's comma
_TIME_FRAME = cue_grammar(r"(?:«time_frame»)")
# "Bí thư Tỉnh ủy: ", "Sơn La: " before a headline's instruction (folded)
_HEADLINE_LEAD = re.compile(r"[^:]{2,60}:\s*")


# the approval that opens an answer, up to the task that follows it in its sentence (folded)
_APPROVED_TASK = cue_grammar(r"(?:«approval»)(?!\w)[^;:.]{0,80}?[;,]\s*(?=(?:«answer_verb»)(?!\w))")


# the same topic answered by a body's own task: "Về đề nghị ...: UBND huyện hoàn thiện ..."
_ANSWERED_BODY = cue_grammar(
    r"(?:[-–+•*]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?(?:«topic_about»)\s+(?:(?:«topic_det»)\s+)?"
    r"(?:«petition_noun»)[^:;.]{5,200}:\s*"
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

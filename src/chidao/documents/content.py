"""What a conclusion notice says, as typed objects: built from a session and its notice's text
sections, rendered by ``notice_docx`` (and through it to PDF). The page and the command line
both call :func:`notice_content`, so they produce the same document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from chidao.meetings.models import ItemKind, Session
from chidao.organisation.models import LOCAL_KINDS, Person, Unit, UnitKind
from chidao.organisation.queries import current_title, positions_on
from chidao.tasks.models import TaskRole

if TYPE_CHECKING:
    from chidao.documents.models import Notice


@dataclass(frozen=True)
class DirectiveLine:
    text: str
    deadline: dt.date | None
    supporting: tuple[str, ...] = ()


@dataclass(frozen=True)
class DirectiveGroup:
    """The directives given to one assignee (or one set of lead units), in session order."""

    assignee: str
    lines: tuple[DirectiveLine, ...]


@dataclass(frozen=True)
class NoticeContent:
    format: str  # NoticeFormat value
    issuing_body: tuple[str, ...]
    symbol: str
    number: str
    place: str
    issued_on: dt.date | None
    summary: str
    opening: tuple[str, ...]
    assessment: tuple[str, ...]
    directives_heading: str
    groups: tuple[DirectiveGroup, ...]
    closing: tuple[str, ...]
    recipients: tuple[str, ...]
    signature: tuple[str, ...]
    signer: str
    directive_texts: tuple[str, ...] = field(default=())  # every directive, for checks


@dataclass(frozen=True)
class NoticeText:
    """The text sections of a notice: proposed for a new one, then edited by the office."""

    format: str
    issuing_body: str
    symbol: str
    place: str
    summary: str
    opening: str
    assessment: str
    directives_heading: str
    closing: str
    recipients: str
    signature: str
    signer: str


def province_name(code: str) -> str:
    """ "Thanh Hóa" for "38" (the code kept in ``province_code``); the code itself when unknown."""
    from vietnam_provinces import Province

    for p in Province.iter_all():
        if str(int(p.code)) == str(code):
            return p.name.removeprefix("Tỉnh ").removeprefix("Thành phố ")
    return str(code)


def _is_city(code: str) -> bool:
    from vietnam_provinces import Province

    for p in Province.iter_all():
        if str(int(p.code)) == str(code):
            return "THANH_PHO" in str(getattr(p, "division_type", "")).upper().replace(" ", "_")
    return False


def unit_label(unit: Unit) -> str:
    """How a notice names a unit it gives work to: "UBND xã An Bình", "Sở Tài chính"."""
    if unit.kind in (*LOCAL_KINDS, UnitKind.DISTRICT, UnitKind.LEGACY_COMMUNE):
        name = unit.name
        return f"UBND {name[:1].lower()}{name[1:]}"
    return unit.name


def _in_sentence(name: str) -> str:
    """ "xã An Bình" inside a sentence for the unit named "Xã An Bình"."""
    first, _sep, rest = name.partition(" ")
    if first.lower() in {"xã", "phường", "đặc", "huyện", "thị", "thành", "tỉnh"} and rest:
        return f"{first.lower()} {rest}"
    return name


def _title_of(person: Person, on: dt.date | None) -> str:
    if on is not None:
        held = positions_on(person, on)
        if held:
            return held[-1].title
    return current_title(person)


def _is_party(title: str) -> bool:
    folded = title.lower()
    return "tỉnh ủy" in folded or "thành ủy" in folded or "bí thư" in folded


def _date_words(day: dt.date | None) -> str:
    if day is None:
        return _("ngày ... tháng ... năm ...")
    return _("ngày %(d)02d tháng %(m)02d năm %(y)d") % {"d": day.day, "m": day.month, "y": day.year}


def default_sections(session: Session) -> NoticeText:
    """Proposed text sections for ``session``'s notice: Party format when the chair's title is of
    the Party committee, else the state format; every part can be changed before generating."""
    from chidao.documents.models import NoticeFormat

    chairs = list(session.chairs.all())
    chair = chairs[0] if chairs else None
    title = _title_of(chair, session.date) if chair else ""
    party = _is_party(title)
    province = province_name(session.province_code)
    upper = province.upper()
    items = list(session.items.filter(kind__in=[ItemKind.LOCALITY, ItemKind.PERSON]))
    localities = [
        _in_sentence(i.unit.name if i.unit else i.text)
        for i in items
        if i.kind == ItemKind.LOCALITY
    ]
    people = [
        i.text
        for i in items
        if i.kind == ItemKind.PERSON and (not chair or i.person_id != chair.pk)
    ]
    with_whom = ", ".join(dict.fromkeys(localities)) or session.title
    who = f"{_('đồng chí')} {chair.full_name}, {title}" if chair else _("lãnh đạo tỉnh")
    opening = _("%(date)s, %(who)s đã chủ trì buổi làm việc với %(with)s.") % {
        "date": _date_words(session.date)[:1].upper() + _date_words(session.date)[1:],
        "who": who,
        "with": with_whom,
    }
    if people:
        opening += " " + _("Tham dự buổi làm việc có: %(people)s.") % {"people": ", ".join(people)}
    assessment = _(
        "Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, %(who)s kết luận như sau: "
    ) % {"who": _("đồng chí %(name)s") % {"name": chair.full_name} if chair else _("lãnh đạo tỉnh")}
    lead_units = []
    for d in session.directives.all():
        for t in d.tasks.all():
            lead_units.append(unit_label(t.unit))
    recipients = "\n".join(
        [_("- Như trên;")]
        + [f"- {name};" for name in dict.fromkeys(lead_units)]
        + [_("- Lưu: VT.")]
    )
    if party:
        return NoticeText(
            format=NoticeFormat.PARTY,
            issuing_body=f"{'THÀNH ỦY' if _is_city(session.province_code) else 'TỈNH ỦY'} {upper}\n*",
            symbol="TB/TU",
            place=province,
            summary=_("Kết luận của %(title)s %(name)s tại buổi làm việc với %(with)s")
            % {"title": title, "name": chair.full_name if chair else "", "with": with_whom},
            opening=opening,
            assessment=assessment,
            directives_heading=_("Nhiệm vụ trong thời gian tới"),
            closing=_("Ban Thường vụ Tỉnh ủy thông báo để các cơ quan, đơn vị biết, thực hiện."),
            recipients=recipients,
            signature=_("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ"),
            signer="",
        )
    body = "THÀNH PHỐ" if _is_city(session.province_code) else "TỈNH"
    return NoticeText(
        format=NoticeFormat.STATE,
        issuing_body=f"ỦY BAN NHÂN DÂN\n{body} {upper}",
        symbol="TB-UBND",
        place=province,
        summary=_("Kết luận của %(title)s %(name)s tại buổi làm việc với %(with)s")
        % {
            "title": title or _("lãnh đạo UBND tỉnh"),
            "name": chair.full_name if chair else "",
            "with": with_whom,
        },
        opening=opening,
        assessment=assessment,
        directives_heading=_("Nhiệm vụ trong thời gian tới"),
        closing=_("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện."),
        recipients=recipients,
        signature=_("TL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG"),
        signer="",
    )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in (text or "").splitlines() if p.strip())


def directive_groups(session: Session) -> tuple[DirectiveGroup, ...]:
    """The session's directives grouped by their lead units (``Task.role``), with deadlines and
    supporting units, in session order.
    A directive without tasks is grouped under the assignees as the text names them."""
    groups: dict[str, list[DirectiveLine]] = {}
    directives = session.directives.prefetch_related("tasks__unit").order_by("order", "pk")
    for d in directives:
        tasks = list(d.tasks.all())
        lead = [t for t in tasks if t.role != TaskRole.SUPPORT]
        support = [t for t in tasks if t.role == TaskRole.SUPPORT]
        if lead:
            key = ", ".join(dict.fromkeys(unit_label(t.unit) for t in lead))
        elif d.assignee_text:
            key = ", ".join(str(a) for a in d.assignee_text)
        else:
            key = _("Các cơ quan, đơn vị liên quan")
        deadlines = [t.deadline for t in lead if t.deadline] or ([d.deadline] if d.deadline else [])
        groups.setdefault(key, []).append(
            DirectiveLine(
                text=d.text.strip(),
                deadline=min(deadlines) if deadlines else None,
                supporting=tuple(dict.fromkeys(unit_label(t.unit) for t in support)),
            )
        )
    return tuple(DirectiveGroup(assignee=k, lines=tuple(v)) for k, v in groups.items())


def notice_content(notice: Notice) -> NoticeContent:
    """Everything the DOCX of ``notice`` shows, read from the notice and its session."""
    session = notice.session
    groups = directive_groups(session)
    return NoticeContent(
        format=notice.format,
        issuing_body=_paragraphs(notice.issuing_body),
        symbol=notice.symbol,
        number=notice.number,
        place=notice.place,
        issued_on=notice.issued_on,
        summary=notice.summary.strip(),
        opening=_paragraphs(notice.opening),
        assessment=_paragraphs(notice.assessment),
        directives_heading=notice.directives_heading.strip(),
        groups=groups,
        closing=_paragraphs(notice.closing),
        recipients=_paragraphs(notice.recipients),
        signature=_paragraphs(notice.signature),
        signer=notice.signer.strip(),
        directive_texts=tuple(line.text for g in groups for line in g.lines),
    )

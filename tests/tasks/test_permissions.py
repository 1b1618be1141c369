"""Walk EVERY URL of the application as each persona and check the answer.

The world: a confirmed session of the chairman with one directive and a task for xã An Bình
(unit_a) and one for xã Bình Minh (unit_b); unit_b's task has an attachment; a second report
waits for review. Object URLs point at unit_b's objects, so ``officer_a`` must get 404 where
``officer_b`` gets the page.

Every URL name of the resolver must have an entry in ``EXPECT`` (Django's admin URLs follow
one rule, ``admin_expectation``): adding a URL without saying who may open it fails
``test_every_url_has_an_expectation``. Answers:

- an int: that status code; ``LOGIN``: a redirect to the login page;
- ``REDIRECT``: a redirect elsewhere (a successful form post, a role's home page).

POSTs carry a valid payload; each runs in a savepoint rolled back afterwards, so every request
sees the same world, and a POST by a role that may not act must leave the task unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin as django_admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from chidao.tasks.models import Attachment, ProgressReport, Task, TaskEvent
from chidao.tasks.services import report_progress

PERSONAS = ("anonymous", "office", "leader", "officer_a", "officer_b", "admin")
LOGIN = "login"
ADMIN_LOGIN = "admin-login"
REDIRECT = "redirect"


def all_url_names() -> list[str]:
    """Every named URL of the project, with its namespace (``tasks:task``, ``admin:index`` ...)."""

    def walk(patterns: list[Any], ns: str) -> Iterator[str]:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, ns + (f"{p.namespace}:" if p.namespace else ""))
            elif isinstance(p, URLPattern):
                if not p.name and ns.startswith("admin:"):
                    continue  # the admin's unnamed "<object_id>/" redirects to the named change page
                assert p.name, (
                    f"URL pattern {p.pattern} has no name: name it so that it can be walked"
                )
                yield ns + p.name

    return sorted(set(walk(get_resolver().url_patterns, "")))


@dataclass
class World:
    session: Any
    document: Any
    review_document: Any
    directive: Any
    task_a: Any
    task_b: Any
    attachment: Any
    unit_a: Any
    unit_b: Any
    leader_person: Any
    petition: Any = None


WAITING_REPORT = (
    "Chiều 4/5, đồng chí Đỗ Minh Khang, Phó Chủ tịch UBND tỉnh, kiểm tra tiến độ dự án đê biển tại xã Bình Minh. "
    "Đồng chí yêu cầu xã Bình Minh hoàn thành giải phóng mặt bằng trước ngày 30/6."
)


@pytest.fixture
def world(
    db, session, directive, task_a, task_b, officer_b, unit_a, unit_b, leader_person, office
) -> World:
    from chidao.meetings.models import ItemKind, SessionItem
    from chidao.meetings.petitions import create_petitions
    from chidao.meetings.services import ingest_text

    report_progress(
        task=task_b,
        actor=officer_b,
        version=1,
        text="Đã kiểm đếm.",
        percent=20,
        files=[SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban")],
    )
    task_b.refresh_from_db()
    review, _ = ingest_text(
        text=WAITING_REPORT,
        filename="cho-ra-soat.txt",
        province_code="38",
        actor=office,
        published=dt.date(2026, 5, 5),
    )
    return World(
        session=session,
        document=session.document,
        review_document=review,
        directive=directive,
        task_a=task_a,
        task_b=task_b,
        attachment=Attachment.objects.get(task=task_b),
        unit_a=unit_a,
        unit_b=unit_b,
        leader_person=leader_person,
        petition=_petition_of_unit_b(session, unit_b, ItemKind, SessionItem, create_petitions),
    )


def _petition_of_unit_b(session, unit_b, kind, item_model, create) -> Any:
    """A petition xã Bình Minh raised (officer_a must not see it)."""
    session.localities.add(unit_b)
    item_model.objects.create(
        session=session, kind=kind.PETITION, text="Xã Bình Minh kiến nghị hỗ trợ vốn làm kè."
    )
    (petition,) = create(session=session)
    return petition


@dataclass
class Expect:
    """Who gets what on one URL: ``get`` and (for forms and actions) ``post`` by persona."""

    args: Callable[[World], list[Any]] = lambda w: []
    get: dict[str, Any] = field(default_factory=dict)
    post: dict[str, Any] | None = None
    payload: Callable[[World], dict[str, Any]] = lambda w: {}
    json: bool = False  # send the POST payload as JSON (the API)
    not_for_officer_a: str = ""  # text that officer_a's page must not contain (unit_b's things)


def everyone(answer: Any, **others: Any) -> dict[str, Any]:
    """The same answer for every signed-in persona (anonymous: the login page), with exceptions."""
    return {"anonymous": LOGIN, **{p: answer for p in PERSONAS[1:]}, **others}


def readers(answer: Any = 200, officer: Any = 403) -> dict[str, Any]:
    """Pages for office, leaders and administrators of the province; officers get ``officer``."""
    return everyone(answer, officer_a=officer, officer_b=officer)


def officer_b_only(answer: Any = 200) -> dict[str, Any]:
    """Unit_b's object: office, leader, admin and officer_b see it; officer_a gets 404."""
    return everyone(answer, officer_a=404)


# the task actions, on unit_b's task (state NEW): the unit's officer acts, the office decides
UNIT_ACTION = everyone(403, officer_a=404, officer_b=REDIRECT)
UNIT_ACTION_NOT_IN_STATE = everyone(403, officer_a=404, officer_b=409)
OFFICE_ACTION_NOT_IN_STATE = everyone(403, officer_a=404, office=409)
OFFICE_ACTION = everyone(403, officer_a=404, office=REDIRECT)
POST_ONLY = everyone(405)
OFFICE_POST_ONLY = everyone(403, office=405)
REVIEW_POST = everyone(403, office=400)  # an empty form: refused, nothing written


def task_b(w: World) -> list[Any]:
    return [w.task_b.pk]


def versioned(prefix: str, **fields: Any) -> Callable[[World], dict[str, Any]]:
    def payload(w: World) -> dict[str, Any]:
        return {
            f"{prefix}-version": w.task_b.version,
            **{f"{prefix}-{k}": v for k, v in fields.items()},
        }

    return payload


LATER = (dt.date.today() + dt.timedelta(days=60)).isoformat()

EXPECT: dict[str, Expect] = {
    # ---- web foundation
    "home": Expect(get=everyone(REDIRECT)),
    "healthz": Expect(get={p: 200 for p in PERSONAS}),  # the load balancer's check, no data
    "login": Expect(get={p: 200 for p in PERSONAS} | {p: REDIRECT for p in PERSONAS[1:]}),
    "logout": Expect(get=everyone(405, anonymous=405)),
    "password_change": Expect(
        get=everyone(200),
        post=everyone(200),  # a wrong old password: the form again with its errors
        payload=lambda w: {"old_password": "x", "new_password1": "y", "new_password2": "y"},
    ),
    "set_language": Expect(
        get={p: REDIRECT for p in PERSONAS},
        post={p: REDIRECT for p in PERSONAS},
        payload=lambda w: {"language": "en", "next": "/"},
    ),
    # ---- the JSON API (session authentication: anonymous gets 401)
    "api:api-root": Expect(get={p: 404 for p in PERSONAS}),
    "api:openapi-json": Expect(get={p: 200 for p in PERSONAS}),  # the schema only, no data
    "api:openapi-view": Expect(get={p: 200 for p in PERSONAS}),
    "api:list_sessions": Expect(get=everyone(200, anonymous=401, officer_a=403, officer_b=403)),
    "api:get_session": Expect(
        args=lambda w: [w.session.pk],
        get=everyone(200, anonymous=401, officer_a=403, officer_b=403),
    ),
    "api:list_directives": Expect(get=everyone(200, anonymous=401)),
    "api:list_tasks": Expect(get=everyone(200, anonymous=401), not_for_officer_a="Bình Minh"),
    "api:get_task": Expect(args=task_b, get=everyone(200, anonymous=401, officer_a=404)),
    "api:list_units": Expect(get=everyone(200, anonymous=401)),
    "api:report_progress": Expect(
        args=task_b,
        get=everyone(405, anonymous=405),
        post=everyone(403, anonymous=401, officer_a=404, officer_b=200),
        payload=lambda w: {"text": "Đã chi trả 5 hộ.", "percent": 40, "version": w.task_b.version},
        json=True,
    ),
    "api:extract": Expect(
        get=everyone(405, anonymous=405),
        post=everyone(403, anonymous=401, office=200),
        payload=lambda w: {
            "text": "Sáng 3/4, đồng chí Lê Văn Phúc, Chủ tịch UBND tỉnh, làm việc với xã An Bình."
        },
        json=True,
    ),
    # ---- meetings: sessions for the province's readers; ingest and review for the office only
    "meetings:session_list": Expect(get=readers()),
    "meetings:session": Expect(args=lambda w: [w.session.pk], get=readers(officer=403)),
    # corrections of a confirmed session: office only (a refused form goes back with a message)
    "meetings:session_delete": Expect(
        args=lambda w: [w.session.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"reason": ""},
    ),
    "meetings:directive_add": Expect(
        args=lambda w: [w.session.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"text": ""},
    ),
    "meetings:directive_edit": Expect(
        args=lambda w: [w.session.pk, w.directive.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"text": ""},
    ),
    "meetings:directive_withdraw": Expect(
        args=lambda w: [w.session.pk, w.directive.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"reason": ""},
    ),
    "meetings:directive_reassign": Expect(
        args=lambda w: [w.session.pk, w.directive.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"reason": ""},
    ),
    "meetings:directive_comment": Expect(
        args=lambda w: [w.directive.pk],
        get=everyone(403, office=405, leader=405),
        post=everyone(403, office=REDIRECT, leader=REDIRECT),
        payload=lambda w: {"text": ""},
    ),
    "meetings:ingest": Expect(
        get=everyone(403, office=200), post=everyone(403, office=200), payload=lambda w: {}
    ),  # the form again, with its errors
    "meetings:document_list": Expect(get=everyone(403, office=200)),
    "meetings:review": Expect(args=lambda w: [w.review_document.pk], get=everyone(403, office=200)),
    "meetings:review_session": Expect(
        args=lambda w: [w.review_document.pk], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_directive": Expect(
        args=lambda w: [w.review_document.pk, 0], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_split": Expect(
        args=lambda w: [w.review_document.pk, 0], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_merge": Expect(
        args=lambda w: [w.review_document.pk, 0], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_drop": Expect(
        args=lambda w: [w.review_document.pk, "directive", 0],
        get=OFFICE_POST_ONLY,
        post=REVIEW_POST,
    ),
    "meetings:review_add": Expect(
        args=lambda w: [w.review_document.pk], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_undo": Expect(
        args=lambda w: [w.review_document.pk], get=OFFICE_POST_ONLY, post=REVIEW_POST
    ),
    "meetings:review_item": Expect(
        args=lambda w: [w.review_document.pk, "petitions", 0],
        get=OFFICE_POST_ONLY,
        post=REVIEW_POST,
    ),
    "meetings:review_units": Expect(
        args=lambda w: [w.review_document.pk], get=everyone(403, office=200)
    ),
    "meetings:review_confirm": Expect(
        args=lambda w: [w.review_document.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        # a reason in case the extractor finds no directive in the short report
        payload=lambda w: {"version": w.review_document.version, "reason": "Lưu làm tư liệu."},
    ),
    "meetings:review_discard": Expect(
        args=lambda w: [w.review_document.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"version": w.review_document.version},
    ),
    # ---- organisation
    "organisation:unit_list": Expect(get=readers()),
    "organisation:officer_accounts": Expect(
        get=everyone(403, office=200, admin=200),
        post=everyone(403, office=200, admin=200),
        payload=lambda w: {},  # no unit chosen: the form again with its message
    ),
    # ---- tasks: pages
    "tasks:inbox": Expect(
        get=everyone(403, officer_a=200, officer_b=200), not_for_officer_a="Bình Minh"
    ),
    "tasks:worklist": Expect(get=everyone(403, office=200)),
    "tasks:register": Expect(get=readers()),
    "tasks:directive": Expect(
        args=lambda w: [w.directive.pk], get=everyone(200), not_for_officer_a="Xã Bình Minh"
    ),
    "tasks:unit": Expect(args=lambda w: [w.unit_b.pk], get=officer_b_only()),
    "tasks:leader": Expect(args=lambda w: [w.leader_person.pk], get=readers()),
    "tasks:attachment": Expect(args=lambda w: [w.attachment.pk], get=officer_b_only()),
    "tasks:task": Expect(args=task_b, get=officer_b_only()),
    "tasks:task_history": Expect(args=task_b, get=officer_b_only()),
    # ---- insight
    "insight:search": Expect(get=everyone(200)),
    "insight:dashboard": Expect(get=readers()),
    "insight:dossier": Expect(args=lambda w: [w.unit_b.pk], get=officer_b_only()),
    "insight:series": Expect(
        args=lambda w: [w.unit_b.pk],
        get=everyone(403, office=405),
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"series": "tổng thu ngân sách|tỷ đồng", "name": "Thu ngân sách"},
    ),
    "insight:petitions": Expect(get=everyone(200), not_for_officer_a="Bình Minh kiến nghị"),
    # ---- petitions: readers and the unit that raised it see one; the office answers
    "meetings:petition": Expect(args=lambda w: [w.petition.pk], get=officer_b_only()),
    "meetings:petition_answer": Expect(
        args=lambda w: [w.petition.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"version": w.petition.version, "answer": "Đã bố trí vốn."},
    ),
    "meetings:petition_close": Expect(
        args=lambda w: [w.petition.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"version": w.petition.version},
    ),
    "meetings:petition_task": Expect(
        args=lambda w: [w.petition.pk],
        get=OFFICE_POST_ONLY,
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"version": w.petition.version, "unit": w.unit_b.pk},
    ),
    # ---- tasks: actions (POST only)
    "tasks:start": Expect(
        args=task_b, get=POST_ONLY, post=UNIT_ACTION_NOT_IN_STATE, payload=versioned("start")
    ),
    "tasks:report_progress": Expect(
        args=task_b,
        get=POST_ONLY,
        post=UNIT_ACTION,
        payload=versioned("progress", text="Đã chi trả 5 hộ.", percent=40),
    ),
    "tasks:report_completion": Expect(
        args=task_b, get=POST_ONLY, post=UNIT_ACTION, payload=versioned("complete", text="Xong.")
    ),
    "tasks:request_extension": Expect(
        args=task_b,
        get=POST_ONLY,
        post=UNIT_ACTION,
        payload=versioned("extension", new_deadline=LATER, reason="Mưa lũ."),
    ),
    "tasks:report_impossible": Expect(
        args=task_b,
        get=POST_ONLY,
        post=UNIT_ACTION,
        payload=versioned("impossible", reason="Hết vốn."),
    ),
    "tasks:accept_completion": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION_NOT_IN_STATE,
        payload=versioned("accept", note=""),
    ),
    "tasks:return_completion": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION_NOT_IN_STATE,
        payload=versioned("return", note="Thiếu."),
    ),
    "tasks:grant_extension": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION_NOT_IN_STATE,
        payload=versioned("grant", note=""),
    ),
    "tasks:refuse_extension": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION_NOT_IN_STATE,
        payload=versioned("refuse", note="Không."),
    ),
    "tasks:reopen": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION_NOT_IN_STATE,
        payload=versioned("reopen", note="Mở lại."),
    ),
    "tasks:edit": Expect(
        args=task_b,
        get=POST_ONLY,
        post=OFFICE_ACTION,
        payload=versioned("edit", deadline=LATER, note="Lùi hạn."),
    ),
    # ---- documents that go out: the session's conclusion notice (office edits and issues)
    "documents:notice": Expect(
        args=lambda w: [w.session.pk],
        get=readers(403) | {"office": 200},
        post=readers(403) | {"office": REDIRECT},
        payload=lambda w: notice_payload(w),
    ),
    "documents:notice_issue": Expect(
        args=lambda w: [w.session.pk],
        get=OFFICE_POST_ONLY,
        post=readers(403) | {"office": REDIRECT},
        payload=lambda w: {"version": 1, "number": "12", "issued_on": "2026-03-20"},
    ),
    "documents:report": Expect(
        get=readers(200),
        post=readers(200),
        payload=lambda w: {"kind": "quarter", "year": 2026, "number": 1},
    ),
    "documents:export_register": Expect(args=lambda w: ["xlsx"], get=readers(200)),
    "documents:export_petitions": Expect(args=lambda w: ["csv"], get=readers(200)),
    "documents:export_indicators": Expect(args=lambda w: ["xlsx"], get=readers(200)),
    "documents:export_unit": Expect(
        args=lambda w: [w.unit_b.pk, "csv"], get=officer_b_only(), not_for_officer_a="Bình Minh"
    ),
    "documents:import": Expect(
        get=readers(403) | {"office": 200},
        post=readers(403) | {"office": 400},  # no file: refused with the reason
    ),
    # no such upload: 404 for the office (and for another province's upload alike)
    "documents:import_sheet": Expect(args=lambda w: [0], get=readers(403) | {"office": 404}),
    "documents:account": Expect(
        get=everyone(200),
        post=everyone(200),
        payload=lambda w: {"action": "create_feed", "unit": ""},
    ),
    # the URL is the secret: an unknown key is 404 for everyone, signed in or not
    "documents:calendar_feed": Expect(args=lambda w: ["khong-co"], get={p: 404 for p in PERSONAS}),
    # ---- notifications: each user's own; another's notice is 404 like a missing one
    "notifications:list": Expect(get=everyone(200)),
    "notifications:bell": Expect(get=everyone(200)),
    "notifications:preferences": Expect(
        get=everyone(200),
        post=everyone(REDIRECT),
        payload=lambda w: {"new_task__in_app": "on"},
    ),
    "notifications:read_all": Expect(
        get=everyone(405), post=everyone(REDIRECT), payload=lambda w: {"next": "/"}
    ),
    "notifications:read": Expect(
        args=lambda w: [officer_b_notice(w)],
        get=everyone(405),
        post=everyone(404, officer_b=REDIRECT),
        not_for_officer_a="Bình Minh",
    ),
    # ---- recurring directives (themes): the province's readers; the office corrects
    "themes:list": Expect(get=readers()),
    "themes:detail": Expect(args=lambda w: [theme_of(w)], get=readers()),
    "themes:directive": Expect(args=lambda w: [w.directive.pk], get=readers()),
    "themes:rename": Expect(
        args=lambda w: [theme_of(w)],
        get=everyone(403, office=405),
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"name": "Giải phóng mặt bằng"},
    ),
    "themes:move": Expect(
        args=lambda w: [theme_of(w)],
        get=everyone(403, office=405),
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"directive": w.directive.pk, "target": ""},
    ),
    "themes:merge": Expect(
        args=lambda w: [theme_of(w)],
        get=everyone(403, office=405),
        post=everyone(403, office=REDIRECT),
        payload=lambda w: {"into": theme_of(w)},  # into itself: refused with a message
    ),
    # nothing generated yet: the readers get 404, officers 403
    "documents:notice_docx": Expect(args=lambda w: [w.session.pk], get=readers(404)),
    "documents:notice_pdf": Expect(args=lambda w: [w.session.pk], get=readers(404)),
}


def theme_of(w: World) -> int:
    """The theme of the world's directive (computed on first use)."""
    from chidao.themes.models import Membership
    from chidao.themes.services import assign

    assign(directives=[w.directive], province_code="38")
    return Membership.objects.get(directive=w.directive).theme_id


def officer_b_notice(w: World) -> int:
    """A notice of unit_b's officer about unit_b's task."""
    from django.contrib.auth import get_user_model

    from chidao.notifications.models import Notification, NotificationKind
    from chidao.notifications.services import notify

    officer = get_user_model().objects.get(profile__unit=w.unit_b)
    notify(kind=NotificationKind.FOLLOW_UP, task=w.task_b, recipients=[officer], key="walk")
    return Notification.objects.get(recipient=officer, key="walk").pk


def notice_payload(w: World) -> dict[str, Any]:
    from chidao.documents.content import default_sections

    defaults = default_sections(w.session)
    return {**defaults.__dict__, "version": 1, "action": "save"}


def admin_expectation(name: str, w: World) -> tuple[list[Any], dict[str, Any]] | None:
    """Django's admin: staff only (everyone else goes to the admin login); the admin persona
    opens every page of a registered model (a real object for object pages)."""
    if not name.startswith("admin:"):
        return None
    short = name.split(":", 1)[1]
    not_staff = {p: ADMIN_LOGIN for p in PERSONAS if p != "admin"}
    if short == "login":
        return [], {p: 200 for p in PERSONAS if p != "admin"} | {"admin": REDIRECT}
    if short == "logout":  # POST only for staff; the others are sent back to the admin index
        return [], {p: REDIRECT for p in PERSONAS if p != "admin"} | {"admin": 405}
    if short in ("index", "password_change", "password_change_done", "jsi18n"):
        return [], not_staff | {"admin": 200}
    if short == "autocomplete":
        return [], not_staff | {"admin": 403}
    if short == "view_on_site":
        from django.contrib.contenttypes.models import ContentType

        return [ContentType.objects.get_for_model(Task).pk, w.task_b.pk], not_staff | {"admin": 404}
    if short == "app_list":
        label = next(iter(django_admin.site._registry))._meta.app_label
        return [label], not_staff | {"admin": 200}
    for model in django_admin.site._registry:
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if short.startswith(prefix):
            action = short[len(prefix) :]
            read_only = ("audit.AuditEvent", "meetings.Session")  # sessions: deleted on their page
            if model._meta.label in read_only and action in ("add", "delete"):
                event = model._default_manager.order_by("pk").first()  # the trail is read only
                args = [] if action == "add" else [event.pk if event else 0]
                return args, not_staff | {"admin": 403}
            if action in ("changelist", "add"):
                return [], not_staff | {"admin": 200}
            obj = model._default_manager.order_by("pk").first()
            if obj is None:  # nothing to open: the admin answers with a redirect to its index
                return [0], not_staff | {"admin": REDIRECT}
            return [obj.pk], not_staff | {"admin": 200}
    return None


def expectation(name: str, w: World) -> Expect:
    rule = admin_expectation(name, w)
    if rule is not None:
        args, get = rule
        return Expect(args=lambda _w: args, get=get)
    return EXPECT[name]


def login_as(client: Client, persona: str, request: pytest.FixtureRequest) -> None:
    client.logout()
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))


def answer(response: Any) -> Any:
    """What a response amounts to, in the vocabulary of EXPECT."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if location.startswith(reverse("admin:login")):
            return ADMIN_LOGIN
        if location.startswith(reverse("login")):
            return LOGIN
        return REDIRECT
    return response.status_code


def snapshot() -> list[tuple[Any, ...]]:
    """What a write would change: tasks, their history and files, documents, sessions."""
    from chidao.meetings.models import Directive, Session, SourceDocument

    return (
        [
            (t.pk, t.state, t.deadline, t.unit_id, t.progress, t.version, t.reason)
            for t in Task.objects.order_by("pk")
        ]
        + [(d.pk, d.status, d.version) for d in SourceDocument.objects.order_by("pk")]
        + [
            (
                TaskEvent.objects.count(),
                ProgressReport.objects.count(),
                Attachment.objects.count(),
                Session.objects.count(),
                Directive.objects.count(),
            )
        ]
    )


def test_every_url_has_an_expectation():
    names = all_url_names()
    missing = [n for n in names if n not in EXPECT and not n.startswith("admin:")]
    stale = [n for n in EXPECT if n not in names]
    assert (missing, stale) == ([], []), (
        "say who may open each new URL in EXPECT (and drop removed ones)"
    )


@pytest.mark.parametrize("name", all_url_names())
def test_it_answers_each_persona_as_expected(name, world, request, client):
    if name not in EXPECT and not name.startswith("admin:"):
        pytest.fail(f"{name}: no expectation in EXPECT (who may open this URL?)")
    e = expectation(name, world)
    url = reverse(name, args=e.args(world))
    get, post, payload = e.get, e.post, e.payload(world)
    wrong = []
    for persona in PERSONAS:
        login_as(client, persona, request)
        response = client.get(url)
        got = answer(response)
        if got != get[persona]:
            wrong.append(f"GET {url} as {persona}: {got}, expected {get[persona]}")
        if persona == "officer_a" and e.not_for_officer_a and got == 200:
            if e.not_for_officer_a in response.content.decode():
                wrong.append(f"GET {url} as officer_a shows {e.not_for_officer_a!r}")
        if post is None:
            continue
        before = snapshot()
        with transaction.atomic():
            if e.json:
                got = answer(client.post(url, payload, content_type="application/json"))
            else:
                got = answer(client.post(url, payload))
            changed = snapshot() != before
            transaction.set_rollback(True)
        if got != post[persona]:
            wrong.append(f"POST {url} as {persona}: {got}, expected {post[persona]}")
        if changed and post[persona] not in (
            REDIRECT,
            200,
        ):  # only a permitted, successful write changes
            wrong.append(f"POST {url} as {persona} answered {got} but changed the task")
    assert wrong == []


# ---------------------------------------------------------------- the gatekeeper itself


def test_the_gatekeeper_shows_each_persona_its_tasks(tasks, task_a, task_b, request):
    from chidao.tasks.access import tasks_visible_to

    seen = {
        p: set(
            tasks_visible_to(request.getfixturevalue(p) if p != "anonymous" else None).values_list(
                "pk", flat=True
            )
        )
        for p in PERSONAS
    }
    both = {task_a.pk, task_b.pk}
    assert seen == {
        "anonymous": set(),
        "office": both,
        "leader": both,
        "officer_a": {task_a.pk},
        "officer_b": {task_b.pk},
        "admin": both,
    }


def test_the_gatekeeper_answers_404_alike_for_missing_and_not_yours(task_b, officer_a):
    from django.http import Http404

    from chidao.tasks.access import (
        get_attachment_for_user,
        get_directive_for_user,
        get_task_for_user,
    )

    for get, pk in (
        (get_task_for_user, task_b.pk),
        (get_task_for_user, 10_000),
        (get_task_for_user, "abc"),
        (get_attachment_for_user, 10_000),
        (get_directive_for_user, 10_000),
    ):
        with pytest.raises(Http404):
            get(officer_a, pk)


def test_an_office_of_another_province_sees_and_decides_nothing_here(db, task_a):
    from django.contrib.auth import get_user_model

    from chidao.organisation.models import Profile
    from chidao.tasks.access import can_decide, tasks_visible_to

    other = get_user_model().objects.create_user(
        username="vanphong_hatinh", password="x-mat-khau-dai-2026"
    )
    Profile.objects.create(user=other, role="office", province_code="42")
    assert (tasks_visible_to(other).count(), can_decide(other, task_a)) == (0, False)


def test_predicates_combine_with_and_or_not(task_a, officer_a, office, leader):
    from chidao.tasks.access import can_decide, can_report, can_view, is_province_reader

    either = can_report | can_decide
    both = can_report & can_decide
    assert [either(u, task_a) for u in (officer_a, office, leader)] == [True, True, False]
    assert [both(u, task_a) for u in (officer_a, office, leader)] == [False, False, False]
    assert [(~can_report)(u, task_a) for u in (officer_a, office)] == [False, True]
    assert [can_view(u, task_a) for u in (officer_a, office, leader)] == [True, True, True]
    assert is_province_reader(leader, task_a) and not can_decide(leader, task_a)


# ---------------------------------------------------------------- the API's filters

# every filter of the API's lists, with values that name unit_b or a state only unit_b's task
# is in: an officer's answers are computed inside what they may see
API_FILTERS: list[tuple[str, Callable[[World], dict[str, Any]]]] = [
    ("api:list_directives", lambda w: {}),
    ("api:list_directives", lambda w: {"unit": w.unit_b.pk}),
    ("api:list_directives", lambda w: {"unit": w.unit_a.pk}),
    ("api:list_directives", lambda w: {"state": "in_progress"}),
    ("api:list_directives", lambda w: {"state": "new"}),
    ("api:list_directives", lambda w: {"state": "done"}),
    ("api:list_directives", lambda w: {"overdue": "true"}),
    ("api:list_directives", lambda w: {"overdue": "false"}),
    ("api:list_directives", lambda w: {"role": "lead"}),
    ("api:list_tasks", lambda w: {}),
    ("api:list_tasks", lambda w: {"unit": w.unit_b.pk}),
    ("api:list_tasks", lambda w: {"state": "in_progress"}),
    ("api:list_tasks", lambda w: {"state": "done"}),
    ("api:list_tasks", lambda w: {"overdue": "true"}),
    ("api:list_tasks", lambda w: {"directive": w.directive.pk}),
    ("api:list_units", lambda w: {}),
]


def _api_answers(client: Client, w: World) -> list[Any]:
    return [client.get(reverse(name, args=[]), params(w)).json() for name, params in API_FILTERS]


def test_an_officers_api_filters_never_reveal_another_units_tasks(world, client, officer_a):
    """Officer A's answers to every filter do not change when unit B's task changes state,
    deadline or role: the filters run inside what officer A may see."""
    client.force_login(officer_a)
    before = _api_answers(client, world)

    Task.objects.filter(pk=world.task_b.pk).update(
        state="done", deadline=dt.date(2020, 1, 1), role="support"
    )

    assert _api_answers(client, world) == before


def test_an_officer_filtering_by_another_units_state_or_unit_gets_nothing(world, client, officer_a):
    assert world.task_b.state == "in_progress" and world.task_a.state == "new"
    client.force_login(officer_a)
    url = reverse("api:list_directives")

    assert client.get(url, {"state": "in_progress"}).json()["count"] == 0
    assert client.get(url, {"unit": world.unit_b.pk}).json()["count"] == 0
    assert client.get(reverse("api:list_tasks"), {"unit": world.unit_b.pk}).json()["count"] == 0
    assert client.get(url, {"state": "new"}).json()["count"] == 1  # their own task's state


def test_the_office_filters_over_every_unit_of_the_province(world, client, office):
    client.force_login(office)
    url = reverse("api:list_directives")

    assert client.get(url, {"state": "in_progress"}).json()["count"] == 1
    assert client.get(url, {"unit": world.unit_b.pk}).json()["count"] == 1

"""Shared fixtures: the personas of the specification.

Province "38" (Thanh Hóa) with two communes, xã An Bình (unit_a) and xã Bình Minh (unit_b),
and a department; one user per role:

- ``office``: staff of Văn phòng Tỉnh ủy, assigns and follows up everything in the province
- ``leader``: the provincial chairman, Trịnh Văn Lâm
- ``officer_a``: officer of xã An Bình; ``officer_b``: officer of xã Bình Minh
- ``admin``: administrator (users, units)
"""

from __future__ import annotations

import pytest

PASSWORD = "mat-khau-rat-dai-2026"
# fixtures through which a test reaches the database (pytest-django's)
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database-only",
        action="store_true",
        help="run only the tests that use the database (`make test-postgres`: no hand list "
        "of directories to keep up to date)",
    )


def uses_database(item: pytest.Item) -> bool:
    """A ``django_db`` mark, or a database fixture anywhere among the test's fixtures."""
    names = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(names & DATABASE_FIXTURES)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--database-only"):
        return
    kept = [item for item in items if uses_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if not uses_database(item)])
    items[:] = kept


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # PBKDF2 with Django's iteration count costs ~0.3 s a login; hashing itself is Django's, tested upstream
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def unit_a(db):
    from chidao.organisation.models import Unit, UnitKind

    return Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã An Bình",
        short_name="An Bình",
        code="90001",
    )


@pytest.fixture
def unit_b(db):
    from chidao.organisation.models import Unit, UnitKind

    return Unit.objects.create(
        province_code="38",
        kind=UnitKind.COMMUNE,
        level="xã",
        name="Xã Bình Minh",
        short_name="Bình Minh",
        code="90002",
    )


@pytest.fixture
def department(db):
    from chidao.organisation.models import Unit, UnitKind

    return Unit.objects.create(
        province_code="38", kind=UnitKind.DEPARTMENT, level="sở", name="Sở Tài chính"
    )


@pytest.fixture
def leader_person(db):
    from chidao.organisation.models import Person, Position

    p = Person.objects.create(full_name="Trịnh Văn Lâm", province_code="38")
    Position.objects.create(person=p, title="Chủ tịch UBND tỉnh")
    return p


def _user(username, role, unit=None, person=None, **extra):
    from django.contrib.auth import get_user_model

    from chidao.organisation.models import Profile

    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    Profile.objects.create(user=user, role=role, province_code="38", unit=unit, person=person)
    return user


@pytest.fixture
def office(db):
    return _user("vanphong", "office")


@pytest.fixture
def leader(db, leader_person):
    return _user("lanhdao", "leader", person=leader_person)


@pytest.fixture
def officer_a(db, unit_a):
    return _user("canbo_anbinh", "officer", unit=unit_a)


@pytest.fixture
def officer_b(db, unit_b):
    return _user("canbo_binhminh", "officer", unit=unit_b)


@pytest.fixture
def admin(db):
    return _user("quantri", "admin", is_staff=True, is_superuser=True)

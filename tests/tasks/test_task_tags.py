"""The task templates' helpers give what Django's own tags and filters give, faster."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.template.defaultfilters import date as date_filter
from django.urls import reverse
from django.utils import timezone

from chidao.tasks.templatetags.task_tags import dmy


@pytest.mark.parametrize(
    "name", ["tasks:task", "tasks:directive", "tasks:leader", "insight:dossier"]
)
def test_url_id_is_the_url_tag_for_every_row(name):
    ids = [1, 7, 42, 2_147_483_646, 305_117]
    rows = Template(
        "{% load task_tags %}{% for pk in ids %}{% url_id name pk %}|{% endfor %}"
    ).render(Context({"ids": ids, "name": name}))
    assert rows.split("|")[:-1] == [reverse(name, args=[pk]) for pk in ids]


def test_url_id_reverses_once_a_rendering_and_rejects_what_is_no_id(monkeypatch):
    from chidao.tasks.templatetags import task_tags

    calls = []
    real = task_tags.reverse
    monkeypatch.setattr(task_tags, "reverse", lambda *a, **kw: calls.append(a) or real(*a, **kw))
    page = Template(
        "{% load task_tags %}{% for pk in ids %}{% url_id 'tasks:task' pk %}{% endfor %}"
    )
    page.render(Context({"ids": range(50)}))
    assert len(calls) == 1
    with pytest.raises((TypeError, ValueError)):
        page.render(Context({"ids": ["1/../admin"]}))


@pytest.mark.parametrize(
    "value",
    [dt.date(2026, 1, 5), dt.date(2024, 12, 31), dt.date(987, 3, 9), dt.date(2025, 10, 1)],
)
def test_dmy_is_the_date_filter_for_a_date(value):
    assert dmy(value) == date_filter(value, "d/m/Y")


def test_dmy_gives_nothing_for_no_date_and_the_local_day_for_a_moment():
    assert dmy(None) == "" and dmy("") == ""
    late = dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC)  # 03:30 the next day in Hà Nội
    both = Template('{% load task_tags %}{{ late|dmy }} {{ late|date:"d/m/Y" }}')
    with timezone.override("Asia/Ho_Chi_Minh"):
        assert both.render(Context({"late": late})) == "02/03/2026 02/03/2026"

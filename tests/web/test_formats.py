"""Dates dd/mm/yyyy in both languages; Vietnamese numbers with "." for thousands, "," for decimals."""

from __future__ import annotations

import datetime

import pytest
from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template import Context, Template
from django.utils import formats, translation


@pytest.fixture
def vi():
    with translation.override("vi"):
        yield


def test_it_groups_vietnamese_numbers_with_dots_and_decimals_with_commas(vi):
    assert intcomma(11710) == "11.710"
    assert formats.localize(12.36) == "12,36"
    assert intcomma(1234567.5) == "1.234.567,5"


def test_it_writes_dates_as_dd_mm_yyyy_in_both_languages():
    day = datetime.date(2026, 4, 5)
    for language in ("vi", "en"):
        with translation.override(language):
            assert Template("{{ d }}").render(Context({"d": day})) == "05/04/2026"


def test_it_reads_a_typed_date_as_day_first(vi):
    field = forms.DateField()
    assert field.clean("05/04/2026") == datetime.date(2026, 4, 5)
    assert field.clean("2026-04-05") == datetime.date(2026, 4, 5)


def test_it_never_groups_an_id_written_in_a_template(vi):
    assert Template("{{ pk }}").render(Context({"pk": 12345})) == "12345"

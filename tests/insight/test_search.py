"""Search across the province: diacritics and tone placement aside, ranked, within what the
user may see; the same answers on SQLite (FTS5) and PostgreSQL (full-text)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chidao.insight.search import SearchFilters, search
from chidao.search.index import reindex
from chidao.search.models import EntryKind, SearchEntry


def found(user, q, **kw):
    return {(e.kind, e.object_id) for e in search(user, SearchFilters(q=q, **kw))}


@pytest.mark.parametrize("q", ["thieu hoa", "Thiệu Hoá", "Thiệu Hóa", "THIEU HOA"])
def test_both_tone_placements_and_no_diacritics_find_the_same(atlas, office, q):
    assert found(office, q) == {
        (EntryKind.SESSION, atlas["s1"].pk),
        (EntryKind.DOCUMENT, atlas["s1"].document_id),
        (EntryKind.DIRECTIVE, atlas["d1"].pk),
        (EntryKind.PETITION, atlas["petition"].pk),
    }


def test_words_are_prefixes_and_all_are_needed(atlas, office):
    assert found(office, "de bien binh", kind=EntryKind.DIRECTIVE) == {
        (EntryKind.DIRECTIVE, atlas["d2"].pk)
    }
    assert found(office, "de bien thieu", kind=EntryKind.DIRECTIVE) == set()


def test_filters_by_kind_and_date(atlas, office):
    assert found(office, "thieu hoa", kind=EntryKind.PETITION) == {
        (EntryKind.PETITION, atlas["petition"].pk)
    }
    assert found(office, "bien", date_from=dt.date(2026, 1, 1), kind=EntryKind.SESSION) == {
        (EntryKind.SESSION, atlas["s2"].pk)
    }
    assert found(office, "thieu hoa", date_to=dt.date(2023, 12, 31)) == set()


def test_the_more_words_matched_the_higher_the_rank(atlas, office):
    ranked = list(search(office, SearchFilters(q="thieu hoa", kind=EntryKind.DIRECTIVE)))
    assert ranked and all(hasattr(e, "rank") for e in ranked)
    hits = list(search(office, SearchFilters(q="hoa")))
    assert len(hits) >= 4


def test_an_officer_finds_only_their_units_directives(atlas, officer_a, officer_b):
    assert found(officer_a, "thieu hoa") == {(EntryKind.DIRECTIVE, atlas["d1"].pk)}
    assert found(officer_b, "thieu hoa") == set()


def test_a_leader_does_not_see_documents_in_review(atlas, leader):
    kinds = {k for k, _ in found(leader, "thieu hoa")}
    assert EntryKind.DOCUMENT not in kinds and EntryKind.DIRECTIVE in kinds


def test_reindex_rebuilds_the_same_entries(atlas, office):
    before = set(SearchEntry.objects.values_list("kind", "object_id", "key"))
    SearchEntry.objects.all().delete()
    assert found(office, "thieu hoa") == set()
    assert reindex() == len(before)
    assert set(SearchEntry.objects.values_list("kind", "object_id", "key")) == before
    assert len(found(office, "thieu hoa")) == 4


def test_an_edited_directive_is_found_by_its_new_words(atlas, office):
    d2 = atlas["d2"]
    d2.text = "Nạo vét kênh Nhà Lê."
    d2.save()
    assert found(office, "nao vet kenh") == {(EntryKind.DIRECTIVE, d2.pk)}
    d2.delete()
    assert found(office, "nao vet") == set()


def test_the_page_lists_hits_with_links(atlas, client, office, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("insight:search"), {"q": "thieu hoa"})
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("tasks:directive", args=[atlas["d1"].pk]) in html
    assert reverse("meetings:session", args=[atlas["s1"].pk]) in html
    assert "4 kết quả" in html


def test_tasks_kind_opens_the_register_with_the_words(atlas, client, office):
    client.force_login(office)
    response = client.get(reverse("insight:search"), {"q": "thieu hoa", "kind": "task"})
    assert response.status_code == 302
    assert response["Location"] == reverse("tasks:register") + "?q=thieu+hoa"


def test_an_empty_or_punctuation_query_finds_nothing(atlas, office):
    assert found(office, "") == set()
    assert found(office, '"*() -') == set()


def test_a_wrong_date_is_named(atlas, client, office):
    client.force_login(office)
    response = client.get(reverse("insight:search"), {"q": "hoa", "date_from": "31/02/2026"})
    assert response.status_code == 200
    assert "date_from" in response.content.decode()


def test_the_page_takes_and_shows_days_as_dd_mm_yyyy(atlas, client, office):
    client.force_login(office)
    response = client.get(reverse("insight:search"), {"q": "thieu hoa", "date_from": "02/03/2026"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="02/03/2026"' in page
    assert 'type="date"' not in page


def _directives_to_find(atlas, n):
    from tests.tasks.conftest import make_directive

    made = [make_directive(atlas["s2"], text=f"Nạo vét kênh tiêu số {i}.") for i in range(n)]
    return {d.pk for d in made}


def test_pages_count_every_hit_in_the_ranking_statement(
    atlas, client, office, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wanted = _directives_to_find(atlas, 25)
    client.force_login(office)
    url = reverse("insight:search")
    with CaptureQueriesContext(connection) as captured:
        first = client.get(url, {"q": "nao vet kenh"})
    assert "25 kết quả" in first.content.decode()
    assert not [q for q in captured if "__count" in q["sql"]]  # no second pass to count
    second = client.get(url, {"q": "nao vet kenh", "page": 2})
    ids = {h.url for h in first.context["hits"]} | {h.url for h in second.context["hits"]}
    assert len(first.context["hits"]) == 20 and len(second.context["hits"]) == 5
    assert ids == {reverse("tasks:directive", args=[pk]) for pk in wanted}
    assert "25 kết quả" in second.content.decode()


@pytest.mark.parametrize("page", ["9", "x", "0"])
def test_a_page_out_of_range_or_wrong_shows_the_last_or_the_first(atlas, client, office, page):
    _directives_to_find(atlas, 25)
    client.force_login(office)
    response = client.get(reverse("insight:search"), {"q": "nao vet kenh", "page": page})
    assert response.status_code == 200
    expected = 1 if page == "x" else 2  # Django's paginator: a page below 1 is the last
    assert response.context["page"].number == expected
    assert len(response.context["hits"]) == (5 if expected == 2 else 20)
    assert "25 kết quả" in response.content.decode()


def directives_of(q):
    from chidao.meetings.models import Directive
    from chidao.search.engine import directive_ids

    return set(Directive.objects.filter(pk__in=directive_ids(q)).values_list("pk", flat=True))


@pytest.mark.parametrize("q", ["thieu hoa", "Thiệu Hoá", "Thiệu Hóa", "THIEU HOA", "hoa"])
def test_the_directives_holding_the_words_are_those_the_search_finds(atlas, office, q):
    # the register's list of directive ids: the directives the search finds, by their own ids
    # (SQLite: its own full-text table, keyed by the directive), whatever the entries' ids
    assert directives_of(q) == {pk for k, pk in found(office, q) if k == EntryKind.DIRECTIVE}
    assert directives_of(q) == {atlas["d1"].pk}
    assert directives_of("de bien binh") == {atlas["d2"].pk}
    # words held by the session and the petition only: no directive
    assert directives_of("yen dinh") == set() and found(office, "yen dinh")


def test_the_directives_holding_the_words_follow_edits_deletions_and_reindexing(atlas):
    d2 = atlas["d2"]
    d2.text = "Nạo vét kênh Nhà Lê."
    d2.save()
    assert directives_of("nao vet kenh") == {d2.pk}
    assert directives_of("nang cap de") == set()
    SearchEntry.objects.all().delete()
    assert directives_of("thieu hoa") == set() and directives_of("nao vet") == set()
    reindex()
    assert directives_of("thieu hoa") == {atlas["d1"].pk}
    assert directives_of("nao vet") == {d2.pk}
    d2.delete()
    assert directives_of("nao vet") == set()


def test_postgresql_probes_a_directive_for_the_words_row_by_row(atlas):
    from django.db import connection

    from chidao.search.engine import directive_holds
    from chidao.tasks.models import Task

    if connection.vendor != "postgresql":
        pytest.skip("a probe of the stored vectors: PostgreSQL only")
    for q in ("thieu hoa", "Thiệu Hoá", "Thiệu Hóa", "hoa"):
        assert list(Task.objects.filter(directive_holds(q)).values_list("pk", flat=True)) == [
            atlas["t1"].pk
        ]
    assert not Task.objects.filter(directive_holds("yen dinh")).exists()
    holds_binh = Task.objects.filter(directive_holds("bien binh"))
    assert set(holds_binh.values_list("pk", flat=True)) == {atlas["t2"].pk}


def _directive_words():
    """PostgreSQL: ``search_directive_words`` as {directive id: its words}."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT directive_id, words::text FROM search_directive_words")
        return dict(cursor.fetchall())


def _entries_words():
    """PostgreSQL: the directives' entries as {directive id: the words of the entry}."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT object_id, tsv::text FROM search_searchentry WHERE kind = 'directive'"
        )
        return dict(cursor.fetchall())


def test_postgresql_directive_words_are_the_directive_entries_through_every_write(atlas):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's directives' words table (search 0006); SQLite has its own")
    d1, d2 = atlas["d1"], atlas["d2"]
    assert _directive_words() == _entries_words() and set(_directive_words()) == {d1.pk, d2.pk}
    d2.text = "Nạo vét kênh Nhà Lê."  # an update of the entry
    d2.save()
    assert "'nao'" in _directive_words()[d2.pk] and "'nang'" not in _directive_words()[d2.pk]
    assert _directive_words() == _entries_words()
    # an entry turned into another kind leaves the directives; and back
    SearchEntry.objects.filter(kind=EntryKind.DIRECTIVE, object_id=d2.pk).update(
        kind=EntryKind.PETITION
    )
    assert set(_directive_words()) == {d1.pk}
    SearchEntry.objects.filter(kind=EntryKind.PETITION, object_id=d2.pk).update(
        kind=EntryKind.DIRECTIVE
    )
    assert set(_directive_words()) == {d1.pk, d2.pk}
    d2.delete()
    assert set(_directive_words()) == {d1.pk} == set(_entries_words())
    SearchEntry.objects.all().delete()
    assert _directive_words() == {}
    reindex()  # bulk inserts, a statement a batch
    assert _directive_words() == _entries_words() and set(_directive_words()) == {d1.pk}
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE search_searchentry")
    assert _directive_words() == {}


def test_postgresql_the_migration_builds_the_directive_words_of_the_entries_indexed(atlas):
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's directives' words table (search 0006)")
    call_command("migrate", "search", "0005", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('search_directive_words')")
        assert cursor.fetchone() == (None,)
    d2 = atlas["d2"]
    d2.text = "Nạo vét kênh Nhà Lê."  # written while the table is missing
    d2.save()
    call_command("migrate", "search", verbosity=0)
    assert _directive_words() == _entries_words()
    assert set(_directive_words()) == {atlas["d1"].pk, d2.pk}
    assert directives_of("nao vet") == {d2.pk} and directives_of("thieu hoa") == {atlas["d1"].pk}

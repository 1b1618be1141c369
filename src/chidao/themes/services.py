"""Writes of themes: computed incrementally (a confirmed session) or in full (``chidao themes
--rebuild``), and the office's corrections, which a new computation keeps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from chidao.meetings.models import Directive
from chidao.organisation.models import Unit
from chidao.themes.grouping import Match, best_match, group
from chidao.themes.models import Membership, Theme, ThemeWord
from chidao.themes.words import Phrases, features, phrases

BATCH = 2000


class ThemeError(Exception):
    """A correction refused; the message says why (shown to the office)."""


def place_names(province_code: str) -> Phrases:
    """The names of the province's units and places (current and before 2025), as phrases to
    leave out of the features: "Nga Sơn", "Hoằng Tiến"."""
    rows = Unit.objects.filter(province_code=province_code).values_list("short_name", "name")
    return phrases(n for pair in rows for n in pair if n)


def live_directives(province_code: str) -> QuerySet[Directive]:
    """The directives that are grouped: those of the province's sessions not deleted, in the
    order of the grouping (the sessions' dates, then ids)."""
    return Directive.objects.filter(
        session__province_code=province_code, session__deleted_at__isnull=True
    ).order_by("session__date", "session_id", "order", "id")


def _label(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(160)


# ---------------------------------------------------------------- the index in the database


def _db_frequency(code: str) -> Any:
    def frequency(words: Iterable[str]) -> Mapping[str, int]:
        rows = (
            ThemeWord.objects.filter(province_code=code, word__in=list(words))
            .values("word")
            .annotate(n=Count("id"))
        )
        return {r["word"]: r["n"] for r in rows}

    return frequency


def _db_postings(code: str) -> Any:
    def postings(words: Iterable[str]) -> Iterable[int]:
        return ThemeWord.objects.filter(province_code=code, word__in=list(words)).values_list(
            "theme_id", flat=True
        )

    return postings


def _db_seeds(ids: Iterable[int]) -> Mapping[int, frozenset[str]]:
    return {
        pk: frozenset(w.split())
        for pk, w in Theme.objects.filter(pk__in=list(ids)).values_list("pk", "words")
    }


def _root(theme: Theme) -> Theme:
    """The theme a (possibly merged) theme stands for now."""
    seen = {theme.pk}
    while theme.merged_into_id is not None and theme.merged_into_id not in seen:
        seen.add(theme.merged_into_id)
        theme = Theme.objects.get(pk=theme.merged_into_id)
    return theme


def _seed(directive: Directive, feats: frozenset[str], code: str) -> Theme:
    theme = Theme.objects.create(
        province_code=code,
        seed=directive,
        words=" ".join(sorted(feats)),
        label=_label(directive.text),
    )
    ThemeWord.objects.bulk_create(
        ThemeWord(province_code=code, word=w[:64], theme=theme) for w in sorted(feats)
    )
    return theme


def refresh_stats(*, province_code: str, theme_ids: Iterable[int] | None = None) -> int:
    """Count the tasks of the themes again (states, busiest units) and store the counts with
    each theme (all the province's themes when ``theme_ids`` is None).

    Side effects: ``Theme.stats`` and ``Theme.stats_at``. Returns how many themes.
    """
    from chidao.themes.queries import summaries

    with transaction.atomic():
        if theme_ids is None:
            found = summaries(None, province_code)
        else:
            found = summaries(list(Theme.objects.filter(pk__in=set(theme_ids))))
        now = timezone.now()
        themes = list(Theme.objects.filter(pk__in=list(found)).only("pk"))
        for theme in themes:
            s = found[theme.pk]
            theme.stats = {
                "tasks": s.tasks,
                "states": [[c.state, c.count] for c in s.states],
                "units": [list(u) for u in s.units],
                "more_units": s.more_units,
            }
            theme.stats_at = now
        Theme.objects.bulk_update(themes, ["stats", "stats_at"], batch_size=500)
        return len(themes)


def resize(theme_ids: Iterable[int]) -> None:
    """Store each theme's number of directives (and count its tasks again)."""
    ids = set(theme_ids)
    if not ids:
        return
    counts = dict(
        Membership.objects.filter(theme_id__in=ids)
        .values("theme_id")
        .annotate(n=Count("directive_id"))
        .values_list("theme_id", "n")
    )
    for pk in ids:
        Theme.objects.filter(pk=pk).update(size=counts.get(pk, 0))
    code = Theme.objects.filter(pk__in=ids).values_list("province_code", flat=True).first()
    if code:
        refresh_stats(province_code=code, theme_ids=ids)


# ---------------------------------------------------------------- computing


def assign(*, directives: Iterable[Directive], province_code: str) -> int:
    """Give each directive its theme (a confirmed session, a directive added or edited).

    A directive the office placed keeps its place; one without features (nothing left once
    the stop words and names are out) has no theme. Side effects: ``Membership`` rows, new
    ``Theme`` rows with their ``ThemeWord`` index, the themes' sizes. Returns how many
    directives were placed.
    """
    placed = 0
    with transaction.atomic():
        names = place_names(province_code)
        items = list(directives)
        office = set(
            Membership.objects.filter(
                directive__in=[d.pk for d in items], by_office=True
            ).values_list("directive_id", flat=True)
        )
        touched: set[int | None] = set()
        for directive in items:
            if directive.pk in office or Theme.objects.filter(seed=directive).exists():
                continue
            before = (
                Membership.objects.filter(directive=directive)
                .values_list("theme_id", flat=True)
                .first()
            )
            feats = features(directive.text, names)
            if not feats:
                Membership.objects.filter(directive=directive).delete()
                touched |= {before} - {None}
                continue
            match: Match = best_match(
                feats,
                frequency=_db_frequency(province_code),
                postings=_db_postings(province_code),
                seeds=_db_seeds,
            )
            if match.theme is None:
                theme, similarity = _seed(directive, feats, province_code), 1.0
            else:
                theme, similarity = _root(Theme.objects.get(pk=match.theme)), match.similarity
            Membership.objects.update_or_create(
                directive=directive,
                defaults={
                    "theme": theme,
                    "province_code": province_code,
                    "similarity": similarity,
                    "by_office": False,
                },
            )
            touched |= {theme.pk, before} - {None}
            placed += 1
        resize(pk for pk in touched if pk is not None)
    return placed


@dataclass(frozen=True)
class Rebuilt:
    directives: int  # grouped by computation (the office's placements excluded)
    themes: int  # themes of two directives or more
    recurring: int  # directives in those themes


def rebuild(*, province_code: str) -> Rebuilt:
    """Compute every theme of a province again, keeping the office's corrections: directives
    it placed stay where it put them, a theme keeps its name and its merge (a theme is known
    by its first directive).

    Side effects: the province's computed ``Membership`` rows replaced, ``Theme`` rows created
    (or removed when nothing refers to them any more), the ``ThemeWord`` index rebuilt, sizes.
    """
    with transaction.atomic():
        names = place_names(province_code)
        office = set(
            Membership.objects.filter(province_code=province_code, by_office=True).values_list(
                "directive_id", flat=True
            )
        )

        def items() -> Iterable[tuple[int, frozenset[str]]]:
            rows = live_directives(province_code).values_list("pk", "text")
            for pk, text in rows.iterator(chunk_size=BATCH):
                if pk in office:
                    continue
                f = features(text, names)
                yield pk, f

        grouped = group(items())
        seeds = {seed for seed, _ in grouped.values()}
        texts = dict(Directive.objects.filter(pk__in=list(seeds)).values_list("pk", "text"))
        feats = {pk: features(text, names) for pk, text in texts.items()}
        themes = {t.seed_id: t for t in Theme.objects.filter(province_code=province_code)}
        new = [
            Theme(
                province_code=province_code,
                seed_id=seed,
                words=" ".join(sorted(feats[seed])),
                label=_label(texts[seed]),
            )
            for seed in sorted(seeds)
            if seed not in themes
        ]
        Theme.objects.bulk_create(new, batch_size=500)
        themes = {t.seed_id: t for t in Theme.objects.filter(province_code=province_code)}
        changed = []
        for seed in seeds:
            words = " ".join(sorted(feats[seed]))
            if themes[seed].words != words:
                themes[seed].words = words
                changed.append(themes[seed])
        Theme.objects.bulk_update(changed, ["words"], batch_size=500)
        ThemeWord.objects.filter(province_code=province_code).delete()
        ThemeWord.objects.bulk_create(
            (
                ThemeWord(province_code=province_code, word=w[:64], theme_id=themes[seed].pk)
                for seed in sorted(seeds)
                for w in sorted(feats[seed])
            ),
            batch_size=BATCH,
        )
        roots = _roots({t.pk: t.merged_into_id for t in themes.values()})
        Membership.objects.filter(province_code=province_code, by_office=False).delete()
        rows = list(grouped.items())
        for start in range(0, len(rows), BATCH):  # a batch of objects at a time, not 100,000
            Membership.objects.bulk_create(
                Membership(
                    directive_id=pk,
                    theme_id=roots[themes[seed].pk],
                    province_code=province_code,
                    similarity=sim,
                )
                for pk, (seed, sim) in rows[start : start + BATCH]
            )
        # themes nothing refers to any more: not a seed, no member, no name, nothing merged in
        Theme.objects.filter(province_code=province_code, name="").exclude(
            seed_id__in=seeds
        ).exclude(members__isnull=False).exclude(merged__isnull=False).delete()
        _resize_province(province_code)
        refresh_stats(province_code=province_code)
        recurring = Theme.objects.filter(province_code=province_code, size__gte=2)
        return Rebuilt(
            directives=len(grouped),
            themes=recurring.count(),
            recurring=sum(recurring.values_list("size", flat=True)),
        )


def _roots(parent: dict[int, int | None]) -> dict[int, int]:
    roots: dict[int, int] = {}
    for pk in parent:
        seen = [pk]
        cur = pk
        while parent.get(cur) is not None and parent[cur] not in seen:
            cur = parent[cur]  # type: ignore[assignment]
            seen.append(cur)
        roots[pk] = cur
    return roots


def _resize_province(province_code: str) -> None:
    counts = dict(
        Membership.objects.filter(province_code=province_code, theme__isnull=False)
        .values("theme_id")
        .annotate(n=Count("directive_id"))
        .values_list("theme_id", "n")
    )
    themes = list(Theme.objects.filter(province_code=province_code).only("pk", "size"))
    for t in themes:
        t.size = counts.get(t.pk, 0)
    Theme.objects.bulk_update(themes, ["size"], batch_size=BATCH)


# ---------------------------------------------------------------- the office's corrections


def move_directive(*, directive: Directive, theme: Theme | None, actor: Any) -> Membership:
    """The office puts a directive in another theme (``theme``) or in none (``None``); a new
    computation keeps it there.

    Side effects: the directive's ``Membership`` (by the office, who, when), both themes' sizes.
    """
    with transaction.atomic():
        code = directive.session.province_code
        target = _root(theme) if theme is not None else None
        if target is not None and target.province_code != code:
            raise ThemeError(_("Chủ đề số %(n)s không thuộc tỉnh của chỉ đạo.") % {"n": target.pk})
        before = (
            Membership.objects.filter(directive=directive)
            .values_list("theme_id", flat=True)
            .first()
        )
        membership, _created = Membership.objects.update_or_create(
            directive=directive,
            defaults={
                "theme": target,
                "province_code": code,
                "similarity": 1.0,
                "by_office": True,
                "decided_by": actor if getattr(actor, "is_authenticated", False) else None,
                "decided_at": timezone.now(),
            },
        )
        resize(pk for pk in (before, target.pk if target else None) if pk is not None)
    return membership


def rename(*, theme: Theme, name: str, actor: Any) -> Theme:
    """The office names a theme (an empty name goes back to the computed one).

    Side effects: ``Theme.name``.
    """
    name = " ".join((name or "").split())
    if len(name) > 300:
        raise ThemeError(_("Tên chủ đề dài %(n)d ký tự; tối đa 300.") % {"n": len(name)})
    with transaction.atomic():
        Theme.objects.filter(pk=theme.pk).update(name=name)
        theme.name = name
    return theme


def merge(*, theme: Theme, into: Theme, actor: Any) -> Theme:
    """The office merges ``theme`` into ``into``: its directives (and themes merged into it)
    go there, and directives computed into it later too.

    Side effects: ``Theme.merged_into`` of ``theme`` and of the themes merged into it, their
    directives' ``Membership``, sizes. Returns the theme merged into.
    """
    with transaction.atomic():
        target = _root(into)
        if target.pk == theme.pk:
            raise ThemeError(_("Không thể gộp một chủ đề vào chính nó."))
        if target.province_code != theme.province_code:
            raise ThemeError(_("Chủ đề số %(n)s không thuộc cùng tỉnh.") % {"n": target.pk})
        if theme.merged_into_id is not None:
            raise ThemeError(_("Chủ đề này đã được gộp vào chủ đề khác."))
        Theme.objects.filter(merged_into=theme).update(merged_into=target)
        Theme.objects.filter(pk=theme.pk).update(merged_into=target, size=0)
        Membership.objects.filter(theme=theme).update(theme=target)
        theme.merged_into = target
        resize({target.pk, theme.pk})
    return target

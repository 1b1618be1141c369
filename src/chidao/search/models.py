"""The search index: one entry per document, session, directive and petition.

``key`` is the entry's text folded by ``search_key`` (lower case, one tone placement, no
diacritics), so "thieu hoa", "Thiệu Hoá" and "Thiệu Hóa" are the same words to both
engines: SQLite's FTS5 table ``search_fts`` (kept in step by triggers) and PostgreSQL's
full-text index on the column ``tsv``, ``to_tsvector('simple', key)`` generated and stored
by PostgreSQL (see the migrations; not a model field: no Python writes it).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    DOCUMENT = "document", _("Văn bản")
    SESSION = "session", _("Buổi làm việc")
    DIRECTIVE = "directive", _("Chỉ đạo")
    PETITION = "petition", _("Kiến nghị")


class SearchEntry(models.Model):
    kind = models.CharField(max_length=12, choices=EntryKind.choices)
    object_id = models.PositiveIntegerField()
    province_code = models.CharField(max_length=8)
    session_id = models.PositiveIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=300)
    key = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_entry_per_object")
        ]
        indexes = [models.Index(fields=["province_code", "kind"], name="search_entry_scope")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title[:60]}"

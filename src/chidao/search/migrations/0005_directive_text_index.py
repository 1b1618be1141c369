"""PostgreSQL: an index of the directives' parsed words alone (``to_tsvector('simple', key)``
where ``kind = 'directive'``), for the register's lists of the directives holding some words.

Through the index of every entry's words (0003), PostgreSQL intersected each list with the
entries of kind "directive" (102,000 at 300,000 tasks) before reading them: "thieu hoa",
10,357 directives, 15-17 ms; from this index, 12 ms ("thieu": 10-12 ms, 9 ms). SQLite has
the directives' own full-text table (0004).
"""

from django.db import migrations

from chidao.web.vendor_sql import vendor_sql

POSTGRES = [
    "CREATE INDEX IF NOT EXISTS search_directive_tsv ON search_searchentry "
    "USING gin (to_tsvector('simple', key)) WHERE kind = 'directive'",
    "ANALYZE search_searchentry",
]
POSTGRES_BACK = ["DROP INDEX IF EXISTS search_directive_tsv"]


class Migration(migrations.Migration):
    dependencies = [("search", "0004_directive_fts")]

    operations = [vendor_sql({"postgresql": POSTGRES}, {"postgresql": POSTGRES_BACK})]

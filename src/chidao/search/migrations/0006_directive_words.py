"""PostgreSQL: the directives' words in a narrow table of their own, ``search_directive_words``
(the directive's id and its words, ``tsv`` of its entry), with its full-text index; it replaces
the index of the directives' words on the entries (0005).

The register's free text asks for the ids of the directives holding some words. Through the
entries' index, every match's entry was read for its ``object_id``: rows of 840 bytes, nine
a page ("thieu hoa" at 300,000 tasks: 10,357 directives on 6,319 pages, "thieu" 11,045 on
6,585). Here a row is the id and the words (450 bytes), and a probe of one directive's words
(``directive_holds``) reads it by its primary key. Statement triggers on
``search_searchentry`` keep it exact through every write (one statement a batch of
``bulk_create``: a ``chidao reindex`` writes 2,000 entries a statement); a ``TRUNCATE`` of
the entries empties it. The table is built here from the entries already indexed. SQLite
has the same for its engine (0004).
"""

from django.db import migrations

from chidao.web.vendor_sql import vendor_sql

SYNC = """
CREATE FUNCTION search_directive_words_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE search_directive_words;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM search_directive_words w USING removed r
        WHERE r.kind = 'directive' AND w.directive_id = r.object_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO search_directive_words (directive_id, words)
        SELECT a.object_id, a.tsv FROM added a WHERE a.kind = 'directive'
        ON CONFLICT (directive_id) DO UPDATE SET words = EXCLUDED.words;
    END IF;
    RETURN NULL;
END
$$
"""

POSTGRES = [
    "CREATE TABLE search_directive_words ("
    "directive_id integer PRIMARY KEY, words tsvector NOT NULL)",
    SYNC,
    "CREATE TRIGGER search_directive_words_ai AFTER INSERT ON search_searchentry "
    "REFERENCING NEW TABLE AS added "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_directive_words_sync()",
    "CREATE TRIGGER search_directive_words_au AFTER UPDATE ON search_searchentry "
    "REFERENCING OLD TABLE AS removed NEW TABLE AS added "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_directive_words_sync()",
    "CREATE TRIGGER search_directive_words_ad AFTER DELETE ON search_searchentry "
    "REFERENCING OLD TABLE AS removed "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_directive_words_sync()",
    "CREATE TRIGGER search_directive_words_at AFTER TRUNCATE ON search_searchentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_directive_words_sync()",
    "INSERT INTO search_directive_words (directive_id, words) "
    "SELECT object_id, tsv FROM search_searchentry WHERE kind = 'directive' ORDER BY object_id",
    "CREATE INDEX search_directive_words_gin ON search_directive_words USING gin (words)",
    "DROP INDEX IF EXISTS search_directive_tsv",
    "ANALYZE search_directive_words",
]
POSTGRES_BACK = [
    "CREATE INDEX IF NOT EXISTS search_directive_tsv ON search_searchentry "
    "USING gin (to_tsvector('simple', key)) WHERE kind = 'directive'",
    "DROP TRIGGER IF EXISTS search_directive_words_at ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_directive_words_ad ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_directive_words_au ON search_searchentry",
    "DROP TRIGGER IF EXISTS search_directive_words_ai ON search_searchentry",
    "DROP FUNCTION IF EXISTS search_directive_words_sync()",
    "DROP TABLE IF EXISTS search_directive_words",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_directive_text_index")]

    operations = [vendor_sql({"postgresql": POSTGRES}, {"postgresql": POSTGRES_BACK})]

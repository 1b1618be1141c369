from django.db import migrations, models

from chidao.web.vendor_sql import vendor_sql

SQLITE = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(key, content='search_searchentry', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON search_searchentry BEGIN "
    "INSERT INTO search_fts(rowid, key) VALUES (new.id, new.key); END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, key) VALUES ('delete', old.id, old.key); END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE ON search_searchentry BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, key) VALUES ('delete', old.id, old.key); "
    "INSERT INTO search_fts(rowid, key) VALUES (new.id, new.key); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_fts_au",
    "DROP TRIGGER IF EXISTS search_fts_ad",
    "DROP TRIGGER IF EXISTS search_fts_ai",
    "DROP TABLE IF EXISTS search_fts",
]
POSTGRES = [
    "CREATE INDEX search_entry_tsv ON search_searchentry USING gin (to_tsvector('simple', key))"
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS search_entry_tsv"]


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("document", "Văn bản"),
                            ("session", "Buổi làm việc"),
                            ("directive", "Chỉ đạo"),
                            ("petition", "Kiến nghị"),
                        ],
                        max_length=12,
                    ),
                ),
                ("object_id", models.PositiveIntegerField()),
                ("province_code", models.CharField(max_length=8)),
                ("session_id", models.PositiveIntegerField(blank=True, null=True)),
                ("date", models.DateField(blank=True, null=True)),
                ("title", models.CharField(max_length=300)),
                ("key", models.TextField()),
            ],
            options={
                "indexes": [
                    models.Index(fields=["province_code", "kind"], name="search_entry_scope")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="one_entry_per_object"
                    )
                ],
            },
        ),
        vendor_sql(
            {"sqlite": SQLITE, "postgresql": POSTGRES},
            {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP},
        ),
    ]

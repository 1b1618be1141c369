"""Every message a user sees is Vietnamese first, English when English is chosen.

The English catalogue (``locale/en/LC_MESSAGES/django.po``) must hold a checked translation
for every string the source marks for translation, and the compiled ``django.mo`` must
serve it: a new ``_("...")`` without an English entry falls back to Vietnamese, and a
``#, fuzzy`` entry (msgmerge's guess) is ignored by gettext or, worse, wrong.
"""

from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.utils import translation

import chidao

PACKAGE = Path(chidao.__file__).parent
CATALOGUE = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "django.po"


@dataclass(frozen=True)
class Entry:
    """One message of a .po file (header excluded)."""

    context: str | None
    msgid: str
    plural: str | None
    msgstrs: tuple[str, ...]
    fuzzy: bool


def read_po(path: Path) -> list[Entry]:
    """The entries of a gettext .po file, obsolete (``#~``) entries and the header left out."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current: str | None = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line[2:].replace(" ", "").split(","):
                fuzzy = True
            elif line.startswith('"') and current is not None:
                fields[current] += ast.literal_eval(line)
            elif line and not line.startswith("#"):
                keyword, _, quoted = line.partition(" ")
                current = keyword
                fields[current] = ast.literal_eval(quoted)
        if fields.get("msgid"):
            strs = tuple(v for k, v in sorted(fields.items()) if k.startswith("msgstr"))
            entries.append(
                Entry(
                    fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"), strs, fuzzy
                )
            )
    return entries


def untranslated(entries: list[Entry]) -> list[str]:
    return [e.msgid for e in entries if e.fuzzy or not all(e.msgstrs)]


def test_the_english_catalogue_has_no_empty_or_fuzzy_entry():
    entries = read_po(CATALOGUE)
    assert len(entries) > 500
    assert untranslated(entries) == []


def test_the_english_catalogue_has_an_entry_for_every_string_in_the_source(
    tmp_path, settings, monkeypatch
):
    """Regenerate the catalogue from a copy of the source (as ``makemessages`` would) and
    check that nothing new is left empty or guessed."""
    copy = tmp_path / "chidao"
    shutil.copytree(
        PACKAGE,
        copy,
        ignore=lambda _dir, names: [
            n for n in names if n == "__pycache__" or n.endswith((".mo", ".pyc"))
        ],
    )
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    regenerated = read_po(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    missing = untranslated(regenerated)
    assert missing == [], "run makemessages -l en in src/chidao and translate these"
    assert {(e.context, e.msgid) for e in regenerated} == {
        (e.context, e.msgid) for e in read_po(CATALOGUE)
    }


def test_the_compiled_catalogue_serves_every_english_entry():
    """``django.mo`` is current: what gettext returns in English is the .po's translation."""
    wrong = []
    with translation.override("en"):
        for e in read_po(CATALOGUE):
            if e.plural is not None:
                got = tuple(
                    translation.npgettext(e.context, e.msgid, e.plural, n)
                    if e.context
                    else translation.ngettext(e.msgid, e.plural, n)
                    for n in (1, 2)
                )
            else:
                got = (
                    translation.pgettext(e.context, e.msgid)
                    if e.context
                    else translation.gettext(e.msgid),
                )
            if got != e.msgstrs:
                wrong.append((e.msgid, got, e.msgstrs))
    assert wrong == [], "run compilemessages -l en in src/chidao"

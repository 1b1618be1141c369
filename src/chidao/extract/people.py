"""Stage: people, their titles, the chairs of the session and every mention of them.

A name is 2-4 capitalised syllables starting with a family name of
``data/family_names.tsv`` (3-4 syllables unless "đồng chí"/"ông"/"bà" stands
before it).  A capitalised run that is not a name of a person in this sense
("tư tưởng Hồ Chí Minh", "phường Lê Hồng Phong") is dropped: a name counts only
next to a title, after "đồng chí"/"ông"/"bà", or before the colon of a quoted
opinion.  Titles come from ``data/titles.tsv``: a title starts with a head
("Phó Bí thư Thường trực", "Chủ tịch", a rank "Đại tá") and runs over
capitalised words, acronyms, "(HĐND)" and the lexicon's lower-case words.

The patterns of the genre:

- after the name, separated by commas: "đồng chí Lê Văn An, Ủy viên Ban Thường vụ
  Tỉnh ủy, Phó Chủ tịch UBND tỉnh"; or a dash: "Đại tá Hồ Văn Ba - Chính ủy ...";
- several people in a row, separated by semicolons; a title before the colon of
  such a list ("các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: A, ...; B, ...") is
  shared by all; later names of a list need no title ("các đồng chí A, B và C");
- before the name: "Phó Bí thư Thường trực Tỉnh ủy Lò Văn Cường", "Bí thư Huyện ủy
  Mộc Châu Hà Văn Dũng:" (the name is the last 3-4 syllables of the capitalised run),
  possibly after other titles ("Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh X");
- title-only references ("đồng chí Bí thư Tỉnh ủy đề nghị") resolved to the one
  person of the document holding that title;
- a title whose unit is left unnamed: "Chủ tịch UBND phường Hồ Văn Thắng:" is a person
  unless the same words are written elsewhere as a unit ("làm việc với phường Lê Hồng
  Phong");
- names of the Central Highlands peoples (families marked ``short``): two syllables
  ("Siu Đoan", "Nay Blum") or one glued syllable ("K'Điệp") next to a title or an
  honorific, and up to five syllables ("Y Thanh Hà Niê Kđăm").

A title ends before a pair of lower-case words of the lexicon's "stop" kind (verbs
written right after a title: "... UBND tỉnh kiểm tra ...").  A person's titles are
those of the mention that gives the most of them (ties: the most frequent, then the
first).  ``doc.references`` has the whole of each named reference (titles and name).

Mentions (``doc.mentions``, sorted by offset): kind "name" for every name,
"title" for a title-only reference, "caption" for a paragraph that is only a
person (a photo caption: "Chủ tịch UBND tỉnh Phan Văn Em", "Đồng chí ..., ... phát
biểu tại buổi làm việc."), "colon" for "Title Name: opinion" leads (the span runs
from the start of the paragraph to the colon, colon excluded).

Chairs: the lede's leader ("đồng chí X, ..., đã có buổi làm việc với ...", "QNO - Chiều
2.10, Phó Chủ tịch UBND tỉnh X đã đi kiểm tra ...": see ``segment.DATELINE``), "X
chủ trì", "dưới sự chủ trì của X", "Chủ trì hội nghị có các đồng chí: ...", and the
leader who gives "phát biểu kết luận" / "Kết luận buổi làm việc, X ..." / "X kết luận
như sau:"; failing
all these, the leader who "phát biểu chỉ đạo"; failing that, the person the lede
opens with.  Lower-side officials (district, commune) never chair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from . import lexicon
from .chairs import find_chairs
from .names import family_names
from .references import Occurrence, Scanner, people_words
from .spans import Document, Mention, Person, Span, fold
from .titles import canonical_title

_CAPTION_MAX_WORDS = 30
# what follows the person in a photo caption: nothing, or a verb of the picture
_CAPTION_REST = re.compile(
    lexicon.fill(
        r"\s*[.,]?\s*(?:$|(?:(?:«picture_lead»)\s+)?(?:«picture_verb»)(?!\w))", people_words()
    )
)
# a caption's lead before the name: nothing or an honorific ("Đồng chí Lê Văn An phát biểu.")
_CAPTION_LEAD = re.compile(lexicon.fill(r"(?:«honorific»)?\s*", people_words()))
# words of a speech, not of a picture ("Ông X đề nghị ...")
_CAPTION_ASKS = re.compile(lexicon.fill(r"«caption_ask»", people_words()))


def _best_titles(occs: list[Occurrence]) -> list[Span]:
    """The titles of the richest occurrence; ties go to the most frequent, then the first."""
    if len(occs) == 1:
        return list(occs[0].titles)
    keys = [tuple(canonical_title(t.text) for t in o.titles) for o in occs]
    counts = Counter(keys)
    best = max(
        range(len(occs)),
        key=lambda i: (len(occs[i].titles), counts[keys[i]], -i),
    )
    return list(occs[best].titles)


class _TitleHolders:
    """Who holds which canonical title, indexed by the title and by its leading words, so
    that resolving a title is a few look-ups however many people the text names."""

    def __init__(self, held: list[tuple[int, str]]) -> None:
        self.exact: dict[str, set[int]] = {}  # title -> persons
        self.longer: dict[str, set[int]] = {}  # leading words of a longer title -> persons
        for i, c in held:
            self.exact.setdefault(c, set()).add(i)
            words = c.split(" ")
            for k in range(1, len(words)):
                self.longer.setdefault(" ".join(words[:k]), set()).add(i)

    def resolve(self, canon: str) -> int:
        """Index of the one person holding ``canon`` (exactly, else as a prefix: a longer
        title that starts with it, or a shorter one it starts with), or -1."""
        hits = self.exact.get(canon, set())
        if not hits:
            words = canon.split(" ")
            hits = set(self.longer.get(canon, ()))
            for k in range(1, len(words)):
                hits |= self.exact.get(" ".join(words[:k]), set())
        if len(hits) == 1:
            return next(iter(hits))
        return -1


def _signer(doc: Document) -> Span | None:
    """The name that signs a notice: a line of two to four capitalised words opening with a
    family name, right under the signature's capitals ("PHÓ CHÁNH VĂN PHÒNG") among the last
    lines."""
    paragraphs = doc.paragraphs
    families = family_names()
    for i in range(len(paragraphs) - 1, max(0, len(paragraphs) - 4), -1):
        words = paragraphs[i].text.split()
        above = paragraphs[i - 1].text
        if (
            2 <= len(words) <= 4
            and words[0] in families
            and all(w[0].isupper() and not w.isupper() for w in words)
            and above.isupper()
        ):
            return doc.span(paragraphs[i].start, paragraphs[i].end, "name", "signer")
    return None


def find_people(doc: Document) -> None:
    """Fill ``doc.people`` (with titles and chairs) and ``doc.mentions``."""
    sc = Scanner(doc)
    occs = sc.occurrences()
    signer = _signer(doc)
    if signer is not None and all(o.name.start != signer.start for o in occs):
        occs = [*occs, Occurrence(name=signer, start=signer.start, end=signer.end)]
    index: dict[str, int] = {}
    by_person: list[list[Occurrence]] = []
    for o in occs:
        key = fold(o.name.text)
        if key not in index:
            index[key] = len(by_person)
            by_person.append([])
        o.person = index[key]
        by_person[o.person].append(o)
    doc.people = [Person(name=group[0].name, titles=_best_titles(group)) for group in by_person]
    mentions = [Mention(o.name, o.person, "name") for o in occs]
    doc.references = [doc.span(o.start, o.end, f"person:{o.person}", "reference") for o in occs]
    taken = [(o.start, o.end) for o in occs]
    holders = _TitleHolders(
        [(i, canonical_title(t.text)) for i, p in enumerate(doc.people) for t in p.titles]
    )
    for span, canon in sc.title_mentions(taken):
        i = holders.resolve(canon)
        if i >= 0:
            mentions.append(Mention(span, i, "title"))
    # captions and colon leads
    n_sentences: Counter[int] = Counter()  # sentences per paragraph (both lists are in text order)
    pi = 0
    for s in doc.sentences:
        while pi < len(doc.paragraphs) and doc.paragraphs[pi].end <= s.start:
            pi += 1
        n_sentences[pi] += 1
    occ_starts = [o.start for o in occs]  # occurrences come in text order
    for pi, p in enumerate(doc.paragraphs):
        lo = bisect_left(occ_starts, p.start)
        hi = bisect_left(occ_starts, p.end, lo)
        if lo == hi:
            continue
        starts = occs[lo:hi]
        o = starts[0]
        lead = doc.folded[p.start : o.start]
        if not _CAPTION_LEAD.fullmatch(lead):
            continue
        rest = doc.text[o.end : p.end]
        if rest.startswith(":"):
            mentions.append(
                Mention(doc.span(p.start, o.end, "colon", "colon-lead"), o.person, "colon")
            )
        elif (
            len(starts) == 1
            and _CAPTION_REST.match(doc.folded, o.end, p.end)
            and not _CAPTION_ASKS.search(doc.folded, o.end, p.end)
            and ":" not in rest
            and len(doc.text[p.start : p.end].split()) <= _CAPTION_MAX_WORDS
            and n_sentences[pi] <= 1
        ):
            mentions.append(
                Mention(doc.span(p.start, p.end, "caption", "caption"), o.person, "caption")
            )
    mentions.sort(key=lambda m: (m.span.start, m.kind))
    doc.mentions = mentions
    find_chairs(doc, occs)

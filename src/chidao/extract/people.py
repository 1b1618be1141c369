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
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .segment import DATELINE as _DATELINE
from .segment import LOWER, UPPER
from .spans import Document, Mention, Person, Span, fold

_NEWLINE = re.compile("\n")

TITLES = "titles.tsv"
FAMILIES = "family_names.tsv"
FAMILY_KINDS = ("family", "short")


@dataclass(frozen=True)
class TitleLexicon:
    """The reviewed entries of ``titles.tsv`` (all folded)."""

    heads: tuple[str, ...]
    ranks: tuple[str, ...]
    words: frozenset[str]
    local: tuple[str, ...]
    stops: frozenset[str]
    cities: frozenset[str] = frozenset()


TITLE_KINDS = ("head", "rank", "word", "local", "stop", "city")


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    """Load ``data/titles.tsv``; a malformed line raises an error naming the file and line."""
    rows = lexicon.load(TITLES, TITLE_KINDS)
    return TitleLexicon(
        heads=lexicon.texts(rows, "head"),
        ranks=lexicon.texts(rows, "rank"),
        words=frozenset(lexicon.texts(rows, "word")),
        local=lexicon.texts(rows, "local"),
        stops=frozenset(lexicon.texts(rows, "stop")),
        cities=frozenset(lexicon.texts(rows, "city")),
    )


@lru_cache(maxsize=1)
def family_names() -> frozenset[str]:
    """The family names of ``data/family_names.tsv``, as written (capitalised)."""
    return frozenset(lexicon.texts(lexicon.load(FAMILIES, FAMILY_KINDS), folded=False))


@lru_cache(maxsize=1)
def short_families() -> frozenset[str]:
    """The families of kind ``short`` in ``data/family_names.tsv``: names of the Central
    Highlands peoples, often written with two syllables ("Siu Đoan") or glued ("K'Điệp")."""
    rows = lexicon.load(FAMILIES, FAMILY_KINDS)
    return frozenset(lexicon.texts(rows, "short", folded=False))


def _family_of(token: str, families: frozenset[str]) -> str | None:
    """The family a name syllable is or starts with ("Ksor"; "K'" for "K'Điệp"), else None."""
    if token in families:
        return token
    if len(token) > 2 and token[1] in "'’":
        prefix = token[0] + "'"
        return prefix if prefix in families else None
    return None


def trie_pattern(entries: tuple[str, ...] | list[str], word_start: bool = False) -> str:
    """A regex alternation of ``entries`` built as a trie of their words, so that the
    engine tries one branch per first word; longer entries win ("phó bí thư thường
    trực" before "phó bí thư").

    With ``word_start`` the pattern matches only at the start of a word, checked after
    the first letter (``b(?<!\\w.)í thư``): unlike a leading ``(?<!\\w)``, this lets the
    engine skip ahead to the possible first letters when it searches a long text."""
    trie: dict[str, dict] = {}
    for e in set(entries):
        node = trie
        for w in e.split(" "):
            node = node.setdefault(w, {})
        node[""] = {}

    def build(node: dict[str, dict], top: bool = False) -> str:
        branches = []
        for w in sorted((k for k in node if k), key=len, reverse=True):
            rest = build(node[w])
            word = re.escape(w)
            if top and word_start:
                word = re.escape(w[0]) + r"(?<!\w.)" + re.escape(w[1:])
            branches.append(
                word + (f"(?: {rest})?" if "" in node[w] and rest else f" {rest}" if rest else "")
            )
        if not branches:
            return ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie, top=True)


def _alternation(entries: tuple[str, ...]) -> str:
    return trie_pattern(entries)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = title_lexicon()
    head = re.compile(rf"(?:{trie_pattern(lex.heads + lex.ranks, word_start=True)})(?!\w)")
    rank = re.compile(rf"(?:{_alternation(lex.ranks)})$")
    local = re.compile(rf"(?<!\w)(?:{_alternation(lex.local)})(?!\w)")
    return head, rank, local


# a capitalised syllable, and runs of them separated by single spaces
_CAP = rf"[{UPPER}][{LOWER}]*"
# a syllable of a name may be glued to its family by an apostrophe: "K'Điệp", "H'Yim"
_NAME_CAP = rf"[{UPPER}](?:['’][{UPPER}])?[{LOWER}]*"
# a run of them, found fast: the word start is checked after the first capital; a run of
# one syllable matters only when glued ("K'Điệp")
_RUN = re.compile(rf"[{UPPER}](?<![\w'’].)(?:['’][{UPPER}])?[{LOWER}]*(?: {_NAME_CAP})*(?![\w'’])")
_TOKEN = re.compile(r"\(\w+\)|\w+|[^\w\s]")
_HONORIFIC = re.compile(r"(?:(?<!\w)(?:các\s+)?(?:đồng\s+chí|ông|bà)\s*:?\s*)$")
_PLACE_BEFORE = re.compile(
    r"(?<!\w)(?<!môi )(?<!nông )(?:xã|phường|thị trấn|quận|huyện|đường|phố|thôn|bản|làng|khu|cầu|trường)\s$"
)
# a place named after a person: "Khu di tích Đại tướng ...", "Đền thờ Tổng Bí thư ..."
_MEMORIAL = re.compile(
    r"(?<!\w)(?:di tích|đền thờ|đền|tượng đài|tượng|lưu niệm|nhà lưu niệm|mộ|lăng|bảo tàng|"
    r"quê hương|mang tên|tên|trường|đường|phố)\s+$"
)
_CITY_UNIT = re.compile(
    rf"(?<!\w)(?:[Tt]hành ủy|[Tt]hành uỷ|[Tt]hành phố|TP\.?)\s+(?P<name>[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)"
)
_LEVELS = ("xã", "phường", "thị trấn", "thị xã", "quận", "huyện", "đặc khu")
_LEVEL_END = re.compile(rf"(?<!\w)(?:{'|'.join(_LEVELS)})$")
# each level word, a space and the word after it (anywhere, as str.find would find them)
_LEVEL_WORDS = [(w, re.compile(re.escape(w) + r" (?=(?P<word>[^ ]+) )")) for w in _LEVELS]
_LEDE_VERB = re.compile(
    r"(?<!\w)(?:có buổi làm việc|làm việc|kiểm tra|thăm|khảo sát|chủ trì|dẫn đầu|đối thoại|tiếp xúc|"
    r"về dự|dự và chỉ đạo|phát biểu chỉ đạo|tiếp và làm việc|đến thăm|chúc tết|giám sát|thị sát)(?!\w)"
)
_GROUP_LEAD = re.compile(r"(?<!\w)các đồng chí\s+")
_COMMA_BEFORE = re.compile(r",\s*$")
_HONORIFIC_ONLY = re.compile(r"\s*(?:(?:các\s+)?(?:đồng chí|ông|bà)\s*)?")
_HONORIFIC_WORDS = frozenset({"Ông", "Bà", "Anh", "Chị", "Cô", "Thầy", "Bác", "Cụ", "Em", "Cháu"})
_LIST_GAP = re.compile(r"\s*(?:,|;|và|cùng)\s*(?:(?:đồng chí|ông|bà)\s+)?")
_CAPTION_MAX_WORDS = 30
# what follows the person in a photo caption: nothing, or a verb of the picture
_CAPTION_REST = re.compile(
    r"\s*[.,]?\s*(?:$|(?:đã\s+|cùng\s+|và\s+)?(?:phát biểu|báo cáo|trình bày|kiểm tra|thăm|trao|tặng|làm việc|"
    r"chủ trì|kết luận|dự|tham dự|trao đổi|chúc mừng|thị sát|khảo sát|giới thiệu|chỉ đạo|nghe|"
    r"tham quan|động viên|dâng hương|cắt băng|bấm nút|phát động|chụp ảnh|tiếp|gặp gỡ|đối thoại)(?!\w))"
)


@dataclass
class Occurrence:
    """One place where a named person is written, with the titles written there."""

    name: Span
    start: int  # where the reference starts (a title before the name, or the name)
    end: int  # where it ends (after the last title written after the name)
    titles: list[Span] = field(default_factory=list)
    person: int = -1


_CANON = (
    (re.compile(r"\s*\([^)]*\)"), ""),
    (re.compile(r"ủy ban nhân dân"), "ubnd"),
    (re.compile(r"hội đồng nhân dân"), "hđnd"),
    (re.compile(r"ủy ban mặt trận tổ quốc(?: việt nam)?"), "ủy ban mttq"),
    (re.compile(r"mặt trận tổ quốc(?: việt nam)?"), "mttq"),
    (re.compile(r"\s+"), " "),
)


@lru_cache(maxsize=4096)
def canonical_title(title: str) -> str:
    """A title reduced for comparison: folded, acronyms for the long body names."""
    t = fold(title)
    for rx, repl in _CANON:
        t = rx.sub(repl, t)
    return t.strip()


# the titles of those who give directions (not of department heads answering petitions)
_LEADING = re.compile(
    r"(?:phó )?(?:bí thư|chủ tịch|trưởng ban|trưởng đoàn|thủ tướng|bộ trưởng|thứ trưởng|tổng bí thư)"
)


def is_local_title(title: str) -> bool:
    """Whether a title is one of the lower side (district, commune, village, or a city of
    a province: "Bí thư Thành ủy Vinh", not "Bí thư Thành ủy Đà Nẵng", a centrally-run city)."""
    if _patterns()[2].search(fold(title)) is not None:
        return True
    m = _CITY_UNIT.search(title)
    return m is not None and fold(m.group("name")) not in title_lexicon().cities


def is_local(person: Person) -> bool:
    """Whether a person speaks for the lower side: every title of theirs is local."""
    return bool(person.titles) and all(is_local_title(t.text) for t in person.titles)


def is_leader(person: Person) -> bool:
    """A leader who can give directives: a chair, or a non-local holder of a leading title."""
    if person.is_chair:
        return True
    if not person.titles or is_local(person):
        return False
    return any(_LEADING.match(fold(t.text)) and not is_local_title(t.text) for t in person.titles)


# up to the last punctuation that ends the words a title could run over (greedy: one scan)
_LAST_STOP = re.compile(r".*[,;:.!?(“\"]", re.S)


def _after_last_stop(text: str, start: int, end: int) -> int:
    """The offset after the last of ``,;:.!?(“"`` in ``text[start:end]`` (``start`` if none)."""
    m = _LAST_STOP.match(text, start, end)
    return m.end() if m else start


class _Scanner:
    """Finds titles and names in one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = doc.folded
        self.lex = title_lexicon()
        self.head_re, self.rank_re, _ = _patterns()
        self.families = family_names()
        self.short = short_families()
        self.heads_at: dict[int, int] = {}  # head start -> head end
        self._title_ends: dict[tuple[int, int], int] = {}  # (head start, limit) -> title end
        self._unit_named: dict[str, bool] = {}  # "phường lê hồng phong" -> written as a unit
        # (level word, the word after it) -> offsets of the level word, built when asked
        self._after_level: dict[tuple[str, str], list[int]] | None = None
        # the offsets of the line breaks, to find a line's bounds without a scan
        self.breaks = [m.start() for m in _NEWLINE.finditer(self.text)]
        for m in self.head_re.finditer(self.folded):
            self.heads_at[m.start()] = m.end()
        self.head_starts = sorted(self.heads_at)
        self.names: dict[int, Span] = {}  # name start -> name span
        for m in _RUN.finditer(self.text):
            if " " not in m.group() and "'" not in m.group() and "’" not in m.group():
                continue
            for s in self._names_in_run(m):
                self.names[s.start] = s
        self.name_starts = sorted(self.names)
        self.name_ends = {s.end for s in self.names.values()}
        # names of 3-4 syllables (two-syllable runs are mostly places: "Hà Tĩnh")
        self.full_starts = [k for k in self.name_starts if len(self.names[k].text.split()) > 2]

    def _between(self, starts: list[int], lo: int, hi: int) -> list[int]:
        """The offsets of ``starts`` (sorted) inside ``[lo, hi)``."""
        return starts[bisect_left(starts, lo) : bisect_left(starts, hi)]

    # -- names -------------------------------------------------------------
    def _names_in_run(self, m: re.Match[str]) -> list[Span]:
        run = m.group()
        if "'" not in run and "’" not in run and self.families.isdisjoint(run.split(" ")):
            return []  # no family name in the run: "Sở Tài chính", "Quốc hội"
        words = []
        a = m.start()
        for w in m.group().split(" "):  # the run's syllables are separated by single spaces
            words.append((a, a + len(w)))
            a += len(w) + 1
        # an honorific is not part of the name ("Ông Lý Văn Páo", "Bà Hà Thị Mơ")
        while words and self.text[words[0][0] : words[0][1]] in _HONORIFIC_WORDS:
            words = words[1:]
        # a title head inside the run ends the name before it ("Lê Văn An Phó Bí thư ...")
        for i, (a, _) in enumerate(words):
            if i and a in self.heads_at:
                words = words[:i]
                break
        n = len(words)
        found = [_family_of(self.text[a:b], self.families) for a, b in words]
        fam = [f is not None for f in found]
        if n == 1 and found[0] in self.short:
            k = 0  # "K'Điệp": accepted later next to a title or an honorific
        elif n < 2:
            return []
        elif n == 4 and fam[0]:
            k = 0
        elif n >= 3 and fam[n - 3]:
            k = n - 3
        elif n >= 4 and fam[n - 4]:
            k = n - 4
        elif n == 2 and fam[0]:
            k = 0  # two syllables: accepted later only next to an honorific or a title
        elif n >= 3 and found[n - 2] in self.short:
            k = n - 2  # "Bí thư Huyện ủy Chư Sê Siu Đoan": the last two
        elif found[n - 1] in self.short and found[n - 1].endswith("'"):
            k = n - 1  # "Chủ tịch UBND xã Lát K'Điệp": the last, glued
        else:
            return []
        # "Y Thanh Hà Niê Kđăm": a Highlands name of up to five syllables, its family last,
        # opened by "Y" / "H'" / "Ksor" ... that the rules above would cut after
        for i in range(max(0, n - 5), k):
            if found[i] in self.short and not found[i].endswith("'") and n - i >= 3:
                k = i
                break
        a, b = words[k][0], words[-1][1]
        return [Span(a, b, "person", self.text[a:b], "name")]

    # -- titles ------------------------------------------------------------
    def title_end(self, start: int, limit: int) -> int:
        """End of the title that starts at ``start`` (a head), not beyond ``limit``."""
        head_end = self.heads_at.get(start)
        if head_end is None:
            return start
        key = (start, limit)
        end = self._title_ends.get(key)
        if end is None:
            end = self._title_ends[key] = self.extent(head_end, limit)
        return end

    def extent(self, pos: int, limit: int) -> int:
        """How far the words of a title run from ``pos``: capitalised words, acronyms,
        "(HĐND)", the lexicon's lower-case words, " - " inside a body name; at most
        ``_TITLE_MAX`` characters (a longer run is not a title: this keeps the scan linear)."""
        end = pos
        limit = min(limit, pos + _TITLE_MAX)
        text, folded = self.text, self.folded
        nxt: re.Match[str] | None = None
        have_next = False  # whether ``nxt`` is already the token after ``pos``
        while pos < limit:
            if text[pos] != " ":
                break
            m = nxt if have_next else _TOKEN.match(text, pos + 1)
            if not m or m.end() > limit:
                break
            tok = m.group()
            ftok = folded[m.start() : m.end()]
            nxt = _TOKEN.match(text, m.end() + 1) if m.end() + 1 < limit else None
            have_next = nxt is not None and text[m.end()] == " "
            fnxt = folded[nxt.start() : nxt.end()] if nxt else ""
            if tok.startswith("("):
                if not any(c.isupper() for c in tok):
                    break
            elif tok in "-–":
                # "Sở Lao động - Thương binh và Xã hội", but not "... tỉnh - Trưởng ban ..."
                if not nxt or not nxt.group()[0].isupper() or nxt.start() in self.heads_at:
                    break
            elif tok[0].isupper() or tok.isdigit():
                pass
            elif nxt and f"{ftok} {fnxt}" in self.lex.stops:
                break  # "... UBND tỉnh kiểm tra ...": a verb after the title
            elif ftok in self.lex.words:
                if ftok == "dự" and fnxt not in ("khuyết", "án"):
                    break
                if ftok == "và" and not (
                    nxt and (nxt.group()[0].isupper() or fnxt in ("doanh", "các"))
                ):
                    break
            else:
                break
            pos = m.end()
            if ftok not in ("và", "các", "của", "số", "cơ", "dự", "-", "–"):
                end = pos
        return end

    def line_bounds(self, pos: int) -> tuple[int, int]:
        """The start and end of the line that holds ``pos``."""
        i = bisect_left(self.breaks, pos)
        a = self.breaks[i - 1] + 1 if i else 0
        b = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return a, b

    def title_before(self, name: Span) -> tuple[int, Span | None]:
        """The title written right before ``name`` ("Chủ tịch UBND tỉnh Phan Văn Em")."""
        a, _ = self.line_bounds(name.start)
        window_start = max(a, name.start - 160)
        seg_start = _after_last_stop(self.text, window_start, name.start)
        for h in self._between(self.head_starts, seg_start, name.start):
            if self._between(self.full_starts, h + 1, name.start):
                continue  # "Chủ tịch UBND tỉnh Lê Văn An và Phó Chủ tịch ...": another's title
            if self.title_end(h, name.start) >= name.start - 1:
                title = self.doc.span(h, name.start, "title", "title-before")
                return h, title
        return name.start, None

    def _segment_start(self, line_start: int, end: int) -> int:
        return _after_last_stop(self.text, max(line_start, end - 160), end)

    def group_title(self, start: int) -> Span | None:
        """The title shared by a list: "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Lê Văn An,
        Phó Chủ tịch UBND tỉnh; Hồ Thị Bình, ..." gives both "Ủy viên Ban Thường vụ Tỉnh ủy"."""
        line_start, _ = self.line_bounds(start)
        window = self.folded[max(line_start, start - 400) : start]
        leads = list(_GROUP_LEAD.finditer(window))
        if not leads:
            return None
        m = leads[-1]
        h = max(line_start, start - 400) + m.end()
        colon = self.folded.find(":", h, start)
        if colon < 0 or h not in self.heads_at or self.title_end(h, colon) < colon:
            return None
        between = self.folded[colon:start]
        if "." in between or any(c in between for c in "()"):
            return None
        return self.doc.span(h, colon, "title", "title-group")

    def earlier_titles(self, h: int) -> tuple[int, list[Span]]:
        """Titles before a title before a name: "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch
        UBND tỉnh Lê Văn An" (not when they follow another person's name)."""
        line_start, _ = self.line_bounds(h)
        titles: list[Span] = []
        start = h
        for _ in range(3):
            m = _COMMA_BEFORE.search(self.text, max(line_start, start - 3), start)
            if not m:
                break
            comma = m.start()
            seg_start = self._segment_start(line_start, comma)
            heads = self._between(self.head_starts, seg_start, comma)
            if not heads or self.title_end(heads[0], comma) < comma:
                break
            if self._between(self.full_starts, heads[0], comma):
                break  # "Bí thư Tỉnh ủy Lê Văn An, Chủ tịch UBND tỉnh ...": another person
            if not _HONORIFIC_ONLY.fullmatch(self.folded[seg_start : heads[0]]):
                break
            titles.insert(0, self.doc.span(heads[0], comma, "title", "title-before"))
            start = heads[0]
        if titles:
            # another person's name right before: "Lê Văn An, Giám đốc Sở ..., Phó ..."
            before = self.text[max(line_start, start - 3) : start]
            if before.rstrip().endswith(","):
                prev_end = start - len(before) + before.rstrip().rfind(",")
                prev_start = self._segment_start(line_start, prev_end)
                if any(
                    self.names[k].end == prev_end
                    for k in self._between(self.full_starts, prev_start, prev_end)
                ):
                    return h, []
        return start, titles

    def titles_after(self, name: Span) -> tuple[int, list[Span]]:
        """The titles written after ``name``: ", T1, T2" or " - T1"."""
        _, line_end = self.line_bounds(name.end)
        titles: list[Span] = []
        pos = name.end
        while True:
            m = _AFTER_SEP.match(self.text, pos)
            if not m or m.end() not in self.heads_at:
                break
            start = m.end()
            end = self.title_end(start, line_end)
            # a name at the end of this title belongs to the next person
            inner = self._between(self.full_starts, start + 1, end)
            if inner:
                break
            titles.append(self.doc.span(start, end, "title", "title-after"))
            pos = end
            # "Sở Văn hóa, Thể thao và Du lịch": a capitalised "... và ..." segment continues it
            m2 = _CAP_COMMA.match(self.text, pos)
            if m2 and m2.end() + 1 not in self.heads_at:
                seg_end = self.extent(m2.end(), line_end)
                seg = self.text[m2.end() : seg_end]
                if " và " in seg and not self._between(self.name_starts, m2.end(), seg_end):
                    titles[-1] = self.doc.span(start, seg_end, "title", "title-after")
                    pos = seg_end
        if not titles:
            # "Ông Lê Văn Tám (Chủ tịch UBND xã Hữu Kiệm):": titles in brackets
            m = _OPEN_BRACKET.match(self.text, pos)
            if m and m.end() in self.heads_at:
                close = self.text.find(")", m.end(), min(line_end, m.end() + _TITLE_MAX))
                if close > 0 and not self._between(self.full_starts, m.end(), close):
                    start = m.end()
                    for part in _TITLE_SPLIT.split(self.text[start:close]):
                        a = self.text.find(part, start, close)
                        titles.append(self.doc.span(a, a + len(part), "title", "title-bracket"))
                        start = a + len(part)
                    pos = close + 1
        return pos, titles

    def appositive_title(self, pos: int) -> Span | None:
        """The title that ends with a comma right before ``pos`` (an honorific): "Chủ tịch
        UBND tỉnh Sóc Trăng, | ông Trần Văn Lâm"; None if there is none."""
        line_start, _ = self.line_bounds(pos)
        m = _COMMA_BEFORE.search(self.text, max(line_start, pos - 3), pos)
        if not m:
            return None
        comma = m.start()
        seg_start = self._segment_start(line_start, comma)
        heads = self._between(self.head_starts, seg_start, comma)
        if not heads or self.title_end(heads[0], comma) < comma:
            return None
        if self._between(self.name_starts, heads[0], comma):
            return None  # "Lê Văn An, Bí thư ..., ông ...": the title is the other's
        if not _HONORIFIC_ONLY.fullmatch(self.folded[seg_start : heads[0]]):
            return None
        # walk back over the titles before: if they follow a name, they are that person's
        # ("ông Lê Văn Hai, Phó Chủ tịch UBND tỉnh, ông Đào Văn Ba, ...")
        seg = seg_start
        for _ in range(4):
            if seg - 1 < line_start or self.text[seg - 1] != ",":
                break
            prev = seg - 1
            while prev > line_start and self.text[prev - 1] == " ":
                prev -= 1
            if prev in self.name_ends:
                return None
            seg = self._segment_start(line_start, seg - 1)
            hs = self._between(self.head_starts, seg, prev)
            if not hs or self.title_end(hs[0], prev) < prev:
                break
        return self.doc.span(heads[0], comma, "title", "title-apposition")

    def named_after_level(self, name: Span, before: Span | None) -> bool:
        """Whether a name right after a level word is a person's: "Chủ tịch UBND phường Hồ
        Văn Thắng:" (the unit left unnamed), not "phường Lê Hồng Phong" (a unit named after
        a person, written somewhere without a title before it)."""
        if before is None or not _LEVEL_END.search(fold(before.text)):
            return False
        level = _LEVEL_END.search(fold(before.text)).group()
        needle = f"{level} {fold(name.text)}"
        if needle not in self._unit_named:  # once per name: the answer is the text's
            self._unit_named[needle] = self._written_as_unit(needle, len(level) + 1, name)
        return not self._unit_named[needle]

    def _written_as_unit(self, needle: str, skip: int, name: Span) -> bool:
        """Whether ``needle`` (a level word and a name) occurs once without a title before
        the name: "làm việc với phường Lê Hồng Phong"."""
        for pos in self._needle_positions(needle, skip):
            at = pos + skip
            if self.title_before(Span(at, at + len(name), "person", name.text))[1] is None:
                return True
        return False

    def _needle_positions(self, needle: str, skip: int) -> Iterator[int]:
        """The offsets of ``needle`` (a level word, a space, a name) in the folded text, in
        order; found through an index of the words after each level word, built once."""
        first, space, _ = needle[skip:].partition(" ")
        if not space:  # a one-word name: no index for it
            pos = self.folded.find(needle)
            while pos >= 0:
                yield pos
                pos = self.folded.find(needle, pos + 1)
            return
        if self._after_level is None:
            self._after_level = {}
            for level, pattern in _LEVEL_WORDS:
                for m in pattern.finditer(self.folded):
                    key = (level, m.group("word"))
                    self._after_level.setdefault(key, []).append(m.start())
        level = needle[: skip - 1]
        for pos in self._after_level.get((level, first), ()):
            if self.folded.startswith(needle, pos):
                yield pos

    def occurrences(self) -> list[Occurrence]:
        out = []
        for start in self.name_starts:
            name = self.names[start]
            before_start, before = self.title_before(name)
            if _PLACE_BEFORE.search(self.folded, max(0, start - 12), start) and not (
                self.named_after_level(name, before)
            ):
                continue
            earlier: list[Span] = []
            if before is not None:
                before_start, earlier = self.earlier_titles(before_start)
            end, after = self.titles_after(name)
            hon = _HONORIFIC.search(self.folded, max(0, start - 20), start)
            honorific = hon is not None
            if hon is not None and before is None:
                # "Chủ tịch UBND tỉnh Sóc Trăng, ông Trần Văn Lâm, ...": the title in apposition
                appositive = self.appositive_title(hon.start())
                if appositive is not None:
                    before, before_start = appositive, appositive.start
            n_syll = len(name.text.split())
            if before is not None and fold(before.text) in ("chủ tịch", "bác"):
                continue  # "Chủ tịch Hồ Chí Minh": the founder, not a participant
            if _MEMORIAL.search(self.folded, max(0, before_start - 30), before_start):
                continue  # "Khu di tích Đại tướng Võ Nguyên Giáp": a place named after someone
            short = _family_of(name.text.split()[0], self.families) in self.short
            # "các đồng chí: Lê Văn An, ...; Mai Sơn, Phó Bí thư ...": the next of a list
            in_list = (
                bool(out) and _LIST_GAP.fullmatch(self.folded[out[-1].end : start]) is not None
            )
            if n_syll <= 2 and not (
                ((honorific or in_list) and after)
                or (short and (honorific or before is not None or after))
            ):
                continue
            para_start, _ = self.line_bounds(start)
            colon = self.text.startswith(":", end) and (
                before_start == para_start
                or re.fullmatch(r"(?:Đồng chí|Ông|Bà)\s*", self.text[para_start:before_start] or "")
            )
            # "các đồng chí Lê Văn An, Hồ Thị Bình và ...": the next name of a list of people
            listed = (
                bool(out)
                and n_syll > 2
                and _LIST_GAP.fullmatch(self.folded[out[-1].end : start]) is not None
            )
            if before is None and not after and not honorific and not colon and not listed:
                continue
            group = self.group_title(name.start) if before is None else None
            titles = (
                ([group] if group else [])
                + earlier
                + ([before] if before is not None else [])
                + after
            )
            # "Đại tá Lê Văn A - Chính ủy ...": the rank is a title of its own
            out.append(Occurrence(name, before_start, end, titles))
        return out

    def title_mentions(self, taken: list[tuple[int, int]]) -> list[tuple[Span, str]]:
        """Title-only references ("đồng chí Bí thư Tỉnh ủy đề nghị"): (span, canonical title)."""
        out = []
        taken_sorted = sorted(taken)
        taken_starts = [a for a, _ in taken_sorted]
        for h in self.head_starts:
            i = bisect_left(taken_starts, h + 1) - 1  # the last reference starting at or before h
            if i >= 0 and h < max(b for _, b in taken_sorted[max(0, i - 3) : i + 1]):
                continue
            if self.rank_re.match(self.folded, h, self.heads_at[h]):
                continue
            _, line_end = self.line_bounds(h)
            end = self.title_end(h, line_end)
            if self._between(self.full_starts, h + 1, end + 2):
                continue
            if re.search(
                r"(?<!\w)(?:các|những|và)\s+(?:đồng chí\s+)?$", self.folded[max(0, h - 20) : h]
            ):
                continue  # "các đồng chí Phó Chủ tịch ...": a group, not one person
            span = self.doc.span(h, end, "title", "title-only")
            if len(span.text.split()) < 3:
                continue
            out.append((span, canonical_title(span.text)))
        return out


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


def _sentence_of(doc: Document, pos: int) -> Span | None:
    lo, hi = 0, len(doc.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return s
    return None


_TITLE_MAX = 160  # characters: "Phó Trưởng Đoàn chuyên trách Đoàn đại biểu Quốc hội tỉnh ..."
_OPEN_BRACKET = re.compile(r" ?\(")
_TITLE_SPLIT = re.compile(r"\s*,\s*")
_AFTER_SEP = re.compile(r"\s*(?:,|\s[-–—])\s*")
_CAP_COMMA = re.compile(rf"\s*,(?= {_CAP})")
_CHAIRED_BY = re.compile(
    r"dưới sự (?:đồng )?chủ trì của|(?<!\w)(?:đồng )?chủ trì (?:hội nghị|buổi làm việc|cuộc họp|"
    r"phiên họp)?\s*(?:có|gồm|là)(?!\w)"
)
_LED_BY = re.compile(r"(?<!\w)do\s+(?:(?:các\s+)?(?:đồng chí|ông|bà)\s+)?")
_LEADS = re.compile(r"làm trưởng đoàn|(?<!\w)dẫn đầu|làm trưởng ban")
_CHAIRS = re.compile(r"(?<!\w)(?:đồng )?chủ trì(?!\w)")
_CONCLUDES = re.compile(
    r"phát biểu kết luận|^kết luận (?:buổi|hội nghị|cuộc|phiên|chuyến)|(?<!\w)kết luận buổi làm việc|"
    r"(?<!\w)kết luận (?:và chỉ đạo )?như sau"
)
_DIRECTS = re.compile(r"phát biểu chỉ đạo|chỉ đạo hội nghị")
_GROUP_GAP = re.compile(r"^\s*(?:,|;|và|cùng|cùng với)?\s*(?:các\s+)?(?:đồng chí|ông|bà)?\s*$")


def _groups(doc: Document, refs: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Consecutive references (start, end, person) joined only by commas, "và", "đồng chí"."""
    groups: list[list[tuple[int, int, int]]] = []
    for r in refs:
        if groups and _GROUP_GAP.match(doc.folded[groups[-1][-1][1] : r[0]]):
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def _speaker_of(refs: list[tuple[int, int, int]], verb: int) -> int:
    """The person doing ``verb``: the last reference right before it, else the first after it."""
    before = [r for r in refs if r[1] <= verb and verb - r[1] <= 12]
    if before:
        return before[-1][2]
    after = [r for r in refs if r[0] >= verb]
    return (after or refs)[0][2]


def find_chairs(doc: Document, occs: list[Occurrence]) -> None:
    """Set ``Person.is_chair`` from the lede, "chủ trì" and "kết luận" sentences."""
    refs_by_sentence: dict[int, list[tuple[int, int, int]]] = {}
    occ_at = {o.name.start: o for o in occs}
    sent_index = {s.start: i for i, s in enumerate(doc.sentences)}
    sent_starts = [s.start for s in doc.sentences]
    for m in doc.mentions:
        if m.kind not in ("name", "title"):
            continue
        k = bisect_right(sent_starts, m.span.start) - 1
        if k < 0 or m.span.start >= doc.sentences[k].end:
            continue  # between sentences
        s = doc.sentences[k]
        if m.kind == "name":
            occ = occ_at.get(m.span.start)
            a, b = (occ.start, occ.end) if occ else (m.span.start, m.span.end)
        else:
            a, b = m.span.start, m.span.end
        refs_by_sentence.setdefault(sent_index[s.start], []).append((a, b, m.person))
    chairs: set[int] = set()
    # 1. the lede: the first dateline paragraph's first sentence
    subject: set[int] = set()  # the people the lede opens with, as a last resort
    for p in doc.paragraphs[:4]:
        if _DATELINE.match(doc.folded, p.start):
            s0 = _sentence_of(doc, p.start)
            first = [s0] if s0 is not None and p.contains(s0) else []
            if first:
                refs = sorted(refs_by_sentence.get(sent_index[first[0].start], []))
                groups = _groups(doc, refs)
                for k, g in enumerate(groups):
                    # the clause after the group, up to the next person or ";"
                    stop = groups[k + 1][0][0] if k + 1 < len(groups) else first[0].end
                    clause = doc.folded[g[-1][1] : stop].split(";")[0]
                    clause = " ".join(clause.split()[:16])
                    if _LEDE_VERB.search(clause):
                        chairs.update(r[2] for r in g)
                        break
                m = _DATELINE.match(doc.folded, p.start)
                if (
                    groups
                    and m
                    and re.fullmatch(
                        r"[\s,]*(?:(?:các\s+)?(?:đồng chí|ông|bà)\s*)?",
                        doc.folded[m.end() : groups[0][0][0]],
                    )
                ):
                    subject.update(r[2] for r in groups[0])
            break
    weak: set[int] = set()
    for si, refs in refs_by_sentence.items():
        s = doc.sentences[si]
        low = doc.folded[s.start : s.end]
        refs = sorted(refs)
        m = _CHAIRED_BY.search(low)
        if m:
            after = [r for r in refs if r[0] >= s.start + m.end()]
            if after:
                chairs.update(r[2] for r in _groups(doc, after)[0])
            continue
        # "Đoàn công tác do đồng chí X, ... làm trưởng đoàn / dẫn đầu"
        m = _LED_BY.search(low) if "do" in low else None
        if m and _LEADS.search(low, m.end()):
            after = [r for r in refs if r[0] >= s.start + m.end()]
            if after and after[0][0] - (s.start + m.end()) <= 2:
                chairs.update(r[2] for r in _groups(doc, after)[0])
        m = _CHAIRS.search(low) if "chủ trì" in low else None
        if m:
            before = [r for r in refs if r[1] <= s.start + m.start()]
            if before:
                g = _groups(doc, before)[-1]
                gap = doc.folded[g[-1][1] : s.start + m.start()]
                if re.fullmatch(r"[\s,]*(?:(?:đã|cùng|đồng|là|sẽ)\s*)*", gap):
                    chairs.update(r[2] for r in g)
        m = _CONCLUDES.search(low) if "kết luận" in low else None
        if m and refs:
            chairs.add(_speaker_of(refs, s.start + m.start()))
        else:
            m = _DIRECTS.search(low)
            if m and refs:
                weak.add(_speaker_of(refs, s.start + m.start()))
    if not chairs:
        chairs = weak or subject
    for i in chairs:
        if not is_local(doc.people[i]):
            doc.people[i].is_chair = True


def find_people(doc: Document) -> None:
    """Fill ``doc.people`` (with titles and chairs) and ``doc.mentions``."""
    sc = _Scanner(doc)
    occs = sc.occurrences()
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
    n_sentences = Counter()  # sentences per paragraph (both lists are in text order)
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
        if not re.fullmatch(r"(?:đồng chí|ông|bà)?\s*", lead):
            continue
        rest = doc.text[o.end : p.end]
        if rest.startswith(":"):
            mentions.append(
                Mention(doc.span(p.start, o.end, "colon", "colon-lead"), o.person, "colon")
            )
        elif (
            len(starts) == 1
            and _CAPTION_REST.match(doc.folded, o.end, p.end)
            and not re.search(r"đề nghị|yêu cầu|lưu ý", doc.folded[o.end : p.end])
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

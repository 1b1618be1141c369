"""References to people: each name with the titles written before it (possibly after
other titles, or shared by a list: "các đồng chí Ủy viên ...: A, ...; B, ..."), after it
(", T1, T2", " - T1", "(T1)") or in apposition ("Chủ tịch UBND tỉnh X, ông ..."); and
title-only references ("đồng chí Bí thư Tỉnh ủy đề nghị")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .names import NameScanner, family_of
from .segment import LOWER, UPPER
from .spans import Span, fold
from .titles import canonical_title, is_central_title
from .units import lookup_unit

# a capitalised syllable, and runs of them separated by single spaces
_CAP = rf"[{UPPER}][{LOWER}]*"


# an abbreviation joined by "&" or "-" is one word of a title: "Giám đốc Sở NN&PTNT", "Sở LĐ-TB&XH"
_TOKEN = re.compile(rf"\(\w+\)|[{UPPER}]+(?:[&-][{UPPER}]+)+(?![\w&-])|\w+|[^\w\s]")
WORDS = "people_words.tsv"
KINDS = (
    "place_before",
    "memorial",
    "lede_verb",
    "chaired_meeting",
    "chairs_are",
    "honorific",
    "concluded_meeting",
    "joiner",
    "chair_gap",
    "leader_head",
    "caption_verb",
    "picture_verb",
    "caption_ask",
    "vice",
    "party_head",
    "state_head",
    "standing",
    "provincial_party",
    "people_body",
    "province_level",
    "delegation_head",
    "deputies",
    "standing_committee",
    "speech_word",
    "unit_level",
    "group_of",
    "plain_honorific",
    "list_joiner",
    "title_not_last",
    "du_next",
    "and_next",
    "founder_title",
    "group_before",
    "comrade",
    "chaired_under",
    "chair_verb",
    "heads_as",
    "leads",
    "concluding_speech",
    "conclude",
    "concluded_session",
    "at_meeting",
    "and_directs",
    "as_follows",
    "directing_speech",
    "opinion_of",
    "of_whom",
    "picture_lead",
)


@lru_cache(maxsize=1)
def people_words() -> dict[str, tuple[str, ...]]:
    """Entries of ``data/people_words.tsv`` by kind (folded, in the file's order); a bad line
    raises an error naming the file and line."""
    return lexicon.by_kind(WORDS, KINDS)


_PEOPLE_WORDS = people_words()
_grammar = lexicon.grammar_of(people_words)
# "các đồng chí Phó Chủ tịch ...": a group before a title, not one person
_GROUP_BEFORE = _grammar(r"(?<!\w)(?:«group_before»)\s+(?:(?:«comrade»)\s+)?$")


# a name right after a place word is the place's ("xã Lê Lợi", "đường Trần Phú")
_PLACE_BEFORE = re.compile(
    lexicon.fill(r"(?<!\w)(?<!môi )(?<!nông )(?:«place_before»)\s$", people_words())
)
# an honorific right before a name ("đồng chí", "ông", "bà", "già làng": kind ``honorific``)
_HONORIFIC = re.compile(lexicon.fill(r"(?<!\w)(?:các\s+)?(?:«honorific»)\s*:?\s*$", people_words()))
# a place named after a person: "Khu di tích Đại tướng ...", "Đền thờ Tổng Bí thư ..."
_MEMORIAL = re.compile(lexicon.fill(r"(?<!\w)(?:«memorial»)\s+$", people_words()))


# Each of these three looks back from a name for words that end right before it; a window
# whose last word (past white space and a colon) ends no entry is told without the regex.
def _last_words(kind: str) -> tuple[str, ...]:
    return tuple(w.split()[-1] for w in people_words()[kind])


_HONORIFIC_LAST = _last_words("honorific")
_PLACE_BEFORE_LAST = _last_words("place_before")
_MEMORIAL_LAST = _last_words("memorial")


def _ends_with(folded: str, start: int, end: int, lasts: tuple[str, ...]) -> bool:
    """Whether ``folded[start:end]``, without its final white space and colon, ends with one
    of ``lasts`` (what a match of those patterns in the window needs)."""
    window = folded[start:end].rstrip()
    if window.endswith(":"):
        window = window[:-1].rstrip()
    return window.endswith(lasts)


# the levels of units, whose names may follow a title (the order in which they are tried)
_LEVELS = people_words()["unit_level"]
_LEVEL_END = re.compile(rf"(?<!\w)(?:{'|'.join(_LEVELS)})$")
# each level word, a space and the word after it (anywhere, as str.find would find them)
_LEVEL_WORDS = [(w, re.compile(re.escape(w) + r" (?=(?P<word>[^ ]+) )")) for w in _LEVELS]


# the start of a word is checked after the word ("các(?<!\wcác)", the same test as a leading
# "(?<!\w)"), so that the engine searches for the literal "các" instead of trying each position
_GROUP_LEAD = re.compile(r"các(?<!\wcác) đồng chí\s+")
_COMMA_BEFORE = re.compile(r",\s*$")
_HONORIFIC_ONLY = _grammar(r"\s*(?:(?:(?:«group_of»)\s+)?(?:«plain_honorific»)\s*)?")
_LIST_GAP = _grammar(r"\s*(?:,|;|«list_joiner»)\s*(?:(?:«plain_honorific»)\s+)?")
# a paragraph that opens with the honorific alone before "Title Name:" (as written: capitals)
_HONORIFIC_LEAD = re.compile(
    "(?:" + "|".join(re.escape(w.capitalize()) for w in people_words()["plain_honorific"]) + r")\s*"
)


@dataclass
class Occurrence:
    """One place where a named person is written, with the titles written there."""

    name: Span
    start: int  # where the reference starts (a title before the name, or the name)
    end: int  # where it ends (after the last title written after the name)
    titles: list[Span] = field(default_factory=list)
    person: int = -1


# up to the last punctuation that ends the words a title could run over (greedy: one scan)
_LAST_STOP = re.compile(r".*[,;:.!?(“\"]", re.S)


def _after_last_stop(text: str, start: int, end: int) -> int:
    """The offset after the last of ``,;:.!?(“"`` in ``text[start:end]`` (``start`` if none)."""
    m = _LAST_STOP.match(text, start, end)
    return m.end() if m else start


# words a title does not end with ("Sở Văn hóa và", "Ban Chỉ đạo các")
_NOT_ENDING = frozenset(people_words()["title_not_last"]) | {"-", "–"}
_TITLE_MAX = 160  # characters: "Phó Trưởng Đoàn chuyên trách Đoàn đại biểu Quốc hội tỉnh ..."
_OPEN_BRACKET = re.compile(r" ?\(")
_TITLE_SPLIT = re.compile(r"\s*,\s*")
_AFTER_SEP = re.compile(r"\s*(?:,|\s[-–—])\s*")
_CAP_COMMA = re.compile(rf"\s*,(?= {_CAP})")


class Scanner(NameScanner):
    """Finds titles and names in one document."""

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
        stops, words = self.lex.stops, self.lex.words
        token = _TOKEN.match
        nxt: re.Match[str] | None = None
        have_next = False  # whether ``nxt`` is already the token after ``pos``
        while pos < limit:
            if text[pos] != " ":
                break
            m = nxt if have_next else token(text, pos + 1)
            if not m:
                break
            m_start, m_end = m.span()
            if m_end > limit:
                break
            tok = text[m_start:m_end]
            ftok = folded[m_start:m_end]
            nxt = token(text, m_end + 1) if m_end + 1 < limit else None
            have_next = nxt is not None and text[m_end] == " "
            first = tok[0]
            if first == "(":
                if not any(c.isupper() for c in tok):
                    break
            elif tok in "-–":
                # "Sở Lao động - Thương binh và Xã hội", but not "... tỉnh - Trưởng ban ..."
                if not nxt or not text[nxt.start()].isupper() or nxt.start() in self.heads_at:
                    break
            elif first.isupper() or tok.isdigit():
                pass  # most words of a title: the next word is not read
            else:
                fnxt = folded[nxt.start() : nxt.end()] if nxt else ""
                if nxt and f"{ftok} {fnxt}" in stops:
                    break  # "... UBND tỉnh kiểm tra ...": a verb after the title
                if ftok not in words:
                    break
                if ftok == "dự" and fnxt not in _PEOPLE_WORDS["du_next"]:
                    break
                if ftok == "và" and not (
                    nxt and (text[nxt.start()].isupper() or fnxt in _PEOPLE_WORDS["and_next"])
                ):
                    break
            pos = m_end
            if ftok not in _NOT_ENDING:
                end = pos
        return end

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
        at_level = _LEVEL_END.search(fold(before.text)) if before is not None else None
        if at_level is None:
            return False
        level = at_level.group()
        if len(name.text.split()) <= 2 and lookup_unit(level, name.text):
            return False  # "Chủ tịch UBND thị xã Ayun Pa": a unit of the reference data
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
        out: list[Occurrence] = []
        for start in self.name_starts:
            name = self.names[start]
            before_start, before = self.title_before(name)
            hon = (
                _HONORIFIC.search(self.folded, max(0, start - 20), start)
                if _ends_with(self.folded, max(0, start - 20), start, _HONORIFIC_LAST)
                else None
            )
            if (
                _ends_with(self.folded, max(0, start - 12), start, _PLACE_BEFORE_LAST)
                and _PLACE_BEFORE.search(self.folded, max(0, start - 12), start)
                and hon is None  # "già làng Siu Wơl": an honorific that ends in "làng"
                and not self.named_after_level(name, before)
            ):
                continue
            earlier: list[Span] = []
            if before is not None:
                before_start, earlier = self.earlier_titles(before_start)
            end, after = self.titles_after(name)
            honorific = hon is not None
            if hon is not None and before is None:
                # "Chủ tịch UBND tỉnh Sóc Trăng, ông Trần Văn Lâm, ...": the title in apposition
                appositive = self.appositive_title(hon.start())
                if appositive is not None:
                    before, before_start = appositive, appositive.start
            n_syll = len(name.text.split())
            if before is not None and fold(before.text) in _PEOPLE_WORDS["founder_title"]:
                continue  # "Chủ tịch Hồ Chí Minh": the founder, not a participant
            if _ends_with(
                self.folded, max(0, before_start - 30), before_start, _MEMORIAL_LAST
            ) and _MEMORIAL.search(self.folded, max(0, before_start - 30), before_start):
                continue  # "Khu di tích Đại tướng Võ Nguyên Giáp": a place named after someone
            short = family_of(name.text.split()[0], self.families) in self.short
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
                or _HONORIFIC_LEAD.fullmatch(self.text[para_start:before_start] or "")
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
            if _GROUP_BEFORE.search(self.folded[max(0, h - 20) : h]):
                continue  # "các đồng chí Phó Chủ tịch ...": a group, not one person
            span = self.doc.span(h, end, "title", "title-only")
            if len(span.text.split()) < 3 and not is_central_title(span.text):
                continue  # "Chủ tịch" alone is no one's; "Bộ trưởng" alone is the minister's
            out.append((span, canonical_title(span.text)))
        return out

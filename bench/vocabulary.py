"""How much of the genre's vocabulary still lives in code, and how much is reviewed data.

Counts, per module of ``chidao.extract`` (and for the web apps outside it):

- **inline alternation branches**: in the string literals of the code (docstrings aside),
  the branches of every regex alternation ``a|b|c`` whose own text holds a letter (a word
  of the genre: "đề nghị", "kiến nghị"), not punctuation or classes ("[,;]|$");
- **inline words**: the strings of tuple, list and set literals written in Vietnamese
  (``("đạt", "tăng", "giảm")``), a word list in code;
- **"đề nghị" lines**: the lines of pattern literals that spell the verb "đề nghị";
- **lexicon rows**: the rows of ``chidao/extract/data/*.tsv``.

    python bench/vocabulary.py [--by-module]

Nothing is timed; the figures are for the issue's "rules as reviewed data" and are printed
before and after each move of words from code into the lexicons.
"""

from __future__ import annotations

import argparse
import ast
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chidao"
EXTRACT = SRC / "extract"
_LETTER = re.compile(r"[^\W\d_]")
_VIETNAMESE = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]")
_DE_NGHI = re.compile(r"đề nghị", re.IGNORECASE)
_SLOT = re.compile(r"«\w+»")  # a slot filled from a lexicon (``lexicon.fill``): not inline


@dataclass
class Counts:
    branches: int = 0
    words: int = 0
    de_nghi_lines: int = 0

    def add(self, other: Counts) -> None:
        self.branches += other.branches
        self.words += other.words
        self.de_nghi_lines += other.de_nghi_lines


def alternation_branches(pattern: str) -> int:
    """The branches of the alternations of ``pattern`` whose own text holds a letter.

    A small scanner, not a regex parser: escapes and character classes are skipped,
    groups nest; a piece of an f-string (the text between two placeholders) is scanned on
    its own, so an alternation cut by a placeholder counts the branches on each side."""
    pattern = _SLOT.sub("…", pattern)
    groups: list[list[str]] = [[""]]  # the branches of each open group, innermost last
    total = 0
    i, n = 0, len(pattern)

    def close(branches: list[str]) -> int:
        return sum(1 for b in branches if _LETTER.search(b)) if len(branches) > 1 else 0

    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if c == "(":
            groups.append([""])
            i += 1
            if i < n and pattern[i] == "?":  # (?:  (?P<name>  (?<!  (?=  (?i)
                m = re.match(r"\?(?:P<\w+>|P=\w+\)|<[=!]|[:=!>]|[a-zA-Z]+[:)])", pattern[i:])
                i += m.end() if m else 1
            continue
        if c == ")":
            if len(groups) > 1:
                total += close(groups.pop())
            i += 1
            continue
        if c == "|":
            groups[-1].append("")
        elif c == "{":  # a repeat count {1,3}
            m = re.match(r"\{\d*,?\d*\}", pattern[i:])
            if m:
                i += m.end()
                continue
        else:
            groups[-1][-1] += c
        i += 1
    for branches in groups:
        total += close(branches)
    return total


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _in_re_calls(tree: ast.AST) -> set[int]:
    """The string constants written inside a call of the ``re`` module (a pattern)."""
    ids = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
        ):
            ids |= {id(c) for c in ast.walk(node) if isinstance(c, ast.Constant)}
    return ids


def count_module(path: Path, *, patterns_only: bool = False) -> Counts:
    """The inline vocabulary of one Python module; with ``patterns_only`` only the strings
    written inside calls of ``re`` count (for the web apps, whose other strings are
    messages, annotations and field names)."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docs = _docstrings(tree)
    in_re = _in_re_calls(tree) if patterns_only else set()
    out = Counts()
    in_lists: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            for e in node.elts:
                if isinstance(e, ast.Constant) and isinstance(e.value, str):
                    in_lists.add(id(e))
                    if _VIETNAMESE.search(e.value):
                        out.words += 1
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in docs or id(node) in in_lists:
            continue
        if patterns_only and (id(node) not in in_re or not _VIETNAMESE.search(node.value)):
            continue  # not a pattern, or one of English messages (meetings/language.py)
        out.branches += alternation_branches(node.value)
        if alternation_branches(node.value) or "\\s" in node.value or "(?" in node.value:
            # a pattern (not a message): the lines that spell the verb
            out.de_nghi_lines += sum(1 for line in node.value.splitlines() if _DE_NGHI.search(line))
    return out


def lexicon_rows() -> Counter[str]:
    """Rows of each lexicon file (comments and the header aside)."""
    rows: Counter[str] = Counter()
    for path in sorted((EXTRACT / "data").glob("*.tsv")):
        lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        body = [x for x in lines if not x.startswith("#")]
        rows[path.name] = max(0, len(body) - 1)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--by-module", action="store_true", help="one line per module")
    args = parser.parse_args()
    extract = Counts()
    de_nghi_files = 0
    per_module: list[tuple[str, Counts]] = []
    for path in sorted(EXTRACT.glob("*.py")):
        c = count_module(path)
        extract.add(c)
        de_nghi_files += c.de_nghi_lines > 0
        per_module.append((path.name, c))
    web = Counts()
    web_files: list[tuple[str, Counts]] = []
    for path in sorted(SRC.rglob("*.py")):
        if EXTRACT in path.parents or "migrations" in path.parts:
            continue
        c = count_module(path, patterns_only=True)
        if c.branches or c.de_nghi_lines:
            web.add(c)
            web_files.append((str(path.relative_to(SRC)), c))
    rows = lexicon_rows()
    if args.by_module:
        print(f"{'module':28} {'branches':>8} {'words':>6} {'đề nghị':>7}")
        for name, c in sorted(per_module, key=lambda x: -x[1].branches):
            print(f"{name:28} {c.branches:8d} {c.words:6d} {c.de_nghi_lines:7d}")
        for name, c in web_files:
            print(f"{name:28} {c.branches:8d} {c.words:6d} {c.de_nghi_lines:7d}")
        for name, n in rows.items():
            print(f"data/{name:23} {n:8d} rows")
    print(f"chidao.extract: {extract.branches} inline alternation branches, ", end="")
    print(f"{extract.words} inline words in lists, ", end="")
    print(f'"đề nghị" in {extract.de_nghi_lines} pattern lines of {de_nghi_files} modules')
    print(
        f"web apps: {web.branches} inline Vietnamese alternation branches in {len(web_files)} modules"
    )
    print(f"lexicons: {sum(rows.values())} rows in {len(rows)} files")


if __name__ == "__main__":
    main()

"""``chidao extract PATH...``: a thin shell over :mod:`chidao.extract`."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import ExtractError
from .read import extract_file


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="chidao extract")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    a = ap.parse_args(argv)
    failed = 0
    for path in a.paths:
        try:
            rec = extract_file(path)
        except ExtractError as e:
            print(f"chidao extract: {e}", file=sys.stderr)
            failed += 1
            continue
        print(json.dumps(rec, ensure_ascii=False, indent=None if a.format == "jsonl" else 1))
    return 1 if failed else 0

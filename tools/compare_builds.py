"""Compare two built sites: did a code change leave every result of the book as it was?

Usage::

    python tools/compare_builds.py BEFORE_HTML AFTER_HTML [--renames tools/split_renames.json]

Checks, byte for byte:

* every figure: the images under ``_images/`` (Sphinx names them by the sha256 of their content,
  so equal sets of names and bytes mean equal figures);
* the register, ``claims.json``. A commit that only moves code changes the dotted names of the
  functions the register cites as ``method`` and in notes; ``--renames`` gives the old -> new map
  (a JSON object), which is applied to BEFORE's text first. Nothing else may differ.

Prints what differs and exits 1 if anything does, 0 if the two builds give the same results.
Hand-written (a few lines of file comparison; no library compares two Sphinx sites).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


def apply_renames(text: str, renames: dict[str, str]) -> str:
    """Replace every old dotted name by its new one, longest first, only at name boundaries."""
    if not renames:
        return text
    pattern = re.compile("|".join(re.escape(k) for k in sorted(renames, key=len, reverse=True)) + r"(?![\w])")
    return pattern.sub(lambda m: renames[m.group(0)], text)


def compare_images(before: Path, after: Path) -> list[str]:
    """Differences between the figures of two sites (empty if identical)."""
    old = {p.name: p.read_bytes() for p in (before / "_images").glob("*")}
    new = {p.name: p.read_bytes() for p in (after / "_images").glob("*")}
    problems = [f"figure only before: _images/{n}" for n in sorted(old.keys() - new.keys())]
    problems += [f"figure only after: _images/{n}" for n in sorted(new.keys() - old.keys())]
    problems += [f"figure differs: _images/{n}" for n in sorted(old.keys() & new.keys()) if old[n] != new[n]]
    return problems


def compare_register(before: Path, after: Path, renames: dict[str, str]) -> list[str]:
    """Differences between the two ``claims.json`` after renaming (empty if identical)."""
    old = apply_renames((before / "claims.json").read_text(encoding="utf-8"), renames)
    new = (after / "claims.json").read_text(encoding="utf-8")
    if old == new:
        return []
    problems = []
    old_claims = {c["claim_id"]: c for c in json.loads(old)["claims"]}
    new_claims = {c["claim_id"]: c for c in json.loads(new)["claims"]}
    for cid in sorted(old_claims.keys() | new_claims.keys()):
        a, b = old_claims.get(cid), new_claims.get(cid)
        if a != b:
            fields = sorted(k for k in (a or {}).keys() | (b or {}).keys() if (a or {}).get(k) != (b or {}).get(k))
            problems.append(f"claims.json: {cid} differs in {', '.join(fields)}")
    return problems or ["claims.json: differs outside the claims (header, counts or formatting)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--renames", type=Path, help="JSON object: old dotted name -> new dotted name")
    args = parser.parse_args(argv)
    renames = json.loads(args.renames.read_text(encoding="utf-8")) if args.renames else {}
    problems = compare_images(args.before, args.after) + compare_register(args.before, args.after, renames)
    n_images = len(list((args.after / "_images").glob("*")))
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} difference(s)")
        return 1
    print(f"identical: {n_images} figures and claims.json"
          + (f" (after {len(renames)} renames)" if renames else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Pages built from the whole register: the findings (front door for a referee) and the paper
checked against itself.

Bookkeeping of the book, not physics: these functions read :class:`~nickelate_utils.claims.Claim`
lists and return escaped HTML for the pages ``book/findings.md`` and ``book/cross-check.md``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from nickelate_utils.claims import CONSEQUENCES, Claim
from nickelate_utils.claims_display import STATUS_CLASSES, format_ours
from nickelate_utils.evidence import parse_input

__all__ = [
    "CrossCheck",
    "crosscheck_html",
    "cross_checks",
    "findings",
    "findings_html",
    "page_url",
    "register_summary",
]

FINDING_STATUSES: tuple[str, ...] = ("discrepant", "disputed")
"""Statuses that are always findings; other entries are findings when they carry a consequence."""


def page_url(claim: Claim, from_page: str = "book/x") -> str:
    """Relative URL of the chapter page that computes ``claim``, as seen from ``from_page``."""
    depth = from_page.count("/")
    return "../" * depth + claim.page + ".html"


def findings(claims: Sequence[Claim]) -> list[Claim]:
    """Every discrepant and disputed entry, and every other entry that carries a consequence
    (open questions the public data cannot settle), ordered by consequence (high first), then
    discrepant and disputed before open questions, then book order. A finding without a
    consequence sorts last."""
    chosen = [c for c in claims if c.status in FINDING_STATUSES or c.consequence]
    rank = {level: i for i, level in enumerate(CONSEQUENCES)}
    order = {c.claim_id: i for i, c in enumerate(claims)}
    return sorted(chosen, key=lambda c: (rank.get(c.consequence, len(rank)), c.status not in FINDING_STATUSES,
                                         order[c.claim_id]))


def register_summary(claims: Sequence[Claim]) -> dict[str, int]:
    """Counts for the intro, the README and the scorecard: every status, the entries the book
    recomputes or cross-checks, and the findings."""
    out = {s: sum(c.status == s for c in claims) for s in STATUS_CLASSES}
    out["total"] = len(claims)
    out["recomputed"] = sum(c.kind == "recompute" for c in claims)
    out["cross_checked"] = sum(c.kind == "cross-check" for c in claims)
    out["checked"] = out["recomputed"] + out["cross_checked"]
    out["findings"] = len(findings(claims))
    out["from_source_data"] = sum(c.from_source_data for c in claims)
    return out


def _status(c: Claim) -> str:
    return f'<span class="claim-status {STATUS_CLASSES[c.status]}">{html.escape(c.status)}</span>'


def findings_html(claims: Sequence[Claim], from_page: str = "book/findings") -> str:
    """The findings as HTML sections by consequence, each with its evidence and two links: the
    chapter section (the claim's row there) and the register entry."""
    esc = html.escape
    items = findings(claims)
    out: list[str] = []
    titles = {"high": "Bears on the paper's main conclusions", "medium": "Bears on a secondary conclusion",
              "low": "Bookkeeping: the conclusions do not depend on it", "": "Not yet graded"}
    for level in (*CONSEQUENCES, ""):
        group = [c for c in items if c.consequence == level]
        if not group:
            continue
        out.append(f'<h2 id="consequence-{level or "ungraded"}">{esc(titles[level])} ({len(group)})</h2>')
        out.append('<ol class="findings">')
        for c in group:
            chapter = page_url(c, from_page)
            scorecard = "../" * from_page.count("/") + "book/scorecard.html"
            paper = f" Paper: {esc(c.paper_printed)} {esc(c.unit)}." if c.paper_printed else ""
            ours = f" Ours: {esc(format_ours(c))} {esc(c.unit)}." if c.ours is not None else ""
            readings = ""
            if c.readings:
                readings = '</p><p class="finding-readings">Readings:</p><ul class="finding-readings">' + "".join(
                    f"<li>{esc(r.label)}: <strong>{'—' if r.value is None else f'{r.value:.4g}'} {esc(r.unit)}</strong>"
                    f" <em>({esc(r.source)})</em></li>" for r in c.readings) + "</ul><p>"
            out.append(
                f'<li id="finding-{esc(c.claim_id)}"><p><strong>{esc(c.quantity)}</strong> '
                f"({esc(c.figure)}) {_status(c)}.{paper}{ours} {esc(c.note)}{readings}</p>"
                f'<p class="finding-links"><a href="{esc(chapter)}#{esc(c.anchor)}">{esc(c.chapter)}</a> · '
                f'<a href="{esc(scorecard)}#{esc(c.anchor)}">register entry {esc(c.claim_id)}</a> · '
                f"{esc(c.source_location)}</p></li>"
            )
        out.append("</ol>")
    return "\n".join(out)


@dataclass(frozen=True)
class CrossCheck:
    """One quantity the paper states in two or more places."""

    claim: Claim
    others: tuple[Claim, ...]


def cross_checks(claims: Sequence[Claim]) -> list[CrossCheck]:
    """Every cross-check entry with the register entries it compares against (its ``claim:``
    inputs), in book order."""
    by_id = {c.claim_id: c for c in claims}
    out: list[CrossCheck] = []
    for c in claims:
        if c.kind != "cross-check":
            continue
        others = []
        for ref in c.inputs:
            parts = parse_input(ref)
            if parts.get("scheme") == "claim" and parts["rest"] in by_id:
                others.append(by_id[parts["rest"]])
        out.append(CrossCheck(claim=c, others=tuple(others)))
    return out


def _data_row(ref: str, cache: dict[tuple[str, str], object]) -> str:
    """A data-row input shown as its values and the row's location in the paper (escaped HTML)."""
    from nickelate_utils.data import load_table

    parts = parse_input(ref)
    key = (parts["package"], parts["resource"])
    if key not in cache:
        cache[key] = load_table(*key)
    frame = cache[key]
    row = frame[frame[frame.columns[0]].astype(str) == parts["key"]]  # type: ignore[index]
    if row.empty:  # type: ignore[union-attr]
        return ""
    cells = parts.get("columns", "").split("+") if "columns" in parts else []
    values = ", ".join(f"{c} = {row.iloc[0][c]}" for c in cells if c in row.columns)  # type: ignore[union-attr]
    where = row.iloc[0]["source_location"] if "source_location" in row.columns else ""  # type: ignore[union-attr]
    text = html.escape(values or parts["key"])
    return f"{text} <em>({html.escape(str(where))})</em>" if where else text


def crosscheck_html(claims: Sequence[Claim], from_page: str = "book/cross-check") -> str:
    """Table of the paper against itself: each quantity with every location and printed value,
    side by side, and whether they agree."""
    esc = html.escape
    cache: dict[tuple[str, str], object] = {}
    rows = ['<table class="claims-table" id="cross-check">',
            "<thead><tr><th>id</th><th>quantity</th><th>where</th><th>as printed</th>"
            "<th>compared with</th><th>verdict</th><th>note</th></tr></thead><tbody>"]
    for item in cross_checks(claims):
        c = item.claim
        chapter = page_url(c, from_page)

        def printed(x: Claim) -> str:
            return esc(f"{x.paper_printed} {x.unit}".strip()) if x.paper_printed else f"“{esc(x.paper_text)}”"

        compared = "<br>".join(f'<a href="{esc(page_url(o, from_page))}#{esc(o.anchor)}">{esc(o.claim_id)}</a>: '
                               f"{printed(o)} <em>({esc(o.source_location)})</em>" for o in item.others)
        data_rows = [_data_row(ref, cache) for ref in c.inputs if "package" in parse_input(ref)]
        compared = "<br>".join([compared] * bool(compared) + [r for r in data_rows if r])
        rows.append(
            f'<tr id="{esc(c.anchor)}"><td><a href="{esc(chapter)}#{esc(c.anchor)}">{esc(c.claim_id)}</a></td>'
            f"<td>{esc(c.quantity)}</td><td>{esc(c.source_location)}</td><td>{printed(c)}</td>"
            f"<td>{compared}</td><td>{_status(c)}</td><td>{esc(c.note)}</td></tr>"
        )
    rows.append("</tbody></table>")
    return "\n".join(rows)

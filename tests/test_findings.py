"""Findings page and the paper-against-itself page: ordering, links, escaping."""

from __future__ import annotations

from nickelate_utils.claims import Claim
from nickelate_utils.claims_display import claims_html
from nickelate_utils.findings import cross_checks, crosscheck_html, findings, findings_html, register_summary


def _claim(cid: str, **kw: object) -> Claim:
    base = dict(claim_id=cid, chapter="3. Resistivity", page="notebooks/ch03_resistivity", figure="Fig. 3",
                quantity="q " + cid, kind="stated", paper_value=21.6, paper_printed="21.6", paper_text="t",
                ours=None, ours_uncertainty=None, unit="GPa", tolerance=None, tolerance_rule="",
                status="stated", source_location="Main text", inputs=(), method="", readings=(),
                consequence="", note="")
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _register() -> list[Claim]:
    return [
        _claim("R1"),
        _claim("R2", kind="cross-check", status="discrepant", consequence="low", paper_printed="21",
               paper_value=21.0, ours=21.6, ours_printed="21.6", inputs=("claim:R1",),
               method="nickelate_utils.claims.same_as", note="abstract truncates", agrees=False),
        _claim("R3", kind="not public", status="not reproducible from public data", consequence="high",
               note="<script>alert(1)</script>"),
        _claim("R4", kind="recompute", status="reproduced", ours=21.6, agrees=True),
    ]


def test_findings_are_ordered_by_consequence_and_exclude_plain_entries() -> None:
    assert [c.claim_id for c in findings(_register())] == ["R3", "R2"]


def test_findings_link_to_chapter_row_and_register_entry_and_escape_text() -> None:
    page = findings_html(_register(), "book/findings")
    assert 'href="../notebooks/ch03_resistivity.html#claim-R2"' in page
    assert 'href="../book/scorecard.html#claim-R3"' in page
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_cross_check_page_shows_both_locations() -> None:
    register = _register()
    (item,) = cross_checks(register)
    assert item.claim.claim_id == "R2" and [o.claim_id for o in item.others] == ["R1"]
    page = crosscheck_html(register)
    assert "21.6 GPa" in page and "21 GPa" in page and 'id="claim-R2"' in page


def test_summary_counts() -> None:
    s = register_summary(_register())
    assert s["total"] == 4 and s["discrepant"] == 1 and s["cross_checked"] == 1 and s["findings"] == 2


def test_claims_table_has_anchors_and_escapes() -> None:
    page = claims_html(_register(), "t", with_chapter=True, link_page=lambda c: "x.html")
    assert 'id="claim-R4"' in page and 'data-status="reproduced"' in page
    assert "<script>" not in page


def test_within_a_consequence_verdicts_come_before_open_questions() -> None:
    register = [
        _claim("R1", kind="not public", status="not reproducible from public data", consequence="high", note="n"),
        _claim("R2", kind="disputed", status="disputed", consequence="high", note="d"),
    ]
    assert [c.claim_id for c in findings(register)] == ["R2", "R1"]


def test_cross_check_page_lists_every_cross_check_and_resolves_data_rows() -> None:
    from nickelate_utils.register import all_claims

    register = all_claims()
    page = crosscheck_html(register)
    for item in cross_checks(register):
        assert f'id="{item.claim.anchor}"' in page
    # G1 (main text) is compared with the EDS table rows, shown with their values and locations
    row = page[page.index('id="claim-G1"'):].split("</tr>")[0]
    assert "r_eds = 2.67" in row and "EDS table" in row

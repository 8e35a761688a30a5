"""The claims register in a real browser: filter by status and chapter, search, sort, anchors.

Runs against the built site (make book) with the Chromium/Playwright set-up of
tests/test_site_browser.py.
"""

from __future__ import annotations

import json

import pytest

from tests.site_utils import require_site
from tests.test_site_browser import browser_type_launch_args, site_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def _register() -> list[dict]:
    return json.loads((require_site() / "claims.json").read_text(encoding="utf-8"))["claims"]


def _visible_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("#register tbody tr", "rows => rows.map(r => r.id)")


def test_scorecard_filters_searches_and_sorts(page, site_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    register = _register()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{site_url}/book/scorecard.html", wait_until="networkidle")
    page.wait_for_selector(".register-filters select[data-filter='status']")
    assert len(_visible_ids(page)) == len(register)

    page.select_option("select[data-filter='status']", "discrepant")
    shown = _visible_ids(page)
    expected = [f"claim-{c['claim_id']}" for c in register if c["status"] == "discrepant"]
    assert sorted(shown) == sorted(expected) and shown

    chapter = register[0]["chapter"]
    page.select_option("select[data-filter='ch.']", chapter.split(".")[0])
    both = [f"claim-{c['claim_id']}" for c in register if c["status"] == "discrepant" and c["chapter"] == chapter]
    assert sorted(_visible_ids(page)) == sorted(both)

    page.select_option("select[data-filter='status']", "")
    page.select_option("select[data-filter='ch.']", "")
    page.fill("input.datatable-input", "F(000)")
    found = _visible_ids(page)
    assert found and len(found) < len(register)

    page.fill("input.datatable-input", "")
    headings = page.eval_on_selector_all("#register thead th", "ths => ths.map(t => t.textContent.trim())")
    column = headings.index("status") + 1
    page.locator(f"#register thead th:nth-child({column}) .datatable-sorter").click()
    statuses = page.eval_on_selector_all(
        f"#register tbody td:nth-child({column})", "tds => tds.map(t => t.textContent.trim())")
    assert len(statuses) == len(register)
    assert statuses in (sorted(statuses), sorted(statuses, reverse=True))
    assert statuses != [c["status"] for c in register]
    assert not errors, errors


def test_scorecard_anchor_survives_the_table_library(page, site_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    target = _register()[-1]["anchor"]
    page.goto(f"{site_url}/book/scorecard.html#{target}", wait_until="networkidle")
    page.wait_for_selector(".register-filters")
    assert page.locator(f"tr#{target}").count() == 1
    assert page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top < window.innerHeight")


def test_scorecard_reads_without_javascript(browser, site_url: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/book/scorecard.html", wait_until="load")
    assert page.locator("#register tbody tr").count() == len(_register())
    context.close()

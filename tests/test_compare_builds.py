"""tools/compare_builds.py: the check that a commit moving code leaves every result unchanged."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from nickelate_utils.paths import REPO_ROOT

_spec = importlib.util.spec_from_file_location("compare_builds", REPO_ROOT / "tools" / "compare_builds.py")
compare_builds = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(compare_builds)  # type: ignore[union-attr]


def _site(root: Path, method: str, figure: bytes = b"png-1") -> Path:
    (root / "_images").mkdir(parents=True)
    (root / "_images" / "abc.png").write_bytes(figure)
    claims = {"counts": {}, "claims": [{"claim_id": "G1", "ours": 2.67, "method": method}]}
    (root / "claims.json").write_text(json.dumps(claims, indent=1))
    return root


def test_a_pure_move_is_identical_once_the_names_are_mapped(tmp_path: Path) -> None:
    before = _site(tmp_path / "a", "nickelate_utils.growth.max_substitution")
    after = _site(tmp_path / "b", "nickelate_utils.chapters.growth.max_substitution")
    renames = tmp_path / "renames.json"
    renames.write_text(json.dumps({"nickelate_utils.growth": "nickelate_utils.chapters.growth"}))
    assert compare_builds.main([str(before), str(after), "--renames", str(renames)]) == 0
    assert compare_builds.main([str(before), str(after)]) == 1  # without the map the method differs


def test_a_changed_figure_or_value_is_reported(tmp_path: Path, capsys) -> None:  # noqa: ANN001 - pytest fixture
    before = _site(tmp_path / "a", "m.f")
    after = _site(tmp_path / "b", "m.f", figure=b"png-2")
    assert compare_builds.main([str(before), str(after)]) == 1
    assert "figure differs: _images/abc.png" in capsys.readouterr().out
    data = json.loads((after / "claims.json").read_text())
    data["claims"][0]["ours"] = 2.68
    (after / "claims.json").write_text(json.dumps(data, indent=1))
    (after / "_images" / "abc.png").write_bytes(b"png-1")
    assert compare_builds.main([str(before), str(after)]) == 1
    assert "G1 differs in ours" in capsys.readouterr().out


def test_renames_apply_at_name_boundaries_only() -> None:
    renames = {"nickelate_utils.hc2": "nickelate_utils.chapters.hc2"}
    assert compare_builds.apply_renames("nickelate_utils.hc2.fit", renames) == "nickelate_utils.chapters.hc2.fit"
    assert compare_builds.apply_renames("nickelate_utils.hc2_extra.fit", renames) == "nickelate_utils.hc2_extra.fit"

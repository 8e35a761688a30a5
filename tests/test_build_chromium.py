"""`make test` obtains its browser itself (tools/find_chromium.sh), tried with fake PATHs:
$CHROMIUM if set, else Debian's chromium on PATH, else apt-get install as root, else one line
naming the command to run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from nickelate_utils.paths import REPO_ROOT

SCRIPT = REPO_ROOT / "tools" / "find_chromium.sh"
SH = "/bin/sh"


def _fake(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return path


def _run(path_dirs: list[Path], chromium: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CHROMIUM"}
    env["PATH"] = ":".join(str(d) for d in path_dirs)
    if chromium is not None:
        env["CHROMIUM"] = chromium
    return subprocess.run([SH, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30)


def test_chromium_variable_wins(tmp_path: Path) -> None:
    browser = _fake(tmp_path / "elsewhere", "my-chromium", "exit 0")
    debian = _fake(tmp_path / "bin", "chromium", "exit 0")
    result = _run([debian.parent], chromium=str(browser))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(browser)


def test_chromium_variable_must_point_at_an_executable(tmp_path: Path) -> None:
    result = _run([tmp_path], chromium=str(tmp_path / "missing"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "is not an executable file" in result.stderr


def test_debian_chromium_on_path(tmp_path: Path) -> None:
    debian = _fake(tmp_path / "bin", "chromium", "exit 0")
    result = _run([debian.parent])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(debian)


def test_root_installs_chromium_with_apt(tmp_path: Path) -> None:
    fake_bin = tmp_path / "bin"
    log = tmp_path / "apt.log"
    _fake(fake_bin, "id", "echo 0")
    install = f'printf "#!/bin/sh\\n" > {fake_bin}/chromium; /bin/chmod +x {fake_bin}/chromium'
    _fake(fake_bin, "apt-get", f'echo "$*" >> {log}\ncase "$*" in *install*) {install};; esac')
    result = _run([fake_bin])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(fake_bin / "chromium")
    calls = log.read_text().splitlines()
    assert calls[0].startswith("update")
    assert calls[1].startswith("install") and calls[1].endswith("chromium")


def test_without_root_stops_with_one_line_naming_the_command(tmp_path: Path) -> None:
    fake_bin = tmp_path / "bin"
    _fake(fake_bin, "id", "echo 1000")
    _fake(fake_bin, "apt-get", f"touch {tmp_path}/apt-was-called")
    result = _run([fake_bin])
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "apt-get install chromium" in result.stderr
    assert not (tmp_path / "apt-was-called").exists()

"""The Python the project claims is the Python CI tests (``.ci/python-floor``)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from crawling import REPO

FLOOR_SCRIPT = REPO / ".ci" / "python-floor"


def claimed_floor() -> tuple[int, int]:
    spec = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    match = re.fullmatch(r">=(\d+)\.(\d+)", spec)
    assert match, f"requires-python {spec!r}: expected '>=X.Y' (CI tests X.Y)"
    return int(match.group(1)), int(match.group(2))


def floor_check(pyproject: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(FLOOR_SCRIPT), str(pyproject)], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin:/usr/local/bin", **env}, timeout=30)


def test_claimed_floor_has_atomic_groups_the_cleaning_rules_use() -> None:
    uses_atomic_groups = any("(?>" in path.read_text(encoding="utf-8") for path in (REPO / "newscrawl").rglob("*.py"))
    assert not uses_atomic_groups or claimed_floor() >= (3, 11), "re atomic groups need Python 3.11"


def test_ci_picks_the_floor_interpreter(tmp_path: Path) -> None:
    major, minor = claimed_floor()
    result = floor_check(REPO / "pyproject.toml", CI_PYTHON=sys.executable)
    if sys.version_info[:2] == (major, minor):
        assert result.returncode == 0 and result.stdout.strip() == sys.executable, result.stderr
    else:
        assert result.returncode == 1 and f"not {major}.{minor}" in result.stderr


def test_ci_fails_clearly_when_the_floor_is_not_installed(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nrequires-python = ">=3.4"\n', encoding="utf-8")
    result = floor_check(pyproject)
    assert result.returncode == 1 and result.stdout == ""
    assert "python3.4 is not installed: the project claims Python >= 3.4" in result.stderr


def test_ci_refuses_an_interpreter_of_another_version(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nrequires-python = ">=3.99"\n', encoding="utf-8")
    result = floor_check(pyproject, CI_PYTHON=sys.executable)
    assert result.returncode == 1
    assert f"is Python {sys.version_info[0]}.{sys.version_info[1]}, not 3.99" in result.stderr

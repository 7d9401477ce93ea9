"""Every invalid fixture declares its exact problems in `# expect: LINE:COL SEVERITY RULE` lines.

Adding a case is adding one file to fixtures/invalid/.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from ladderpress.check.files import check_paths
from tests.support.paths import FIXTURES

CASES = sorted((FIXTURES / "invalid").glob("*.yaml"))
EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (error|warning) ([a-z-]+)$", re.MULTILINE)


def expected(path: Path) -> set[tuple[int, int, str, str]]:
    found = {
        (int(m[1]), int(m[2]), m[3].decode(), m[4].decode())
        for m in EXPECT.finditer(path.read_bytes())
    }
    assert found, f"{path.name} declares no '# expect:' line"
    return found


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture_reports_exactly_the_expected_problems(path: Path) -> None:
    result = check_paths([path])
    actual = {(p.line, p.col, p.severity.value, p.rule) for p in result.problems}
    assert actual == expected(path)
    assert all(
        p.path == str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else True
        for p in result.problems
    )


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_cli_exit_code_and_no_traceback(path: Path, cli) -> None:
    has_error = any(kind == "error" for _, _, kind, _ in expected(path))
    result = cli("validate", str(path))
    assert result.code == (1 if has_error else 0)
    assert "Traceback" not in result.err + result.out
    for line, col, kind, rule in expected(path):
        assert f":{line}:{col}: {kind}: " in result.err
        assert f"[{rule}]" in result.err


def test_validate_as_a_real_process_prints_no_traceback() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "ladderpress", "validate", *map(str, CASES)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    total = sum(len(expected(p)) for p in CASES)
    assert process.stderr.count(": error: ") + process.stderr.count(": warning: ") == total


def test_a_folder_checked_on_several_cores_reports_what_each_file_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The whole folder is enough files for the worker pool; each file alone is not.
    from ladderpress.check import files as validate

    assert len(CASES) >= validate.PARALLEL_FILES
    together = check_paths([FIXTURES / "invalid"])
    monkeypatch.setattr(validate, "PARALLEL_FILES", 10**9)
    one_by_one = check_paths([FIXTURES / "invalid"])
    assert together.problems == one_by_one.problems
    assert {p.path for p in together.problems} >= {
        str(c.relative_to(Path.cwd())) if c.is_relative_to(Path.cwd()) else str(c) for c in CASES
    }

"""The pipeline's shape, as the README's code map describes it: import-linter enforces the
layers (pyproject.toml); this adds what it does not check."""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parents[2]
# The longest chain of modules importing one another when the package loads. Each link
# is a module to read before the one above makes sense; the issue that laid out the
# stages set this bound (it was 16 in the flat package).
LONGEST_CHAIN = 9


def _graph(*, type_checking: bool) -> dict[str, set[str]]:
    graph = grimp.build_graph(
        "ladderpress", exclude_type_checking_imports=not type_checking, cache_dir=None
    )
    return {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in graph.modules}
        for module in graph.modules
    }


def test_no_import_cycles_not_even_for_type_checks() -> None:
    edges = _graph(type_checking=True)
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(edges[module]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, path)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_the_longest_import_chain_is_short() -> None:
    # Imports for type checks load nothing; `python -m ladderpress` is the CLI's alias.
    edges = _graph(type_checking=False)
    edges.pop("ladderpress.__main__", None)

    @functools.cache
    def longest(module: str) -> tuple[str, ...]:
        chains = [longest(other) for other in edges[module] if other in edges]
        return (module, *max(chains, key=len, default=()))

    chain = max((longest(module) for module in sorted(edges)), key=len)
    assert len(chain) <= LONGEST_CHAIN, " -> ".join(chain)


def test_import_linter_contracts_hold() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.fail("lint-imports is not installed; './dev setup' installs it")
    result = subprocess.run(
        [command, "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_no_module_over_400_lines() -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "src", "benchmarks", "tests"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    long = [
        f"{name}: {count}"
        for name in tracked
        if name.endswith(".py")
        and (REPO / name).is_file()
        and (count := len((REPO / name).read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == []

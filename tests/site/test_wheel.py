"""The wheel carries its theme and schema: install it into a fresh virtualenv and build a
site in a folder outside the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from ladderpress.render import search
from tests.support.paths import FIXTURES, REPO


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_wheel_installs_and_builds_outside_the_repo(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", dist, REPO)
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("ladderpress-*.whl")

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = run(python, "-m", "pip", "install", "--quiet", wheel)
    assert installed.returncode == 0, installed.stderr

    site = tmp_path / "elsewhere"
    (site / "frameworks").mkdir(parents=True)
    shutil.copy(FIXTURES / "site/frameworks/acme-engineering.yaml", site / "frameworks")
    ladderpress = env_dir / "bin" / "ladderpress"
    assert run(ladderpress, "--version").stdout.startswith("ladderpress ")
    validated = run(ladderpress, "validate", cwd=site)
    assert validated.returncode == 0, validated.stderr
    result = run(ladderpress, "build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (site / "_site/acme-engineering/levels/senior/index.html").is_file()
    assert (site / "_site/assets/style.css").is_file()
    if search.binary_published(*search.running_platform()):
        # A plain install brings Pagefind's binary: the site has search with no extra.
        assert "search index skipped" not in result.stderr
        assert (site / "_site/search/index.html").is_file()
    as_module = run(python, "-m", "ladderpress", "build", "--quiet", "--out", "second", cwd=site)
    assert as_module.returncode == 0, as_module.stderr
    # The package must not reach back into the source checkout.
    located = run(
        python,
        "-c",
        "from ladderpress.core import resources as r; "
        "print(r.default_theme_dir()); print(r.schema_dir())",
        cwd=site,
    )
    assert str(REPO) not in located.stdout
    assert "site-packages" in located.stdout

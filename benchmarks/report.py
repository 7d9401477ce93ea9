"""What a benchmark run reports: the ratios and targets of each size, the tables printed
and written to the README, and the JSON file that keeps them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from measure import Run

SCENARIOS = (
    "cold",
    "noop",
    "edit-framework",
    "edit-template",
    "validate",
    "hugo",
    "mkdocs",
    "serve-edit",
)
DEFAULT_SCENARIOS = SCENARIOS[:-1]  # serve-edit is opt-in: it starts a server
# Targets from the project's issue, stated for 1,000 frameworks.
TARGET_HUGO_RATIO = 2.0  # ladderpress cold build at most 2x Hugo's time
TARGET_MKDOCS_RATIO = 5.0  # MkDocs at least 5x slower than ladderpress
TARGET_NOOP_S = 1.0
TARGET_EDIT_S = 0.5
TARGET_MEMORY_MB = 1024.0


def ratios(runs: dict[str, Run]) -> dict[str, float | None]:
    cold, hugo, mkdocs = runs.get("cold"), runs.get("hugo"), runs.get("mkdocs")
    result: dict[str, float | None] = {
        "ladderpress_over_hugo": None,
        "mkdocs_over_ladderpress": None,
    }
    if cold and cold.ok and hugo and hugo.ok:
        result["ladderpress_over_hugo"] = round(cold.wall_s / hugo.wall_s, 2)
    if cold and cold.ok and mkdocs and mkdocs.ok:
        result["mkdocs_over_ladderpress"] = round(mkdocs.wall_s / cold.wall_s, 2)
    return result


def targets(runs: dict[str, Run]) -> dict[str, dict[str, Any]]:
    """The issue's targets, checked at this size (they are stated for 1,000 frameworks)."""
    r = ratios(runs)
    found: dict[str, dict[str, Any]] = {}

    def check(key: str, value: float | None, limit: float, at_most: bool, text: str) -> None:
        met = None if value is None else (value <= limit if at_most else value >= limit)
        found[key] = {"target": text, "value": value, "met": met}

    check(
        "cold_vs_hugo", r["ladderpress_over_hugo"], TARGET_HUGO_RATIO, True,
        "full build within 2x Hugo's time",
    )  # fmt: skip
    check(
        "mkdocs_vs_cold", r["mkdocs_over_ladderpress"], TARGET_MKDOCS_RATIO, False,
        "at least 5x faster than MkDocs",
    )  # fmt: skip
    noop = runs.get("noop")
    check(
        "noop_s", round(noop.wall_s, 3) if noop and noop.ok else None, TARGET_NOOP_S, True,
        "no-op rebuild under 1 s",
    )  # fmt: skip
    edit = runs.get("edit-framework")
    check(
        "edit_framework_s", round(edit.wall_s, 3) if edit and edit.ok else None, TARGET_EDIT_S,
        True, "one-framework edit under 0.5 s to a written page",
    )  # fmt: skip
    serve = runs.get("serve-edit")
    if serve is not None:
        check(
            "serve_edit_s", round(serve.wall_s, 3) if serve.ok else None, TARGET_EDIT_S, True,
            "one-framework edit under 0.5 s to a written page (serve)",
        )  # fmt: skip
    builds = [runs[k] for k in ("cold", "noop", "edit-framework", "edit-template") if k in runs]
    peak = max((run.memory_mb for run in builds), default=None)
    check(
        "memory_mb", round(peak, 1) if peak is not None else None, TARGET_MEMORY_MB, True,
        "memory under 1 GB",
    )  # fmt: skip
    return found


def _fmt(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def print_table(results: list[dict[str, Any]]) -> None:
    print("\n" + markdown_table(results))
    for result in results:
        print(f"\nTargets at {result['frameworks']} frameworks (stated for 1,000):")
        for target in result["targets"].values():
            met = {True: "met", False: "NOT met", None: "not measured"}[target["met"]]
            print(f"  {target['target']:<52} {_fmt(target['value'], '')!s:>10}  {met}")


def markdown_table(results: list[dict[str, Any]]) -> str:
    """The results as a Markdown table, one row per size and run."""
    rows = [
        "| frameworks | pages | run | wall (s) | CPU (s) | pages/s | peak memory (MB) | written "
        "| stages (ms) |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for result in results:
        for name, run in result["runs"].items():
            pages = run["pages"] if name in ("hugo", "mkdocs") else result["html_files"]
            rate = pages / run["wall_s"] if pages and name in ("cold", "hugo", "mkdocs") else None
            stages = ", ".join(f"{k} {v:,.0f}" for k, v in run["stages_ms"].items())
            state = "" if run["exit_code"] == 0 and not run["timed_out"] else " (failed)"
            cpu = "—" if name == "serve-edit" else f"{run['cpu_s']:.2f}"  # serve: whole life
            rows.append(
                f"| {result['frameworks']:,} | {pages or '—'} | {name}{state} | "
                f"{run['wall_s']:.2f} | {cpu} | {_fmt(rate, ',.0f')} | "
                f"{max(run['peak_rss_mb'], run['peak_tree_pss_mb']):,.0f} | "
                f"{_fmt(run['written'], '')} | {stages} |"
            )
    for result in results:
        r = result["ratios"]
        if r["ladderpress_over_hugo"] is None and r["mkdocs_over_ladderpress"] is None:
            continue
        rows.append(
            f"\nAt {result['frameworks']:,} frameworks: ladderpress / Hugo = "
            f"{_fmt(r['ladderpress_over_hugo'], '.1f')}x, MkDocs / ladderpress = "
            f"{_fmt(r['mkdocs_over_ladderpress'], '.2f')}x"
        )
    return "\n".join(rows)


def targets_table(results: list[dict[str, Any]]) -> str:
    """One row per target, one column per size: the measured value and whether it is met."""
    sizes = [r["frameworks"] for r in results]
    rows = [
        "| target | " + " | ".join(f"{size:,} frameworks" for size in sizes) + " |",
        "| --- |" + " ---: |" * len(sizes),
    ]
    keys: list[str] = []
    for result in results:
        keys += [k for k in result["targets"] if k not in keys]
    units = {"noop_s": " s", "edit_framework_s": " s", "serve_edit_s": " s", "memory_mb": " MB"}
    for key in keys:
        text = next(r["targets"][key]["target"] for r in results if key in r["targets"])
        cells = []
        for result in results:
            target = result["targets"].get(key)
            if target is None or target["value"] is None:
                cells.append("—")
                continue
            value = target["value"]
            shown = f"{value:,.0f}" if key == "memory_mb" else f"{value:g}"
            suffix = units.get(key, "x")
            cells.append(f"{shown}{suffix} {'met' if target['met'] else '**not met**'}")
        rows.append(f"| {text} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def merge_sizes(earlier: list[dict[str, Any]], done: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sizes measured now replace the same runs of an earlier result on the same corpus."""
    by_size = {int(r["frameworks"]): r for r in earlier}
    for new in done:
        old = by_size.get(int(new["frameworks"]))
        if old is not None and old.get("statements") == new["statements"]:
            runs = {**old["runs"], **new["runs"]}
            merged = dict(old)
            for key, value in new.items():
                if key != "runs" and (value not in (None, 0, {}) or not old.get(key)):
                    merged[key] = value  # a partial run keeps the earlier page counts
            merged["runs"] = runs
            objects = {name: Run(**run) for name, run in runs.items()}
            merged["ratios"] = ratios(objects)
            merged["targets"] = targets(objects)
            merged["scenarios"] = [s for s in SCENARIOS if s in runs]
            by_size[int(new["frameworks"])] = merged
        else:
            by_size[int(new["frameworks"])] = new
    return [by_size[size] for size in sorted(by_size)]


def write_json(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

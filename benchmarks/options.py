"""The command line of run.py: its options, and the parsing of their values."""

from __future__ import annotations

import argparse
from pathlib import Path

import corpus
from report import DEFAULT_SCENARIOS, SCENARIOS

DEFAULT_JSON = Path(__file__).resolve().parent / "results.json"


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from exc
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive numbers")
    return sizes


def parse_scenarios(text: str) -> list[str]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    unknown = sorted(set(names) - set(SCENARIOS))
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown scenario(s) {unknown}; choose from {SCENARIOS}")
    return names


def argument_parser() -> argparse.ArgumentParser:
    """run.py's argument parser."""
    parser = argparse.ArgumentParser(
        description="Benchmark ladderpress builds against Hugo and MkDocs on equivalent content.",
    )
    parser.add_argument(
        "--sizes", type=parse_sizes, help="numbers of frameworks, comma-separated (default: 10,100)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: size 10 only (unless --sizes), without Hugo and MkDocs",
    )
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write results")
    parser.add_argument(
        "--scenarios",
        type=parse_scenarios,
        default=list(DEFAULT_SCENARIOS),
        help=f"comma-separated subset of {','.join(SCENARIOS)} (the build scenarios, hugo "
        "and mkdocs also run cold, which they start from)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        help="runs per scenario, median kept (default: 3 up to 10 frameworks, else 1)",
    )
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument(
        "--timeout", type=float, default=3600.0, help="seconds before a run is killed"
    )
    parser.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=100,
        metavar="SIZE",
        help="also cProfile one cold build (default size 100) and keep the top 15",
    )
    parser.add_argument(
        "--ladderpress", help="ladderpress executable to run as is (default: a snapshot)"
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="run the working tree itself instead of a snapshot taken at the start",
    )
    parser.add_argument("--keep", action="store_true", help="keep the built sites in .cache/")
    parser.add_argument(
        "--memory-limit",
        type=float,
        metavar="GB",
        help="address-space cap per process, so that a run too big for the machine fails",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="keep the other sizes already in the JSON file, replacing only the ones run now",
    )
    parser.add_argument(
        "--show",
        action="store_true",
        help="print the Markdown tables of the --json file and exit, measuring nothing",
    )
    return parser

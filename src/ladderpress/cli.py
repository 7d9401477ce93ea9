"""Command line: argument parsing, dispatch and exit codes; no logic of its own."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .build import build
from .config import SiteConfig, load_config
from .problems import InputError, Problem, format_github, format_json, format_text, summary_line
from .validate import check_paths

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _print_problems(problems: list[Problem], fmt: str = "text") -> None:
    if fmt == "json":
        print(format_json(problems))
        return
    formatter = format_github if fmt == "github" else format_text
    for problem in problems:
        print(formatter(problem), file=sys.stdout if fmt == "github" else sys.stderr)


def _site_config(args: argparse.Namespace) -> SiteConfig:
    config = load_config(Path(args.site), Path(args.config) if args.config else None)
    if getattr(args, "base_url", None):
        base = args.base_url if args.base_url.endswith("/") else args.base_url + "/"
        config = replace(config, base_url=base)
    return config


def cmd_validate(args: argparse.Namespace) -> int:
    if args.paths:
        paths = [Path(p) for p in args.paths]
    else:
        try:
            paths = [_site_config(args).frameworks_dir]
        except InputError as exc:
            _print_problems(exc.problems, args.format)
            return EXIT_INVALID
    result = check_paths(paths)
    shown = [p for p in result.problems if p.is_error or not args.errors_only]
    _print_problems(shown, args.format)
    if args.format != "json" and not args.quiet:
        print(summary_line(shown, result.files), file=sys.stderr)
    if not result.ok or (args.strict and shown):
        return EXIT_INVALID
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    try:
        config = _site_config(args)
        out = Path(args.out) if args.out else config.output_dir
        report = build(config, out=out, clean=args.clean)
    except InputError as exc:
        _print_problems(exc.problems)
        print("Build failed; the previous output was left unchanged.", file=sys.stderr)
        return EXIT_INVALID
    if args.verbose:
        _print_problems(report.warnings)
        for stage, seconds in report.timings.items():
            print(f"  {stage:<14} {seconds * 1000:8.1f} ms", file=sys.stderr)
    elif report.warnings and not args.quiet:
        print(
            f"{len(report.warnings)} warning(s); run 'ladderpress validate' to see them",
            file=sys.stderr,
        )
    if not args.quiet:
        for note in report.notes:
            print(f"note: {note}", file=sys.stderr)
        print(report.summary(out))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import serve

    try:
        config = _site_config(args)
    except InputError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    return serve(
        config,
        host=args.host,
        port=args.port,
        out=Path(args.out) if args.out else None,
        open_browser=args.open,
    )


def cmd_import(args: argparse.Namespace) -> int:
    from .importers import import_file

    try:
        result = import_file(Path(args.source), slug=args.slug, organisation=args.organisation)
    except InputError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    _print_problems(result.warnings)
    if args.stdout:
        sys.stdout.write(result.yaml_text)
        return EXIT_OK
    target = Path(args.out) if args.out else Path(args.site) / "frameworks" / f"{result.slug}.yaml"
    if target.exists() and not args.force:
        print(f"{target} already exists; use --force to replace it, or --out", file=sys.stderr)
        return EXIT_INVALID
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(result.yaml_text, encoding="utf-8")
    print(
        f"Imported {args.source} ({result.format}) into {target} with "
        f"{len(result.warnings)} warning(s) to review; then run 'ladderpress validate'."
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import framework_csv, framework_record, index_record, to_json

    try:
        paths = [Path(p) for p in args.paths] or [_site_config(args).frameworks_dir]
    except InputError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    result = check_paths(paths)
    if not result.ok:
        _print_problems([p for p in result.problems if p.is_error])
        return EXIT_INVALID
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    formats = set(args.format.split(","))
    for framework in result.frameworks:
        if "json" in formats:
            (out / f"{framework.slug}.json").write_bytes(to_json(framework_record(framework)))
        if "csv" in formats:
            (out / f"{framework.slug}.csv").write_bytes(framework_csv(framework))
    (out / "frameworks.json").write_bytes(to_json(index_record(result.frameworks)))
    if not args.quiet:
        print(f"Exported {len(result.frameworks)} framework(s) to {out}")
    return EXIT_OK


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site",
        default=".",
        metavar="DIR",
        help="site folder holding ladderpress.yaml and frameworks/ (default: .)",
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="site config file (default: DIR/ladderpress.yaml, if present)",
    )


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ladderpress",
        description="Publish career progression frameworks written in YAML as a static website.",
    )
    parser.add_argument("--version", action="version", version=f"ladderpress {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check framework files and report every problem with file:line:col",
        description="Check framework files against the schema and the semantic rules, and "
        "report every problem as path:line:col. Exit 0 when valid, 1 when not.",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="framework files or folders (default: the site's frameworks/)",
    )
    validate.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text (default), github workflow annotations, or json",
    )
    validate.add_argument("--strict", action="store_true", help="treat warnings as errors")
    validate.add_argument("--errors-only", action="store_true", help="do not show warnings")
    validate.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    _site_options(validate)
    validate.set_defaults(handler=cmd_validate)

    build_cmd = commands.add_parser(
        "build",
        help="build the site into the output folder",
        description="Validate the frameworks and build the static site. A failed build "
        "leaves the previous output untouched.",
    )
    _site_options(build_cmd)
    build_cmd.add_argument("-o", "--out", metavar="DIR", help="output folder (default: _site)")
    build_cmd.add_argument(
        "--base-url",
        metavar="URL",
        help="absolute URL the site is published at, for canonical links",
    )
    build_cmd.add_argument(
        "--clean", action="store_true", help="rewrite every file, even those that did not change"
    )
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    build_cmd.add_argument(
        "-v", "--verbose", action="store_true", help="show warnings and time per stage"
    )
    build_cmd.set_defaults(handler=cmd_build)

    serve_cmd = commands.add_parser(
        "serve",
        help="build, serve on localhost and rebuild on every change",
        description="Build the site, serve it on 127.0.0.1 and rebuild when a framework, the "
        "config or the theme changes; the browser reloads by itself.",
    )
    _site_options(serve_cmd)
    serve_cmd.add_argument("-o", "--out", metavar="DIR", help="output folder (default: _site)")
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve_cmd.add_argument(
        "-p", "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)"
    )
    serve_cmd.add_argument("--open", action="store_true", help="open the site in a browser")
    serve_cmd.set_defaults(handler=cmd_serve)

    import_cmd = commands.add_parser(
        "import",
        help="turn a spreadsheet, Monzo or FT ladder into a framework file",
        description="Import a ladder from a CSV/TSV/XLSX spreadsheet (competencies as rows, "
        "levels as columns), Monzo's Markdown pages or the FT's YAML, and write a "
        "framework file that validates. Warnings say what to review.",
    )
    import_cmd.add_argument("source", metavar="FILE", help="file or folder to import")
    import_cmd.add_argument("--slug", help="framework slug (default: from the file name)")
    import_cmd.add_argument("--organisation", help="organisation name to fill in")
    import_cmd.add_argument(
        "-o", "--out", metavar="FILE", help="where to write (default: frameworks/<slug>.yaml)"
    )
    import_cmd.add_argument("--stdout", action="store_true", help="print the YAML instead")
    import_cmd.add_argument("--force", action="store_true", help="replace an existing file")
    _site_options(import_cmd)
    import_cmd.set_defaults(handler=cmd_import)

    export_cmd = commands.add_parser(
        "export",
        help="write the frameworks as JSON and CSV",
        description="Validate the frameworks and write <slug>.json, <slug>.csv and "
        "frameworks.json, the same files the built site publishes.",
    )
    export_cmd.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="framework files or folders (default: the site's frameworks/)",
    )
    export_cmd.add_argument(
        "-o", "--out", metavar="DIR", default="export", help="output folder (default: export)"
    )
    export_cmd.add_argument("--format", default="json,csv", help="json, csv or json,csv")
    export_cmd.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    _site_options(export_cmd)
    export_cmd.set_defaults(handler=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130

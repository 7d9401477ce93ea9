"""What each command does; cli.py parses arguments and dispatches here."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from ladderpress.build import build
from ladderpress.check.config import load_config
from ladderpress.check.files import check_paths
from ladderpress.check.ignores import apply_site_lints
from ladderpress.check.placeholders import EXAMPLE_ORGANISATION
from ladderpress.core.problems import InputError, Problem
from ladderpress.core.reporters import (
    REPORTERS,
    summary_line,
)
from ladderpress.core.site import SiteConfig
from ladderpress.core.terminal import printable

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _print_problems(problems: list[Problem], fmt: str = "text") -> None:
    # Text is for the person at the terminal (standard error, beside other messages);
    # annotations and JSON are the command's output, for a workflow or a tool to read.
    stream = sys.stderr if fmt == "text" else sys.stdout
    for line in REPORTERS[fmt](problems):
        print(line, file=stream)


class CommandError(Exception):
    """A mistake in how a command was run, told in one line; cli.py prints it."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _require_site(site: str) -> None:
    """Refuse a --site folder that is not there, rather than create one by writing into it."""
    folder = Path(site)
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise CommandError(
            f"site folder '{site}' {what}; give an existing folder, or create a site with "
            f"'ladderpress init {site}'"
        )


def _read_config(args: argparse.Namespace) -> SiteConfig:
    config = load_config(Path(args.site), Path(args.config) if args.config else None)
    if getattr(args, "base_url", None):  # already normalised by cli.py, as the config's is
        config = replace(config, base_url=args.base_url)
    return config


def _site_config(args: argparse.Namespace) -> SiteConfig:
    _require_site(args.site)
    return _read_config(args)


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        if args.paths:
            paths = [Path(p) for p in args.paths]
            # The site's `lints:` apply to files named one by one too (a pre-commit hook's).
            config = _read_config(args) if args.config or Path(args.site).is_dir() else None
        else:
            config = _site_config(args)
            paths = [config.frameworks_dir]
    except InputError as exc:
        _print_problems(exc.problems, args.format)
        return EXIT_INVALID
    result = check_paths(paths)
    problems = apply_site_lints(result.problems, dict(config.lints) if config else {})
    shown = [p for p in problems if p.is_error or not args.errors_only]
    _print_problems(shown, args.format)
    if args.format not in ("json", "sarif") and not args.quiet:
        print(summary_line(shown, result.files), file=sys.stderr)
    if any(p.is_error for p in problems) or (args.strict and shown):
        return EXIT_INVALID
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    out: Path | None = None
    try:
        config = _site_config(args)
        out = Path(args.out) if args.out else config.output_dir
        report = build(config, out=out, clean=args.clean, strict=args.strict)
    except InputError as exc:
        _print_problems(exc.problems)
        kept = out is not None and out.is_dir() and any(out.iterdir())
        outcome = "the previous output was left unchanged" if kept else "nothing was written"
        strict = args.strict and not any(p.is_error for p in exc.problems)
        print(
            f"Build failed{' (--strict: warnings fail it)' if strict else ''}; {outcome}.",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if args.verbose:
        _print_problems(report.warnings)
        for stage, seconds in report.timings.items():
            print(f"  {stage:<14} {seconds * 1000:8.1f} ms", file=sys.stderr)
        print(f"  pages: {report.rendered} rendered, {report.reused} reused", file=sys.stderr)
    elif report.warnings and not args.quiet:
        print(
            f"{len(report.warnings)} warning(s); run 'ladderpress validate' to see them",
            file=sys.stderr,
        )
    if not args.quiet:
        for note in report.notes:
            print(printable(f"note: {note}"), file=sys.stderr)
        print(report.summary(out))
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ladderpress.app.serve import serve

    try:
        config = _site_config(args)
    except InputError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    return serve(
        config,
        # Read again on each rebuild: a site folder gone by then is a failed build, not an exit.
        lambda: _read_config(args),
        host=args.host,
        port=args.port,
        out=Path(args.out) if args.out else None,
        open_browser=args.open,
    )


def cmd_init(args: argparse.Namespace) -> int:
    from ladderpress.app.scaffold import init_site

    folder = Path(args.directory)
    try:
        created = init_site(folder, title=args.title, force=args.force)
    except FileExistsError as exc:
        print(
            f"not overwriting existing files: {exc}; use --force to replace them", file=sys.stderr
        )
        return EXIT_INVALID
    for path in created:
        print(f"  created {path}")
    where = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder} && "
    print(f"Site ready. Next: {where}ladderpress serve")
    return EXIT_OK


def _ask(question: str, default: str, interactive: bool) -> str:
    if not interactive:
        return default
    answer = input(f"{question} [{default}]: ").strip()
    return answer or default


def cmd_new(args: argparse.Namespace) -> int:
    from ladderpress.app.scaffold import framework_text, schema_reference, slug_problem

    problem = slug_problem(args.slug)
    if problem:
        print(f"'{args.slug}' cannot be a framework slug: {problem}", file=sys.stderr)
        return EXIT_USAGE
    config = _site_config(args)
    target = config.frameworks_dir / f"{args.slug}.yaml"
    if target.exists() and not args.force:
        print(f"{target} already exists; use --force to replace it", file=sys.stderr)
        return EXIT_INVALID
    interactive = sys.stdin.isatty() and not args.yes
    organisation = args.organisation or _ask("Organisation", EXAMPLE_ORGANISATION, interactive)
    title = args.title or _ask("Framework title", f"{organisation} career framework", interactive)
    levels = args.levels or _ask(
        "Levels, lowest first", "Junior, Mid-level, Senior, Staff", interactive
    )
    management = args.management
    if management is None:
        management = _ask("Add a management track? (y/n)", "y", interactive).lower().startswith("y")
    text = framework_text(
        title=title,
        organisation=organisation,
        levels=[name.strip() for name in levels.split(",") if name.strip()],
        management=management,
        discipline=args.discipline,
        schema_url=schema_reference(config.root, config.frameworks_dir, config.base_url),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Created {target}. Edit it, then run 'ladderpress validate'.")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ladderpress.importers import import_tree

    if not args.out and not args.stdout:
        _require_site(args.site)
    source = Path(args.source)
    try:
        tree = import_tree(
            source,
            slug=args.slug,
            organisation=args.organisation,
            format_name=args.format,
            disciplines=tuple(args.discipline or ()),
            sheet=args.sheet,
        )
    except InputError as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    folder = tree.folder
    refused = 0
    for result in tree.results:
        _print_problems(result.warnings)
        if args.stdout:
            sys.stdout.write(("---\n" if folder else "") + result.yaml_text)
            continue
        if args.out:
            target = Path(args.out) / f"{result.slug}.yaml" if folder else Path(args.out)
        else:
            target = Path(args.site) / "frameworks" / f"{result.slug}.yaml"
        if target.is_dir():
            print(f"{target} is a folder; give --out a file name ending in .yaml", file=sys.stderr)
            refused += 1
            continue
        if target.exists() and not args.force:
            print(f"{target} already exists; use --force to replace it, or --out", file=sys.stderr)
            refused += 1
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(result.yaml_text, encoding="utf-8")
        except OSError as exc:
            print(f"{target}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            refused += 1
            continue
        print(
            f"Imported {result.source} ({result.format}) into {target} with "
            f"{len(result.warnings)} warning(s) to review"
        )
    for shown, problems in tree.failed:
        _print_problems(problems)
        print(f"{shown}: not imported, see the error(s) above", file=sys.stderr)
    _print_problems(tree.skipped)
    if folder:
        print(
            f"{len(tree.results)} framework(s) imported, {len(tree.failed)} could not be, "
            f"{len(tree.skipped)} file(s) skipped as no framework",
            file=sys.stderr if tree.failed else sys.stdout,
        )
    if not args.stdout and tree.results:
        print("Then run 'ladderpress validate'.")
    return EXIT_INVALID if tree.failed or refused else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ladderpress.core.urls import index_json_url
    from ladderpress.render.export import export_files, index_record, to_json

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
    # At the site's paths: a translation's files go under <language>/, never over the
    # original's, and the index lists the originals, as the site's does.
    for framework in result.frameworks:
        for file in export_files(framework):
            if file.path.rpartition(".")[2] in formats:
                target = out / file.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file())
    originals = [f for f in result.frameworks if f.language is None]
    (out / index_json_url()).write_bytes(to_json(index_record(originals)))
    if not args.quiet:
        print(f"Exported {len(result.frameworks)} framework(s) to {out}")
    return EXIT_OK

"""Command line: argument parsing, dispatch and exit codes; no logic of its own."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Sequence

from ladderpress import __version__
from ladderpress.app.commands import (
    EXIT_INVALID,
    EXIT_USAGE,
    CommandError,
    cmd_build,
    cmd_export,
    cmd_import,
    cmd_init,
    cmd_new,
    cmd_serve,
    cmd_validate,
)
from ladderpress.check.config import normalise_base_url
from ladderpress.core.reporters import REPORTERS
from ladderpress.importers import REGISTRY as IMPORT_FORMATS


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


def _base_url(value: str) -> str:
    try:
        return normalise_base_url(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def make_parser() -> argparse.ArgumentParser:
    return _make_parsers()[0]


def _make_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's own, which reports its own mistakes."""
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
        choices=list(REPORTERS),
        default="text",
        help="text (default), github workflow annotations, json, or sarif (GitHub code scanning)",
    )
    validate.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only errors"
    )
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
        type=_base_url,
        help="absolute URL the site is published at, for canonical links",
    )
    build_cmd.add_argument(
        "--clean", action="store_true", help="rewrite every file, even those that did not change"
    )
    build_cmd.add_argument(
        "--strict",
        action="store_true",
        help="fail on warnings too, leaving the previous output untouched",
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

    init_cmd = commands.add_parser(
        "init",
        help="create a site folder with a starter framework",
        description="Create a site folder: ladderpress.yaml, a starter framework, a theme "
        "override example and a GitHub workflow publishing to Pages.",
    )
    init_cmd.add_argument(
        "directory",
        nargs="?",
        default=".",
        metavar="DIR",
        help="folder to create or fill (default: .)",
    )
    init_cmd.add_argument("--title", default="Career frameworks", help="site title")
    init_cmd.add_argument("--force", action="store_true", help="replace existing files")
    init_cmd.set_defaults(handler=cmd_init)

    new_cmd = commands.add_parser(
        "new",
        help="create a framework file from a commented template",
        description="Create frameworks/SLUG.yaml, valid at once, with comments that explain "
        "every part. Asks a few questions in a terminal unless given as flags.",
    )
    new_cmd.add_argument("slug", metavar="SLUG", help="file name and URL, e.g. acme-engineering")
    new_cmd.add_argument("--title", help="framework title")
    new_cmd.add_argument("--organisation", help="organisation name")
    new_cmd.add_argument("--levels", help="level names, lowest first, comma-separated")
    new_cmd.add_argument("--discipline", default="engineering", help="discipline id")
    new_cmd.add_argument(
        "--management",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add a management track branching after the second level",
    )
    new_cmd.add_argument("-y", "--yes", action="store_true", help="ask nothing, use defaults")
    new_cmd.add_argument("--force", action="store_true", help="replace an existing file")
    _site_options(new_cmd)
    new_cmd.set_defaults(handler=cmd_new)

    import_cmd = commands.add_parser(
        "import",
        help="turn a ladder kept in another format into a framework file",
        description="Import a ladder kept in another format and write a framework file that "
        "validates. Warnings say what to review. Formats: "
        + "; ".join(fmt.summary() for fmt in IMPORT_FORMATS)
        + ".",
    )
    import_cmd.add_argument(
        "source",
        metavar="FILE",
        help="file or folder to import; a folder gives one framework per source framework",
    )
    import_cmd.add_argument(
        "--format",
        choices=[fmt.name for fmt in IMPORT_FORMATS],
        help="read FILE as this format (default: from its extension, else its content)",
    )
    import_cmd.add_argument(
        "--slug",
        help="framework slug (default: from the file name); for a folder, a prefix of the "
        "slugs made from its files' paths",
    )
    import_cmd.add_argument(
        "--organisation", help="organisation name (default: guessed from the folders)"
    )
    import_cmd.add_argument(
        "--discipline",
        action="append",
        metavar="ID",
        help="a discipline the framework covers; repeat for several (default: guessed)",
    )
    import_cmd.add_argument(
        "--sheet", metavar="NAME", help="the workbook sheet to read, by name or number"
    )
    import_cmd.add_argument(
        "-o",
        "--out",
        metavar="PATH",
        help="where to write (default: frameworks/<slug>.yaml); a folder when importing one",
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
    return parser, dict(commands.choices)


def _nearest(words: Sequence[str], choices: Sequence[str]) -> str:
    matches = [m for w in words for m in difflib.get_close_matches(w, choices, n=1)]
    return f" (did you mean {' or '.join(matches)}?)" if matches else ""


def _unrecognised(extras: list[str], parser: argparse.ArgumentParser) -> str:
    # argparse has no public list of a parser's options; _actions is stable since 3.2.
    options = [name for action in parser._actions for name in action.option_strings]
    flags = [extra.split("=", 1)[0] for extra in extras if extra.startswith("-")]
    return f"unrecognized arguments: {' '.join(extras)}{_nearest(flags, options)}"


def _check_command(argv: Sequence[str], parser: argparse.ArgumentParser, names: list[str]) -> None:
    """An unknown command, with the nearest known one. No top-level option takes a value,
    so the first word that is not an option is the command."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    if word is not None and word not in names:
        parser.error(
            f"unknown command '{word}'{_nearest([word], names)}; "
            f"the commands are {', '.join(names)}"
        )


def _parse(argv: Sequence[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    parser, commands = _make_parsers()
    _check_command(argv, parser, list(commands))
    args, extras = parser.parse_known_args(argv)
    if extras:  # reported by the command they were given to, with its usage
        owner = commands.get(args.command or "", parser)
        owner.error(_unrecognised(extras, owner))
    return parser, args


def _working_folder_problem() -> str | None:
    try:
        os.getcwd()
    except FileNotFoundError:
        return (
            "the current folder no longer exists (it was deleted or moved); "
            "cd into an existing folder and run the command again"
        )
    except OSError as exc:
        return f"cannot use the current folder: {exc.strerror or exc}"
    return None


def _discard_output() -> None:
    """After a reader went away: send what is left to /dev/null, so that flushing the
    streams at exit cannot fail again and print a traceback of its own."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (AttributeError, OSError, ValueError):
            continue  # not a real file (a test's capture): nothing to flush at exit


def _run(argv: Sequence[str]) -> int:
    try:
        parser, args = _parse(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    problem = _working_folder_problem()
    if problem is not None:
        print(f"ladderpress {args.command}: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except CommandError as exc:
        print(f"ladderpress {args.command}: error: {exc}", file=sys.stderr)
        return exc.code


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(sys.argv[1:] if argv is None else argv)
        # Flushed here, not at exit, so that a closed pipe is noticed while it can be handled.
        sys.stdout.flush()
        sys.stderr.flush()
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`| head`): stop quietly, as other command-line tools
        # do; the exit code is Python's documented one for this.
        _discard_output()
        return EXIT_INVALID

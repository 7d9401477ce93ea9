"""How `ladderpress import` finds a source's format among the registered ones.

The registry (`REGISTRY` in `__init__.py`) hands its formats over in sniffing order. A
file's extension picks the format that claims it; a folder is the first format's that
reads folders and whose files it holds; an extension in `REFUSED_SUFFIXES` is refused
with advice; any other file is sniffed from its first bytes, format by format.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ladderpress.core.paths import display_path
from ladderpress.importers.draft import Origin
from ladderpress.importers.formats import HEAD_BYTES, ImportFormat

REFUSED_SUFFIXES = (".xls", ".ods", ".numbers", ".json")


def choose_format(
    formats: Sequence[ImportFormat], path: Path, name: str | None, shown: str | None = None
) -> ImportFormat:
    """The one of `formats` called `name`, or when None the one `path` is in; raises
    InputError when `path` is missing, is in no format, or is a folder that format cannot
    read."""
    if name is None:
        return detect(formats, path, shown)
    where = Origin(shown or display_path(path), 1, 1)
    found = [fmt for fmt in formats if fmt.name == name]
    if not found:
        raise where.fail(
            f"there is no import format '{name}'; use one of "
            + ", ".join(fmt.name for fmt in formats),
            "import-format",
        )
    fmt = found[0]
    if not path.exists():
        raise where.fail("no such file or folder", "io")
    if path.is_dir() and not fmt.reads_folders:
        raise where.fail(f"the {name} format reads a file, not a folder", "import-format")
    return fmt


def detect(formats: Sequence[ImportFormat], path: Path, shown: str | None = None) -> ImportFormat:
    """The one of `formats` (in sniffing order) that `path` is in, by the rules above;
    raises InputError when it is none of them."""
    where = Origin(shown or display_path(path), 1, 1)
    if path.is_dir():
        found = {p.suffix.lower() for p in path.iterdir() if p.is_file()}
        for fmt in formats:
            if found.intersection(fmt.folder_suffixes):
                return fmt
        hints = " or ".join(fmt.folder_hint for fmt in formats if fmt.reads_folders)
        raise where.fail(f"this folder has no {hints} to import", "import-format")
    if not path.exists():
        raise where.fail("no such file or folder", "io")
    suffix = path.suffix.lower()
    for fmt in formats:
        if suffix in fmt.suffixes:
            return fmt
    if suffix in REFUSED_SUFFIXES:
        raise where.fail(
            f"cannot import {suffix} files; save the spreadsheet as .xlsx or as CSV UTF-8",
            "import-format",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise where.fail(f"cannot read file: {exc.strerror or exc}", "io") from None
    for fmt in formats:
        if fmt.sniff(path, head):
            return fmt
    raise where.fail(
        "cannot tell this file's format from its name or its content; name the format",
        "import-format",
    )

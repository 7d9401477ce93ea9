"""Guess whose framework an import is and which disciplines it covers.

Migrating companies keep their ladder in a repository or folder named after themselves
(`acme/progression-framework/frameworks/engineering/backend.md`), and name pages after
the discipline (`backend.md`, "Product Design Framework"). So the organisation is the
nearest folder name that is neither a word every ladder repository uses nor a discipline,
looking up from the source to the root of its git checkout (or to the folder given on the
command line); else the owner in the checkout's `origin` address. Disciplines come from
words of the title, then of the file name, then of the folders. Each guess says what it
was made from, and the writer reports it as a guess (head.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from ladderpress.importers.draft import Identity

# Words of folder names that say nothing about the organisation.
COMMON_WORDS = frozenset(
    [
        "frameworks",
        "framework",
        "progression",
        "progressions",
        "career",
        "careers",
        "ladder",
        "ladders",
        "levels",
        "level",
        "job",
        "jobs",
        "families",
        "family",
        "data",
        "src",
        "source",
        "docs",
        "doc",
        "content",
        "pages",
        "repo",
        "repos",
        "repository",
        "git",
        "main",
        "master",
        "tmp",
        "temp",
        "home",
        "users",
        "user",
        "work",
        "import",
        "imports",
        "site",
        "website",
        "www",
        "github",
        "gitlab",
        "public",
        "personal",
        "development",
        "competencies",
        "competency",
        "matrix",
        "matrices",
        "engineering-progression",
        "progression-framework",
        "career-ladder",
        "career-framework",
        "v1",
        "v2",
        "legacy",
        "current",
        "archive",
        "old",
        "new",
        "templates",
        "template",
        "tests",
        "test",
        "fixtures",
        "examples",
        "samples",
        "downloads",
        "desktop",
        "documents",
        "files",
        "exports",
        "export",
        "spreadsheets",
        "sheets",
        "drafts",
        "draft",
    ]
)
# word -> discipline id; a two-word phrase is tried before its words
DISCIPLINE_WORDS = {
    "product design": "design",
    "product designer": "design",
    "product management": "product",
    "product manager": "product",
    "quality assurance": "engineering",
    "front end": "engineering",
    "back end": "engineering",
    "customer operations": "customer-support",
    "client services": "customer-support",
    "executive support": "operations",
    "user research": "design",
    "design": "design",
    "designer": "design",
    "ux": "design",
    "ui": "design",
    "research": "design",
    "data": "data",
    "analytics": "data",
    "analyst": "data",
    "security": "security",
    "sre": "sre",
    "devops": "sre",
    "techops": "sre",
    "infrastructure": "sre",
    "platform": "sre",
    "engineering": "engineering",
    "engineer": "engineering",
    "engineers": "engineering",
    "backend": "engineering",
    "frontend": "engineering",
    "front-end": "engineering",
    "web": "engineering",
    "mobile": "engineering",
    "ios": "engineering",
    "android": "engineering",
    "software": "engineering",
    "developer": "engineering",
    "qa": "engineering",
    "quality": "engineering",
    "qualityanalyst": "engineering",
    "product": "product",
    "marketing": "marketing",
    "growth": "marketing",
    "sales": "sales",
    "operations": "operations",
    "ops": "operations",
    "producers": "delivery",
    "delivery": "delivery",
    "people": "people",
    "hr": "people",
    "finance": "finance",
    "legal": "legal",
    "support": "customer-support",
}
MAX_FOLDERS = 8  # how far up to look for the organisation's folder
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OWNER = re.compile(r"(?:github|gitlab|bitbucket)\.[a-z]+[:/]+([A-Za-z0-9][A-Za-z0-9_.-]*)/")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("_", " "))


def disciplines_in(text: str) -> list[str]:
    """The disciplines named by the words of `text`, in the order they appear."""
    words = [w for part in _words(text) for w in (part.split("-") if "-" in part else [part])]
    found: list[str] = []
    index = 0
    while index < len(words):
        pair = " ".join(words[index : index + 2])
        if pair in DISCIPLINE_WORDS:
            found.append(DISCIPLINE_WORDS[pair])
            index += 2
            continue
        if words[index] in DISCIPLINE_WORDS:
            found.append(DISCIPLINE_WORDS[words[index]])
        index += 1
    return list(dict.fromkeys(found))


def _folders(source: Path, root: Path | None) -> list[Path]:
    """The folders above `source`, nearest first, up to its git checkout or `root`."""
    out: list[Path] = []
    folder = source.resolve() if source.is_dir() else source.resolve().parent
    stop = root.resolve() if root is not None else None
    for _ in range(MAX_FOLDERS):
        out.append(folder)
        if (folder / ".git").exists() or folder in (stop, Path.home()) or folder.parent == folder:
            break
        folder = folder.parent
    return out


# A folder's name says whose ladder it holds only when it also says it holds one
# ("acme-progression-framework"): a bare "ci1", "Downloads" or "pytest-of-root" does not.
LADDER_WORDS = frozenset(
    {"progression", "progressions", "career", "careers", "ladder", "ladders"}
    | {"framework", "frameworks"}
)


def _organisation_name(folder: str, *, says_ladder: bool = True) -> str | None:
    """'acme-progression-framework' -> 'Acme'; None when only common words are left, or
    (`says_ladder`) when the name does not say it holds a ladder."""
    parts = [p for p in re.split(r"[^A-Za-z0-9&]+", folder) if p]
    if says_ladder and not any(p.casefold() in LADDER_WORDS for p in parts):
        return None
    kept = [
        p
        for p in parts
        if p.casefold() not in COMMON_WORDS
        and p.casefold() not in DISCIPLINE_WORDS
        and not p.isdigit()
    ]
    if not kept or len(kept) > 4:
        return None
    return " ".join(p if any(c.isupper() for c in p) else p.capitalize() for p in kept)


def _remote_owner(checkout: Path) -> str | None:
    try:
        config = (checkout / ".git" / "config").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _OWNER.search(config[:20_000])
    return found.group(1) if found else None


def guess_identity(
    source: Path,
    title: str | None,
    *,
    root: Path | None = None,
    organisation: str | None = None,
    disciplines: tuple[str, ...] = (),
) -> Identity:
    """What is given wins; the rest is guessed from `source`'s folders and the `title`."""
    folders = _folders(source, root)
    org, org_from = organisation, ""
    if not (org and org.strip()):
        org = None
        imported = root.resolve() if root is not None else None
        for folder in folders:
            # The folder a user imported names its owner; others must say they hold a ladder.
            name = _organisation_name(folder.name, says_ladder=folder != imported)
            if name:
                org, org_from = name, f"the folder name '{folder.name}'"
                break
        if org is None and (folders[-1] / ".git").exists():
            owner = _remote_owner(folders[-1])
            name = _organisation_name(owner, says_ladder=False) if owner else None
            if name:
                org, org_from = name, f"the git remote's owner '{owner}'"
    found, found_from = tuple(disciplines), ""
    if not found:
        places = [("the title", title or ""), ("the file name", source.stem)]
        places += [(f"the folder name '{f.name}'", f.name) for f in folders]
        for label, text in places:
            named = disciplines_in(text)
            if named:
                found = tuple(named)
                found_from = label if label.startswith("the folder") else f"{label} '{text}'"
                break
    return Identity(org, org_from, found, found_from)

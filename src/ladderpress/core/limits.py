"""Every limit on the size of a framework, and on the work and output it may cause.

Framework files come from strangers' pull requests (see SECURITY.md), so nothing they
contain may make a build run for minutes or write gigabytes. Each limit is far above
what real career ladders use (3 to 8 levels per track, 3 to 20 competencies, 1 to 12
statements per cell, 50 to 500 statements per framework, the largest near 3,000) and low
enough that a hostile file stays cheap. The schema (schema/framework.schema.json) repeats the
numbers it can check itself, as maxItems/maxLength/maxProperties, so that editors flag
them too; tests/hostile/test_limits_documented.py keeps the two and SECURITY.md in step.

This module imports nothing from ladderpress: every stage may use it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """A limit, what it counts, and what to do about going past it."""

    value: int
    what: str  # "levels in a framework": reads after "at most {value:,}"
    advice: str  # what the author can do, as an imperative


# --- The shape of a framework (checked by the schema, or by sizes.py) ----------------

# 3 tracks of 8 levels, which share none, is 24: the largest real ladders. 60 levels make
# 1,770 comparison pages, which the output budget below still weighs.
LEVELS = Limit(60, "levels in a framework", "merge levels, or split the framework in two")
# Real tracks have 3 to 8 levels, a few up to 15. The track checks are quadratic in it.
LEVELS_PER_TRACK = Limit(30, "levels on a track", "merge levels, or split the track")
# Real frameworks have 1 to 4 tracks.
TRACKS = Limit(20, "tracks", "merge tracks, or split the framework")
# Real frameworks have 3 to 20 competencies; each is on every comparison page.
COMPETENCIES = Limit(100, "competencies", "merge competencies, or split the framework")
CATEGORIES = Limit(50, "categories", "merge categories")
# Real cells hold 1 to 12 statements.
STATEMENTS_PER_CELL = Limit(
    50, "statements for one level in one competency", "merge statements, or split the competency"
)
# Real frameworks hold 50 to 500 statements, the largest near 3,000. Checked by sizes.py:
# the schema cannot count across lists.
STATEMENTS = Limit(10_000, "statements in a framework", "split the framework into several files")
# A statement is a sentence or a short paragraph: 50 to 300 characters in real ladders.
# 2,000 characters of prose are under 400 words and punctuation marks, fewer than
# DIFF_TOKENS below, so every valid statement of prose is compared word by word.
STATEMENT_CHARS = Limit(
    2_000, "characters in a statement or an example", "shorten it, or split it into statements"
)
EXAMPLES = Limit(20, "examples of one statement", "keep the clearest ones")
# Summaries, descriptions, scopes, level sections and notes: a few paragraphs at most.
TEXT_CHARS = Limit(20_000, "characters in one text", "shorten it, or link to a longer document")
URL_CHARS = Limit(2_000, "characters in a web address", "use a shorter address")
# Disciplines, tags and industries.
TAGS = Limit(50, "entries in one list of identifiers", "keep the most useful ones")
TITLES = Limit(20, "alternative titles of a level", "keep the most common ones")
SECTIONS = Limit(20, "sections of a level, or entries of one of its lists of facts", "merge them")
EQUIVALENCES = Limit(100, "equivalences", "merge equivalences")
# The site configuration's header links are on every page of the site (real sites: 0
# to 5), like its web addresses (URL_CHARS).
NAVIGATION = Limit(20, "navigation links", "keep the main ones")

# --- The output budget (checked by budget.py, before anything is rendered) -----------

# The bundled frameworks build to 0.8 to 13 MB each. A synthetic one of 3,000
# statements (3 tracks of 8 levels sharing 2, so 20 levels; 25 competencies; 6
# statements of 150 characters per cell) builds to 83 MB (estimated: 107 MB), most of it
# comparison pages. 250 MB leaves room for longer statements, and at the 100 MB/s a
# build renders and writes, keeps a hostile file to seconds.
OUTPUT_BYTES = Limit(
    250_000_000,
    "bytes of pages estimated for one framework",
    "use fewer levels (each level adds a comparison with every other), fewer or shorter "
    "statements, or split the framework into several files",
)
# What a statement listed on a page costs besides its text (its list item, anchor,
# labels and links), measured on meridian-engineering's comparison pages: 9.5 MB for
# 17,604 statements listed, with 1.2 MB of text.
STATEMENT_MARKUP_BYTES = 470
# What a page costs without its statements: header, navigation, summary tables. With
# these two, the estimate is within 20% of what the bundled frameworks build to.
PAGE_BYTES = 15_000
# Comparison pages pair the statements of two levels by similarity: each pair costs an
# alignment of their words, up to 80 ns per pair of words for repetitive wordings (20
# ms for two of DIFF_TOKENS). This bounds the sum over comparison pages and competencies
# of (words only before) * (words only after), each statement capped at DIFF_TOKENS:
# about 80 s of one core in the worst case. The sum counts a pair again on every page
# that pairs it, and real text mostly stops at the word-set bounds of similarity.py, so
# real work is far less: the bundled frameworks need at most 5.5 million, the synthetic
# 3,000-statement framework above 0.77 billion (and builds in 7 s).
SIMILARITY_WORK = Limit(
    1_000_000_000,
    "pairs of words compared for similarity",
    "use fewer levels, fewer or shorter statements in each competency, or split the "
    "framework into several files",
)

# --- Bounds inside the algorithms (results change only past them) --------------------

# Wordings with more tokens than this on one side are not compared word by word: their
# similarity is the share of words they have in common, and a comparison shows both
# wordings whole. SequenceMatcher costs up to n squared on repetitive text (20 ms at 500
# tokens, 19 s at 32,000); real statements have 10 to 60 tokens.
DIFF_TOKENS = 500
# A competency's comparison between two levels pairs statements by similarity only
# while (statements only before) * (statements only after) stays under this; past it,
# they are listed as added and removed. The bundled frameworks reach 195, the synthetic
# 3,000-statement framework above 1,296.
PAIRING_CANDIDATES = 10_000
# The near-duplicate lint compares a statement with at most this many earlier ones of
# its competency that share one of its rarer words (analyse/similarity.py); the bundled
# competencies hold at most 42 statements in all.
NEAR_DUPLICATE_CANDIDATES = 200
# What the near-duplicate lint may spend on word-order comparisons in one framework
# before it stops with a warning, in pairs of words: a comparison of a words with b
# words costs NEAR_DUPLICATE_SETUP + a * b, about 80 ns each (SequenceMatcher's cost on
# repetitive text, and its fixed 20 microseconds). This is about 2.5 s of one core. The
# bundled frameworks need none: no pair of theirs gets past the cheaper tests.
NEAR_DUPLICATE_SETUP = 250
NEAR_DUPLICATE_WORK = 30_000_000

# --- Spreadsheets read by `ladderpress import` (importers/xlsx.py) --------------------

# An .xlsx file is a zip archive; openpyxl inflates what it reads. A 1 MB archive can
# hold 1 GB of sheet XML, which took 3.2 GB of memory and 20 s to read. These are
# checked from the archive's directory before anything is inflated.
# A ladder's workbook inflates to well under 5 MB; 100 MB is 20 times the largest
# framework file.
XLSX_UNCOMPRESSED_BYTES = 100_000_000
# Workbooks saved by spreadsheet tools have 10 to 40 parts (sheets, styles, themes).
XLSX_ENTRIES = 1_000
# Spreadsheet XML compresses 5 to 30 times; a part that inflates more than 200 times (and
# to more than XLSX_RATIO_FROM bytes, so tiny parts do not count) is a zip bomb.
XLSX_RATIO = 200
XLSX_RATIO_FROM = 1_000_000

# Every limit a framework file or the site configuration can run into, for the docs.
FRAMEWORK_LIMITS: dict[str, Limit] = {
    name: value for name, value in globals().items() if isinstance(value, Limit)
}

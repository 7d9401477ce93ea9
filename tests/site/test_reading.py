"""The words of every built page read as words: no sentence glued to the next one, no two
separate items glued into one word; and a page's navigation names each place once.

Jinja's `trim_blocks` drops the newline after a `{% ... %}` tag and `lstrip_blocks` the
indentation before one, so two lines that each end in a block tag can come out as one
("...on the same track.Expectations are cumulative..."), and two links or tags written
on lines of their own can touch. A browser shows such text as it is, a screen reader
reads it as one word, and copying or searching it finds the glued word.

The pages are read as a reader without the stylesheet would: block elements (paragraphs,
list items, cells...) separate what is in them, inline elements (links, spans...) do not.

A level that has the same next level on several tracks (Engineer, then Senior Engineer on
both the individual contributor and the management track) links that next level once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ladderpress.build import build
from ladderpress.check.config import load_config
from tests.support.paths import REPO

# Elements that start a new line of their own (HTML's default rendering), so whatever
# comes before and after them is never one word. <br> and form controls too.
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote br caption details dialog dd div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol
    optgroup option p pre section select summary table tbody td tfoot th thead tr ul
    input button textarea img""".split()  # noqa: SIM905 (a list of words, read as one)
)
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta source track wbr".split())  # noqa: SIM905
NOT_TEXT = frozenset({"head", "script", "style", "template", "svg"})
# Text whose dots are not sentence ends.
CODE = frozenset({"code", "kbd", "samp", "pre", "var"})
# Words marked up letter by letter on purpose: a comparison's <del>/<ins> of one word.
WORD_MARKS = frozenset({"del", "ins"})

# "track.Expectations": a lower-case letter, a sentence end and a capital, no space.
GLUED_SENTENCE = re.compile(r"[a-z][.!?][A-Z]")
# Tokens that hold a dot before a capital without being two sentences.
NOT_A_SENTENCE_END = re.compile(
    r"""(?:[a-z][a-z0-9+.-]*:)?//      # a URL
      | ^www\. | @ | /                  # an address or a path
      | \b(?:e\.g|i\.e|etc|vs|cf)\.     # an abbreviation
    """,
    re.X | re.I,
)
WORD_CHAR = re.compile(r"\w", re.U)
# Marks that rightly touch the word before them.
CLOSING = frozenset(".,;:!?)]}»”’…%'\"")


@dataclass
class Glued:
    kind: str
    pattern: str  # what the places glued the same way have in common
    page: str
    excerpt: str


class TextFlow(HTMLParser):
    """The visible text of a page in runs (one per block), and the places where two
    separate inline elements (`</a><a>`, `</span><span>`) touch with no space between a
    word's end and what follows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = []  # text of each block, code left out
        self.touching: list[tuple[str, str]] = []  # (the tags between, an excerpt)
        self._run: list[str] = []
        self._prose: list[str] = []
        self._stack: list[tuple[str, str]] = []  # (tag, tag.first-class)
        self._hidden = 0
        self._code_depth = 0
        # Tags met since the last character of text: ("open" | "close" | "space", tag).
        self._between: list[tuple[str, str]] = []

    # --- parsing

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = next((value.split() for name, value in attrs if name == "class" and value), [])
        label = tag + "".join(f".{c}" for c in classes[:1])
        if tag not in VOID_ELEMENTS:
            self._stack.append((tag, label))
        if tag in NOT_TEXT:
            self._hidden += 1
            return
        if tag in CODE:
            self._code_depth += 1
        self._tag("open", tag, label)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS or tag not in (name for name, _ in self._stack):
            return
        while self._stack:
            top, label = self._stack.pop()
            if top in NOT_TEXT:
                self._hidden -= 1
                continue
            if top in CODE:
                self._code_depth -= 1
            self._tag("close", top, label)
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._hidden or not data:
            return
        if data.strip():
            self._check_touching(data)
            self._between = []
        elif self._between:
            self._between.append(("space", ""))
        self._run.append(data)
        self._prose.append(" " if self._code_depth else data)

    def close(self) -> None:
        super().close()
        self._end_run()

    # --- bookkeeping

    def _tag(self, kind: str, tag: str, label: str) -> None:
        if self._hidden:
            return
        if tag in BLOCK_ELEMENTS:
            self._end_run()
            self._between = []
        else:
            self._between.append((kind, label))

    def _end_run(self) -> None:
        text = " ".join("".join(self._prose).split())
        if text:
            self.runs.append(text)
        self._run, self._prose = [], []

    def _check_touching(self, data: str) -> None:
        """A closing tag then an opening one, no space between, and text on both sides
        that a space should part: "Senior</a><a>Staff", "contributor</span><span>Manager"."""
        before = "".join(self._run)
        if not before or not self._between or before[-1].isspace():
            return
        # A word's end, then anything but a space or a mark that closes: "Senior</a><a>Staff",
        # "Senior</a><a>↑ Staff". A symbol before a word ("#</span><span>Link to this
        # statement") is how an icon goes before its label.
        if not WORD_CHAR.match(before[-1]) or data[0].isspace() or data[0] in CLOSING:
            return
        kinds = [kind for kind, _ in self._between]
        if "space" in kinds or "close" not in kinds or "open" not in kinds:
            return
        if kinds.index("close") > len(kinds) - 1 - kinds[::-1].index("open"):
            return  # "a<b>c" or "a</b>c": one word marked up, not two words
        if {label.partition(".")[0] for _, label in self._between} <= WORD_MARKS:
            return
        tags = "".join(f"<{'/' if k == 'close' else ''}{n}>" for k, n in self._between)
        excerpt = " ".join(f"{before[-30:]}{tags}{data[:30]}".split())
        self.touching.append((tags, f"…{excerpt}…"))

    # --- the checks

    def glued_sentences(self) -> list[tuple[str, str]]:
        """(the word after the glued sentence end, an excerpt) for each."""
        found = []
        for text in self.runs:
            for token in text.split():
                glued = GLUED_SENTENCE.search(token)
                if glued and not NOT_A_SENTENCE_END.search(token):
                    found.append((token[glued.start() + 2 :], self._excerpt(text, token)))
        return found

    @staticmethod
    def _excerpt(text: str, token: str) -> str:
        at = text.find(token)
        return "…" + text[max(0, at - 40) : at + len(token) + 40] + "…"


def read_page(html: str) -> TextFlow:
    flow = TextFlow()
    flow.feed(html)
    flow.close()
    return flow


def glued_text(site: Path) -> list[Glued]:
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        flow = read_page(page.read_text(encoding="utf-8"))
        for word, excerpt in flow.glued_sentences():
            found.append(Glued("a sentence glued to the next", word, rel, excerpt))
        for tags, excerpt in flow.touching:
            found.append(Glued(f"text glued across {tags}", tags, rel, excerpt))
    return found


def _report(found: list[Glued]) -> str:
    # The same template line glues the same way on many pages: one line for them all.
    by_pattern: dict[tuple[str, str], list[Glued]] = defaultdict(list)
    for glued in found:
        by_pattern[glued.kind, glued.pattern].append(glued)
    lines = [f"{len(found)} place(s) where words run together, {len(by_pattern)} kind(s):"]
    for (kind, _), places in sorted(by_pattern.items(), key=lambda item: -len(item[1])):
        pages = len({glued.page for glued in places})
        lines.append(f"  {kind}: {len(places)} time(s) on {pages} page(s), e.g.")
        lines += [f"    {glued.page}: {glued.excerpt}" for glued in places[:3]]
    return "\n".join(lines)


# --------------------------------------------------------------------------- the checker


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>It is above.Expectations are cumulative.</p>", ["sentence"]),
        ("<p>It is <strong>above.</strong>Expectations are cumulative.</p>", ["sentence"]),
        ("<p>One sentence. Another one.</p>", []),
        ("<p>Two</p><p>Paragraphs.</p><ul><li>a.</li><li>B</li></ul>", []),
        ("<p>See e.g.Foo, www.Example.org, https://a.example/B.C and a/b.C</p>", []),
        ("<p>Run <code>make.Build</code> now.</p>", []),
        ("<p><a href=x>Senior</a><a href=y>Staff</a></p>", ["touching"]),
        ("<p><a href=x>↓ Senior</a><a href=y><span>↑</span> Staff</a></p>", ["touching"]),
        ('<p><a href=x><span class="icon">#</span><span>Link to it</span></a></p>', []),
        ('<p><span class="tag">IC</span><span class="tag">Manager</span></p>', ["touching"]),
        ("<p><a href=x>Senior</a> <a href=y>Staff</a></p>", []),
        ("<p><a href=x>Senior</a>, <a href=y>Staff</a>.</p>", []),
        ("<p>well-<em>scoped</em>ness and <del>old</del><ins>new</ins></p>", []),
        ("<td>Senior</td><td>Staff</td><li>A</li><li>B</li>", []),
        ("<p>x</p><script>var a='b.C'</script><style>p.A{}</style>", []),
    ],
)
def test_the_checker_tells_glued_text_from_text(html: str, expected: list[str]) -> None:
    flow = read_page(html)
    found = ["sentence"] * len(flow.glued_sentences()) + ["touching"] * len(flow.touching)
    assert found == expected


# --------------------------------------------------------------------------- the site


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("text-flow") / "site"
    build(load_config(REPO), out=out)
    return out


def test_no_page_glues_sentences_or_words(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 100
    found = glued_text(built_site)
    if found:
        pytest.fail(_report(found), pytrace=False)


# --------------------------------------------------------------------------- repeated links


class NavLinks(HTMLParser):
    """The links of each <nav> of a page, by its class: [(rel, href, text of its row)]."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.navs: list[tuple[str, list[tuple[str, str]], list[str]]] = []
        self._depth = 0  # of <nav> elements, which do not nest here
        self._rows: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "nav":
            self._depth += 1
            self.navs.append((attributes.get("class") or "", [], []))
        elif self._depth and tag == "li":
            self._rows.append([])
        elif self._depth and tag == "a":
            self.navs[-1][1].append((attributes.get("rel") or "", attributes.get("href") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._depth -= 1
        elif self._depth and tag == "li" and self._rows:
            self.navs[-1][2].append(" ".join("".join(self._rows.pop()).split()))

    def handle_data(self, data: str) -> None:
        for row in self._rows:
            row.append(data)


def repeated_links(html: str) -> list[str]:
    parser = NavLinks()
    parser.feed(html)
    found = []
    for name, links, rows in parser.navs:
        if "track-nav" in name:
            # One row per track, or per tracks that share both neighbours: at a fork the
            # level below is on each row, as each track's way down, but the way up never
            # repeats and no two rows say the same.
            ups = [href for rel, href in links if rel == "next"]
            found += [f"{name}: next level {h} twice" for h in set(ups) if ups.count(h) > 1]
            found += [f"{name}: row {r!r} twice" for r in set(rows) if rows.count(r) > 1]
        else:
            hrefs = [href for _, href in links]
            found += [f"{name}: {h} twice" for h in sorted(set(hrefs)) if hrefs.count(h) > 1]
    return found


def test_the_checker_finds_repeated_links() -> None:
    same_next = (
        '<nav class="track-nav"><ul><li>IC <a rel="next" href="../b/">B</a></li>'
        '<li>Management <a rel="next" href="../b/">B</a></li></ul></nav>'
        '<nav class="compare-with"><ul><li><a href="x">next, B</a></li>'
        '<li><a href="x">next, B</a></li><li><a href="y">C</a></li></ul></nav>'
    )
    assert repeated_links(same_next) == [
        "track-nav: next level ../b/ twice",
        "compare-with: x twice",
    ]
    fork = (
        '<nav class="track-nav"><ul><li>IC <a rel="prev" href="../a/">A</a>'
        '<a rel="next" href="../b/">B</a></li><li>Management <a rel="prev" href="../a/">A</a>'
        '<a rel="next" href="../m/">M</a></li></ul></nav>'
    )
    assert repeated_links(fork) == []


def test_no_navigation_links_the_same_place_twice(built_site: Path) -> None:
    found = []
    for page in sorted(built_site.rglob("*.html")):
        rel = page.relative_to(built_site).as_posix()
        found += [f"{rel}: {problem}" for problem in repeated_links(page.read_text("utf-8"))]
    assert found == [], f"{len(found)} repeated link(s), e.g. {found[:10]}"

"""HTML that thousands of pages repeat, built in Python rather than in templates.

A comparison page lists a couple of hundred changes; through Jinja each costs about
thirty microseconds of expression overhead, which made comparison pages most of a large
build's time. The markup here is the theme's default; a theme can override compare.html
to loop over the changes itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markupsafe import Markup, escape

from .compare import Change
from .wording import Segment

_MARK_TAGS = {"insert": "ins", "delete": "del"}


def rich(text: str, **values: object) -> Markup:
    """A translated message with markup in it: the message is escaped, then each
    `%(name)s` is replaced by its value (escaped too, unless it is Markup already)."""
    html = escape(text)
    for name, value in sorted(values.items()):
        html = html.replace(f"%({name})s", value if isinstance(value, str) else str(value))
    return html


def word_marks(segments: tuple[Segment, ...]) -> Markup:
    """Words of a changed statement, with <ins> and <del> around what changed."""
    parts = []
    for segment in segments:
        text = str(escape(segment.text))
        tag = _MARK_TAGS.get(segment.op)
        parts.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return Markup("".join(parts))


def _side(side: str, level_name: str, wording: str, missing: str) -> str:
    content = f"<p>{wording}</p>" if wording else missing
    name = f'<span class="side-name">{level_name}</span>'
    return f'<div class="side side-{side}">{name}{content}</div>'


def change_items(
    changes: Sequence[Change],
    before_name: str,
    after_name: str,
    label: Callable[[str, str | None], Markup],
    not_expected: str,
) -> Markup:
    """One <li> per change: its label, then the wording at each level side by side."""
    a, b = str(escape(before_name)), str(escape(after_name))
    missing = f'<p class="none">{escape(not_expected)}</p>'
    items = []
    labels: dict[tuple[str, str | None], Markup] = {}  # a macro call each, so made once
    before: str
    after: str
    for change in changes:
        kind = change.kind.value
        only_at = after_name if kind == "added" else before_name if kind == "removed" else None
        if (kind, only_at) not in labels:
            labels[kind, only_at] = label(kind, only_at)
        if kind == "changed":
            before, after = word_marks(change.before_words), word_marks(change.after_words)
        else:
            before = change.before.html_text if change.before else ""
            after = change.after.html_text if change.after else ""
        items.append(
            f'<li class="change change-{kind}">{labels[kind, only_at]}'
            f"{_side('a', a, before, missing)}{_side('b', b, after, missing)}</li>\n"
        )
    return Markup("".join(items))

"""Every word of the default theme comes from its message catalogues.

Templates call ``_("English text", name=value)``: the English text is the message id, and
theme/messages/<language>.yaml maps it to the text in that language, so adding a language
is one file. These checks keep the catalogues and the templates in step, and catch English
left in a template outside ``_()``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from jinja2 import nodes

from ladderpress.render.fragments import rich
from tests.support.paths import REPO

THEME = REPO / "theme"
TEMPLATES = sorted((THEME / "templates").glob("*.html"))
MESSAGES = THEME / "messages"
TRANSLATIONS = sorted(
    path.stem for path in MESSAGES.glob("*.yaml") if path.stem != "en" and path.stem[0] != "_"
)

# The helper for a translated sentence holding HTML (fragments.rich, exported by
# _macros.html): its first argument is _("... %(name)s ...") called without parameters,
# its keyword arguments fill the slots.
RICH = "rich"

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
PERCENT = re.compile(r"%(?:\((\w+)\))?(.?)")
WORD = re.compile(r"[A-Za-z]{2,}")
TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
# File names shown as they are, such as the link text "frameworks.json".
FILE_NAME = re.compile(r"\b[\w-]+\.(?:json|csv|xml|yaml|txt)\b")
# Attributes read out or shown to people; every other attribute is markup, not text.
VISIBLE_ATTRIBUTE = re.compile(
    r"(?<![\w-])(aria-label|aria-description|aria-roledescription|aria-placeholder|title"
    r"|alt|placeholder|label)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')"
)
# String constants that are names rather than words: URL kinds, change kinds, file names.
IDENTIFIER = re.compile(r"[a-z0-9_.:/-]*")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (the plain one keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node)
    return mapping


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@cache
def catalogue(language: str) -> dict[str, str]:
    data = yaml.load(
        (MESSAGES / f"{language}.yaml").read_text(encoding="utf-8"), Loader=_UniqueKeyLoader
    )
    assert isinstance(data, dict), f"{language}.yaml is not a mapping"
    for key, value in data.items():
        assert isinstance(key, str) and isinstance(value, str), (
            f"{language}.yaml: {key!r}: {value!r} is not text; quote both sides"
        )
    return data


@cache
def parse(path: Path) -> nodes.Template:
    return jinja2.Environment().parse(path.read_text(encoding="utf-8"), path.name, str(path))


def is_gettext(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "_"
    )


def gettext_calls(tree: nodes.Template) -> Iterator[nodes.Call]:
    yield from (call for call in tree.find_all(nodes.Call) if is_gettext(call))


def msgid(call: nodes.Call) -> str:
    first = call.args[0] if call.args else None
    assert isinstance(first, nodes.Const) and isinstance(first.value, str), (
        f"line {call.lineno}: the first argument of _() must be a constant string"
    )
    return first.value


def rich_arguments(tree: nodes.Template) -> dict[int, set[str]]:
    """For each _() call that is the text given to rich(), the names rich() fills in."""
    filled: dict[int, set[str]] = {}
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == RICH and call.args:
            names = {keyword.key for keyword in call.kwargs}
            for inner in call.args[0].find_all(nodes.Call):
                if is_gettext(inner):
                    filled[id(inner)] = names
            if is_gettext(call.args[0]):
                filled[id(call.args[0])] = names
    return filled


def used_msgids() -> dict[str, str]:
    """Every message id of the templates, with the first place it is used."""
    used: dict[str, str] = {}
    for path in TEMPLATES:
        for call in gettext_calls(parse(path)):
            used.setdefault(msgid(call), f"{path.name}:{call.lineno}")
    return used


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def percent_problems(text: str) -> list[str]:
    """%-sequences other than %(name)s and %% (which %-formatting would reject)."""
    return [
        match.group(0)
        for match in PERCENT.finditer(text)
        if not (match.group(1) and match.group(2) == "s")
        and not (match.group(1) is None and match.group(2) == "%")
    ]


def template_data(tree: nodes.Template) -> str:
    """The template's literal HTML, each Jinja expression or tag replaced by a space."""
    return " ".join(node.data for node in tree.find_all(nodes.TemplateData))


def stray_strings(node: nodes.Node, shown: bool = False) -> Iterator[nodes.Const]:
    """String constants that would reach the page without going through _().

    A string printed as it is (``{{ 'Yes' if x else 'No' }}``) may hold no word at all; a
    string given to a function or macro may only be a name (``url('home')``, ``'added'``),
    so labels passed on to be printed (``tag_list('Disciplines', ...)``) are caught too.
    """
    if isinstance(node, nodes.Const):
        text = TAG.sub("", node.value) if isinstance(node.value, str) else ""
        if WORD.search(text) and (shown or not IDENTIFIER.fullmatch(text)):
            yield node
        return
    children: list[tuple[nodes.Node, bool]]
    if isinstance(node, nodes.Compare | nodes.Test):
        children = []  # compared with data (kind == 'Tag'), never printed
    elif isinstance(node, nodes.Output):
        children = [(child, True) for child in node.nodes]
    elif isinstance(node, nodes.CondExpr):
        children = [(node.test, False), (node.expr1, shown)]
        children += [(node.expr2, shown)] if node.expr2 else []
    elif isinstance(node, nodes.Concat):
        children = [(child, shown) for child in node.nodes]
    elif isinstance(node, nodes.And | nodes.Or):
        children = [(node.left, shown), (node.right, shown)]
    elif isinstance(node, nodes.Filter):
        children = [(child, child is node.node and shown) for child in node.iter_child_nodes()]
    elif is_gettext(node):
        assert isinstance(node, nodes.Call)
        children = [(keyword.value, True) for keyword in node.kwargs]  # not the message id
    else:
        children = [(child, False) for child in node.iter_child_nodes()]
    for child, child_shown in children:
        yield from stray_strings(child, child_shown)


def test_every_template_is_checked() -> None:
    assert {path.name for path in TEMPLATES} >= {"base.html", "_macros.html", "level.html"}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_messages_are_constant_and_get_their_parameters(path: Path) -> None:
    tree = parse(path)
    filled_by_rich = rich_arguments(tree)
    for call in gettext_calls(tree):
        text = msgid(call)
        where = f"{path.name}:{call.lineno}: {text!r}"
        assert not percent_problems(text), f"{where}: write a literal % as %%"
        params = {keyword.key for keyword in call.kwargs}
        assert not call.dyn_args and not call.dyn_kwargs, f"{where}: name every parameter"
        if id(call) in filled_by_rich:
            assert not params, f"{where}: rich() fills the slots, not _()"
            assert "%%" not in text, f"{where}: _() without parameters keeps %% as is"
            assert placeholders(text) == filled_by_rich[id(call)], (
                f"{where}: rich() must fill exactly {sorted(placeholders(text))}"
            )
        elif params:
            assert placeholders(text) == params, (
                f"{where}: parameters {sorted(params)} do not match the text"
            )
        else:
            assert not placeholders(text), f"{where}: no parameters for its placeholders"
            assert "%%" not in text, f"{where}: _() without parameters keeps %% as is"


def test_catalogue_holds_exactly_the_templates_messages() -> None:
    from ladderpress.plan.pages import TITLE_MESSAGES
    from ladderpress.render.fragments import ITEM_MESSAGES
    from ladderpress.render.messages import JS_MESSAGES

    used = used_msgids() | {message: "ladderpress.js" for message in JS_MESSAGES}
    used |= {message: "pages.py" for message in TITLE_MESSAGES}
    used |= {message: "fragments.py" for message in ITEM_MESSAGES}
    english = catalogue("en")
    missing = {text: where for text, where in used.items() if text not in english}
    assert not missing, f"add to theme/messages/en.yaml: {missing}"
    unused = sorted(set(english) - set(used))
    assert not unused, f"no template uses these messages of en.yaml: {unused}"


def test_english_catalogue_is_the_identity_and_sorted() -> None:
    english = catalogue("en")
    assert {key: value for key, value in english.items() if key != value} == {}
    assert list(english) == sorted(english, key=lambda key: (key.casefold(), key))


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_translation_matches_english(language: str) -> None:
    english = catalogue("en")
    translated = catalogue(language)
    assert sorted(set(english) - set(translated)) == [], f"missing from {language}.yaml"
    assert sorted(set(translated) - set(english)) == [], "not in en.yaml, so unused"
    assert list(translated) == list(english), f"keep {language}.yaml in the order of en.yaml"
    for key, text in translated.items():
        assert text.strip(), f"{language}.yaml: {key!r} is empty"
        assert placeholders(text) == placeholders(key), (
            f"{language}.yaml: {key!r} -> {text!r} changes the %(name)s placeholders"
        )
        assert not percent_problems(text), f"{language}.yaml: {text!r}: write % as %%"
        assert ("%%" in text) == ("%%" in key), f"{language}.yaml: {text!r}: %% as in English"


def test_there_is_a_translation() -> None:
    assert "fr" in TRANSLATIONS


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_no_english_outside_messages(path: Path) -> None:
    html = template_data(parse(path))
    text = FILE_NAME.sub(" ", ENTITY.sub(" ", TAG.sub(" ", html)))
    assert WORD.findall(text) == [], f"{path.name}: put this text in _()"
    for match in VISIBLE_ATTRIBUTE.finditer(html):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        assert not WORD.search(value), f"{path.name}: {match.group(0)!r}: use {{{{ _(...) }}}}"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: path.name)
def test_no_english_in_template_expressions(path: Path) -> None:
    stray = [f"line {const.lineno}: {const.value!r}" for const in stray_strings(parse(path))]
    assert stray == [], f"{path.name}: wrap these strings in _()"


def test_rich_escapes_the_text_and_its_arguments() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME / "templates"), autoescape=True)
    env.filters["markdown"] = env.filters["markdown_inline"] = str
    env.filters["word_marks"] = str
    env.globals["_"] = lambda text, **params: text % params if params else text
    env.globals["rich"] = rich
    template = env.from_string(
        '{% from "_macros.html" import rich %}'
        '{% set link %}<a href="x">{{ name }}</a>{% endset %}'
        '{{ rich(_("<b>%(name)s\'s</b> page: %(link)s, %(n)s"), name=name, link=link, n=2) }}'
    )
    assert template.render(name="R&D <1>") == (
        '&lt;b&gt;R&amp;D &lt;1&gt;&#39;s&lt;/b&gt; page: <a href="x">R&amp;D &lt;1&gt;</a>, 2'
    )


def test_script_messages_are_all_in_the_catalogue() -> None:
    from ladderpress.render.messages import JS_MESSAGES

    script = (THEME / "static/ladderpress.js").read_text(encoding="utf-8")
    used = set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', script))
    assert used == set(JS_MESSAGES)

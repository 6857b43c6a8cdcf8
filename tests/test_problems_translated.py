"""Every problem the Qt-free layers raise to the GUI can be said in the user's language, checked on the source.

Step 4 shows an analysis's :class:`AnalysisError` (and a workspace's ``LookupError`` or ``WarehouseError``) in
the page, step 7 why an action's impact could not be measured (an ``ActionImpact``'s reason): made with a marked
text (``QT_TRANSLATE_NOOP``, its values filled with ``.format``), the GUI translates it, while an f-string or a
plain string shows English in a German app. And a marked text is only translated if the catalogue holds it:
every ``QT_TRANSLATE_NOOP`` of the core must be in ``usagelens_de.ts`` with its German (run
``scripts/update_translations.py`` and translate what it adds; its SOURCES must list the module).
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop" / "usagelens"
CATALOGUE = ROOT / "resources" / "translations" / "usagelens_de.ts"
CORE = ("analytics", "workspace", "cleaning", "io", "model")
# the exceptions whose text step 4 shows as the analysis's message (workspace.analyses.run_analysis), a
# warehouse's problems, which the Connect dialog and step 2 show, why an export cannot be imported (the import
# dialog) or written, why a project file cannot be opened or saved, why users cannot be listed or kept, and why
# a recipe step failed or the database could not run it (step 3)
SHOWN = {"analytics": {"AnalysisError"},
         "workspace": {"AnalysisError", "LookupError", "WarehouseError", "NotUsers", "ImportFailed", "ExportFailed",
                       "KeychainUnavailable"},
         "io": {"WarehouseError", "UnsupportedBackend", "ImportFailed", "ExportFailed"},
         "model": {"ProjectFileError"},
         "cleaning": {"StepError", "CannotCompile", "OrderStatisticMissed"}}
MARKS = {"QT_TRANSLATE_NOOP", "plural", "joined"}
PASSING = {"said", "named", "replaced", "cohort_failed", "missing_columns", "no_variant", "not_summable",
           "missing_driver"}
# functions that make a marked sentence of the values they are given (a file's name, a parser's words)
MAKERS = {"no_data_message", "too_many_cells", "_too_large", "_bomb", "_member_error", "_parser_message", "_not_read"}


def _modules(*layers: str) -> Iterator[tuple[str, ast.Module]]:
    for layer in layers:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            yield str(path.relative_to(PACKAGE)), ast.parse(path.read_text(encoding="utf-8"))


def _translatable(node: ast.expr) -> bool:
    """Whether an exception's text keeps what the GUI needs to translate it: a marked text, or a value passed
    on (a name, another error's text through ``said``)."""
    if isinstance(node, ast.IfExp):
        return _translatable(node.body) and _translatable(node.orelse)
    if isinstance(node, ast.Name | ast.Attribute | ast.Subscript):
        return True
    if isinstance(node, ast.Call):
        function = node.func
        if isinstance(function, ast.Attribute) and function.attr == "format":
            return _translatable(function.value)
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        return name in MARKS | MAKERS or (name in PASSING and all(_translatable(arg) for arg in node.args))
    return False  # a string, an f-string, str(error), a concatenation: English only


def _reason_shown(node: ast.expr) -> bool:
    return not (isinstance(node, ast.Constant) and node.value == "")


def _unmarked_problems() -> list[str]:
    found = []
    for layer, exceptions in SHOWN.items():
        for where, tree in _modules(layer):
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                    continue
                function = node.exc.func
                name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
                if name in exceptions and not _translatable(node.exc.args[0]):
                    found.append(f"{where}:{node.lineno}: {ast.unparse(node.exc)[:100]}")
            for node in ast.walk(tree):  # an impact's reason, shown in step 7 ("" when it was measured)
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ActionImpact":
                    reason = node.args[1] if len(node.args) > 1 else ast.Constant("")
                    if _reason_shown(reason) and not _translatable(reason):
                        found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def test_every_problem_raised_to_step_4_is_marked_for_translation() -> None:
    assert _unmarked_problems() == []


def test_the_check_sees_an_f_string_a_plain_string_and_str_of_an_error() -> None:
    for text in ('f"no column {name!r}"', '"no data"', "str(exc)", '"a" + b', 'named(str(exc))'):
        assert not _translatable(ast.parse(text, mode="eval").body), text
    for text in ('QT_TRANSLATE_NOOP("Analysis", "no column {name!r}").format(name=name)', "said(exc)",
                 'named(said(exc))', "problem", 'QT_TRANSLATE_NOOP("A", "x") if a else QT_TRANSLATE_NOOP("A", "y")'):
        assert _translatable(ast.parse(text, mode="eval").body), text


def _marked_in_core() -> set[tuple[str, str]]:
    marked = set()
    for _, tree in _modules(*CORE):
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "QT_TRANSLATE_NOOP" and len(node.args) == 2
                    and all(isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args)):
                marked.add((node.args[0].value, node.args[1].value))  # type: ignore[attr-defined]
    return marked


@pytest.fixture(scope="module")
def german() -> dict[tuple[str, str], str]:
    """The catalogue's finished translations by (context, English)."""
    found = {}
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(context.findtext("name") or "", message.findtext("source") or "")] = translation.text
    return found


def test_every_text_the_core_marks_is_in_the_german_catalogue(german: dict[tuple[str, str], str]) -> None:
    marked = _marked_in_core()
    assert len(marked) > 500
    assert sorted(marked - german.keys()) == []


# translations that leave out a value their English names, on purpose: the English names the CLI's flags, which
# the GUI (the German's only reader) does not have; its preset is picked in a list
LEAVES_OUT = {("Warehouse", "this table is not {preset} (it has no column {columns}): leave --preset {name} out and "
                            "name the columns with --user, --time, --event"): {"name"}}


def _fields(template: str) -> set[str] | None:
    """The values a template names, or None for a text that is no template (a lone brace)."""
    import string

    try:
        return {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template) if field}
    except ValueError:
        return None


def test_every_german_names_all_of_its_english_s_values_and_no_other() -> None:
    """A translation that leaves a value out loses what the English says ("Could not {action}: …" without the
    step that failed); one that names another shows the English instead (translated() falls back). ``{Name}``
    for ``{name}`` is the same value as German writes it on its own, capitalised: the code fills both (an
    edit's column, a quote's mark, a failed step's title)."""
    wrong = []
    for context in ET.parse(CATALOGUE).getroot().iter("context"):
        for message in context.iter("message"):
            key = (context.findtext("name") or "", message.findtext("source") or "")
            english, german = _fields(key[1]), _fields(message.findtext("translation") or "")
            if english is None or german is None:
                if (english is None) != (german is None):
                    wrong.append(key)
                continue
            if {name.lower() for name in german} != {name.lower() for name in english} - LEAVES_OUT.get(key, set()):
                wrong.append(key)
    assert wrong == []


def _date_formats(template: str) -> list[str]:
    """The strftime formats in a template's fields (``{day:%d %b %Y}``), not a rate's ``{share:.0%}``."""
    import re
    import string

    try:
        fields = [(field, spec) for _, field, spec, _ in string.Formatter().parse(template) if field]
    except ValueError:  # not a template (a lone brace in a GUI text)
        return []
    return [f"{field}:{spec}" for field, spec in fields if spec and re.search(r"%-?[A-Za-z]", spec)]


def test_no_marked_text_carries_a_date_format() -> None:
    """A translator copies a format they see, and the German would show the English's dates: a date is filled
    in as a :class:`~usagelens.model.translatable.Dated`, which the GUI writes as the locale does."""
    sources = [message.findtext("source") or "" for message in ET.parse(CATALOGUE).getroot().iter("message")]
    marked = [text for _, text in _marked_in_core()]
    assert [text for text in sources + marked if _date_formats(text)] == []
    assert _date_formats("{start:%d %b %Y} ({share:.0%})") == ["start:%d %b %Y"]

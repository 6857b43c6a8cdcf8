"""The help pages bundled under ``resources/help/``: which there are, in which order, which step each serves, and
which language each is read in.

The pages are Markdown files so a product owner's words stay readable in a text editor and in a pull request;
Qt renders them in the help window with the palette's colours, so they read as well on a dark theme. A
translated page has the English page's file name in a folder named after its language
(``resources/help/de/step-2-gather.md``), so links between pages stay the same in every language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from usagelens.ui.resources import resources_dir
from usagelens.ui.translations import ui_language

OVERVIEW = "overview"
METRICS = "metrics"
IMPORT_FORMATS = "import-formats"
# One page per step of the method, by step number; the file names say which step they are for.
STEP_PAGES = {
    1: "step-1-objectives",
    2: "step-2-gather",
    3: "step-3-clean",
    4: "step-4-analyse",
    5: "step-5-findings",
    6: "step-6-actions",
    7: "step-7-implement",
    8: "step-8-review",
}
ORDER = (OVERVIEW, *STEP_PAGES.values(), METRICS, IMPORT_FORMATS)
SUFFIX = ".md"
_LINK = re.compile(r"\]\(([^)#\s]+)(#[^)]*)?\)")


@dataclass(frozen=True)
class HelpPage:
    name: str  # the file name without ``.md``
    path: Path

    @property
    def title(self) -> str:
        """The page's first heading, which is also its entry in the contents."""
        for line in self.source().splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        return self.name

    def source(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def links(self) -> list[str]:
        """The targets of the page's Markdown links (without anchors): other pages' file names or URLs."""
        return [match.group(1) for match in _LINK.finditer(self.source())]


def help_dir() -> Path:
    return resources_dir() / "help"


def help_pages(language: str | None = None) -> list[HelpPage]:
    """Every page, in the order of the contents, in ``language`` (default: the app's, ``ui_language()``) where
    that page is translated and in English where it is not yet, so a half-translated folder shows no empty page."""
    folder = help_dir() / (language or ui_language())  # no folder for English: the pages themselves
    return [HelpPage(name, _in_folder_or_english(folder, name)) for name in ORDER]


def page_named(name: str, pages: list[HelpPage]) -> HelpPage | None:
    """The page ``name`` among ``pages`` (a file name without ``.md``), None for a name that is no page."""
    return next((page for page in pages if page.name == name), None)


def _in_folder_or_english(folder: Path, name: str) -> Path:
    translated = folder / f"{name}{SUFFIX}"
    return translated if translated.is_file() else help_dir() / f"{name}{SUFFIX}"


def page_for_step(number: int | None) -> str:
    """The page F1 opens on a step (the overview off the steps, e.g. on the welcome page)."""
    return STEP_PAGES.get(number, OVERVIEW) if number is not None else OVERVIEW

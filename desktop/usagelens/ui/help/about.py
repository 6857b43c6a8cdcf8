"""The About box: what UsageLens is, its version, and the third-party software it ships with their licences.

The licences were read from each package's own metadata (``License-Expression``, else its licence
classifiers and licence file) in the build's environment; tests/ui/test_help.py checks them against the
installed packages and checks that every runtime dependency is listed, so a new dependency cannot ship
without its notice.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from usagelens import APP_NAME, __version__
from usagelens.ui.accessibility import label_for
from usagelens.ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeyEvent,
    QLabel,
    Qt,
    QTextBrowser,
    QTextCursor,
    QVBoxLayout,
    QWidget,
)
from usagelens.ui.resources import app_icon


@dataclass(frozen=True)
class ThirdParty:
    """A component in the app: its name, its distributions on PyPI (empty: not a Python package), its
    licence as an SPDX expression, and where to read more."""

    name: str
    distributions: tuple[str, ...]
    licence: str
    url: str


MAIN = (
    ThirdParty("Qt 6 and Qt for Python (PySide6)", ("PySide6-Essentials", "shiboken6"),
               "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "https://www.qt.io/licensing/"),
    ThirdParty("pandas", ("pandas",), "BSD-3-Clause", "https://pandas.pydata.org"),
    ThirdParty("NumPy", ("numpy",), "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", "https://numpy.org"),
    ThirdParty("Apache Arrow (pyarrow)", ("pyarrow",), "Apache-2.0", "https://arrow.apache.org"),
    ThirdParty("DuckDB", ("duckdb",), "MIT", "https://duckdb.org"),
    ThirdParty("Ibis", ("ibis-framework",), "Apache-2.0", "https://ibis-project.org"),
    ThirdParty("pyqtgraph", ("pyqtgraph",), "MIT", "https://www.pyqtgraph.org"),
    ThirdParty("python-calamine", ("python-calamine",), "MIT", "https://github.com/dimastbk/python-calamine"),
    ThirdParty("openpyxl", ("openpyxl",), "MIT", "https://openpyxl.readthedocs.io"),
    ThirdParty("platformdirs", ("platformdirs",), "MIT", "https://github.com/tox-dev/platformdirs"),
    ThirdParty("keyring", ("keyring",), "MIT", "https://github.com/jaraco/keyring"),
    ThirdParty("charset-normalizer", ("charset-normalizer",), "MIT", "https://github.com/jawah/charset_normalizer"),
    ThirdParty("SQLGlot", ("sqlglot",), "MIT", "https://sqlglot.com"),
)
# What the packages above depend on at run time (on Linux; Windows adds pywin32-ctypes for keyring).
SUPPORTING = (
    ThirdParty("Python", (), "PSF-2.0", "https://docs.python.org/3/license.html"),
    # 2.9 (Databricks' connector needs below 3): BSD-3-Clause, the code contributed since 2017 also Apache-2.0
    ThirdParty("python-dateutil", ("python-dateutil",), "Apache-2.0 AND BSD-3-Clause",
               "https://github.com/dateutil/dateutil"),
    ThirdParty("six", ("six",), "MIT", "https://github.com/benjaminp/six"),  # python-dateutil's
    ThirdParty("tzdata", ("tzdata",), "Apache-2.0", "https://github.com/python/tzdata"),
    ThirdParty("et-xmlfile", ("et-xmlfile",), "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile"),
    ThirdParty("atpublic", ("atpublic",), "Apache-2.0", "https://public.readthedocs.io"),
    ThirdParty("parsy", ("parsy",), "MIT", "https://github.com/python-parsy/parsy"),
    ThirdParty("toolz", ("toolz",), "BSD-3-Clause", "https://github.com/pytoolz/toolz"),
    ThirdParty("typing_extensions", ("typing_extensions",), "PSF-2.0", "https://github.com/python/typing_extensions"),
    ThirdParty("packaging", ("packaging",), "Apache-2.0 OR BSD-2-Clause", "https://github.com/pypa/packaging"),
    ThirdParty("pyarrow-hotfix", ("pyarrow-hotfix",), "Apache-2.0", "https://github.com/pitrou/pyarrow-hotfix"),
    ThirdParty("lazy-importer", ("lazy-importer",), "Apache-2.0", "https://pypi.org/project/lazy-importer/"),
    ThirdParty("Rich", ("rich",), "MIT", "https://github.com/Textualize/rich"),
    ThirdParty("markdown-it-py", ("markdown-it-py",), "MIT", "https://github.com/executablebooks/markdown-it-py"),
    ThirdParty("mdurl", ("mdurl",), "MIT", "https://github.com/executablebooks/mdurl"),
    ThirdParty("Pygments", ("Pygments",), "BSD-2-Clause", "https://pygments.org"),
    ThirdParty("colorama", ("colorama",), "BSD-3-Clause", "https://github.com/tartley/colorama"),
    ThirdParty("jaraco.classes, jaraco.context, jaraco.functools",
               ("jaraco.classes", "jaraco.context", "jaraco.functools"), "MIT", "https://github.com/jaraco"),
    ThirdParty("more-itertools", ("more-itertools",), "MIT", "https://github.com/more-itertools/more-itertools"),
    ThirdParty("backports.tarfile", ("backports.tarfile",), "MIT", "https://github.com/jaraco/backports.tarfile"),
    ThirdParty("importlib_metadata", ("importlib_metadata",), "Apache-2.0",
               "https://github.com/python/importlib_metadata"),
    ThirdParty("zipp", ("zipp",), "MIT", "https://github.com/jaraco/zipp"),
    ThirdParty("SecretStorage", ("SecretStorage",), "BSD-3-Clause", "https://github.com/mitya57/secretstorage"),
    ThirdParty("Jeepney", ("jeepney",), "MIT", "https://gitlab.com/takluyver/jeepney"),
    ThirdParty("cryptography", ("cryptography",), "Apache-2.0 OR BSD-3-Clause", "https://cryptography.io"),
    ThirdParty("cffi", ("cffi",), "MIT-0", "https://cffi.readthedocs.io"),
    ThirdParty("pycparser", ("pycparser",), "BSD-3-Clause", "https://github.com/eliben/pycparser"),
)
THIRD_PARTY = MAIN + SUPPORTING



def licences_html() -> str:
    """The third-party table as rich text; no colours, so it follows the palette (light or dark)."""

    def rows(entries: tuple[ThirdParty, ...]) -> str:
        return "".join(
            f"<tr><td>{html.escape(e.name)}</td><td>{html.escape(e.licence)}</td>"
            f'<td><a href="{html.escape(e.url)}">{html.escape(e.url.removeprefix("https://"))}</a></td></tr>'
            for e in entries
        )

    # The same widths in both tables, so their columns line up.
    component = QCoreApplication.translate("AboutDialog", "Component")
    licence = QCoreApplication.translate("AboutDialog", "Licence")
    site = QCoreApplication.translate("AboutDialog", "Web site")
    head = (f"<tr><th align=left width=34%>{component}</th><th align=left width=32%>{licence}</th>"
            f"<th align=left width=34%>{site}</th></tr>")
    table = '<table cellspacing="0" cellpadding="3" width="100%">'
    intro = QCoreApplication.translate("AboutDialog", "{app} is built with these open-source components, each under "
                                                      "its own licence:").format(app=APP_NAME)
    also = QCoreApplication.translate("AboutDialog", "<b>Also included</b> (what the components above use):")
    lgpl = QCoreApplication.translate(
        "AboutDialog", "Qt and Qt for Python are used under the GNU Lesser General Public License v3: their libraries "
                       "ship as separate files you may replace with your own build of the same version; their source "
                       'is at <a href="https://code.qt.io">code.qt.io</a>.')
    return (f"<p>{intro}</p>{table}{head}{rows(MAIN)}</table><p>{also}</p>{table}{head}{rows(SUPPORTING)}</table>"
            f"<p>{lgpl}</p>")


class LinkListBrowser(QTextBrowser):
    """Rich text whose links are one Tab stop: Tab and Shift+Tab pass it, the arrow keys go from link to link and
    Enter opens the one selected. A text browser's Tab stops at every link, and ~45 licence links held a keyboard
    user in the About box for as many presses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's name
        return QWidget.focusNextPrevChild(self, next)  # Tab leaves: the links are the arrow keys' (Qt's own moves)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        keys = {Qt.Key.Key_Down: True, Qt.Key.Key_Right: True, Qt.Key.Key_Up: False, Qt.Key.Key_Left: False}
        if event.modifiers() == Qt.KeyboardModifier.NoModifier and event.key() in keys \
                and self.select_link(forward=keys[Qt.Key(event.key())]):
            return
        super().keyPressEvent(event)  # past the last link the arrows scroll; Enter opens the selected link

    def select_link(self, *, forward: bool) -> bool:
        """Select the next (previous) link after (before) the selection; False when there is none."""
        cursor = self.textCursor()
        spans = self.links()
        after = [span for span in spans if span[0] >= cursor.selectionEnd()] if forward else \
            [span for span in reversed(spans) if span[1] <= cursor.selectionStart()]
        if not after:
            return False
        start, end = after[0]
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)  # a selected link is what Qt's text control opens on Enter
        self.ensureCursorVisible()
        return True

    def links(self) -> list[tuple[int, int]]:
        """Where each link of the document is: (start, end) positions, in reading order."""
        spans: list[tuple[int, int]] = []
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.isValid() and fragment.charFormat().isAnchor():
                    start, end = fragment.position(), fragment.position() + fragment.length()
                    if spans and spans[-1][1] == start:  # one link split into fragments by formatting
                        start = spans.pop()[0]
                    spans.append((start, end))
                fragments += 1
            block = block.next()
        return spans


class AboutDialog(QDialog):
    """Name, version, what the app does and promises, and the scrollable list of third-party licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            f"<h2>{APP_NAME} {__version__}</h2>"
            + self.tr("<p>Understand how customers use your product, from exports to findings, actions and a summary "
                      "for stakeholders.</p><p>Your data stays on this computer or in your own warehouse: no "
                      "telemetry, and no network connection but to a warehouse you connect.</p>")
        )
        text.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(icon)
        header.addSpacing(12)
        header.addWidget(text, 1)
        self.licences = LinkListBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setOpenExternalLinks(True)
        self.licences.setHtml(licences_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(label_for(QLabel(self.tr("<b>Third-party software</b>")), self.licences))
        self.licences.setToolTip(self.tr("The arrow keys go from link to link; Enter opens the one selected."))
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
        self.resize(760, 620)

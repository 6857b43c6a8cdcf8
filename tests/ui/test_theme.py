"""Light and dark themes: every text on every step reads against its background in both, the preference is
stored and followed, and what is printed (chart exports, the PDF summary) stays light in the dark theme.

The offscreen platform reports no colour scheme, so these tests choose the theme through the preference."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent

from contrast_checks import pixels, unreadable_texts
from usagelens.model.project_file import load_project
from usagelens.report.pdf import export_pdf
from usagelens.ui import theme
from usagelens.ui.qt import QApplication, QColor, QImage, QPainter, QPalette, Qt
from usagelens.ui.resources import style_sheet
from usagelens.ui.settings import theme_preference
from usagelens.workspace.summary import gather_summary


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[object]:
    """Apply a theme by name for one test; the app is shared, so it goes back to the default afterwards.

    Restyling re-polishes every widget alive, seconds for a window holding the demo: windows closed by earlier
    fixtures are deleted first, and tests ask for this fixture before ``window`` so it is torn down after it."""

    def apply(preference: str) -> None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        theme.apply_theme(qapp, preference)

    yield apply
    apply("system")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_step_and_the_welcome_page_read(scheme, themed, window, wait_idle, demo_path) -> None:  # type: ignore[no-untyped-def]
    themed(scheme)
    window.show_welcome()
    QApplication.processEvents()
    problems = [f"welcome page: {p}" for p in unreadable_texts(window)]
    assert window.open_path(demo_path, ask=False)
    for number in range(1, len(window.pages) + 1):
        window.go_to_step(number)
        wait_idle()
        problems += [f"step {number}: {p}" for p in unreadable_texts(window)]
    assert not problems, "\n".join(problems)
    dark = QColor(window.palette().color(QPalette.ColorRole.Window)).lightnessF() < 0.5
    assert dark == (scheme == "dark")


def test_menus_read_in_the_dark_theme(themed, window) -> None:  # type: ignore[no-untyped-def]
    themed("dark")
    for action in window.menuBar().actions():
        menu = action.menu()
        menu.popup(window.mapToGlobal(window.rect().center()))
        QApplication.processEvents()
        assert not unreadable_texts(menu), action.text()
        menu.hide()
    assert not unreadable_texts(window)  # the menu bar's own titles


def test_the_import_dialog_reads_in_the_dark_theme(themed, qtbot, samples_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.import_dialog import ImportDialog
    from usagelens.ui.workers import TaskRunner

    themed("dark")
    dialog = ImportDialog(str(samples_dir / "events.csv"), TaskRunner())
    qtbot.addWidget(dialog)
    dialog.resize(1000, 760)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.previewing(), timeout=20_000)
    assert not unreadable_texts(dialog), "\n".join(unreadable_texts(dialog))


def test_the_view_menu_stores_and_applies_the_theme(themed, window, qapp) -> None:  # type: ignore[no-untyped-def]
    by_choice = {action.data(): action for action in window.theme_actions.actions()}
    assert set(by_choice) == {"system", "light", "dark"} and by_choice["system"].isChecked()
    by_choice["dark"].trigger()
    assert theme_preference() == "dark" and qapp.property("usagelensScheme") == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(theme.DARK.window)
    assert theme.DARK.nav_background in qapp.styleSheet()
    by_choice["system"].trigger()  # offscreen has no scheme: light
    assert theme_preference() == "system" and qapp.property("usagelensScheme") == "light"


def test_a_system_scheme_change_is_followed_only_under_system(qapp, themed) -> None:  # type: ignore[no-untyped-def]
    from usagelens.ui.settings import set_theme_preference

    themed("system")
    theme.follow_system(qapp)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.property("usagelensScheme") == "dark"
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.property("usagelensScheme") == "light"
    set_theme_preference("light")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.property("usagelensScheme") == "light"


def test_the_style_sheet_names_no_fixed_text_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    # Text colours are palette roles or theme tokens; the one fixed colour is white on the blue accent and on
    # the step badge, which read in both themes.
    colours = re.findall(r"(?<![-\w])color:\s*([^;}]+)", style_sheet())
    assert colours and all(c.startswith(("palette(", "@")) or c.strip() == "white" for c in colours), colours
    for scheme in (theme.LIGHT, theme.DARK):
        assert "@" not in theme.themed_style_sheet(scheme)  # every token filled


def test_status_colours_are_lightened_only_where_they_would_not_read() -> None:
    green, white, dark = QColor("#1a7f37"), QColor(theme.LIGHT.base), QColor(theme.DARK.base)
    assert theme.readable(green, white) == green  # print colours stay as chosen on a light table
    lifted = theme.readable(green, dark)
    assert theme.contrast(lifted, dark) >= theme.READABLE_CONTRAST > theme.contrast(green, dark)
    assert abs(lifted.hslHueF() - green.hslHueF()) < 0.02  # still green
    assert theme.resolve_scheme("system", Qt.ColorScheme.Dark) == "dark"
    assert theme.resolve_scheme("system", Qt.ColorScheme.Unknown) == "light"
    assert theme.resolve_scheme("light", Qt.ColorScheme.Dark) == "light"


def qapp_scheme() -> str:
    return str(QApplication.instance().property("usagelensScheme"))


def svg_pixels(path: Path) -> np.ndarray:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))  # whatever the drawing leaves uncovered shows
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return pixels(image)


def test_chart_exports_stay_light_in_the_dark_theme(themed, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert qapp_scheme() == "light"  # the default offscreen: one restyle of the demo window is enough
    for scheme in ("light", "dark"):
        if scheme == "dark":
            themed(scheme)
            QApplication.processEvents()
        page.chart.export(str(tmp_path / f"{scheme}.png"))
        page.chart.export(str(tmp_path / f"{scheme}.svg"))
    light, dark = (pixels(QImage(str(tmp_path / f"{scheme}.png"))) for scheme in ("light", "dark"))
    assert np.array_equal(light, dark)
    assert (dark.reshape(-1, 3) == 255).all(axis=1).mean() > 0.5  # mostly white paper
    assert np.array_equal(svg_pixels(tmp_path / "light.svg"), svg_pixels(tmp_path / "dark.svg"))


def rasterised(pdf: Path) -> list[np.ndarray]:
    """The PDF's pages at 30 dpi (poppler's pdftoppm)."""
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(pdf.with_suffix(""))], check=True)
    return [pixels(QImage(str(page))) for page in sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_pdf_summary_is_the_same_in_the_dark_theme(demo_path: Path, tmp_path: Path, themed) -> None:  # type: ignore[no-untyped-def]
    data = gather_summary(load_project(demo_path))
    for scheme in ("light", "dark"):
        themed(scheme)
        (tmp_path / scheme).mkdir()
        export_pdf(data, tmp_path / scheme / "summary.pdf")
    light, dark = rasterised(tmp_path / "light" / "summary.pdf"), rasterised(tmp_path / "dark" / "summary.pdf")
    assert len(light) == len(dark) > 1
    for number, (a, b) in enumerate(zip(light, dark, strict=True), start=1):
        assert np.array_equal(a, b), f"page {number} differs in the dark theme"

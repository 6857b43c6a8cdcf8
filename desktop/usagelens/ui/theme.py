"""Light and dark themes: a Fusion palette and the style sheet's colours for each, chosen by a preference.

The style sheet names palette roles (``palette(window-text)``) for text and backgrounds and ``@TOKEN@``s for
what a palette has no role for (banners, the navigator, titles), so no text colour is written for one
background only; a hard-coded dark text colour made menus and editors unreadable on a dark system. The
preference is "system" (follow ``QStyleHints.colorScheme()`` and its changes), "light" or "dark". Charts, their
exports and the PDF summary stay light whatever the theme: they are made for print.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from usagelens.ui.qt import (
    QT_TRANSLATE_NOOP,
    QActionGroup,
    QApplication,
    QColor,
    QCoreApplication,
    QMenu,
    QPalette,
    Qt,
)
from usagelens.ui.resources import style_sheet
from usagelens.ui.settings import set_theme_preference, theme_preference

Scheme = Literal["light", "dark"]
THEME_LABELS = {  # the View ▸ Theme menu
    "system": QT_TRANSLATE_NOOP("Theme", "Follow the &system"),
    "light": QT_TRANSLATE_NOOP("Theme", "&Light"),
    "dark": QT_TRANSLATE_NOOP("Theme", "&Dark"),
}
READABLE_CONTRAST = 4.5  # WCAG AA for body text: what ``readable`` lifts a semantic text colour to


@dataclass(frozen=True)
class ThemeColours:
    """Every colour of one theme; the fields fill the palette and the style sheet's ``@FIELD@`` tokens."""

    window: str
    text: str
    base: str
    alternate_base: str
    button: str
    header: str  # table headers and the status bar
    grid: str
    border: str  # frames of tables, lists and group boxes
    border_strong: str  # frames of buttons and editors
    indicator: str  # frames of check boxes and radio buttons (3:1 on the base, as controls need)
    hover: str
    muted: str  # a page's purpose line
    hint: str  # hints, file paths, secondary text
    disabled: str
    title: str  # page titles
    highlight: str
    highlighted_text: str
    link: str
    focus: str  # the keyboard focus ring (3:1 against the window, the base and the button colour)
    light: str  # Fusion's bevel shades
    midlight: str
    mid: str
    dark: str
    shadow: str
    nav_background: str
    nav_text: str
    nav_hover: str
    nav_selected_text: str
    badge: str
    primary_disabled: str
    primary_disabled_text: str
    info_background: str
    info_border: str
    info_text: str
    attention_background: str
    attention_border: str
    attention_text: str
    error_background: str
    error_border: str
    error_text: str
    arrow_up: str  # icon file names: the step arrows of spin boxes and combo boxes, the check mark
    arrow_down: str
    check: str


LIGHT = ThemeColours(
    window="#f6f7f9", text="#23272e", base="#ffffff", alternate_base="#f8f9fb", button="#ffffff",
    header="#eef1f5", grid="#eceef2", border="#dde1e7", border_strong="#c9ced6", indicator="#868c95", hover="#eef3f9",
    muted="#5b616b", hint="#6b7079", disabled="#a0a5ad", title="#12355b", highlight="#cfe2f7",
    highlighted_text="#12355b", link="#0063a0", focus="#0072b2",
    light="#ffffff", midlight="#e6e9ee", mid="#c9ced6", dark="#9aa0a8", shadow="#5b616b",
    nav_background="#12355b", nav_text="#dbe4ef", nav_hover="#1b4675", nav_selected_text="#12355b",
    badge="#12355b", primary_disabled="#9cc3de", primary_disabled_text="#ffffff",
    info_background="#e8f1fb", info_border="#c5dcf3", info_text="#1d4a7a",
    attention_background="#fff5e0", attention_border="#f3d9a4", attention_text="#7a4b00",
    error_background="#fde8e8", error_border="#f3bcbc", error_text="#8a1c1c",
    arrow_up="arrow-up.svg", arrow_down="arrow-down.svg", check="check.svg",
)

DARK = ThemeColours(
    window="#1e2126", text="#e4e7eb", base="#16181c", alternate_base="#1b1e23", button="#2a2e35",
    header="#262a31", grid="#2a2e35", border="#353a42", border_strong="#4a515c", indicator="#8b929c", hover="#333b47",
    muted="#a9b0ba", hint="#98a0aa", disabled="#6b717b", title="#8cc4f2", highlight="#2c5378",
    highlighted_text="#ffffff", link="#6cb6f0", focus="#6cb6f0",
    light="#4a515c", midlight="#3a4049", mid="#2c3139", dark="#121417", shadow="#000000",
    nav_background="#10233a", nav_text="#c9d6e5", nav_hover="#1a3556", nav_selected_text="#e4e7eb",
    badge="#2c5378", primary_disabled="#2a4256", primary_disabled_text="#8da3b6",
    info_background="#16314d", info_border="#29527c", info_text="#cfe3f8",
    attention_background="#3a2d10", attention_border="#6e5420", attention_text="#f5d9a0",
    error_background="#3f1d1f", error_border="#7d3539", error_text="#f7c6c6",
    arrow_up="arrow-up-dark-theme.svg", arrow_down="arrow-down-dark-theme.svg", check="check-dark-theme.svg",
)

THEMES: dict[Scheme, ThemeColours] = {"light": LIGHT, "dark": DARK}


def build_palette(colours: ThemeColours) -> QPalette:
    """A complete Fusion palette (every role set, so a platform palette change cannot half-override it)."""
    role = QPalette.ColorRole
    palette = QPalette()
    for roles, colour in (
        ((role.Window,), colours.window),
        ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText), colours.text),
        ((role.Base, role.ToolTipBase), colours.base),
        ((role.AlternateBase,), colours.alternate_base),
        ((role.Button,), colours.button),
        ((role.PlaceholderText,), colours.hint),
        ((role.BrightText,), "#ffffff"),
        ((role.Highlight,), colours.highlight),
        ((role.HighlightedText,), colours.highlighted_text),
        ((role.Link, role.LinkVisited), colours.link),
        ((role.Accent,), "#0072b2"),
        ((role.Light,), colours.light),
        ((role.Midlight,), colours.midlight),
        ((role.Mid,), colours.mid),
        ((role.Dark,), colours.dark),
        ((role.Shadow,), colours.shadow),
    ):
        for each in roles:
            palette.setColor(each, QColor(colour))
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(colours.disabled))
    return palette


def themed_style_sheet(colours: ThemeColours) -> str:
    """The app's style sheet with this theme's ``@TOKEN@``s filled in."""
    sheet = style_sheet()
    for name, value in asdict(colours).items():
        sheet = sheet.replace(f"@{name.upper()}@", value)
    return sheet


def resolve_scheme(preference: str, system: Qt.ColorScheme) -> Scheme:
    """The scheme a preference means; "system" is dark only when the platform says so (offscreen says nothing)."""
    if preference in THEMES:
        return preference  # type: ignore[return-value]
    return "dark" if system == Qt.ColorScheme.Dark else "light"


def apply_theme(app: QApplication, preference: str | None = None, system: Qt.ColorScheme | None = None) -> Scheme:
    """Give the app the theme ``preference`` (default: the stored one) asks for; the scheme now shown.

    The requested scheme also goes to ``QStyleHints`` so native parts (title bars, file dialogs) follow it;
    "system" withdraws the request, and then ``system`` (default: the platform's scheme) decides."""
    preference = preference or theme_preference()
    hints = app.styleHints()
    requested = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(preference, Qt.ColorScheme.Unknown)
    hints.setColorScheme(requested)
    scheme = resolve_scheme(preference, hints.colorScheme() if system is None else system)
    colours = THEMES[scheme]
    app.setProperty("usagelensScheme", scheme)
    if app.style().name().lower() != "fusion":  # setting it again would re-polish every widget once more
        app.setStyle("Fusion")
    app.setPalette(build_palette(colours))
    app.setStyleSheet(themed_style_sheet(colours))  # after the palette: ``palette(...)`` is read when it is set
    return scheme


def follow_system(app: QApplication) -> None:
    """Re-apply the theme whenever the platform's colour scheme changes, when the preference is "system"."""
    app.styleHints().colorSchemeChanged.connect(lambda scheme: _on_color_scheme_changed(app, scheme))


def _on_color_scheme_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    if theme_preference() == "system" and app.property("usagelensScheme") != resolve_scheme("system", scheme):
        apply_theme(app, "system", scheme)


def add_theme_menu(menu: QMenu) -> QActionGroup:
    """A "Theme" submenu of ``menu`` with one checkable entry per preference; choosing one stores and applies it."""
    submenu = menu.addMenu(QCoreApplication.translate("Theme", "&Theme"))
    group = QActionGroup(submenu)
    chosen = theme_preference()
    for preference, label in THEME_LABELS.items():
        action = submenu.addAction(QCoreApplication.translate("Theme", label))
        action.setCheckable(True)
        action.setChecked(preference == chosen)
        action.setData(preference)
        group.addAction(action)
    group.triggered.connect(lambda action: choose_theme(str(action.data())))
    return group


def choose_theme(preference: str) -> None:
    """Store the preference and show it at once (every open window restyles)."""
    set_theme_preference(preference)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        # Restyling re-polishes every widget: seconds with a big project open (item views re-measure rows).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            apply_theme(app, preference)
        finally:
            QApplication.restoreOverrideCursor()


def current() -> ThemeColours:
    """The colours of the theme on screen (light before any theme is applied, as in a headless report)."""
    app = QApplication.instance()
    scheme = app.property("usagelensScheme") if app is not None else None
    return THEMES.get(scheme, LIGHT)


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor, background: QColor, minimum: float = READABLE_CONTRAST) -> QColor:
    """``colour`` with its lightness moved away from ``background`` until the text reads: a status colour
    chosen for print (dark green on white) keeps its hue on a dark table instead of vanishing into it."""
    if contrast(colour, background) >= minimum:
        return colour
    hue, saturation, lightness, alpha = colour.getHslF()
    step = 0.02 if luminance(background) < 0.18 else -0.02
    adjusted = QColor(colour)
    while contrast(adjusted, background) < minimum and 0.0 < lightness < 1.0:
        lightness = min(max(lightness + step, 0.0), 1.0)
        adjusted = QColor.fromHslF(max(hue, 0.0), saturation, lightness, alpha)
    return adjusted

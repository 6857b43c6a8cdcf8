"""Which of the files PyInstaller collected the one-folder app leaves out, and why each is safe to leave out.

Kept apart from packaging/usagelens.spec (which PyInstaller executes with its own globals) so the rules can be
tested without a build (tests/packaging/). A rule names what the app never loads, or what every system that
can run the bundle already has; ``packaging/check_bundle.py --unused`` lists what a build still ships that its
checks never opened, which is where the next rule starts.
"""

from __future__ import annotations

from collections.abc import Collection

# Libraries the bundle takes from the system instead of copying the build machine's: the entries of AppImage's
# excludelist (github.com/AppImageCommunity/pkg2appimage, "excludelist") that PyInstaller collects here, each
# part of every Linux desktop, and several known to break when an older copy shadows the system's (the
# bootloader puts _internal first on the library path, so a copy is also what the system's own libraries
# get): libstdc++/libgcc_s ("GLIBCXX_3.4.x not found" in Mesa's drivers; the bundle needs glibc 2.35, whose
# distributions all ship GCC 11's libstdc++ or newer, the GLIBCXX_3.4.29 shiboken needs), libX11 and
# libX11-xcb (symbol lookup errors against the system's libxcb), fontconfig and FreeType (stalls reading the
# system's font configuration), and expat, libgpg-error, libz and libuuid (base system). libXau and libXdmcp
# come with libxcb, which PyInstaller already takes from the system. GLib (with gthread) is used by Qt's event
# loop only; the excludelist bundles it because an AppImage's own GTK, Pango or GnuTLS need a matching one,
# and this bundle has none of them (the GTK theme plugin is left out), while a copy older than the desktop's
# breaks the desktop's GIO modules. Qt needs GLib 2.56 (its wheels are built on manylinux_2_28).
SYSTEM_LIBRARIES = frozenset({
    "libstdc++.so.6", "libgcc_s.so.1", "libX11.so.6", "libX11-xcb.so.1", "libfontconfig.so.1", "libfreetype.so.6",
    "libharfbuzz.so.0", "libexpat.so.1", "libgpg-error.so.0", "libz.so.1", "libuuid.so.1", "libXau.so.6",
    "libXdmcp.so.6", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libGL.so.1", "libEGL.so.1", "libdrm.so.2",
})

_ARROW_LEFT_OUT = ("libarrow_flight", "libarrow_python_flight", "libarrow_s3", "libarrow_gcs", "libarrow_azure",
                   "libarrow_python_parquet_encryption")
_PYARROW_MODULES_LEFT_OUT = ("_substrait.", "_orc.", "_dataset_orc.", "_feather.", "_parquet_encryption.",
                             "_dataset_parquet_encryption.")
_QT_PLUGIN_FOLDERS_LEFT_OUT = ("egldeviceintegrations", "generic", "networkinformation", "tls")
_QT_PLATFORMS_LEFT_OUT = ("qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc")


def unused(dest: str, languages: Collection[str]) -> bool:
    """Whether the file PyInstaller would put at ``dest`` (relative to ``_internal``) is left out, for an app
    that ships its own translations for ``languages`` (``de``, ``pt_BR``...).

    - Arrow's network file systems and Flight RPC (no network, by design), its C++ headers, Cython sources and
      test data (for building and testing pyarrow), the copies of libarrow_python under names nothing links
      to, the Python modules the spec excludes and the Parquet encryption library only they load.
    - Qt's translations but ``qtbase`` in the languages the app ships (issue 17: "Qt translations not
      shipped"): a user whose language the app does not ship sees it in English, Qt's dialog buttons included,
      rather than English pages with buttons in their language.
    - Qt's platforms and input plugins of embedded devices (EGLFS, framebuffer, VNC, evdev) and their EGLFS
      libraries, the network plugins and library, the GTK theme (it would load the user's GTK against the
      build machine's cairo and pango), image formats but SVG (the app decodes only PNG, which Qt does
      itself, and SVG icons). The CUPS print plugin stays but uses the system's libcups (every Linux desktop
      that prints has it, matching its own CUPS server), not a copy with its own TLS and Kerberos stack.
    - :data:`SYSTEM_LIBRARIES`, by name at the top of the bundle (where PyInstaller puts system libraries).
    - pyqtgraph's logo, set only by its ``mkQApp`` (the app makes its own QApplication and icon); the app's
      README screenshot and translation sources (the app loads the compiled ``.qm``).
    """
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    qt_translations = tuple(f"qtbase_{language}." for language in languages)
    return (
        any(lib in name for lib in _ARROW_LEFT_OUT)
        or (dest.startswith("PySide6/") and name.startswith(("QtOpenGL.", "QtDBus.")))
        or (dest.startswith("pyarrow/") and name.startswith(_PYARROW_MODULES_LEFT_OUT))
        or dest.startswith(("pyarrow/include/", "pyarrow/src/", "pyarrow/tests/"))
        or name.endswith((".pxd", ".pyx", ".pxi", ".h", ".hpp", ".cc"))
        or (name.startswith("libarrow_python") and not name.endswith(".so.2600"))
        or name.startswith(("libQt6Network.", "libcups.", "libQt6EglFS", "libQt6EglFs"))
        or ("/Qt/plugins/imageformats/" in dest and not name.startswith("libqsvg."))
        or ("/Qt/translations/" in dest and not name.startswith(qt_translations))
        or "/Qt/plugins/platformthemes/libqgtk3." in dest
        or any(f"/Qt/plugins/{folder}/" in dest for folder in _QT_PLUGIN_FOLDERS_LEFT_OUT)
        or any(f"/Qt/plugins/platforms/lib{platform}." in dest for platform in _QT_PLATFORMS_LEFT_OUT)
        or (dest == name and name in SYSTEM_LIBRARIES)
        or dest.startswith(("pyqtgraph/icons/peegee/", "resources/screenshots/"))
        or (dest.startswith("resources/translations/") and name.endswith(".ts"))
    )

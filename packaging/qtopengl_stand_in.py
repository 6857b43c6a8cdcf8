"""PyInstaller runtime hook: ``PySide6.QtOpenGL`` is left out of the bundle (its binding is 9 MB) and this
stands in for it.

pyqtgraph's curve and colour-mesh items import the module when they are imported, but use it only to draw
through OpenGL, which pyqtgraph does only with ``useOpenGL`` set; UsageLens never sets it, so every chart is
drawn with QPainter and nothing here is ever read. Should that change, the first use fails with this message
rather than a crash.
"""

import sys
import types


class _LeftOut(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"{self.__name__}.{name}: OpenGL drawing is not part of the packaged UsageLens")


sys.modules.setdefault("PySide6.QtOpenGL", _LeftOut("PySide6.QtOpenGL"))

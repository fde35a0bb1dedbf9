"""Windows and dialogs sized to the screen they open on: an inspector's laptop is 1366×768,
often at 150 % (911×512 logical pixels), so nothing may open larger than what is available.

Runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: room left around a dialog for the window frame and the taskbar
MARGIN = 24


def available(widget: QWidget | None = None) -> QRect:
    """The screen area a window of ``widget`` may take (its own screen, else the primary)."""
    screen = None
    if widget is not None:
        anchor = widget.window()
        parent = anchor.parentWidget()
        screen = (parent.window() if parent is not None else anchor).screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, or to what the screen has room for, whichever is smaller;
    minimum sizes shrink with it so the window can always be made to fit."""
    area = available(widget)
    w = min(width, area.width() - MARGIN)
    h = min(height, area.height() - MARGIN)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), w), min(minimum.height(), h))
    widget.resize(w, h)


def clamp_to_screen(widget: QWidget) -> None:
    """Move and shrink a top-level window so it lies inside the available screen (a geometry
    saved on a bigger monitor, or at another scale)."""
    area = available(widget)
    frame = widget.frameGeometry()
    extra_w = frame.width() - widget.width()
    extra_h = frame.height() - widget.height()
    w = min(widget.width(), area.width() - extra_w)
    h = min(widget.height(), area.height() - extra_h)
    if (w, h) != (widget.width(), widget.height()):
        widget.resize(w, h)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


#: the size the main window opens at on a screen with room for it
WINDOW_SIZE = (1280, 800)


def place_window(window: QWidget, geometry: object) -> None:
    """Open the main window inside the available screen: a saved geometry restored and clamped
    to this screen (it may have been saved on a bigger monitor or at another scale), else the
    usual size, maximised on a screen too small for it (a 1366×768 laptop)."""
    from PySide6.QtCore import QByteArray, Qt

    area = available(window)
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):  # type: ignore[attr-defined]
        if not window.isMaximized():
            clamp_to_screen(window)
        return
    w, h = WINDOW_SIZE
    if area.width() < w + MARGIN or area.height() < h + MARGIN:
        window.resize(min(w, area.width()), min(h, area.height()))
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    window.resize(w, h)
    window.move(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2)

"""Windows and dialogs sized to the screen they open on: an inspector's laptop is 1366×768,
often at 150 % (911×512 logical pixels), so nothing may open larger than what is available.

Runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
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


class ScreenGuard(QObject):
    """Every window and dialog, when it first comes to the front, is made to fit the screen
    it opens on and moved inside it (a dialog designed at 1100×700 opens with its buttons on
    a 911×512 screen; its content scrolls or shrinks). It listens to the window focus, not
    to every event of the application: an event filter there costs every event a call into
    Python (the window's start took half as long again)."""

    FITTED = "screenGuardFitted"

    def __init__(self, app: QObject) -> None:
        super().__init__(app)
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.instance().focusWindowChanged.connect(self._focused)  # type: ignore[union-attr]

    def _focused(self, window: object) -> None:
        if window is None:
            return
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is window:
                if _free(widget) and not widget.property(self.FITTED):
                    widget.setProperty(self.FITTED, True)
                    fit_inside(widget)
                return


def _free(widget: QWidget) -> bool:
    """A top-level window that is neither maximised nor full screen."""
    return widget.isWindow() and not (widget.isMaximized() or widget.isFullScreen())


def fit_inside(window: QWidget) -> None:
    """Shrink a window to the available screen (its minimum size too) and move it inside."""
    area = available(window)
    room_w, room_h = area.width() - FRAME, area.height() - FRAME - TITLE
    minimum = window.minimumSize()
    if minimum.width() > room_w or minimum.height() > room_h:
        window.setMinimumSize(min(minimum.width(), room_w), min(minimum.height(), room_h))
    if window.width() > room_w or window.height() > room_h:
        window.resize(min(window.width(), room_w), min(window.height(), room_h))
    clamp_to_screen(window)


def install_screen_guard(app: QObject) -> ScreenGuard:
    return ScreenGuard(app)


#: the window frame's width and its title bar, where the platform does not say them yet
FRAME = 8
TITLE = 32

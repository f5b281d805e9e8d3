"""The main window's frame lies inside the screen's available area, first run or restored."""

from PySide6.QtCore import QByteArray, Qt

from clerkdesk.ui.main_window import MainWindow
from clerkdesk.ui.screen_fit import Area
from clerkdesk.ui.settings import WINDOW_GEOMETRY, Settings


def on_screen(window: MainWindow) -> bool:
    """The frame lies on the screen (maximised: the size it returns to when un-maximised, since
    the maximised frame is the window manager's — offscreen draws it 2 px beyond the screen)."""
    shown = window.normalGeometry() if window.isMaximized() else window.frameGeometry()
    return Area.of(window.screen().availableGeometry()).contains(Area.of(shown))


def test_the_first_run_window_fits_the_screen(qtbot):
    window = MainWindow(build=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert on_screen(window)
    # The test screen is a 1366×768 laptop (tests/conftest.py): it opens maximised.
    assert window.windowState() & Qt.WindowState.WindowMaximized


def test_a_remembered_window_too_big_and_off_screen_is_brought_back(qtbot):
    too_big = MainWindow(build=False)
    too_big.setGeometry(3000, 2000, 2560, 1400)  # another, larger monitor, now unplugged
    settings = Settings()
    settings.set(WINDOW_GEOMETRY, QByteArray(too_big.saveGeometry()))
    too_big.deleteLater()

    window = MainWindow(settings, build=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert on_screen(window)

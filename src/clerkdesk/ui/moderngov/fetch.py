"""Run a Modern.gov fetch off the UI thread, with a progress dialog whose Cancel stops it."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TypeVar, cast

from PySide6.QtCore import QEventLoop, QObject, Qt, QUrl, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from clerkdesk.errors import ClerkDeskError
from clerkdesk.ui import dialogs

T = TypeVar("T")
_PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY",
                    "all_proxy")


class _Relay(QObject):
    """Carries the worker thread's news to the UI thread (queued signal connections)."""

    progress = Signal(str)
    done = Signal(object, object)  # result, error


def system_proxy(address: str) -> str | None:
    """The proxy the operating system's settings give for `address`, as Qt reads them; None
    when the environment already names one (httpx uses that) or there is none."""
    if any(os.environ.get(name) for name in _PROXY_VARIABLES):
        return None
    from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery

    for proxy in QNetworkProxyFactory.systemProxyForQuery(QNetworkProxyQuery(QUrl(address))):
        if proxy.type() == QNetworkProxy.ProxyType.HttpProxy and proxy.hostName():
            return f"http://{proxy.hostName()}:{proxy.port()}"
    return None


def run_fetch(parent: QWidget | None, site: str, label: str,
              job: Callable[..., T]) -> T | None:
    """`job(client, progress)` on a worker thread while a progress dialog shows `label`;
    its result, or None after Cancel or a problem (shown in one sentence)."""
    from clerkdesk.net.moderngov import Cancelled, ModernGovClient, service_root

    try:
        client = ModernGovClient(site, proxy=system_proxy(service_root(site)))
    except ClerkDeskError as error:
        dialogs.show_error(parent, "Modern.gov", str(error))
        return None
    dialog = _progress_dialog(parent, label)
    relay, loop = _Relay(), QEventLoop()
    outcome: dict[str, tuple[object, object]] = {}

    def finish(result: object, error: object) -> None:
        outcome.setdefault("result", (result, error))
        loop.quit()

    def cancel() -> None:
        client.cancel()
        outcome.setdefault("result", (None, Cancelled("Cancelled.")))
        loop.quit()

    relay.done.connect(finish)
    relay.progress.connect(dialog.setLabelText)
    dialog.canceled.connect(cancel)
    worker = threading.Thread(target=_work, args=(client, job, relay), daemon=True)
    worker.start()
    dialog.show()
    if "result" not in outcome:
        loop.exec()
    dialog.canceled.disconnect(cancel)
    dialog.close()
    dialog.deleteLater()
    if parent is not None:  # give the keyboard back to the window the clerk was in
        parent.window().activateWindow()
    result, failure = outcome["result"]
    if isinstance(failure, Cancelled):
        return None
    if failure is not None:
        dialogs.show_error(parent, "Modern.gov", str(failure))
        return None
    return cast(T, result)  # what job returned, through the relay's untyped signal


def _work(client: object, job: Callable[..., object], relay: _Relay) -> None:
    try:
        result = job(client, relay.progress.emit)
    except ClerkDeskError as error:
        relay.done.emit(None, error)
    except Exception as error:  # noqa: BLE001 - shown to the clerk rather than lost on a thread
        relay.done.emit(None, ClerkDeskError(f"Unexpected problem reading the site: {error}"))
    else:
        relay.done.emit(result, None)
    finally:
        client.close()  # type: ignore[attr-defined]


def _progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setObjectName("moderngovProgress")
    dialog.setWindowTitle("Reading the Modern.gov site")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)  # room for "Listing the committee's coming meetings…"
    return dialog

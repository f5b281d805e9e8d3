"""PySide6 6.12.0 on Python 3.11 drops references to None and True it never took.

Every call of a void Qt method or slot from Python (setFocus, keyPressEvent's base call, a Python
slot run by a Qt signal) loses a reference to None, and every `Signal.emit()` one to True. After
some thousands of such calls CPython aborts ("Fatal Python error: none_dealloc"/"bool_dealloc");
a process that types into the editor dies within seconds here, the app within minutes of use.
Python >= 3.12 is immune (None and True are immortal there), and PySide6 6.11 has no such leak.

Test processes call `shield()` so the editor's own behaviour can still be tested; the test
`test_qt_calls_keep_refcounts` stays red while the installed PySide6 has the defect.
"""

from __future__ import annotations

import ctypes
import sys

_LOAN = 1 << 40  # references lent to None/True/False: more than any run can lose


def lost_references(calls: int = 200) -> dict[str, float]:
    """References to None and True lost per void Qt call and per `Signal.emit()` (0 is healthy)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal(int)

    probe = _Probe()
    probe.fired.connect(lambda _value: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(calls):
        probe.setObjectName("probe")  # a void method
    none_lost = (none_before - sys.getrefcount(None)) / calls
    for value in range(calls):
        probe.fired.emit(value)
    true_lost = (true_before - sys.getrefcount(True)) / calls
    return {"None per void call": none_lost, "True per emit": true_lost}


def shield() -> bool:
    """Lend None, True and False enough references to outlive the leak; True if it is present."""
    if max(lost_references().values()) < 0.5:
        return False
    if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
        for singleton in (None, True, False):
            ctypes.c_ssize_t.from_address(id(singleton)).value += _LOAN  # ob_refcnt comes first
    return True

"""The action runner: a value and what changed on success, a refusal to its message channel,
anything else to the bug log and dialog."""

import pytest

from clerkdesk.bug_log import LOG_NAME, log_folder
from clerkdesk.errors import ClerkDeskError
from clerkdesk.services.changes import FLAGS, NOTHING, STATUS, Changes
from clerkdesk.ui.action_runner import ActionRunner, Done


@pytest.fixture
def runner(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr("clerkdesk.ui.bug_dialog.show_bug",
                        lambda _parent, report, _path: shown.append(report))
    made = ActionRunner(window)
    made.bugs_shown = shown
    return made


def test_success_hands_back_the_value_and_announces_changes_declared_and_returned(runner):
    announced: list[Changes] = []
    runner.changed.connect(announced.append)
    assert runner.run(lambda: 7, FLAGS) == Done(7)
    assert runner.run(lambda: STATUS, FLAGS) == Done(STATUS)
    assert runner.run(lambda: None) == Done(None)  # nothing changed: nothing announced
    assert announced == [FLAGS, Changes(flags=True, status=True)]
    assert not NOTHING and FLAGS | STATUS == Changes(flags=True, status=True)


def test_a_refusal_goes_to_the_message_channel_and_is_no_bug(runner):
    said: list[str] = []
    runner.messageReported.connect(said.append)

    def refuse() -> None:
        raise ClerkDeskError("These minutes are approved.")

    assert runner.run(refuse, FLAGS) is None
    assert runner.run(refuse, refused=said.append) is None
    assert runner.run(refuse, quiet=True) is None
    assert said == ["These minutes are approved."] * 2 and runner.bugs_shown == []
    assert not (log_folder() / LOG_NAME).exists()


@pytest.mark.bug_report
def test_any_other_error_is_logged_and_shown_as_a_bug(runner):
    def broken() -> None:
        raise KeyError("paragraph 12")

    assert runner.run(broken) is None
    [report] = runner.bugs_shown
    assert "KeyError: 'paragraph 12'" in report
    assert "KeyError: 'paragraph 12'" in (log_folder() / LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.bug_report
def test_an_exception_no_action_caught_is_logged_and_shown(qtbot, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from clerkdesk.ui.app import bug_hook

    window = QWidget()
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr("clerkdesk.ui.bug_dialog.show_bug",
                        lambda _parent, report, _path: shown.append(report))
    try:
        raise ZeroDivisionError("a slot divided by zero")
    except ZeroDivisionError as error:
        bug_hook(window)(ZeroDivisionError, error, error.__traceback__)
    assert len(shown) == 1 and "a slot divided by zero" in shown[0]
    assert "ZeroDivisionError" in (log_folder() / LOG_NAME).read_text(encoding="utf-8")

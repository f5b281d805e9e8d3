"""The agenda and roster Qt models keep Qt's model contract (pytest-qt's qtmodeltester)."""

from PySide6.QtCore import QModelIndex, Qt

from clerkdesk.domain.enums import AttendanceStatus, PersonKind, Role
from clerkdesk.domain.person import PersonFields
from clerkdesk.services.roster import RosterRow
from clerkdesk.services.workspace import ItemOutline
from clerkdesk.ui.roster.roster_model import COLUMNS, PERSON_ID_ROLE, RosterModel
from clerkdesk.ui.workspace.agenda_model import ITEM_ID_ROLE, AgendaModel

ITEMS = (
    ItemOutline(11, "1", "Apologies for absence", False, None, 1),
    ItemOutline(12, "2A", "Land at Mill Lane", True, 3, 4),
    ItemOutline(13, "3", "Any other business", False, None, 0),
)
ROWS = [
    RosterRow(7, "Cllr Ada Fenwick", PersonFields("Cllr", "Ada", "Fenwick", role=Role.CHAIR),
              AttendanceStatus.PRESENT),
    RosterRow(8, "Mr Tom Reeve", PersonFields("Mr", "Tom", "Reeve", job_title="Head of Planning",
                                              organisation="Westmere", kind=PersonKind.OFFICER),
              None),
    RosterRow(9, "Cllr Bea Lamb", PersonFields("Cllr", "Bea", "Lamb", role=Role.SUBSTITUTE),
              AttendanceStatus.SUBSTITUTE, remote=True, substitute_for_id=7,
              substitute_for_name="Cllr Ada Fenwick"),
]


def test_agenda_model_keeps_the_model_contract_through_a_reset(qtmodeltester) -> None:
    model = AgendaModel()
    qtmodeltester.check(model)  # empty
    model.set_items(ITEMS)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.rowCount(model.index(0)) == 0
    assert model.index(1).data() == "2A  Land at Mill Lane  [exempt para 3]"
    assert model.index(2).data(ITEM_ID_ROLE) == 13
    assert model.index(5).data() is None
    model.set_items(ITEMS[:1])
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_roster_model_keeps_the_model_contract_through_a_reset(qtmodeltester) -> None:
    model = RosterModel()
    qtmodeltester.check(model)  # empty
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (3, len(COLUMNS))
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.index(2, 0).data(PERSON_ID_ROLE) == 9
    assert model.index(1, 1).data() == "Officer"
    assert model.data(QModelIndex()) is None

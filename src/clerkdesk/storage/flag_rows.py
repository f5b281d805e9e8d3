"""Flag rows (joined-table models) to and from the domain's flag field dataclasses."""

import dataclasses
from enum import StrEnum

from clerkdesk.domain.enums import ActionStatus, RequestStatus, ResolutionForm
from clerkdesk.domain.flag_fields import (
    ActionFields,
    DeclarationFields,
    FlagFields,
    RequestFields,
    ResolutionFields,
)
from clerkdesk.storage.models import (
    ActionFlag,
    DeclarationFlag,
    Flag,
    RequestFlag,
    ResolutionFlag,
)

MODEL_OF: dict[type[FlagFields], type[Flag]] = {
    RequestFields: RequestFlag,
    ResolutionFields: ResolutionFlag,
    ActionFields: ActionFlag,
    DeclarationFields: DeclarationFlag,
}


def fields_of(flag: Flag) -> FlagFields:
    """The flag's fields as the domain dataclass of its kind."""
    match flag:
        case RequestFlag():
            return _read(RequestFields, flag, status=RequestStatus(flag.status))
        case ResolutionFlag():
            return _read(ResolutionFields, flag, form=ResolutionForm(flag.form))
        case ActionFlag():
            return _read(ActionFields, flag, status=ActionStatus(flag.status))
        case DeclarationFlag():
            return _read(DeclarationFields, flag)
    raise TypeError(f"unknown flag type {type(flag).__name__}")


def _read(cls: type[FlagFields], flag: Flag, **converted: object) -> FlagFields:
    values = {f.name: getattr(flag, f.name) for f in dataclasses.fields(cls)}
    # Columns written without a value by older code read as the dataclass defaults.
    defaults = cls()
    for name, value in values.items():
        if value is None and getattr(defaults, name) is not None:
            values[name] = getattr(defaults, name)
    return cls(**(values | converted))


def write_fields(flag: Flag, fields: FlagFields) -> None:
    """Copy every field onto the row (the row must be of the fields' kind)."""
    if not isinstance(flag, MODEL_OF[type(fields)]):
        raise TypeError(f"{type(fields).__name__} do not fit a {type(flag).__name__}")
    for field in dataclasses.fields(fields):
        value = getattr(fields, field.name)
        setattr(flag, field.name, value.value if isinstance(value, StrEnum) else value)


def new_flag(paragraph_id: int, fields: FlagFields, flag_id: int | None = None) -> Flag:
    """An unsaved row of the fields' kind on a paragraph (with a chosen id when given)."""
    flag = MODEL_OF[type(fields)](paragraph_id=paragraph_id)
    if flag_id is not None:
        flag.id = flag_id
    write_fields(flag, fields)
    return flag

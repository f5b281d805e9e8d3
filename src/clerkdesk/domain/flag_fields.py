"""What each kind of flag records (request, resolution, action, declaration); what is missing."""

import datetime as dt
from dataclasses import dataclass, replace

from clerkdesk.domain.enums import ActionStatus, FlagKind, RequestStatus, ResolutionForm

SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class RequestFields:
    """A request for information: what is asked, of whom, by when, and whether it was provided."""

    what: str = ""
    asked_of_person_id: int | None = None
    asked_of_body: str = ""
    due_date: dt.date | None = None
    status: RequestStatus = RequestStatus.OUTSTANDING
    provided_on: dt.date | None = None
    provided_at_meeting_id: int | None = None
    provided_how: str = ""


@dataclass(frozen=True)
class ResolutionFields:
    """A resolution's form and, when one was taken, the vote."""

    form: ResolutionForm = ResolutionForm.OTHER
    votes_for: int | None = None
    votes_against: int | None = None
    abstentions: int | None = None
    recorded_votes: str = ""  # e.g. "For: Mr Love, Ms Hannon; Against: Mr Hood"
    casting_vote: bool = False
    mover_id: int | None = None
    seconder_id: int | None = None
    carried: bool | None = None


@dataclass(frozen=True)
class ActionFields:
    """Something someone undertook to do; `done_on`/`done_at_meeting_id` are set when done."""

    who_person_id: int | None = None
    what: str = ""
    due_date: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: dt.date | None = None
    done_at_meeting_id: int | None = None


@dataclass(frozen=True)
class DeclarationFields:
    """A declaration of interest on the item the paragraph belongs to."""

    person_id: int | None = None
    interest_kind: str = ""
    left_room: bool = False
    did_not_vote: bool = False


FlagFields = RequestFields | ResolutionFields | ActionFields | DeclarationFields

_KINDS: dict[type, FlagKind] = {
    RequestFields: FlagKind.REQUEST,
    ResolutionFields: FlagKind.RESOLUTION,
    ActionFields: FlagKind.ACTION,
    DeclarationFields: FlagKind.DECLARATION,
}

_CLASSES = {kind: cls for cls, kind in _KINDS.items()}

# Requests and actions share one log, so their statuses correspond one to one.
_ACTION_OF_REQUEST = {
    RequestStatus.OUTSTANDING: ActionStatus.OPEN,
    RequestStatus.PROVIDED: ActionStatus.DONE,
    RequestStatus.WITHDRAWN: ActionStatus.DROPPED,
}
_REQUEST_OF_ACTION = {action: request for request, action in _ACTION_OF_REQUEST.items()}


def kind_of(fields: FlagFields) -> FlagKind:
    return _KINDS[type(fields)]


def fields_for(kind: FlagKind) -> FlagFields:
    """Empty fields of a kind (what a freshly flagged paragraph starts with)."""
    fields: FlagFields = _CLASSES[FlagKind(kind)]()
    return fields


def as_request_status(status: str) -> RequestStatus:
    """A request status from either vocabulary ('done' reads as 'provided')."""
    if status in _REQUEST_OF_ACTION:
        return _REQUEST_OF_ACTION[ActionStatus(status)]
    return RequestStatus(status)


def as_action_status(status: str) -> ActionStatus:
    """An action status from either vocabulary ('provided' reads as 'done')."""
    if status in _ACTION_OF_REQUEST:
        return _ACTION_OF_REQUEST[RequestStatus(status)]
    return ActionStatus(status)


def flag_status(fields: FlagFields) -> str:
    """A request's or action's status value; "" for kinds without one."""
    if isinstance(fields, RequestFields | ActionFields):
        return fields.status.value
    return ""


def settled(fields: FlagFields, old: FlagFields | None, today: dt.date) -> FlagFields:
    """The dates that go with a status: a provided request or a done action keeps its date and
    meeting (else the old fields', the date defaulting to `today`); any other status clears them."""
    if isinstance(fields, RequestFields):
        if fields.status is not RequestStatus.PROVIDED:
            return replace(fields, provided_on=None, provided_at_meeting_id=None)
        request = old if isinstance(old, RequestFields) else RequestFields()
        return replace(
            fields, provided_on=fields.provided_on or request.provided_on or today,
            provided_at_meeting_id=fields.provided_at_meeting_id or request.provided_at_meeting_id)
    if isinstance(fields, ActionFields):
        if fields.status is not ActionStatus.DONE:
            return replace(fields, done_on=None, done_at_meeting_id=None)
        action = old if isinstance(old, ActionFields) else ActionFields()
        return replace(fields, done_on=fields.done_on or action.done_on or today,
                       done_at_meeting_id=fields.done_at_meeting_id or action.done_at_meeting_id)
    return fields


def has_vote(fields: ResolutionFields) -> bool:
    """True when anything about a vote was recorded."""
    return any((
        fields.votes_for is not None, fields.votes_against is not None,
        fields.abstentions is not None, fields.recorded_votes.strip(), fields.casting_vote,
        fields.mover_id is not None, fields.seconder_id is not None, fields.carried is not None,
    ))


def missing_fields(fields: FlagFields) -> list[str]:
    """Names of the facts still to be filled in, in form order (empty when complete)."""
    match fields:
        case RequestFields():
            return _missing((
                (not fields.what.strip(), "what"),
                (fields.asked_of_person_id is None and not fields.asked_of_body.strip(),
                 "asked of"),
                (fields.status is RequestStatus.PROVIDED and fields.provided_on is None,
                 "date provided"),
            ))
        case ResolutionFields():
            counted = fields.votes_for is not None or fields.votes_against is not None
            return _missing(((counted and fields.carried is None, "carried or lost"),))
        case ActionFields():
            return _missing((
                (fields.who_person_id is None, "who"),
                (not fields.what.strip(), "what"),
                (fields.due_date is None, "by when"),
            ))
        case DeclarationFields():
            return _missing((
                (fields.person_id is None, "member"),
                (not fields.interest_kind.strip(), "kind of interest"),
            ))
    raise TypeError(f"not flag fields: {fields!r}")


def _missing(checks: tuple[tuple[bool, str], ...]) -> list[str]:
    return [name for failed, name in checks if failed]


def flag_summary(fields: FlagFields) -> str:
    """One short line for lists: the request or action itself, the interest, or the form."""
    match fields:
        case RequestFields() | ActionFields():
            text = fields.what
        case DeclarationFields():
            text = fields.interest_kind
        case ResolutionFields():
            text = fields.form.value
        case _:
            raise TypeError(f"not flag fields: {fields!r}")
    return shorten(" ".join(text.split()))


def shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    """`text` cut at a word boundary to at most `length` characters, with '…' when cut."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] or text[: length - 1]
    return cut.rstrip(" ,;:") + "…"

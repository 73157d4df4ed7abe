"""Errors a user can cause. Each carries a stable code and a plain-words message.

Messages never contain attendee personal data: they may be shown or logged outside the app.
"""


class RoadshowError(Exception):
    """Base class: the user's input was refused (CLI exit 1)."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class StageNotFound(RoadshowError):
    code = "stage_not_found"


class StageExists(RoadshowError):
    code = "stage_exists"


class StageDamaged(RoadshowError):
    code = "stage_damaged"


class StageLocked(RoadshowError):
    code = "stage_locked"


class DiskFull(RoadshowError):
    code = "disk_full"


class ImportFailed(RoadshowError):
    code = "import_failed"


class StageFileInvalid(RoadshowError):
    code = "stage_file_invalid"


class AttendeeNotFound(RoadshowError):
    code = "attendee_not_found"


class InvalidInput(RoadshowError):
    code = "invalid_input"


class TicketInvalid(RoadshowError):
    code = "ticket_invalid"


class KeyMissing(RoadshowError):
    code = "key_missing"

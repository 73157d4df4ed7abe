"""The errors of sync: one `SyncError` base carrying `code`, `message` and `status`.

Every error that sync raises is a `SyncError` (and so a `RoadshowError`: the CLI exits 1):

- `ProtocolError`: a request that does not follow the protocol (the hub answers 400/422).
- `HubError`: the hub refuses a request; the hub app turns it into its JSON error answer.
- `HubRefused`: the desk's view of that answer (the hub said no; retrying will not help,
  and `fatal` when the token itself is wrong).
- `HubUnreachable`: no answer, a cut answer or a failing hub: try again later.
- `DemoStageNotSynced`: the demo stage never reaches a hub.

`status` is the HTTP status of the hub's answer when there is one (None otherwise);
`event_id` names the one pushed event a refusal is about, when it is about one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.errors import RoadshowError

if TYPE_CHECKING:
    from desktop_app.sync.client import SyncReport


class SyncError(RoadshowError):
    """Base class of every sync error: `code`, `message`, `status` (HTTP, or None)."""

    code = "sync_error"
    # Whether a watching desk keeps trying after this error (the network may come back).
    retry_later = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        event_id: str | None = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.status = status
        self.event_id = event_id

    @property
    def fatal(self) -> bool:
        """Nothing will work until a person changes something (token, stage)."""
        return False


class ProtocolError(SyncError, ValueError):
    """A request that does not follow the protocol (the hub answers 400 or 422)."""

    def __init__(self, code: str, message: str, status: int = 422) -> None:
        super().__init__(message, code=code, status=status)


class HubError(SyncError):
    """A request the hub refuses; `status` is the HTTP status it answers with."""

    def __init__(
        self, code: str, message: str, status: int = 400, event_id: str | None = None
    ) -> None:
        super().__init__(message, code=code, status=status, event_id=event_id)


class HubUnreachable(SyncError):
    """No answer, a cut answer, or the hub is failing: try again later."""

    code = "hub_unreachable"
    retry_later = True


class DemoStageNotSynced(SyncError):
    """The demo stage's people are made up: it never reaches a hub (nor any report there)."""

    code = "demo_stage"

    @property
    def fatal(self) -> bool:
        return True


class HubRefused(SyncError):
    """The hub answered and said no (token, permission, conflict): retrying will not help."""

    code = "hub_refused"
    retry_later = True  # a watching desk reports it and tries again, unless it is fatal

    def __init__(self, code: str, message: str, status: int, event_id: str | None = None) -> None:
        super().__init__(message, code=code, status=status, event_id=event_id)
        # When only the push was refused: the round's report (what was pulled all the same).
        self.report: SyncReport | None = None

    @property
    def fatal(self) -> bool:
        """The token is wrong, revoked, bound elsewhere or not allowed: nothing will work."""
        return self.status in (401, 403)

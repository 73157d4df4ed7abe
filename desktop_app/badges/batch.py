"""Which badges to print and the PDF of a batch or of one badge (Qt-free, used by the command
line, the batch-print dialog's worker and the desk).

Rendering never records anything: a proof is not a printed badge. Whoever actually printed
calls `core.checkin.record_badge_printed` (the desk after a successful print, the command line
with --mark-printed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.core import tickets
from desktop_app.core.errors import InvalidInput, RoadshowError
from desktop_app.core.model import CATEGORIES, Attendee, StageInfo
from desktop_app.core.store import Stage

from .layout import Layout, categories_for, load_layout
from .render import BadgeRenderer, describe_missing

SORTS = ("surname", "company")


class NothingToPrint(RoadshowError):
    code = "nothing_to_print"


class TicketSource:
    """The QR payload of a badge: the signed ticket when this installation holds the roadshow
    private key, else the plain attendee code (valid at any desk by lookup)."""

    def __init__(self, stage_code: str, private_key: Ed25519PrivateKey | None) -> None:
        self.stage_code = stage_code
        self.private_key = private_key

    @classmethod
    def for_stage(cls, info: StageInfo, data_dir: Path) -> TicketSource:
        key = tickets.load_private_key(data_dir) if tickets.has_private_key(data_dir) else None
        return cls(info.code, key)

    @property
    def signed(self) -> bool:
        return self.private_key is not None

    def payload(self, attendee: Attendee) -> str:
        if self.private_key is None:
            return attendee.code
        return tickets.sign_ticket(self.private_key, self.stage_code, attendee.code)


@dataclass
class BatchResult:
    pdf: bytes
    badges: int
    pages: int
    layout: str
    signed: bool
    seconds: float
    stopped: bool = False
    missing_glyphs: list[dict[str, Any]] = field(default_factory=list)
    below_min_size: list[str] = field(default_factory=list)  # attendee codes
    names: dict[str, str] = field(default_factory=dict)  # attendee code -> the name a clerk reads

    def to_dict(self) -> dict[str, Any]:
        return {
            "badges": self.badges,
            "pages": self.pages,
            "layout": self.layout,
            "signed_tickets": self.signed,
            "bytes": len(self.pdf),
            "seconds": round(self.seconds, 3),
            "stopped": self.stopped,
            "missing_glyphs": self.missing_glyphs,
            "below_min_size": self.below_min_size,
        }

    def _who(self, codes: list[str]) -> list[str]:
        """People by name (a clerk looks for a person, not a code); the code when unnamed."""
        return [self.names.get(code) or code for code in codes]

    def summary(self) -> str:
        lines = [
            f"{self.badges} badge{'s' if self.badges != 1 else ''} on {self.pages} "
            f"page{'s' if self.pages != 1 else ''} ({self.layout}), {len(self.pdf) // 1024} KB, "
            f"{self.seconds:.2f} s."
        ]
        if self.stopped:
            lines.append("Stopped before the end: the PDF holds only the badges above.")
        if not self.signed:
            lines.append(
                "This installation has no signing key: the QR codes carry the attendee codes "
                "(valid by lookup at any desk of this stage)."
            )
        scripts: dict[str, tuple[list[str], set[str]]] = {}
        for item in self.missing_glyphs:
            chars, codes = scripts.setdefault(item["script"], ([], set()))
            chars.append(f"{item['char']} {item['codepoint']}")
            codes.update(item["badges"])
        for script, (chars, codes) in sorted(scripts.items()):
            shown = ", ".join(sorted(codes)[:10]) + (" …" if len(codes) > 10 else "")
            lines.append(
                f"No badge font covers {script} ({', '.join(chars[:6])}"
                f"{' …' if len(chars) > 6 else ''}): printed as '?' on {len(codes)} "
                f"badge(s): {shown}."
            )
        if self.below_min_size:
            lines.append(
                f"{len(self.below_min_size)} badge(s) have a text smaller than the layout's "
                f"minimum to fit: {', '.join(self._who(self.below_min_size[:10]))}"
                f"{' …' if len(self.below_min_size) > 10 else ''}."
            )
        return "\n".join(lines)


def select_attendees(
    stage: Stage,
    *,
    category: str | None = None,
    not_printed: bool = False,
    checked_in: bool = False,
    codes: list[str] | None = None,
    sort: str = "surname",
) -> list[Attendee]:
    """Active attendees for a batch, sorted by surname (the pick-up table) or by company.
    Raises NothingToPrint (plain words saying which filter) when none is left."""
    if category and category not in CATEGORIES:
        raise InvalidInput(f"Unknown category '{category}'. Use one of: {', '.join(CATEGORIES)}.")
    if sort not in SORTS:
        raise InvalidInput(f"Sort by one of: {', '.join(SORTS)}.")
    people = stage.attendees(
        category=category or None,
        checked_in=True if checked_in else None,
        include_cancelled=False,
        order=sort,
    )
    if codes:
        wanted = [c.strip().upper() for c in codes if c.strip()]
        known = {a.code for a in people}
        unknown = [c for c in wanted if c not in known and stage.attendee_by_code(c) is None]
        if unknown:
            raise InvalidInput(f"No attendee with code {', '.join(unknown[:5])} in this stage.")
        chosen = set(wanted)
        people = [a for a in people if a.code in chosen]
    if not_printed:
        people = [a for a in people if a.badge_prints == 0]
    if not people:
        filters = [
            f"category {category}" if category else "",
            "not yet printed" if not_printed else "",
            "checked in" if checked_in else "",
            "the given codes" if codes else "",
        ]
        what = ", ".join(f for f in filters if f)
        raise NothingToPrint(
            "No attendee matches "
            + (f"the filter ({what})" if what else "this stage: it has no active attendees")
            + ": there is nothing to print."
        )
    return people


def render_batch(
    info: StageInfo,
    attendees: list[Attendee],
    layout: Layout,
    ticket_source: TicketSource,
    categories: dict[str, dict[str, str]],
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchResult:
    start = time.perf_counter()
    renderer = BadgeRenderer(layout, info, categories)
    items = ((a, ticket_source.payload(a)) for a in attendees)
    pdf, count, pages, stopped = renderer.render(
        items, total=len(attendees), progress=progress, should_stop=should_stop
    )
    noted = renderer.notes.below_min
    return BatchResult(
        pdf=pdf,
        badges=count,
        pages=pages,
        layout=layout.name,
        signed=ticket_source.signed,
        seconds=time.perf_counter() - start,
        stopped=stopped,
        missing_glyphs=describe_missing(renderer.notes),
        below_min_size=sorted(renderer.notes.below_min),
        names={a.code: a.display_name for a in attendees if a.code in noted},
    )


def render_stage_badges(
    stage: Stage,
    attendees: list[Attendee],
    layout: Layout | str,
    data_dir: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchResult:
    """The PDF of these attendees' badges, with this stage's categories and tickets."""
    if isinstance(layout, str):
        layout = load_layout(layout, data_dir)
    info = stage.info
    return render_batch(
        info,
        attendees,
        layout,
        TicketSource.for_stage(info, data_dir),
        categories_for(layout, data_dir, info.slug),
        progress=progress,
        should_stop=should_stop,
    )


def render_badge(
    stage: Stage, attendee: Attendee, layout: Layout | str, data_dir: Path
) -> BatchResult:
    """One badge (the desk's F3 or automatic print at check-in): a PDF in a few ms."""
    return render_stage_badges(stage, [attendee], layout, data_dir)

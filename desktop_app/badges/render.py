"""Draw badges with ReportLab: one PDF for a batch or for a single badge at the desk.

The QR code is a vector path built from the module matrix (one rectangle per run of dark
modules, in module units), so it is sharp at any printer resolution and costs about 2 KB a
badge. Texts are fitted to their boxes by `badges.text`.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop_app.core import consular, paths
from desktop_app.core.model import Attendee, StageInfo
from desktop_app.core.qr import QUIET_ZONE, qr_runs
from desktop_app.core.text_shaping import fonts

from . import flags
from .layout import Element, Layout, LayoutInvalid
from .text import ASCENT, LINE_HEIGHT, LINE_PITCH, Fitted, fit

CUT_MARK = 4 * mm
_RECT = "%d %d %d 1 re"
GREY = (0.45, 0.45, 0.45)


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Page streams deflated but not ASCII85-armoured: 20% smaller and faster. ReportLab reads
    this from its global config when a page is written; any value gives a valid PDF, so a
    concurrent render elsewhere in the process is unaffected in substance."""
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def _rgb(colour: str) -> tuple[float, float, float]:
    value = int(colour[1:], 16)
    return ((value >> 16) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255)


def _date(value: str) -> str:
    try:
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    except ValueError:
        return value


def stage_values(info: StageInfo) -> dict[str, str]:
    return {
        "stage_title": info.title,
        "stage_date": _date(info.date),
        "stage_city": info.city,
        "stage_venue": info.venue,
        "stage_theme": info.theme,
    }


def consular_title(attendee: Attendee, language: str = "it") -> str:
    """The consular title a badge shows ("Console Generale Onorario"), or "" for non-consuls."""
    label = consular.RANK_LABELS[language].get(attendee.consular_rank, "")
    if not label:
        return ""
    if attendee.consular_service == "honorary":
        honorary = consular.SERVICE_LABELS[language]["honorary"]
        return f"{label} {honorary.title()}" if language == "it" else f"{honorary.title()} {label}"
    return label


def is_consul(attendee: Attendee) -> bool:
    return attendee.category == "consul" or bool(consular_title(attendee))


def attendee_values(attendee: Attendee, categories: dict[str, dict[str, str]]) -> dict[str, str]:
    title = consular_title(attendee)
    return {
        "consular_title": title,
        "title_or_role": title or attendee.role,
        "name_native": str(attendee.extra.get("name_native", "")),
        "display_name": attendee.display_name,
        "full_name": attendee.full_name,
        "title": attendee.title,
        "first_name": attendee.first_name,
        "last_name": attendee.last_name,
        "company": attendee.company,
        "role": attendee.role,
        "country": attendee.country,
        "countries": attendee.countries,
        "sector": attendee.sector,
        "code": attendee.code,
        "category_label": categories.get(attendee.category, {}).get("label", attendee.category),
    }


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def element_text(element: Element, values: dict[str, str]) -> str:
    if element.field:
        text = values.get(element.field, "")
    elif element.fields:
        text = element.sep.join(v for v in (values.get(f, "") for f in element.fields) if v)
    else:
        try:
            text = element.text.format_map(_Blank(values))
        except (ValueError, IndexError):
            text = element.text
    text = " ".join(text.split())
    return text.upper() if element.upper else text


@lru_cache(maxsize=32)
def _image(path: str) -> ImageReader:
    candidate = Path(path)
    if not candidate.is_absolute():
        candidate = paths.resource("badges", path)
    try:
        return ImageReader(str(candidate))
    except Exception as exc:  # PIL raises many kinds for a bad file
        raise LayoutInvalid(f"The badge image {candidate.name} cannot be read.") from exc


@dataclass
class BadgeNotes:
    """What a user should know about the badges drawn: characters no font covers, texts that
    had to go below their minimum size. Keyed by attendee code (no personal data)."""

    missing: dict[str, set[str]] = field(default_factory=dict)  # char -> attendee codes
    below_min: set[str] = field(default_factory=set)


def _mark_band(margin: float) -> tuple[float, float]:
    """Where cut marks go along one edge: in the margin, or just inside the page edge."""
    if margin >= CUT_MARK + 2 * mm:
        return (margin - 1 * mm - CUT_MARK, margin - 1 * mm)
    return (5 * mm, 5 * mm + CUT_MARK)


class BadgeRenderer:
    """Draws badges of one layout for one stage onto a ReportLab canvas."""

    def __init__(
        self, layout: Layout, stage: StageInfo, categories: dict[str, dict[str, str]]
    ) -> None:
        fonts()
        self.layout = layout
        self.stage_values = stage_values(stage)
        self.categories = categories
        self.notes = BadgeNotes()

    # --- pages ------------------------------------------------------------------------------

    def render(
        self,
        badges: Iterable[tuple[Attendee, str]],
        *,
        total: int = 0,
        progress: Callable[[int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> tuple[bytes, int, int, bool]:
        """PDF bytes of (attendee, QR payload) badges -> (pdf, badges, pages, stopped)."""
        layout = self.layout
        buffer = io.BytesIO()
        canvas = Canvas(
            buffer,
            pagesize=(layout.page_w * mm, layout.page_h * mm),
            pageCompression=1,
            invariant=1,
        )
        canvas.setTitle(f"Badges · {self.stage_values['stage_title']}")
        canvas.setCreator("Roadshow Desk")
        with _binary_streams():
            return self._render(canvas, buffer, badges, total, progress, should_stop)

    def _render(
        self,
        canvas: Canvas,
        buffer: io.BytesIO,
        badges: Iterable[tuple[Attendee, str]],
        total: int,
        progress: Callable[[int, int], None] | None,
        should_stop: Callable[[], bool] | None,
    ) -> tuple[bytes, int, int, bool]:
        layout = self.layout
        count = pages = 0
        stopped = False
        page: list[tuple[Attendee, str]] = []
        for item in badges:
            if should_stop is not None and should_stop():
                stopped = True
                break
            page.append(item)
            if len(page) == layout.per_page:
                pages += self._page(canvas, page)
                count += len(page)
                page = []
                if progress is not None:
                    progress(count, total)
        if page and not stopped:
            pages += self._page(canvas, page)
            count += len(page)
            if progress is not None:
                progress(count, total)
        if pages == 0:
            canvas.showPage()
        canvas.save()
        return buffer.getvalue(), count, pages, stopped

    def _page(self, canvas: Canvas, items: list[tuple[Attendee, str]]) -> int:
        layout = self.layout
        for side_back in (False, True) if layout.back else (False,):
            elements = layout.back if side_back else layout.front
            for index, (attendee, payload) in enumerate(items):
                x, y = layout.cell_origin(index, back=side_back)
                self.draw_badge(
                    canvas, elements, attendee, payload, x * mm, (layout.page_h - y) * mm
                )
            if layout.cut_marks:
                self._cut_marks(canvas)
            canvas.showPage()
        return 2 if layout.back else 1

    def draw_badge(
        self,
        canvas: Canvas,
        elements: tuple[Element, ...],
        attendee: Attendee,
        payload: str,
        left: float,
        top: float,
    ) -> None:
        """One badge whose top-left corner is at (left, top) in PDF points."""
        values = attendee_values(attendee, self.categories) | self.stage_values
        category = self.categories.get(attendee.category, {})
        for element in elements:
            box = element.box
            x, y_top = left + box.x * mm, top - box.y * mm
            w, h = box.w * mm, box.h * mm
            kind = element.type
            if kind == "text":
                text = element_text(element, values)
                if text:
                    self._text(canvas, element, text, x, y_top, w, h, element.color, attendee.code)
            elif kind == "qr":
                self._qr(canvas, payload, x, y_top - h, w)
            elif kind == "band":
                canvas.setFillColorRGB(*_rgb(category.get("color", "#607D8B")))
                canvas.rect(x, y_top - h, w, h, stroke=0, fill=1)
                text = element_text(element, values)
                if text:
                    pad = min(2 * mm, w * 0.05)
                    colour = category.get("text_color", "#FFFFFF")
                    self._text(
                        canvas, element, text, x + pad, y_top, w - 2 * pad, h, colour, attendee.code
                    )
            elif kind == "rect":
                if element.color:
                    canvas.setFillColorRGB(*_rgb(element.color))
                if element.stroke:
                    canvas.setStrokeColorRGB(*_rgb(element.stroke))
                canvas.rect(
                    x,
                    y_top - h,
                    w,
                    h,
                    stroke=int(bool(element.stroke)),
                    fill=int(bool(element.color)),
                )
            elif kind == "flag":
                iso = flags.iso_code(attendee.country) if is_consul(attendee) else ""
                if iso:
                    flags.draw(canvas, iso, x, y_top - h, w, h)
            elif kind == "image":
                canvas.drawImage(
                    _image(element.path),
                    x,
                    y_top - h,
                    w,
                    h,
                    preserveAspectRatio=True,
                    anchor="c",
                    mask="auto",
                )

    def _text(
        self,
        canvas: Canvas,
        element: Element,
        text: str,
        x: float,
        y_top: float,
        w: float,
        h: float,
        colour: str,
        code: str,
    ) -> None:
        fitted: Fitted = fit(
            text, element.font, w, h, element.size, element.min_size, element.max_lines
        )
        if fitted.missing:
            for char in fitted.missing:
                self.notes.missing.setdefault(char, set()).add(code)
        if fitted.below_min:
            self.notes.below_min.add(code)
        size = fitted.size
        block = size * (LINE_HEIGHT + LINE_PITCH * (len(fitted.lines) - 1))
        if element.valign == "top":
            top = y_top
        elif element.valign == "bottom":
            top = y_top - h + block
        else:
            top = y_top - (h - block) / 2
        canvas.setFillColorRGB(*_rgb(colour))
        baseline = top - ASCENT * size
        for line in fitted.lines:
            width = line.width * size
            align = element.align
            if line.rtl and align != "center":  # start and end swap for right-to-left text
                align = "right" if align == "left" else "left"
            if align == "left":
                cx = x
            elif align == "right":
                cx = x + w - width
            else:
                cx = x + (w - width) / 2
            for font_name, run in line.runs:
                canvas.setFont(font_name, size)
                canvas.drawString(cx, baseline, run)
                cx += canvas.stringWidth(run, font_name, size)
            baseline -= LINE_PITCH * size

    @staticmethod
    def _qr(canvas: Canvas, payload: str, x: float, y: float, side: float) -> None:
        modules, runs = qr_runs(payload)
        unit = side / (modules + 2 * QUIET_ZONE)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.rect(x, y, side, side, stroke=0, fill=1)
        origin_x = x + QUIET_ZONE * unit
        origin_y = y + QUIET_ZONE * unit
        top = modules - 1
        head = f"q 0 0 0 rg {unit:.5f} 0 0 {unit:.5f} {origin_x:.3f} {origin_y:.3f} cm\n"
        body = "\n".join([_RECT % (col, top - row, length) for row, col, length in runs])
        canvas.addLiteral(head + body + "\nf Q")

    def _cut_marks(self, canvas: Canvas) -> None:
        """Thin grey marks where the sheet is cut: in the margins, or (no margin) just inside
        the page edge; a small cross where four badges meet."""
        layout = self.layout
        page_w, page_h = layout.page_w * mm, layout.page_h * mm
        xs, ys = set(), set()
        for col in range(layout.columns):
            left = (layout.margin_x + col * (layout.badge_w + layout.gap_x)) * mm
            xs.update((round(left, 3), round(left + layout.badge_w * mm, 3)))
        for row in range(layout.rows):
            top = (layout.margin_y + row * (layout.badge_h + layout.gap_y)) * mm
            ys.update((round(top, 3), round(top + layout.badge_h * mm, 3)))
        margin_x, margin_y = layout.margin_x * mm, layout.margin_y * mm
        canvas.setStrokeColorRGB(*GREY)
        canvas.setLineWidth(0.3)
        lines = []
        # vertical cuts: marks above and below the grid
        top_band = _mark_band(margin_y)
        for cut_x in xs:
            if 0.5 * mm < cut_x < page_w - 0.5 * mm:
                for a, b in (top_band, (page_h - top_band[1], page_h - top_band[0])):
                    lines.append((cut_x, page_h - a, cut_x, page_h - b))
        side_band = _mark_band(margin_x)
        for cut_y in ys:
            if 0.5 * mm < cut_y < page_h - 0.5 * mm:
                for a, b in (side_band, (page_w - side_band[1], page_w - side_band[0])):
                    lines.append((a, page_h - cut_y, b, page_h - cut_y))
        if layout.gap_x == 0 and layout.gap_y == 0:
            arm = 1.5 * mm
            for cut_x in xs:
                for cut_y in ys:
                    if (
                        margin_x < cut_x < page_w - margin_x - 1
                        and margin_y < cut_y < page_h - margin_y - 1
                    ):
                        y = page_h - cut_y
                        lines.append((cut_x - arm, y, cut_x + arm, y))
                        lines.append((cut_x, y - arm, cut_x, y + arm))
        canvas.lines(lines)


def script_of(char: str) -> str:
    """The script a character belongs to, as Unicode names it (DEVANAGARI, THAI, ...)."""
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else f"U+{ord(char):04X}"


def describe_missing(notes: BadgeNotes) -> list[dict[str, Any]]:
    return [
        {
            "char": char,
            "codepoint": f"U+{ord(char):04X}",
            "script": script_of(char),
            "badges": sorted(codes),
        }
        for char, codes in sorted(notes.missing.items())
    ]

"""Issue 12: a consul's badge shows the country's flag (drawn, or its ISO code in a box), the
consular title (honorary said so) and the name in the person's own script; the QR still scans."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from desktop_app.badges import load_layout, render_stage_badges
from desktop_app.badges.batch import TicketSource
from desktop_app.badges.flags import DRAWN, iso_code

from .helpers import qr_codes, text_runs

DPI = 100


def _page_image(pdf: bytes):
    document = pdfium.PdfDocument(pdf)
    try:
        return document[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        document.close()


def _pixel(image, layout, x_mm: float, y_mm: float) -> tuple[int, int, int]:
    return image.getpixel((round(x_mm * DPI / 25.4), round(y_mm * DPI / 25.4)))


def _near(colour, want, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, want, strict=True))


def _flag_box(layout):
    return next(e.box for e in layout.front if e.type == "flag")


def test_an_honorary_consul_s_badge_has_title_native_name_flag_and_a_scanning_qr(stage, data_dir):
    consul = stage.new_attendee(
        {
            "first_name": "Kenji",
            "last_name": "Tanaka",
            "category": "consul",
            "country": "Giappone",
            "consular_rank": "Console Generale Onorario",
            "extra": {"name_native": "田中 健二"},
        }
    )
    layout = load_layout("a6-portrait")
    result = render_stage_badges(stage, [consul], layout, data_dir)
    shown = " ".join(r.text for r in text_runs(result.pdf))
    assert "Console Generale Onorario" in shown
    assert "田中" in shown and "健二" in shown
    assert "Kenji Tanaka" in shown
    # the flag of Japan: white field, red disc in the middle of the flag's box
    image = _page_image(result.pdf)
    box = _flag_box(layout)
    centre = _pixel(image, layout, box.x + box.w / 2, box.y + box.h / 2)
    corner = _pixel(image, layout, box.x + box.w * 0.12, box.y + box.h * 0.2)
    assert _near(centre, (0xBC, 0x00, 0x2D)), centre
    assert _near(corner, (255, 255, 255)), corner
    assert qr_codes(result.pdf) == [[TicketSource.for_stage(stage.info, data_dir).payload(consul)]]


def test_a_tricolour_is_drawn_in_its_bands(stage, data_dir):
    consul = stage.new_attendee(
        {
            "first_name": "Anne",
            "last_name": "Dubois",
            "category": "consul",
            "country": "FR",
            "consular_rank": "Consul General",
        }
    )
    layout = load_layout("a6-portrait")
    result = render_stage_badges(stage, [consul], layout, data_dir)
    image = _page_image(result.pdf)
    box = _flag_box(layout)
    y = box.y + box.h / 2
    assert _near(_pixel(image, layout, box.x + box.w * 0.17, y), (0x00, 0x55, 0xA4))
    assert _near(_pixel(image, layout, box.x + box.w * 0.5, y), (255, 255, 255))
    assert _near(_pixel(image, layout, box.x + box.w * 0.83, y), (0xEF, 0x41, 0x35))
    assert "Console Generale" in " ".join(r.text for r in text_runs(result.pdf))


def test_a_flag_not_drawn_falls_back_to_the_iso_code_in_a_box(stage, data_dir):
    assert iso_code("Portogallo") == "PT" and "PT" not in DRAWN  # its arms are its point
    consul = stage.new_attendee(
        {
            "first_name": "João",
            "last_name": "Silva",
            "category": "consul",
            "country": "Portogallo",
            "consular_rank": "Consul",
        }
    )
    result = render_stage_badges(stage, [consul], "a6-portrait", data_dir)
    assert "PT" in [r.text for r in text_runs(result.pdf)]


@pytest.mark.parametrize(
    ("country", "where", "colour"),
    [
        # (x, y) as fractions of the flag from its bottom-left corner
        ("Stati Uniti", (0.2, 0.85), (0x3C, 0x3B, 0x6E)),  # the blue canton
        ("Stati Uniti", (0.7, 0.96), (0xB2, 0x22, 0x34)),  # the top stripe is red
        ("Regno Unito", (0.5, 0.5), (0xC8, 0x10, 0x2E)),  # St George's cross
        ("Regno Unito", (0.25, 0.94), (0x01, 0x21, 0x69)),  # the blue field
        ("Cina", (0.8, 0.2), (0xEE, 0x1C, 0x25)),
        ("Cina", (0.167, 0.75), (0xFF, 0xFF, 0x00)),  # the big star
        ("Grecia", (0.7, 0.95), (0x0D, 0x5E, 0xAF)),
        ("India", (0.5, 0.9), (0xFF, 0x99, 0x33)),
        ("Repubblica Ceca", (0.1, 0.5), (0x11, 0x45, 0x7E)),
        ("Spagna", (0.5, 0.5), (0xF1, 0xBF, 0x00)),
    ],
)
def test_flags_with_stars_crosses_and_emblems_are_drawn(stage, data_dir, country, where, colour):
    iso = iso_code(country)
    assert iso in DRAWN
    consul = stage.new_attendee(
        {"first_name": "A", "last_name": "B", "category": "consul", "country": country}
    )
    layout = load_layout("a6-portrait")
    image = _page_image(render_stage_badges(stage, [consul], layout, data_dir).pdf)
    box = _flag_box(layout)
    fw, fh = min(box.w, box.h * 1.5), min(box.h, box.w / 1.5)  # 3:2, centred in its box
    fx, top = box.x + (box.w - fw) / 2, box.y + (box.h - fh) / 2  # layout boxes: mm from the top
    assert _near(_pixel(image, layout, fx + fw * where[0], top + fh * (1 - where[1])), colour)


def test_no_flag_on_a_company_badge(stage, data_dir):
    person = stage.new_attendee(
        {"first_name": "Marco", "last_name": "Rossi", "category": "company", "country": "Italia"}
    )
    layout = load_layout("a6-portrait")
    image = _page_image(render_stage_badges(stage, [person], layout, data_dir).pdf)
    box = _flag_box(layout)
    assert _near(_pixel(image, layout, box.x + box.w * 0.17, box.y + box.h / 2), (255, 255, 255))

"""Issue 12: a consul's badge shows the country's flag (drawn, or its ISO code in a box), the
consular title (honorary said so) and the name in the person's own script; the QR still scans."""

from __future__ import annotations

import pypdfium2 as pdfium

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
    assert iso_code("Stati Uniti") == "US" and "US" not in DRAWN
    consul = stage.new_attendee(
        {
            "first_name": "John",
            "last_name": "Smith",
            "category": "consul",
            "country": "Stati Uniti",
            "consular_rank": "Consul",
        }
    )
    result = render_stage_badges(stage, [consul], "a6-portrait", data_dir)
    assert "US" in [r.text for r in text_runs(result.pdf)]


def test_no_flag_on_a_company_badge(stage, data_dir):
    person = stage.new_attendee(
        {"first_name": "Marco", "last_name": "Rossi", "category": "company", "country": "Italia"}
    )
    layout = load_layout("a6-portrait")
    image = _page_image(render_stage_badges(stage, [person], layout, data_dir).pdf)
    box = _flag_box(layout)
    assert _near(_pixel(image, layout, box.x + box.w * 0.17, box.y + box.h / 2), (255, 255, 255))

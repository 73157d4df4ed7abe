"""Badges as a user sees them: every shipped layout, names in many scripts, text inside its box,
QR codes that scan back to the exact signed ticket."""

from __future__ import annotations

import unicodedata

import pytest
import zxingcpp

from desktop_app.badges import (
    categories_for,
    layout_names,
    load_layout,
    render_badge,
    render_batch,
    render_stage_badges,
    stage_categories_path,
)
from desktop_app.badges.batch import TicketSource
from desktop_app.badges.text import fit
from desktop_app.core import checkin, tickets
from desktop_app.core.qr import qr_matrix, qr_runs, write_qr_png
from desktop_app.core.text_shaping import fonts

from .helpers import MULTILINGUAL, inside, page_count, qr_codes, text_boxes, text_runs

SHIPPED = [
    "a6-4up-a4",
    "a6-portrait",
    "a6-portrait-duplex",
    "cr80-card",
    "label-102x76",
    "label-62x100",
    "pocket-8up-a4",
]


@pytest.fixture
def crowd(stage):
    return [stage.new_attendee(row) for row in MULTILINGUAL]


def _visible(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def test_the_issue_s_layouts_are_all_shipped():
    assert set(SHIPPED) <= set(layout_names())
    sizes = {
        name: (load_layout(name).badge_w, load_layout(name).badge_h, load_layout(name).per_page)
        for name in SHIPPED
    }
    assert sizes["a6-portrait"] == (105, 148, 1)
    assert sizes["a6-4up-a4"] == (105, 148, 4)
    assert sizes["pocket-8up-a4"] == (90, 54, 8)
    assert sizes["cr80-card"] == (85.6, 54, 1)
    assert sizes["label-62x100"] == (62, 100, 1)
    assert sizes["label-102x76"] == (102, 76, 1)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_layout_shows_each_person_inside_the_boxes_and_scans(name, stage, crowd, data_dir):
    layout = load_layout(name)
    result = render_stage_badges(stage, crowd, layout, data_dir)
    assert result.badges == len(crowd)
    assert result.missing_glyphs == []
    expected_pages = -(-len(crowd) // layout.per_page) * (2 if layout.back else 1)
    assert result.pages == expected_pages == page_count(result.pdf)

    runs = text_runs(result.pdf)
    shown = "".join(_visible(r.text) for r in runs)
    for person in crowd:
        name_text = _visible(person.display_name)
        # right-to-left names come out of the PDF in visual order
        assert name_text in shown or name_text[::-1] in shown, person.code
        if person.company:
            first_word = _visible(person.company.split()[0])
            assert first_word in shown or first_word[::-1] in shown

    sides = [False, True] if layout.back else [False]
    for run in runs:
        back = bool(layout.back) and run.page % 2 == 1
        assert back in sides
        boxes = text_boxes(layout, run.page, back=back)
        assert any(inside(run, box) for box in boxes), (
            f"{run.text!r} overflows its box on page {run.page}"
        )

    public = tickets.ensure_key_pair(data_dir)
    scanned = [code for page in qr_codes(result.pdf) for code in page]
    assert len(scanned) == len(crowd)
    want = {TicketSource.for_stage(stage.info, data_dir).payload(a) for a in crowd}
    assert set(scanned) == want
    for payload in scanned:
        ticket = tickets.read_ticket(payload, public)
        assert ticket.stage_code == stage.info.code


def test_names_are_centred_on_the_a6_badge(stage, crowd, data_dir):
    layout = load_layout("a6-portrait")
    result = render_stage_badges(stage, crowd[:2], layout, data_dir)
    name_box = next(e.box for e in layout.front if e.field == "display_name")
    centre = (name_box.x + name_box.w / 2) * 72 / 25.4
    names = [r for r in text_runs(result.pdf) if r.font == "RD-Sans-Bold" and r.size > 20]
    assert len(names) == 2
    for run in names:
        assert abs(run.x + run.width / 2 - centre) < 0.5


def test_120_character_company_shrinks_then_wraps_on_two_lines_inside_its_box(
    stage, crowd, data_dir
):
    person = next(a for a in crowd if len(a.company) == 120)
    layout = load_layout("a6-portrait")
    result = render_stage_badges(stage, [person], layout, data_dir)
    company = next(e for e in layout.front if e.field == "company")
    lines = [
        r
        for r in text_runs(result.pdf)
        if r.text.startswith(("Consorzio", "Aerospaziali", "Precisione")) or "Lombardia" in r.text
    ]
    assert len(lines) == 2
    assert lines[0].y > lines[1].y
    assert company.min_size <= lines[0].size < company.size
    assert "".join(r.text for r in lines).replace(" ", "") == person.company.replace(" ", "")
    assert result.below_min_size == []


def test_long_name_goes_to_two_lines_instead_of_tiny(stage, data_dir):
    person = stage.new_attendee(
        {"first_name": "Maria Alessandra Giovanna", "last_name": "Castiglioni-Buonarroti"}
    )
    layout = load_layout("label-62x100")
    runs = text_runs(render_stage_badges(stage, [person], layout, data_dir).pdf)
    name = next(e for e in layout.front if e.field == "display_name")
    lines = [
        r
        for r in runs
        if r.font == "RD-Sans-Bold" and ("Maria" in r.text or "Castiglioni" in r.text)
    ]
    assert len(lines) == 2
    assert all(r.size >= name.min_size for r in lines)


def test_scripts_use_a_font_that_has_them(stage, crowd, data_dir):
    runs = text_runs(render_stage_badges(stage, crowd, "a6-portrait", data_dir).pdf)
    by_text = {r.plain: r for r in runs}
    assert by_text["王小明"].font == "RD-CJK"  # Chinese: family name first
    for name in ("Thị Minh Khai Nguyễn", "Ελένη Παπαδοπούλου", "Анна Иванова"):
        lines = [r for r in runs if r.size > 20 and set(r.plain.split()) <= set(name.split())]
        assert "".join(r.plain for r in lines).replace(" ", "") == name.replace(" ", "")
        assert {r.font for r in lines} == {"RD-Sans-Bold"}  # one font, no fallback, no boxes
    arabic = [r for r in runs if any("\ufe70" <= c <= "\ufeff" for c in r.text)]
    assert arabic, "Arabic is drawn with joined (presentation) forms"
    names = {unicodedata.normalize("NFKC", r.text) for r in arabic}
    logical = "محمد الأحمد"
    assert (
        logical in names or logical[::-1] in names or " ".join(reversed(logical.split())) in names
    )


def test_arabic_is_shaped_and_ordered_right_to_left():
    fonts()
    fitted = fit("محمد الأحمد", "bold", 200.0, 40.0, 20.0, 8.0, 1)
    drawn = "".join(t for _f, t in fitted.lines[0].runs)
    # visual order: the first word (محمد) is drawn at the right end, its letters joined
    assert unicodedata.normalize("NFKC", drawn)[::-1].startswith("محمد")
    assert all(not ("\u0600" <= c <= "\u06ff") for c in drawn if c != " ")
    assert fitted.lines[0].rtl


def test_a_character_no_font_has_is_reported_not_silently_boxed(stage, data_dir):
    font_set = fonts()
    uncovered = "\U0001d11e"  # musical G clef
    assert ord(uncovered) not in font_set.primary["bold"][1] | font_set.fallback[1]
    person = stage.new_attendee(
        {"first_name": "Ann" + uncovered, "last_name": "Rossi", "company": "X"}
    )
    result = render_stage_badges(stage, [person], "a6-portrait", data_dir)
    assert result.missing_glyphs == [
        {"char": uncovered, "codepoint": "U+1D11E", "script": "MUSICAL", "badges": [person.code]}
    ]
    assert "U+1D11E" in result.summary() and person.code in result.summary()
    assert any(r.text == "Ann? Rossi" for r in text_runs(result.pdf))


def test_protocol_title_role_and_country_are_on_the_consul_badge(stage, crowd, data_dir):
    consul = crowd[0]
    runs = [r.text for r in text_runs(render_badge(stage, consul, "a6-portrait", data_dir).pdf)]
    assert "S.E. Hiroshi Sato" in runs
    assert "Console Generale · Giappone" in runs
    assert "CONSOLE / DELEGAZIONE" in runs


def test_category_labels_and_colours_per_stage_file(stage, crowd, data_dir):
    path = stage_categories_path(data_dir, stage.info.slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"consul": {"label": "Corpo Consolare", "color": "#000080"}}', "utf-8")
    layout = load_layout("a6-portrait")
    cats = categories_for(layout, data_dir, stage.info.slug)
    assert cats["consul"]["label"] == "Corpo Consolare" and cats["consul"]["color"] == "#000080"
    assert cats["company"]["label"] == "Impresa"  # untouched categories keep the defaults
    runs = [r.text for r in text_runs(render_badge(stage, crowd[0], layout, data_dir).pdf)]
    assert "CORPO CONSOLARE" in runs


def test_without_the_private_key_the_qr_carries_the_attendee_code(stage, crowd, data_dir):
    (tickets.keys_dir(data_dir) / tickets.PRIVATE_KEY_FILE).unlink()
    result = render_stage_badges(stage, crowd[:2], "a6-portrait", data_dir)
    assert not result.signed
    assert [c for page in qr_codes(result.pdf) for c in page] == [a.code for a in crowd[:2]]
    assert "no signing key" in result.summary()


def test_duplex_back_pages_are_mirrored_on_sheets(stage, crowd, data_dir):
    layout = load_layout("a6-portrait-duplex")
    result = render_stage_badges(stage, crowd[:3], layout, data_dir)
    assert result.pages == 6
    assert layout.cell_origin(0, back=True) == layout.cell_origin(0)
    sheet = load_layout("a6-4up-a4")
    assert sheet.cell_origin(0, back=True) == sheet.cell_origin(1)


def test_rendering_records_nothing(stage, crowd, data_dir):
    before = stage.event_count()
    render_stage_badges(stage, crowd, "a6-portrait", data_dir)
    assert stage.event_count() == before
    assert all(stage.attendee(a.id).badge_prints == 0 for a in crowd)


def test_a_thousand_badge_pdf_stays_small(stage, data_dir):
    from desktop_app.core import demo

    demo.populate(stage, 200)
    people = stage.attendees(include_cancelled=False)[:200]
    layout = load_layout("a6-portrait")
    result = render_batch(
        stage.info,
        people,
        layout,
        TicketSource.for_stage(stage.info, data_dir),
        categories_for(layout),
    )
    assert len(result.pdf) / result.badges < 5_000  # 1,000 badges under 5 MB


def test_progress_and_stop(stage, crowd, data_dir):
    seen = []
    result = render_stage_badges(
        stage, crowd, "a6-4up-a4", data_dir, progress=lambda d, t: seen.append((d, t))
    )
    assert seen == [(4, 8), (8, 8)]
    calls = []

    def stop_after_first_page() -> bool:
        calls.append(1)
        return len(calls) > 4

    stopped = render_stage_badges(
        stage, crowd, "a6-4up-a4", data_dir, should_stop=stop_after_first_page
    )
    assert stopped.stopped and stopped.badges == 4 and result.badges == 8


# --- QR ------------------------------------------------------------------------------------


def test_qr_is_deterministic_alphanumeric_and_scans(stage, crowd, data_dir, tmp_path):
    payload = TicketSource.for_stage(stage.info, data_dir).payload(crowd[0])
    assert len(payload) == tickets.TICKET_LENGTH == 121
    size, runs = qr_runs(payload)
    assert (size, runs) == qr_runs(payload)
    assert size == 37  # version 5: only alphanumeric mode fits 121 characters at level M
    matrix = qr_matrix(payload)
    assert sum(length for _r, _c, length in runs) == sum(map(sum, matrix))
    png = tmp_path / "t.png"
    write_qr_png(payload, png)
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(png))
    assert [b.text for b in found] == [payload]


def test_record_and_reprint_count(stage, crowd):
    checkin.record_badge_printed(stage, crowd[:1], layout="a6-portrait")
    checkin.record_badge_printed(stage, crowd[:1], layout="a6-portrait")
    assert stage.attendee(crowd[0].id).badge_prints == 2


def test_a_long_chinese_company_wraps_between_characters():
    fonts()
    text = "上海精密机械与航空航天零部件国际有限公司"
    fitted = fit(text, "regular", 150.0, 40.0, 16.0, 12.0, 2)
    assert len(fitted.lines) == 2 and not fitted.below_min
    assert "".join(t for line in fitted.lines for _f, t in line.runs) == text
    assert all(line.width * fitted.size <= 150.0 + 1e-6 for line in fitted.lines)


def test_a_script_without_a_font_is_named_in_the_summary(stage, data_dir):
    thai = stage.new_attendee(
        {"first_name": "สมชาย", "last_name": "ใจดี", "company": "Bangkok Tools"}
    )
    hindi = stage.new_attendee({"first_name": "राहुल", "last_name": "शर्मा", "company": "Pune Gears"})
    result = render_stage_badges(stage, [thai, hindi], "a6-portrait", data_dir)
    summary = result.summary()
    assert "No badge font covers THAI" in summary and thai.code in summary
    assert "No badge font covers DEVANAGARI" in summary and hindi.code in summary
    assert result.badges == 2  # the badges are still made, with the company and the QR


def test_japanese_korean_and_hebrew_names(stage, data_dir):
    people = [
        stage.new_attendee(
            {"first_name": "太郎", "last_name": "山田", "company": "株式会社トヨダ"}
        ),
        stage.new_attendee({"first_name": "민준", "last_name": "김", "company": "현대중공업"}),
        stage.new_attendee({"first_name": "דוד", "last_name": "כהן", "company": "Haifa Tech"}),
    ]
    result = render_stage_badges(stage, people, "a6-portrait", data_dir)
    assert result.missing_glyphs == []
    runs = {r.plain: r.font for r in text_runs(result.pdf)}
    assert runs["山田太郎"] == "RD-CJK" and runs["김민준"] == "RD-CJK"  # family name first
    hebrew = [f for t, f in runs.items() if "דוד" in t or "דוד"[::-1] in t]
    assert hebrew == ["RD-Sans-Bold"]

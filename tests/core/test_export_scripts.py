"""The attendance PDF writes every script with the badges' fonts and right-to-left rules
(issue 9, reports): Chinese and Japanese names are not boxes, Arabic brackets face the words."""

from __future__ import annotations

import re
import shutil
import subprocess

import pypdf
import pytest
from pypdf.generic import ContentStream

from desktop_app.badges import text as badge_text
from desktop_app.core import text_shaping
from desktop_app.core.export import ExportOptions, export_attendance
from desktop_app.core.text_shaping import shape_line, visual

PEOPLE = [
    {"first_name": "小明", "last_name": "王", "company": "北京机械有限公司"},
    {"first_name": "さくら", "last_name": "山田", "company": "トヨタ自動車"},
    {"first_name": "민준", "last_name": "김", "company": "현대"},
    {"first_name": "أحمد", "last_name": "المصري", "company": "مجموعة النيل (ACME) [EG]"},
    {"first_name": "דוד", "last_name": "כהן", "company": "חברה (ישראל)"},
    {"first_name": "Marco", "last_name": "Rossi", "company": "Rossi (Bergamo)"},
]
needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdffonts") and shutil.which("pdftotext")), reason="poppler-utils missing"
)


@pytest.fixture
def pdf(stage, tmp_path):
    for fields in PEOPLE:
        stage.new_attendee(fields)
    out = tmp_path / "list.pdf"
    export_attendance(stage, out, "pdf", ExportOptions())
    return out


def _to_unicode(font) -> dict[int, str]:
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            for i, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                out[code] = chr(int(dst, 16) + i)
    return out


def drawn(path, page_index: int) -> list[str]:
    """Each string as drawn on the page, left to right (what the eye sees, glyph by glyph).
    Text extractors reorder right-to-left text themselves, so they cannot show this."""
    reader = pypdf.PdfReader(path)
    page = reader.pages[page_index]
    maps = {name: _to_unicode(f.get_object()) for name, f in page["/Resources"]["/Font"].items()}
    strings, font = [], {}
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"Tf":
            font = maps[operands[0]]
        elif op == b"Tj":
            strings.append("".join(font.get(b, "\ufffd") for b in operands[0].original_bytes))
    return strings


def joined(line) -> str:
    return "".join(run for _, run in line.runs)


@needs_poppler
def test_pdf_embeds_the_fonts_of_chinese_japanese_and_korean_names(pdf):
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    names = [r[0] for r in rows]
    assert any("WenQuanYi" in n for n in names), fonts.stdout  # the badges' CJK font
    assert not any(n.startswith(("STSong", "HeiseiKakuGo", "HYGothic")) for n in names)
    embedded = [r[-5] for r in rows]  # the "emb" column
    assert embedded and set(embedded) == {"yes"}, fonts.stdout  # nothing left to the viewer
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in ("王小明", "山田さくら", "김민준", "北京机械有限公司", "トヨタ自動車"):
        assert name in text
    listing = drawn(pdf, 2)
    assert "王小明" in listing and "山田さくら" in listing and "\ufffd" not in "".join(listing)


def test_pdf_draws_arabic_and_hebrew_like_the_badges_brackets_facing_the_words(pdf):
    listing = drawn(pdf, 2)
    arabic = next(s for s in listing if "ACME" in s)
    # read right to left: the Arabic words, then "(ACME)", then "[EG]"; drawn left to right
    assert arabic.startswith("[EG] (ACME) ")
    assert arabic == joined(shape_line("مجموعة النيل (ACME) [EG]", "regular"))
    hebrew = next(s for s in listing if "ל" in s and "(" in s)
    assert hebrew == "(לארשי) הרבח"
    assert "Rossi (Bergamo)" in listing  # left-to-right text untouched
    assert badge_text.shape_line is text_shaping.shape_line  # one implementation for both


@pytest.mark.parametrize(
    "logical, shown",
    [
        ("חברה (ישראל)", "(לארשי) הרבח"),
        ("(ישראל) חברה", "הרבח (לארשי)"),
        ("שלום 1-2 [א]", "[א] 1-2 םולש"),
        ("דוד (ACME) [x]", "[x] (ACME) דוד"),
        ("Ali (דוד) x", "Ali (דוד) x"),
        ("Rossi (Bergamo)", "Rossi (Bergamo)"),
    ],
)
def test_right_to_left_order_mirrors_brackets(logical, shown):
    assert visual(logical) == shown


def test_arabic_letters_are_joined_and_its_brackets_face_the_words():
    shown = visual("شركة (مصر)")
    assert shown[0] == "(" and shown.index(")") < shown.index(" ")
    assert all("\ufe70" <= c <= "\ufeff" for c in shown if c not in "() ")

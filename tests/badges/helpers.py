"""Reading badge PDFs back the way a user would: the text on each page with its position, and
the QR codes a scanner reads from the printed pages."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium
import zxingcpp
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from desktop_app.badges.layout import Layout
from desktop_app.core.text_shaping import fonts

FONT_NAMES = {
    "DejaVuSans-Bold": "RD-Sans-Bold",
    "DejaVuSans": "RD-Sans",
    "WenQuanYiMicroHei-0": "RD-CJK",
    "WenQuanYiMicroHei": "RD-CJK",
}

MULTILINGUAL = [
    {
        "title": "S.E.",
        "first_name": "Hiroshi",
        "last_name": "Sato",
        "company": "Consolato Generale del Giappone",
        "category": "consul",
        "role": "Console Generale",
        "country": "Giappone",
    },
    {
        "first_name": "Nicolò",
        "last_name": "Bertè",
        "company": "Officine Meccaniche Bergamasche",
        "category": "company",
        "role": "Export Manager",
    },
    {
        "first_name": "Zoë",
        "last_name": "Ørsted-Łukasiewicz",
        "category": "speaker",
        "company": (
            "Consorzio Internazionale per la Meccanica di Precisione e i Componenti "
            "Aerospaziali della Lombardia Orientale S.p.A."
        )[:120].ljust(120, "x"),
    },
    {
        "first_name": "Thị Minh Khai",
        "last_name": "Nguyễn",
        "company": "Công ty Cổ phần Cơ khí Hà Nội",
        "category": "guest",
    },
    {"first_name": "小明", "last_name": "王", "company": "上海机械有限公司", "category": "company"},
    {
        "first_name": "محمد",
        "last_name": "الأحمد",
        "company": "شركة الخليج للصناعات",
        "category": "consul",
        "role": "Console",
        "country": "Emirati Arabi Uniti",
    },
    {
        "first_name": "Ελένη",
        "last_name": "Παπαδοπούλου",
        "company": "Ελληνική Εταιρεία",
        "category": "press",
    },
    {"first_name": "Анна", "last_name": "Иванова", "company": "ООО Ромашка", "category": "staff"},
]


@dataclass(frozen=True)
class Run:
    page: int
    x: float  # pt, from the page's left
    y: float  # baseline, pt from the page's bottom
    text: str
    size: float
    font: str

    @property
    def width(self) -> float:
        return pdfmetrics.stringWidth(self.text, self.font, self.size)

    @property
    def plain(self) -> str:
        return unicodedata.normalize("NFKC", self.text)


def text_runs(pdf: bytes) -> list[Run]:
    fonts()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    runs: list[Run] = []
    for number, page in enumerate(reader.pages):

        def visit(text, cm, tm, font_dict, size, number=number):
            text = text.rstrip("\n")
            if not text.strip():
                return
            base = str(font_dict.get("/BaseFont", "")).split("+")[-1]
            runs.append(
                Run(
                    number,
                    tm[4] * cm[0] + cm[4],
                    tm[5] * cm[3] + cm[5],
                    text,
                    size,
                    FONT_NAMES.get(base, base),
                )
            )

        page.extract_text(visitor_text=visit)
    return runs


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def qr_codes(pdf: bytes, dpi: int = 200) -> list[list[str]]:
    """The QR codes a scanner reads on each page, rendered at `dpi`."""
    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72, grayscale=True).to_pil()
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            pages.append([b.text for b in found])
        return pages
    finally:
        document.close()


def text_boxes(
    layout: Layout, page: int, back: bool = False
) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, y0, x1, y1 in pt, PDF coordinates) of every text and band element of every
    badge on a page of this layout."""
    elements = layout.back if back else layout.front
    boxes = []
    for index in range(layout.per_page):
        ox, oy = layout.cell_origin(index, back=back)
        for e in elements:
            if e.type in ("text", "band", "flag"):  # a flag may print its ISO code
                x0 = (ox + e.box.x) * mm
                y1 = (layout.page_h - oy - e.box.y) * mm
                boxes.append((x0, y1 - e.box.h * mm, x0 + e.box.w * mm, y1))
    return boxes


def inside(run: Run, box: tuple[float, float, float, float], tolerance: float = 0.6) -> bool:
    x0, y0, x1, y1 = box
    return (
        run.x >= x0 - tolerance
        and run.x + run.width <= x1 + tolerance
        and run.y - 0.24 * run.size >= y0 - tolerance  # descenders
        and run.y + 0.93 * run.size <= y1 + tolerance  # ascenders
    )

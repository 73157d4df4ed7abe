"""Country flags for consuls' badges, drawn with ReportLab shapes (no artwork files).

National flags are public domain (not subject to copyright in their countries and in Italy);
here they are drawn from their geometry, so nothing is downloaded or bundled. Flags made of
bands, a disc, a cross, stars, a crescent, a wheel or the Union Jack's crosses are drawn
(`DRAWN`); a flag whose coat of arms or emblem is its point (Portugal, Brazil, Mexico,
Canada...) shows the ISO 3166-1 code in a box instead (`draw` returns False for those), never
an approximate flag with a missing emblem. Colours are the usual sRGB approximations.
"""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from desktop_app.core.search import fold
from desktop_app.core.text_shaping import fonts

# iso -> (kind, colours): "v" vertical bands, "h" horizontal bands (equal unless weights),
# "disc" (field, disc, x-centre as a fraction), "cross" (field, cross[, inner cross]),
# "swiss" (field, cross)
_V, _H = "v", "h"
FLAGS: dict[str, tuple] = {
    "IT": (_V, ("#009246", "#FFFFFF", "#CE2B37")),
    "FR": (_V, ("#0055A4", "#FFFFFF", "#EF4135")),
    "BE": (_V, ("#000000", "#FDDA24", "#EF3340")),
    "IE": (_V, ("#169B62", "#FFFFFF", "#FF883E")),
    "RO": (_V, ("#002B7F", "#FCD116", "#CE1126")),
    "TD": (_V, ("#002664", "#FECB00", "#C60C30")),
    "ML": (_V, ("#14B53A", "#FCD116", "#CE1126")),
    "GN": (_V, ("#CE1126", "#FCD116", "#009460")),
    "CI": (_V, ("#F77F00", "#FFFFFF", "#009E60")),
    "NG": (_V, ("#008751", "#FFFFFF", "#008751")),
    "PE": (_V, ("#D91023", "#FFFFFF", "#D91023")),  # the civil flag (no arms)
    "DE": (_H, ("#000000", "#DD0000", "#FFCE00")),
    "NL": (_H, ("#AE1C28", "#FFFFFF", "#21468B")),
    "AT": (_H, ("#ED2939", "#FFFFFF", "#ED2939")),
    "HU": (_H, ("#CD2A3E", "#FFFFFF", "#436F4D")),
    "RU": (_H, ("#FFFFFF", "#0039A6", "#D52B1E")),
    "BG": (_H, ("#FFFFFF", "#00966E", "#D62612")),
    "LU": (_H, ("#ED2939", "#FFFFFF", "#00A1DE")),
    "EE": (_H, ("#0072CE", "#000000", "#FFFFFF")),
    "LT": (_H, ("#FDB913", "#006A44", "#C1272D")),
    "AM": (_H, ("#D90012", "#0033A0", "#F2A800")),
    "GA": (_H, ("#009E60", "#FCD116", "#3A75C4")),
    "SL": (_H, ("#1EB53A", "#FFFFFF", "#0072C6")),
    "BO": (_H, ("#D52B1E", "#F9E300", "#007934")),  # the civil flag (no arms)
    "YE": (_H, ("#CE1126", "#FFFFFF", "#000000")),
    "UA": (_H, ("#0057B7", "#FFD700")),
    "PL": (_H, ("#FFFFFF", "#DC143C")),
    "ID": (_H, ("#FF0000", "#FFFFFF")),
    "MC": (_H, ("#CE1126", "#FFFFFF")),
    "CO": (_H, ("#FCD116", "#003893", "#CE1126"), (2, 1, 1)),
    "TH": (_H, ("#A51931", "#F4F5F8", "#2D2A4A", "#F4F5F8", "#A51931"), (1, 1, 2, 1, 1)),
    "JP": ("disc", ("#FFFFFF", "#BC002D"), 0.5),
    "BD": ("disc", ("#006A4E", "#F42A41"), 0.45),
    "CH": ("swiss", ("#DA291C", "#FFFFFF")),
    "SE": ("cross", ("#006AA7", "#FECC00")),
    "DK": ("cross", ("#C8102E", "#FFFFFF")),
    "FI": ("cross", ("#FFFFFF", "#002F6C")),
    "NO": ("cross", ("#BA0C2F", "#FFFFFF", "#00205B")),
    "IS": ("cross", ("#02529C", "#FFFFFF", "#DC1E35")),
}
# flags with stars, a crescent, a wheel or the Union Jack's crosses: drawn by `_SPECIAL`
for _iso in ("US", "GB", "CN", "VN", "TR", "GR", "CZ", "AE", "IN", "IL", "CL", "ES"):
    FLAGS[_iso] = ("special", ())
DRAWN = tuple(sorted(FLAGS))

# Country names as lists write them (Italian and English) -> ISO 3166-1 alpha-2
_NAMES = {
    "IT": ("Italia", "Italy"),
    "FR": ("Francia", "France"),
    "BE": ("Belgio", "Belgium"),
    "IE": ("Irlanda", "Ireland"),
    "RO": ("Romania",),
    "TD": ("Ciad", "Chad"),
    "ML": ("Mali",),
    "GN": ("Guinea",),
    "CI": ("Costa d'Avorio", "Côte d'Ivoire", "Ivory Coast"),
    "NG": ("Nigeria",),
    "PE": ("Perù", "Peru"),
    "DE": ("Germania", "Germany"),
    "NL": ("Paesi Bassi", "Olanda", "Netherlands"),
    "AT": ("Austria",),
    "HU": ("Ungheria", "Hungary"),
    "RU": ("Russia", "Federazione Russa", "Russian Federation"),
    "BG": ("Bulgaria",),
    "LU": ("Lussemburgo", "Luxembourg"),
    "EE": ("Estonia",),
    "LT": ("Lituania", "Lithuania"),
    "AM": ("Armenia",),
    "GA": ("Gabon",),
    "SL": ("Sierra Leone",),
    "BO": ("Bolivia",),
    "YE": ("Yemen",),
    "UA": ("Ucraina", "Ukraine"),
    "PL": ("Polonia", "Poland"),
    "ID": ("Indonesia",),
    "MC": ("Monaco", "Principato di Monaco"),
    "CO": ("Colombia",),
    "TH": ("Thailandia", "Tailandia", "Thailand"),
    "JP": ("Giappone", "Japan"),
    "BD": ("Bangladesh",),
    "CH": ("Svizzera", "Switzerland"),
    "SE": ("Svezia", "Sweden"),
    "DK": ("Danimarca", "Denmark"),
    "FI": ("Finlandia", "Finland"),
    "NO": ("Norvegia", "Norway"),
    "IS": ("Islanda", "Iceland"),
    "US": ("Stati Uniti", "USA", "Stati Uniti d'America", "United States"),
    "GB": ("Regno Unito", "United Kingdom", "Gran Bretagna"),
    "ES": ("Spagna", "Spain"),
    "PT": ("Portogallo", "Portugal"),
    "CN": ("Cina", "China"),
    "BR": ("Brasile", "Brazil"),
    "AR": ("Argentina",),
    "MX": ("Messico", "Mexico"),
    "CA": ("Canada",),
    "IN": ("India",),
    "KR": ("Corea del Sud", "South Korea", "Repubblica di Corea"),
    "TR": ("Turchia", "Turkey", "Türkiye"),
    "EG": ("Egitto", "Egypt"),
    "MA": ("Marocco", "Morocco"),
    "GR": ("Grecia", "Greece"),
    "HR": ("Croazia", "Croatia"),
    "SI": ("Slovenia",),
    "SK": ("Slovacchia", "Slovakia"),
    "CZ": ("Repubblica Ceca", "Cechia", "Czech Republic", "Czechia"),
    "VN": ("Vietnam", "Viet Nam"),
    "AU": ("Australia",),
    "CL": ("Cile", "Chile"),
    "IL": ("Israele", "Israel"),
    "SA": ("Arabia Saudita", "Saudi Arabia"),
    "AE": ("Emirati Arabi Uniti", "United Arab Emirates"),
}
_BY_NAME = {fold(n): iso for iso, names in _NAMES.items() for n in names}


def iso_code(country: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country as a list writes it, or ""."""
    text = country.strip()
    if len(text) == 2 and text.isascii() and text.isalpha():
        return text.upper()
    return _BY_NAME.get(fold(text), "")


def _fill(canvas: Canvas, colour: str) -> None:
    canvas.setFillColor(colour)


def _star(canvas: Canvas, cx: float, cy: float, r: float, colour: str, turn: float = 0) -> None:
    """A five-pointed star, point up (turned by `turn` degrees)."""
    path = canvas.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.radians(90 + turn + i * 36)
        px, py = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        path.moveTo(px, py) if i == 0 else path.lineTo(px, py)
    path.close()
    canvas.setFillColor(colour)
    canvas.drawPath(path, stroke=0, fill=1)


def _polygon(canvas: Canvas, points: list[tuple[float, float]], colour: str) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.setFillColor(colour)
    canvas.drawPath(path, stroke=0, fill=1)


def _stripes(canvas: Canvas, x, y, w, h, colours: tuple[str, ...], n: int) -> None:
    for i in range(n):
        canvas.setFillColor(colours[i % len(colours)])
        canvas.rect(x, y + h - h * (i + 1) / n, w, h / n, stroke=0, fill=1)


def _special(canvas: Canvas, iso: str, x: float, y: float, w: float, h: float) -> None:
    """Flags beyond bands and crosses, from their official construction sheets, simplified
    only where a badge's few millimetres could not show the difference."""
    if iso == "US":
        _stripes(canvas, x, y, w, h, ("#B22234", "#FFFFFF"), 13)
        cw, ch = w * 0.4, h * 7 / 13
        canvas.setFillColor("#3C3B6E")
        canvas.rect(x, y + h - ch, cw, ch, stroke=0, fill=1)
        for row in range(9):  # 50 stars: rows of 6 and 5
            count = 6 if row % 2 == 0 else 5
            for col in range(count):
                sx = x + cw * ((col * 2 + (1 if row % 2 == 0 else 2)) / 12)
                sy = y + h - ch * (row + 1) / 10
                _star(canvas, sx, sy, ch * 0.04, "#FFFFFF")
    elif iso == "GB":
        canvas.setFillColor("#012169")
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(x, y, w, h)
        canvas.clipPath(path, stroke=0, fill=0)
        for colour, width in (("#FFFFFF", h * 0.2), ("#C8102E", h * 0.067)):
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(width)
            canvas.line(x, y, x + w, y + h)
            canvas.line(x, y + h, x + w, y)
        canvas.restoreState()
        for colour, t in (("#FFFFFF", h / 3), ("#C8102E", h / 5)):
            canvas.setFillColor(colour)
            canvas.rect(x + (w - t) / 2, y, t, h, stroke=0, fill=1)
            canvas.rect(x, y + (h - t) / 2, w, t, stroke=0, fill=1)
    elif iso == "CN":
        canvas.setFillColor("#EE1C25")
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        u = h / 20
        _star(canvas, x + 5 * u, y + h - 5 * u, 3 * u, "#FFFF00")
        for sx, sy in ((10, 2), (12, 4), (12, 7), (10, 9)):
            cx, cy = x + sx * u, y + h - sy * u
            turn = math.degrees(math.atan2((y + h - 5 * u) - cy, (x + 5 * u) - cx)) - 90
            _star(canvas, cx, cy, u, "#FFFF00", turn)
    elif iso == "VN":
        canvas.setFillColor("#DA251D")
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        _star(canvas, x + w / 2, y + h / 2, h * 0.3, "#FFFF00")
    elif iso == "TR":
        canvas.setFillColor("#E30A17")
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.setFillColor("#FFFFFF")
        canvas.circle(x + h / 2, y + h / 2, h / 4, stroke=0, fill=1)
        canvas.setFillColor("#E30A17")
        canvas.circle(x + h / 2 + h / 16, y + h / 2, h / 5, stroke=0, fill=1)
        _star(canvas, x + h / 2 + h / 3 - h / 20, y + h / 2, h / 8, "#FFFFFF", -90)
    elif iso == "GR":
        _stripes(canvas, x, y, w, h, ("#0D5EAF", "#FFFFFF"), 9)
        side = h * 5 / 9
        canvas.setFillColor("#0D5EAF")
        canvas.rect(x, y + h - side, side, side, stroke=0, fill=1)
        canvas.setFillColor("#FFFFFF")
        canvas.rect(x + side * 2 / 5, y + h - side, side / 5, side, stroke=0, fill=1)
        canvas.rect(x, y + h - side * 3 / 5, side, side / 5, stroke=0, fill=1)
    elif iso == "CZ":
        _stripes(canvas, x, y, w, h, ("#FFFFFF", "#D7141A"), 2)
        _polygon(canvas, [(x, y), (x, y + h), (x + w / 2, y + h / 2)], "#11457E")
    elif iso == "AE":
        _stripes(canvas, x, y, w, h, ("#00732F", "#FFFFFF", "#000000"), 3)
        canvas.setFillColor("#FF0000")
        canvas.rect(x, y, w / 4, h, stroke=0, fill=1)
    elif iso == "IN":
        _stripes(canvas, x, y, w, h, ("#FF9933", "#FFFFFF", "#138808"), 3)
        cx, cy, r = x + w / 2, y + h / 2, h / 6 * 0.92
        canvas.setStrokeColor("#000080")
        canvas.setLineWidth(max(0.2, r * 0.12))
        canvas.circle(cx, cy, r, stroke=1, fill=0)
        canvas.setLineWidth(max(0.1, r * 0.05))
        for i in range(24):
            a = math.radians(i * 15)
            canvas.line(cx, cy, cx + r * math.cos(a), cy + r * math.sin(a))
    elif iso == "IL":
        canvas.setFillColor("#FFFFFF")
        canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.setFillColor("#0038B8")
        for top in (h * 0.1, h * 0.75):
            canvas.rect(x, y + h - top - h * 0.15, w, h * 0.15, stroke=0, fill=1)
        cx, cy, r = x + w / 2, y + h / 2, h * 0.2
        canvas.setStrokeColor("#0038B8")
        canvas.setLineWidth(max(0.2, h * 0.025))
        for turn in (90, 270):
            pts = [
                (
                    cx + r * math.cos(math.radians(turn + k * 120)),
                    cy + r * math.sin(math.radians(turn + k * 120)),
                )
                for k in range(3)
            ]
            path = canvas.beginPath()
            path.moveTo(*pts[0])
            path.lineTo(*pts[1])
            path.lineTo(*pts[2])
            path.close()
            canvas.drawPath(path, stroke=1, fill=0)
    elif iso == "CL":
        _stripes(canvas, x, y, w, h, ("#FFFFFF", "#D52B1E"), 2)
        canvas.setFillColor("#0039A6")
        canvas.rect(x, y + h / 2, h / 2, h / 2, stroke=0, fill=1)
        _star(canvas, x + h / 4, y + h * 3 / 4, h / 8, "#FFFFFF")
    elif iso == "ES":  # the civil flag (no arms), official for civil use
        for colour, top, band in (
            ("#AA151B", 0, 0.25),
            ("#F1BF00", 0.25, 0.5),
            ("#AA151B", 0.75, 0.25),
        ):
            canvas.setFillColor(colour)
            canvas.rect(x, y + h - h * (top + band), w, h * band, stroke=0, fill=1)


def draw(canvas: Canvas, iso: str, x: float, y: float, w: float, h: float) -> bool:
    """Draw the flag of `iso` in the box (x, y bottom-left, PDF points; 3:2 inside the box,
    centred). False (and the ISO code in a box) when the flag is not one of `DRAWN`."""
    spec = FLAGS.get(iso.upper())
    fw, fh = min(w, h * 1.5), min(h, w / 1.5)
    fx, fy = x + (w - fw) / 2, y + (h - fh) / 2
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setStrokeColor("#9E9E9E")
    if spec is None:
        canvas.setFillColor("#FFFFFF")
        canvas.rect(fx, fy, fw, fh, stroke=1, fill=1)
        canvas.setFillColor("#263238")
        size = fh * 0.5
        canvas.setFont(fonts().primary["bold"][0], size)  # the shipped, embedded font
        canvas.drawCentredString(fx + fw / 2, fy + (fh - size * 0.7) / 2, iso.upper()[:3])
        canvas.restoreState()
        return False
    kind, colours = spec[0], spec[1]
    if kind == "special":
        canvas.saveState()  # its pens and clips stay inside it; the frame below is grey
        _special(canvas, iso.upper(), fx, fy, fw, fh)
        canvas.restoreState()
    elif kind in (_V, _H):
        weights = spec[2] if len(spec) > 2 else (1,) * len(colours)
        total = sum(weights)
        at = 0.0
        for colour, weight in zip(colours, weights, strict=True):
            _fill(canvas, colour)
            if kind == _V:
                canvas.rect(fx + fw * at / total, fy, fw * weight / total, fh, stroke=0, fill=1)
            else:  # top band first
                band = fh * weight / total
                canvas.rect(fx, fy + fh - fh * at / total - band, fw, band, stroke=0, fill=1)
            at += weight
    elif kind == "disc":
        _fill(canvas, colours[0])
        canvas.rect(fx, fy, fw, fh, stroke=0, fill=1)
        _fill(canvas, colours[1])
        canvas.circle(fx + fw * spec[2], fy + fh / 2, fh * 0.3, stroke=0, fill=1)
    elif kind == "swiss":
        side = min(fw, fh)
        sx = fx + (fw - side) / 2
        _fill(canvas, colours[0])
        canvas.rect(fx, fy, fw, fh, stroke=0, fill=1)
        _fill(canvas, colours[1])
        arm, long = side * 6 / 32, side * 20 / 32
        canvas.rect(sx + (side - arm) / 2, fy + (fh - long) / 2, arm, long, stroke=0, fill=1)
        canvas.rect(sx + (side - long) / 2, fy + (fh - arm) / 2, long, arm, stroke=0, fill=1)
    elif kind == "cross":  # Nordic: the upright a third of the way from the hoist
        _fill(canvas, colours[0])
        canvas.rect(fx, fy, fw, fh, stroke=0, fill=1)
        for colour, bar in (
            (colours[1], 0.25),
            *(((colours[2], 0.12),) if len(colours) > 2 else ()),
        ):
            _fill(canvas, colour)
            t = fh * bar
            canvas.rect(fx + fw * 0.36 - t / 2, fy, t, fh, stroke=0, fill=1)
            canvas.rect(fx, fy + (fh - t) / 2, fw, t, stroke=0, fill=1)
    canvas.rect(fx, fy, fw, fh, stroke=1, fill=0)
    canvas.restoreState()
    return True

"""Badge layouts as data: `resources/badges/*.json`, validated on load.

A layout is one badge (size in mm) and where badges sit on a page: one per page (A6, card,
label roll) or a grid on a sheet (4 x A6 on A4, 8 pocket badges on A4) with cut marks.
Elements are placed in mm from the badge's top-left corner:

- `text`: `field` (an attendee or stage value, see VALUES), `fields` + `sep` (the non-empty
  values joined, e.g. role and the consul's country), or fixed `text`; `font` regular|bold,
  `size` (pt, the largest), `min_size`, `max_lines` (1 or 2), `align` left|center|right,
  `valign` top|middle|bottom, `color`, `upper`.
- `qr`: the attendee's ticket as a QR code, `size` mm square (quiet zone drawn inside).
- `band`: a rectangle in the category's colour, with the category's label in it.
- `rect`: a plain rectangle (`color`, optional `stroke`).
- `image`: a PNG/JPEG (`path` relative to resources/badges or absolute).

`back` (optional) is a list of elements for the back side: a page of backs follows each page
of fronts, mirrored on sheets so a long-edge duplex print lines up.

Layouts the organizer writes can live in `<data dir>/badges/layouts/NAME.json`, or be given
as a path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from desktop_app.core import paths
from desktop_app.core.errors import RoadshowError
from desktop_app.core.model import CATEGORIES


class LayoutInvalid(RoadshowError):
    code = "layout_invalid"


class LayoutNotFound(RoadshowError):
    code = "layout_not_found"


# Values a text element may show.
ATTENDEE_VALUES = (
    "display_name",
    "full_name",
    "title",
    "first_name",
    "last_name",
    "company",
    "role",
    "country",
    "countries",
    "sector",
    "code",
    "category_label",
    "consular_title",  # "Console Generale Onorario" (consuls only, core/consular.py)
    "title_or_role",  # the consular title when there is one, else the role
    "name_native",  # the name in the person's own script (extra["name_native"])
)
STAGE_VALUES = ("stage_title", "stage_date", "stage_city", "stage_venue", "stage_theme")
VALUES = ATTENDEE_VALUES + STAGE_VALUES

ELEMENT_TYPES = ("text", "qr", "band", "rect", "image", "flag")  # flag: consuls' country
FONTS = ("regular", "bold")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Element:
    type: str
    box: Box
    field: str = ""
    fields: tuple[str, ...] = ()
    sep: str = " · "
    text: str = ""
    font: str = "regular"
    size: float = 12.0
    min_size: float = 7.0
    max_lines: int = 1
    align: str = "center"
    valign: str = "middle"
    color: str = "#000000"
    stroke: str = ""
    upper: bool = False
    path: str = ""


@dataclass(frozen=True)
class Layout:
    name: str
    title: str
    badge_w: float  # mm
    badge_h: float
    page_w: float
    page_h: float
    columns: int
    rows: int
    margin_x: float
    margin_y: float
    gap_x: float
    gap_y: float
    cut_marks: bool
    front: tuple[Element, ...]
    back: tuple[Element, ...] = ()
    categories: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""
    title_it: str = ""  # the title in Italian (optional; the desk shows it in Italian)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def cell_origin(self, index: int, back: bool = False) -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of the badge at `index` on a page.
        Backs are mirrored left-right so they line up with their front after a duplex flip."""
        row, col = divmod(index, self.columns)
        if back:
            col = self.columns - 1 - col
        x = self.margin_x + col * (self.badge_w + self.gap_x)
        y = self.margin_y + row * (self.badge_h + self.gap_y)
        return x, y

    def summary(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "badge_mm": [self.badge_w, self.badge_h],
            "page_mm": [self.page_w, self.page_h],
            "per_page": self.per_page,
            "back": bool(self.back),
        }


def _fail(source: str, where: str, problem: str) -> LayoutInvalid:
    return LayoutInvalid(f"Badge layout {source}: {where}: {problem}", source=source)


def _number(data: dict, key: str, source: str, where: str, default: float | None = None) -> float:
    value = data.get(key, default)
    if value is None:
        raise _fail(source, where, f"'{key}' is missing")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _fail(source, where, f"'{key}' must be a number, not {value!r}")
    if value < 0:
        raise _fail(source, where, f"'{key}' must not be negative")
    return float(value)


def _colour(value: Any, source: str, where: str) -> str:
    text = str(value)
    if not (
        text.startswith("#")
        and len(text) in (4, 7)
        and all(c in "0123456789abcdefABCDEF" for c in text[1:])
    ):
        raise _fail(source, where, f"colour {value!r} is not like #1F5FA8")
    if len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    return text.upper()


def _element(data: Any, index: int, badge_w: float, badge_h: float, source: str) -> Element:
    where = f"element {index + 1}"
    if not isinstance(data, dict):
        raise _fail(source, where, "must be an object")
    kind = data.get("type")
    if kind not in ELEMENT_TYPES:
        raise _fail(source, where, f"type {kind!r} is not one of {', '.join(ELEMENT_TYPES)}")
    where = f"element {index + 1} ({kind})"
    x = _number(data, "x", source, where)
    y = _number(data, "y", source, where)
    if kind == "qr":
        w = h = _number(data, "size", source, where)
    else:
        w = _number(data, "w", source, where)
        h = _number(data, "h", source, where)
    if w <= 0 or h <= 0:
        raise _fail(source, where, "width and height must be more than 0")
    if x + w > badge_w + 0.01 or y + h > badge_h + 0.01:
        raise _fail(
            source,
            where,
            f"box {x}+{w} x {y}+{h} mm goes outside the badge ({badge_w} x {badge_h} mm)",
        )
    kw: dict[str, Any] = {"type": kind, "box": Box(x, y, w, h)}
    if kind in ("text", "band"):
        fields = data.get("fields", [])
        if isinstance(fields, str) or not isinstance(fields, list):
            raise _fail(source, where, "'fields' must be a list of value names")
        name = data.get("field", "")
        for value in [name, *fields] if name else fields:
            if value not in VALUES:
                raise _fail(source, where, f"unknown value {value!r}; known: {', '.join(VALUES)}")
        if kind == "text" and not (name or fields or data.get("text")):
            raise _fail(source, where, "a text element needs 'field', 'fields' or 'text'")
        font = data.get("font", "bold" if kind == "band" else "regular")
        if font not in FONTS:
            raise _fail(source, where, f"font {font!r} is not one of {', '.join(FONTS)}")
        size = _number(data, "size", source, where, 12.0)
        min_size = _number(data, "min_size", source, where, min(7.0, size))
        if not 0 < min_size <= size:
            raise _fail(source, where, "'min_size' must be more than 0 and at most 'size'")
        max_lines = data.get("max_lines", 1)
        if max_lines not in (1, 2):
            raise _fail(source, where, "'max_lines' must be 1 or 2")
        align = data.get("align", "center")
        if align not in ("left", "center", "right"):
            raise _fail(source, where, "'align' must be left, center or right")
        valign = data.get("valign", "middle")
        if valign not in ("top", "middle", "bottom"):
            raise _fail(source, where, "'valign' must be top, middle or bottom")
        kw.update(
            field=name or ("category_label" if kind == "band" and not fields else ""),
            fields=tuple(fields),
            sep=str(data.get("sep", " · ")),
            text=str(data.get("text", "")),
            font=font,
            size=size,
            min_size=min_size,
            max_lines=max_lines,
            align=align,
            valign=valign,
            upper=bool(data.get("upper", False)),
        )
    if "color" in data:
        kw["color"] = _colour(data["color"], source, where)
    elif kind == "rect":
        kw["color"] = ""
    if "stroke" in data:
        kw["stroke"] = _colour(data["stroke"], source, where)
    if kind == "image":
        path = data.get("path")
        if not isinstance(path, str) or not path:
            raise _fail(source, where, "'path' to the image is missing")
        kw["path"] = path
    return Element(**kw)


def parse_layout(data: Any, source: str = "layout") -> Layout:
    """Check a layout's JSON and build it. Raises LayoutInvalid naming what is wrong."""
    if not isinstance(data, dict):
        raise _fail(source, "top level", "must be a JSON object")
    badge = data.get("badge")
    if not isinstance(badge, dict):
        raise _fail(
            source, "badge", "the badge size ('badge': {'width': mm, 'height': mm}) is missing"
        )
    badge_w = _number(badge, "width", source, "badge")
    badge_h = _number(badge, "height", source, "badge")
    if not (20 <= badge_w <= 500 and 20 <= badge_h <= 500):
        raise _fail(source, "badge", "width and height must be between 20 and 500 mm")
    sheet = data.get("sheet", {})
    if not isinstance(sheet, dict):
        raise _fail(source, "sheet", "must be an object")
    columns = sheet.get("columns", 1)
    rows = sheet.get("rows", 1)
    if not (isinstance(columns, int) and isinstance(rows, int) and columns >= 1 and rows >= 1):
        raise _fail(source, "sheet", "'columns' and 'rows' must be whole numbers from 1")
    page_w = _number(sheet, "width", source, "sheet", badge_w * columns)
    page_h = _number(sheet, "height", source, "sheet", badge_h * rows)
    gap_x = _number(sheet, "gap_x", source, "sheet", 0.0)
    gap_y = _number(sheet, "gap_y", source, "sheet", 0.0)
    used_w = columns * badge_w + (columns - 1) * gap_x
    used_h = rows * badge_h + (rows - 1) * gap_y
    if used_w > page_w + 0.01 or used_h > page_h + 0.01:
        raise _fail(source, "sheet", "the badges do not fit on the page")
    margin_x = _number(sheet, "margin_x", source, "sheet", (page_w - used_w) / 2)
    margin_y = _number(sheet, "margin_y", source, "sheet", (page_h - used_h) / 2)
    if margin_x + used_w > page_w + 0.01 or margin_y + used_h > page_h + 0.01:
        raise _fail(source, "sheet", "the badges do not fit on the page")
    elements = data.get("elements")
    if not isinstance(elements, list) or not elements:
        raise _fail(source, "elements", "a non-empty list of elements is missing")
    front = tuple(_element(e, i, badge_w, badge_h, source) for i, e in enumerate(elements))
    back_data = data.get("back", [])
    if not isinstance(back_data, list):
        raise _fail(source, "back", "must be a list of elements")
    back = tuple(
        _element(e, i, badge_w, badge_h, source + " (back)") for i, e in enumerate(back_data)
    )
    categories = data.get("categories", {})
    if not isinstance(categories, dict):
        raise _fail(source, "categories", "must be an object")
    checked = check_categories(categories, source)
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise _fail(source, "name", "the layout's 'name' is missing")
    title_it = data.get("title_it", "")
    if not isinstance(title_it, str):
        raise _fail(source, "title_it", "must be text (the layout's title in Italian)")
    return Layout(
        name=name,
        title=str(data.get("title", name)),
        badge_w=badge_w,
        badge_h=badge_h,
        page_w=page_w,
        page_h=page_h,
        columns=columns,
        rows=rows,
        margin_x=margin_x,
        margin_y=margin_y,
        gap_x=gap_x,
        gap_y=gap_y,
        cut_marks=bool(sheet.get("cut_marks", False)),
        front=front,
        back=back,
        categories=checked,
        source=source,
        title_it=title_it.strip(),
    )


def check_categories(data: dict[str, Any], source: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for category, value in data.items():
        where = f"category {category!r}"
        if category not in CATEGORIES:
            raise _fail(source, where, f"is not one of {', '.join(CATEGORIES)}")
        if not isinstance(value, dict):
            raise _fail(source, where, "must be an object with 'label' and 'color'")
        entry: dict[str, str] = {}
        for key in ("label", "label_en"):
            if key in value:
                entry[key] = str(value[key])
        for key in ("color", "text_color"):
            if key in value:
                entry[key] = _colour(value[key], source, where)
        out[category] = entry
    return out


def load_layout_file(path: Path) -> Layout:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise LayoutNotFound(f"There is no badge layout file {path.name}.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LayoutInvalid(f"The badge layout file {path.name} cannot be read.") from exc
    except json.JSONDecodeError as exc:
        raise LayoutInvalid(
            f"Badge layout {path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})."
        ) from exc
    return parse_layout(data, path.name)


def _folders(data_dir: Path | None) -> list[Path]:
    folders = [paths.resource("badges")]
    if data_dir is not None:
        folders.insert(0, data_dir / "badges" / "layouts")
    return folders


@cache
def _shipped(path: Path, mtime: float) -> Layout:
    return load_layout_file(path)


def load_layout(name_or_path: str, data_dir: Path | None = None) -> Layout:
    """A layout by name (the organizer's in the data dir first, then the shipped ones) or by
    path to a .json file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".json" and (candidate.exists() or candidate.parent != Path(".")):
        return load_layout_file(candidate)
    for folder in _folders(data_dir):
        path = folder / f"{name_or_path}.json"
        if path.is_file():
            return _shipped(path, path.stat().st_mtime)
    known = ", ".join(layout_names(data_dir)) or "none"
    raise LayoutNotFound(f"There is no badge layout '{name_or_path}'. Known layouts: {known}.")


def layout_names(data_dir: Path | None = None) -> list[str]:
    names: set[str] = set()
    for folder in _folders(data_dir):
        if folder.is_dir():
            names.update(
                p.stem for p in folder.glob("*.json") if not p.name.startswith("categories")
            )
    return sorted(names)


def all_layouts(data_dir: Path | None = None) -> list[Layout]:
    return [load_layout(name, data_dir) for name in layout_names(data_dir)]


# --- categories ---------------------------------------------------------------------------


def stage_categories_path(data_dir: Path, slug: str) -> Path:
    """The organizer's per-stage override of category labels and colours (optional)."""
    return data_dir / "badges" / f"categories-{slug}.json"


def categories_for(
    layout: Layout, data_dir: Path | None = None, slug: str = ""
) -> dict[str, dict[str, str]]:
    """Label and colours of each category: shipped defaults < the layout's < the stage's file."""
    path = paths.resource("badges", "categories.json")
    merged = {
        k: dict(v)
        for k, v in check_categories(json.loads(path.read_text("utf-8")), path.name).items()
    }
    overrides = [layout.categories]
    if data_dir is not None and slug:
        stage_path = stage_categories_path(data_dir, slug)
        if stage_path.is_file():
            try:
                data = json.loads(stage_path.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise LayoutInvalid(
                    f"The category file {stage_path.name} is not valid JSON."
                ) from exc
            if not isinstance(data, dict):
                raise LayoutInvalid(f"The category file {stage_path.name} must be a JSON object.")
            overrides.append(check_categories(data, stage_path.name))
    for override in overrides:
        for category, entry in override.items():
            merged.setdefault(category, {}).update(entry)
    return merged

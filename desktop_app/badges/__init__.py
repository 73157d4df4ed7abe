"""Badges: layouts as data (resources/badges/*.json) and a ReportLab renderer. No Qt here."""

from .batch import (
    BatchResult,
    NothingToPrint,
    TicketSource,
    render_badge,
    render_batch,
    render_stage_badges,
    select_attendees,
)
from .layout import (
    Layout,
    LayoutInvalid,
    LayoutNotFound,
    all_layouts,
    categories_for,
    layout_names,
    load_layout,
    parse_layout,
    stage_categories_path,
)

__all__ = [
    "BatchResult",
    "Layout",
    "LayoutInvalid",
    "LayoutNotFound",
    "NothingToPrint",
    "TicketSource",
    "all_layouts",
    "categories_for",
    "layout_names",
    "load_layout",
    "parse_layout",
    "render_badge",
    "render_batch",
    "render_stage_badges",
    "select_attendees",
    "stage_categories_path",
]

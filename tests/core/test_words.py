"""Core's report and export words live in one catalogue, English and Italian (issue 10, 6)."""

from __future__ import annotations

import inspect
import re

from openpyxl import load_workbook

from desktop_app.core import export, reports
from desktop_app.core.words import WORDS, words


def test_english_and_italian_have_the_same_words():
    assert set(WORDS["en"]) == set(WORDS["it"])
    assert words("fr") is WORDS["en"]
    assert export.words("it") is WORDS["it"]


def test_no_report_or_export_code_spells_its_own_italian():
    for module in (reports, export):
        source = inspect.getsource(module)
        spelled = re.findall(r"[\"'][A-Za-zÀ-ÿ][^\"']{2,}[\"'] if (?:it|lang == .it.) else", source)
        assert not spelled, (module.__name__, spelled)


def test_the_roadshow_workbook_in_italian_has_no_english_headers(stage, people, tmp_path, desk):
    stage.close()
    series = reports.collect_series(stage.path.parent.parent, desk)
    out = tmp_path / "serie.xlsx"
    reports.write_series_xlsx(series, out, lang="it")
    book = load_workbook(out)
    assert book.sheetnames == [
        "Sintesi",
        "Tappe",
        "Persone",
        "Aziende",
        "Paesi di interesse",
        "Settori",
    ]
    english = set(WORDS["en"].values()) - set(WORDS["it"].values())
    for sheet in book.worksheets[1:]:
        head = [c for c in next(sheet.iter_rows(values_only=True)) if isinstance(c, str)]
        assert not english.intersection(head), sheet.title
    overview = [r[0] for r in book["Sintesi"].iter_rows(values_only=True) if r and r[0]]
    assert "Il roadshow in sintesi" in overview and "Persone diverse" in overview

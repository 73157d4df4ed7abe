"""Layout files an organizer may get wrong, and the `badges` / `badge-layouts` commands."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from desktop_app.badges import (
    LayoutInvalid,
    LayoutNotFound,
    NothingToPrint,
    load_layout,
    parse_layout,
    select_attendees,
)
from desktop_app.core import checkin, paths

from .helpers import page_count, qr_codes, text_runs

GOOD = json.loads(paths.resource("badges", "a6-portrait.json").read_text("utf-8"))


def broken(**changes) -> dict:
    data = copy.deepcopy(GOOD)
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (broken(badge={"width": 105}), "'height' is missing"),
        (broken(elements=[]), "non-empty list of elements"),
        (broken(elements=[{"type": "txt", "x": 1, "y": 1, "w": 5, "h": 5}]), "type 'txt'"),
        (
            broken(
                elements=[{"type": "text", "field": "nickname", "x": 1, "y": 1, "w": 5, "h": 5}]
            ),
            "unknown value 'nickname'",
        ),
        (
            broken(
                elements=[{"type": "text", "field": "company", "x": 50, "y": 1, "w": 80, "h": 5}]
            ),
            "goes outside the badge",
        ),
        (broken(elements=[{"type": "qr", "x": 1, "y": 1}]), "'size' is missing"),
        (
            broken(
                elements=[
                    {
                        "type": "text",
                        "field": "company",
                        "x": 1,
                        "y": 1,
                        "w": 5,
                        "h": 5,
                        "color": "red",
                    }
                ]
            ),
            "colour 'red'",
        ),
        (
            broken(
                elements=[
                    {
                        "type": "text",
                        "field": "company",
                        "x": 1,
                        "y": 1,
                        "w": 5,
                        "h": 5,
                        "max_lines": 3,
                    }
                ]
            ),
            "'max_lines' must be 1 or 2",
        ),
        (
            broken(sheet={"width": 100, "height": 100, "columns": 2, "rows": 2}),
            "do not fit on the page",
        ),
        (broken(categories={"vip": {"label": "VIP"}}), "category 'vip'"),
    ],
)
def test_a_broken_layout_says_what_is_wrong_and_where(data, words):
    with pytest.raises(LayoutInvalid) as caught:
        parse_layout(data, "mine.json")
    assert "mine.json" in caught.value.message
    assert words in caught.value.message


def test_a_layout_file_that_is_not_json_names_the_line(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text('{"name": "mine",\n "badge": {"width": 105 "height": 148}}', "utf-8")
    with pytest.raises(LayoutInvalid, match=r"mine.json: not valid JSON \(line 2"):
        load_layout(str(path))


def test_unknown_layout_lists_the_known_ones():
    with pytest.raises(LayoutNotFound, match="a6-portrait"):
        load_layout("a5-nonexistent")


def test_an_organizer_layout_in_the_data_dir_is_found(data_dir):
    folder = data_dir / "badges" / "layouts"
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(json.dumps(broken(name="mine", title="Mine")), "utf-8")
    assert load_layout("mine", data_dir).title == "Mine"


def test_an_empty_filter_says_so(stage, people):
    with pytest.raises(NothingToPrint, match=r"No attendee matches the filter \(category press\)"):
        select_attendees(stage, category="press")
    checkin.record_badge_printed(stage, people)
    with pytest.raises(NothingToPrint, match="not yet printed"):
        select_attendees(stage, not_printed=True)


def test_filters_and_sort(stage, people):
    checkin.admit(stage, people[1])
    assert [a.code for a in select_attendees(stage, checked_in=True)] == [people[1].code]
    by_surname = [a.last_name for a in select_attendees(stage)]
    assert by_surname == [
        "Bertè",
        "Bertelli",
        "Ørsted-Łukasiewicz",
        "Rossi",
        "Sato",
    ]  # accent-blind
    by_company = [a.company for a in select_attendees(stage, sort="company")]
    assert by_company == sorted(by_company, key=str.casefold)
    chosen = select_attendees(stage, codes=[people[3].code.lower(), people[0].code])
    assert {a.code for a in chosen} == {people[0].code, people[3].code}
    consuls = select_attendees(stage, category="consul")
    assert [a.last_name for a in consuls] == ["Sato"]


# --- command line ----------------------------------------------------------------------------


def test_badge_layouts_command(cli_json, data_dir):
    code, out = cli_json("--data-dir", data_dir, "--json", "badge-layouts")
    assert code == 0
    by_name = {x["name"]: x for x in out["layouts"]}
    assert by_name["pocket-8up-a4"]["per_page"] == 8
    assert by_name["pocket-8up-a4"]["page_mm"] == [210, 297]
    assert by_name["label-102x76"]["badge_mm"] == [102, 76]


def test_badges_command_writes_the_pdf_and_marks_printed_only_when_asked(
    cli_json, data_dir, stage, people, tmp_path
):
    out_pdf = tmp_path / "badges.pdf"
    slug = stage.info.slug
    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--layout",
        "a6-4up-a4",
        "--sort",
        "company",
    )
    assert code == 0 and out["badges"] == 5 and out["pages"] == 2 and not out["marked_printed"]
    assert page_count(out_pdf.read_bytes()) == 2
    assert len([c for p in qr_codes(out_pdf.read_bytes()) for c in p]) == 5
    assert all(stage.attendee(a.id).badge_prints == 0 for a in people)

    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--category",
        "company",
        "--mark-printed",
    )
    assert code == 0 and out["badges"] == 3 and out["marked_printed"]
    prints = {a.last_name: stage.attendee(a.id).badge_prints for a in people}
    assert prints == {"Bertè": 1, "Bertelli": 1, "Rossi": 1, "Sato": 0, "Ørsted-Łukasiewicz": 0}

    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--not-printed",
        "--mark-printed",
    )
    assert out["badges"] == 2
    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--codes",
        people[0].code,
        "--mark-printed",
    )
    assert stage.attendee(people[0].id).badge_prints == 2  # a reprint is counted
    names = [r.text for r in text_runs(out_pdf.read_bytes())]
    assert "Nicolò Bertè" in names


def test_badges_command_refusals_are_plain(cli_json, data_dir, stage, people, tmp_path):
    slug = stage.info.slug
    out_pdf = tmp_path / "x.pdf"
    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--category",
        "press",
    )
    assert code == 1 and out["error"]["code"] == "nothing_to_print"
    assert "nothing to print" in out["error"]["message"]
    bad = tmp_path / "bad.json"
    bad.write_text("{", "utf-8")
    code, out = cli_json(
        "--data-dir", data_dir, "--json", "badges", slug, "--out", out_pdf, "--layout", bad
    )
    assert code == 1 and out["error"]["code"] == "layout_invalid"
    code, out = cli_json(
        "--data-dir",
        data_dir,
        "--json",
        "badges",
        slug,
        "--out",
        out_pdf,
        "--codes",
        "ZZZZZZZZZZ",
    )
    assert code == 1 and "ZZZZZZZZZZ" in out["error"]["message"]
    assert not out_pdf.exists()
    assert not Path(str(out_pdf) + ".part").exists()

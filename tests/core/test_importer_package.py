"""The importer is a package of modules by responsibility behind `desktop_app.core.importer`."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import desktop_app.core.importer as importer

MODULES = ("apply", "labels", "rows", "reading", "headers", "names", "report")


def test_the_package_gives_the_names_the_app_and_the_tests_use():
    from desktop_app.core.importer import (  # the import lines of ui/, cli/ and tests/
        FILE_ERRORS,
        MAPPABLE,
        category_of,
        guess_mapping,
        import_file,
        read_table,
        split_full_name,
    )

    assert sorted(importer.__all__) == sorted(
        [
            "FILE_ERRORS",
            "MAPPABLE",
            "category_of",
            "guess_mapping",
            "import_file",
            "read_table",
            "split_full_name",
        ]
    )
    assert import_file.__module__ == "desktop_app.core.importer.apply"
    assert read_table.__module__ == "desktop_app.core.importer.reading"
    assert guess_mapping.__module__ == "desktop_app.core.importer.headers"
    assert split_full_name.__module__ == "desktop_app.core.importer.names"
    assert category_of.__module__ == "desktop_app.core.importer.labels"
    assert "file_missing" in FILE_ERRORS and "first_name" in MAPPABLE


def test_each_module_says_what_it_decides():
    package = Path(importer.__file__).parent
    assert sorted(p.stem for p in package.glob("*.py") if p.stem != "__init__") == sorted(MODULES)
    for name in MODULES:
        module = importlib.import_module(f"desktop_app.core.importer.{name}")
        doc = (module.__doc__ or "").strip()
        assert doc.endswith("."), name
        assert doc.count(". ") == 0, f"{name}: one sentence"
        assert f"  {name} " in importer.__doc__, f"{name} is listed in the package's docstring"


def test_a_csv_import_does_not_load_the_excel_reader():
    code = (
        "import sys, desktop_app.core.importer\n"
        "assert 'openpyxl' not in sys.modules, 'openpyxl loaded'\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

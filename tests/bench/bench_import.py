"""Benchmark: import of a 50,000-row registration list (targets: CSV <= 3 s, XLSX <= 15 s).

Run:  .venv/bin/python tests/bench/bench_import.py [--rows 50000] [--profile]

Generates synthetic lists in a temporary folder (an Italian Excel CSV: semicolon, cp1252, and
an XLSX), imports each into a fresh stage, then re-imports the CSV unchanged (nothing written),
and prints the figures. --profile prints where the CSV import spends its time.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.core.desk import load_desk  # noqa: E402
from desktop_app.core.importer import import_file  # noqa: E402
from desktop_app.core.store import Stage  # noqa: E402

HEADERS = [
    "Titolo",
    "Nome",
    "Cognome",
    "Ragione sociale",
    "Partita IVA",
    "Qualifica",
    "E-mail",
    "Telefono",
    "Categoria",
    "Codice biglietto",
    "Paese di interesse",
    "Settore",
    "Note",
    "Dieta",
]
FIRST = ["Nicolò", "Marco", "Giulia", "Francesca", "Luca", "Chiara", "Zoë", "André", "Sofia"]
LAST = ["Bertè", "Rossi", "Colombo", "Ferrari", "De Luca", "Brambilla", "Locatelli", "Galli"]
CATEGORIES = ["Impresa"] * 8 + ["Relatore", "Stampa", "Staff", "Ospite", "Console"]


def rows(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        yield [
            rng.choice(["", "", "", "Dott.", "Ing."]),
            rng.choice(FIRST),
            rng.choice(LAST),
            f"Azienda {i % 5000} S.r.l.",
            f"{rng.randrange(10**10, 10**11):011d}",
            rng.choice(["CEO", "Export Manager", "Titolare", ""]),
            f"persona{i:06d}@example.test",
            f"+39 3{rng.randrange(10**8, 10**9)}",
            rng.choice(CATEGORIES),
            f"IT-{i:07d}",
            rng.choice(["India", "Brasile; Vietnam", ""]),
            rng.choice(["Meccanica", "Energia", "ICT"]),
            "",
            rng.choice(["", "vegetariana", "senza glutine"]),
        ]


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="cp1252", newline="") as fh:
        w = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        w.writerow(HEADERS)
        w.writerows(rows(n))


def write_xlsx(path: Path, n: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Iscritti")
    ws.append(HEADERS)
    for r in rows(n):
        r[4] = int(r[4])  # VAT stored as a number, as Excel does
        ws.append(r)
    wb.save(path)


def timed_import(
    data_dir: Path, slug: str, file: Path, profile: bool = False
) -> tuple[float, float]:
    desk = load_desk(data_dir)
    with Stage.create(data_dir, slug, title="Bench", date="2026-03-12", desk=desk) as stage:
        profiler = cProfile.Profile() if profile else None
        c0 = time.process_time()
        t0 = time.perf_counter()
        if profiler:
            profiler.enable()
        report = import_file(stage, file)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0
        assert report.ok and report.created > 0, report.summary()
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(20)
    return elapsed, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=50_000)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--skip-xlsx", action="store_true")
    args = ap.parse_args()
    n = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        data_dir = tmp_path / "data"
        data_dir.mkdir()
        csv_file = tmp_path / "iscritti.csv"
        write_csv(csv_file, n)
        t_csv, cpu = timed_import(data_dir, "bench-csv", csv_file, args.profile)
        print(
            f"CSV  import, {n} rows, fresh stage: {t_csv:6.2f} s  (CPU {cpu:5.2f} s; target <= 3 s)"
        )

        desk = load_desk(data_dir)
        with Stage.open(data_dir, "bench-csv", desk) as stage:
            t0 = time.perf_counter()
            report = import_file(stage, csv_file)
            t_again = time.perf_counter() - t0
            print(f"CSV  re-import, all unchanged:       {t_again:6.2f} s")
            assert report.unchanged == n, report.summary()

        if not args.skip_xlsx:
            xlsx_file = tmp_path / "iscritti.xlsx"
            write_xlsx(xlsx_file, n)
            t_xlsx, cpu = timed_import(data_dir, "bench-xlsx", xlsx_file)
            print(
                f"XLSX import, {n} rows, fresh stage: {t_xlsx:6.2f} s  "
                f"(CPU {cpu:5.2f} s; target <= 15 s)"
            )


if __name__ == "__main__":
    main()

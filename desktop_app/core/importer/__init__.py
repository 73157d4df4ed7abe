"""Import of registration lists (CSV and XLSX) into a stage.

What comes in: the exports people actually have - an Italian Excel "save as CSV" (semicolon,
Windows-1252), Eventbrite and Google Forms CSVs (comma, UTF-8), pretix XLSX, hand-made sheets.
Headers are recognised in Italian and English whatever their case, accents or punctuation;
columns that mean nothing to us are kept, per person, in `extra`.

How it writes: people are matched to those already on the stage by an external ticket code,
else by e-mail, so importing an updated export updates them (only the fields that changed)
instead of duplicating them. Everything is written with one `Stage.record_many` call: one
transaction, all or nothing. Any row with a problem refuses the whole import unless the user
asks to skip bad rows; problems carry row numbers as Excel shows them (the header is row 1).

Messages never quote a person's data: they name rows and columns only.

The modules, each importing only those listed after it (pyproject.toml's import-linter
contract checks it):
  apply    what an import changes on the stage (matching, merging, the one transaction)
  labels   what ticket-type and status labels mean, and which system wrote the list
  rows     what one data row says: fields, codes, extra fields, problems and warnings
  reading  how a file becomes a table of text (size, format, encoding, delimiter, header row)
  headers  which column is which field (aliases, the guessed and the explicit mapping)
  names    how a cell of names reads (title, first and last name; a list of countries)
  report   what the importer tells (Problem, ImportReport, FILE_ERRORS)
"""

from desktop_app.core.importer.apply import import_file
from desktop_app.core.importer.headers import MAPPABLE, guess_mapping
from desktop_app.core.importer.labels import category_of
from desktop_app.core.importer.names import split_full_name
from desktop_app.core.importer.reading import read_table
from desktop_app.core.importer.report import FILE_ERRORS

__all__ = [
    "FILE_ERRORS",
    "MAPPABLE",
    "category_of",
    "guess_mapping",
    "import_file",
    "read_table",
    "split_full_name",
]

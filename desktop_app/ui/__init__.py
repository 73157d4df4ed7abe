"""The desk's Qt user interface (the only package that imports PySide6).

PySide6 is kept below 6.12 (pyproject.toml): 6.12.0's wheel hands out None/True/False
without a new reference, which kills a Python 3.11 process after a few thousand Qt calls.
"""

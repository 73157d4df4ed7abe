"""Roadshow Desk: registration desk, badges and attendance sync for a multi-stage roadshow."""

__version__ = "0.1.0"

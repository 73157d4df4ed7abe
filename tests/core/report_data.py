"""Synthetic data for report tests and benchmarks: check-ins spread over a morning."""

from desktop_app.core.demo import OTHER_DESK, spread_checkins

__all__ = ["OTHER_DESK", "spread_checkins"]

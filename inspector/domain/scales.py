"""Chart axes people read at a glance: round ticks (0, 1000, 2000 … not 4659, 3494 …) and
whole numbers for counts."""

from __future__ import annotations

import math


def nice_step(span: float, ticks: int = 6, *, integer: bool = True) -> float:
    """A step of 1, 2 or 5 × 10ⁿ that divides ``span`` into about ``ticks`` - 1 intervals
    (at least 1 for counts)."""
    if span <= 0:
        return 1.0
    rough = span / max(ticks - 1, 1)
    power = 10.0 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        step = factor * power
        if step >= rough:
            break
    return max(step, 1.0) if integer else step


def nice_scale(maximum: float, ticks: int = 6, *, integer: bool = True) -> tuple[float, float]:
    """``(top, step)`` for an axis from 0 that shows ``maximum`` with room above it for a
    bar's label: top is a whole number of steps."""
    if maximum <= 0:
        return 1.0, 1.0
    step = nice_step(maximum, ticks, integer=integer)
    top = math.ceil(maximum / step) * step
    if top < maximum * 1.08:  # the label above the tallest bar
        top += step
    return float(top), float(step)

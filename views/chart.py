"""The /plan chart: planned against logged hours per person, as a PNG.

Pure: values and already written labels in, bytes out. No database, no Telegram.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib

# Headless server: no GUI backend may ever be picked, even if something imports pyplot later.
matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

MAX_CHART_PEOPLE = 30


@dataclass(frozen=True)
class ChartBar:
    """One person: hours as numbers to draw, and the same hours as the reader writes them."""

    label: str  # person name
    planned_h: float
    logged_h: float
    lag_h: float
    planned_text: str = ""  # "8 ч", written by views.formats; empty: the bare number
    logged_text: str = ""
    lag_text: str = ""  # "Отставание: 1,6 ч"


_DPI = 120
_WIDTH_PX = 1000
_BASE_HEIGHT_IN = 1.6
_PERSON_HEIGHT_IN = 0.42
_MIN_HEIGHT_IN = 3.0
_LABEL_MAX = 24
_FONT_SIZE = 11
# One colour per meaning, whatever the numbers: planned, logged, and the lag between them.
_PLANNED_COLOR = "#9db4d0"
_LOGGED_COLOR = "#2f6db5"
_LAG_COLOR = "#d62728"
_TEXT_COLOR = "#333333"

# Matplotlib documents itself as not thread-safe (shared font caches, text layout), so renders
# from worker threads take turns; one chart takes a fraction of a second.
_RENDER_LOCK = threading.Lock()
# Names come from Telegram: a "$" must print as a dollar, not start mathtext (which fails on an
# unbalanced one and would take the whole chart down).
_RC: dict[str, Any] = {"text.parse_math": False, "text.usetex": False}


def _short(label: str) -> str:
    label = " ".join(label.split()) or "—"
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


def _finite(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value}")
    return number


def _text(text: str, value: float) -> str:
    return text or f"{value:g}"


def _note(
    axes: Axes, text: str, x: float, y: float, color: str = _TEXT_COLOR, after: str = ""
) -> None:
    """A value written just right of a bar's end (after another note there, if any)."""
    axes.annotate(
        text,
        xy=(x, y),
        xytext=(5 + 6.5 * len(after) + (8 if after else 0), 0),
        textcoords="offset points",
        va="center",
        color=color,
        fontsize=_FONT_SIZE - 2,
        fontweight="normal" if color == _TEXT_COLOR else "bold",
    )


def plan_chart_png(
    bars: Sequence[ChartBar],
    *,
    title: str,
    planned_label: str,
    logged_label: str,
    lag_label: str,
    hours_label: str,
) -> bytes:
    """A PNG chart of planned vs logged hours per person, about 1000 px wide.

    Each person has a planned bar and a logged bar; a lag is a red piece that continues the
    logged bar up to the planned hours, with its value written beside it. Every bar carries its
    value with the unit, so a person with tasks and no hours yet still shows, at "0 ч". Only the
    first MAX_CHART_PEOPLE bars are drawn (callers put the worst first); the title then ends
    with "(+N)" for the people left out.
    """
    shown = list(bars[:MAX_CHART_PEOPLE])
    hidden = len(bars) - len(shown)
    heading = f"{title} (+{hidden})" if hidden else title
    planned = [_finite(bar.planned_h, "planned_h") for bar in shown]
    logged = [_finite(bar.logged_h, "logged_h") for bar in shown]
    lags = [max(0.0, _finite(bar.lag_h, "lag_h")) for bar in shown]

    height_in = max(_MIN_HEIGHT_IN, _BASE_HEIGHT_IN + _PERSON_HEIGHT_IN * len(shown))
    with _RENDER_LOCK, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=(_WIDTH_PX / _DPI, height_in), dpi=_DPI, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.set_title(heading, fontsize=_FONT_SIZE + 2, fontweight="bold", loc="left")

        if shown:
            positions = list(range(len(shown)))
            thickness = 0.38
            planned_at = [p - thickness / 2 for p in positions]
            logged_at = [p + thickness / 2 for p in positions]
            axes.barh(planned_at, planned, height=thickness, color=_PLANNED_COLOR)
            axes.barh(logged_at, logged, height=thickness, color=_LOGGED_COLOR)
            axes.barh(logged_at, lags, left=logged, height=thickness, color=_LAG_COLOR)
            longest = max([*planned, *(d + lag for d, lag in zip(logged, lags, strict=True)), 0.0])
            for i, bar in enumerate(shown):
                _note(axes, _text(bar.planned_text, planned[i]), planned[i], planned_at[i])
                end = logged[i] + lags[i]
                done = _text(bar.logged_text, logged[i])
                _note(axes, done, end, logged_at[i], color=_LOGGED_COLOR)
                if lags[i] > 0:
                    lag = _text(bar.lag_text, lags[i])
                    _note(axes, lag, end, logged_at[i], color=_LAG_COLOR, after=done)
            # Room on the right for the value labels.
            axes.set_xlim(0, longest * 1.6 if longest > 0 else 1)
            axes.set_yticks(positions, [_short(bar.label) for bar in shown], fontsize=_FONT_SIZE)
            axes.set_ylim(len(shown) - 0.5, -0.5)  # worst first, at the top
            axes.grid(axis="x", alpha=0.3)
            axes.set_axisbelow(True)
            handles = [
                Patch(color=_PLANNED_COLOR, label=planned_label),
                Patch(color=_LOGGED_COLOR, label=logged_label),
                Patch(color=_LAG_COLOR, label=lag_label),
            ]
            figure.legend(
                handles=handles,
                loc="outside lower center",
                ncols=3,
                frameon=False,
                fontsize=_FONT_SIZE - 1,
            )
        else:
            axes.set_yticks([])
            axes.set_xlim(0, 1)
        axes.set_xlabel(hours_label, fontsize=_FONT_SIZE)
        axes.tick_params(axis="x", labelsize=_FONT_SIZE - 1)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)

        buffer = io.BytesIO()
        canvas.print_png(buffer)
    return buffer.getvalue()

"""The /plan chart: planned against logged hours per person, as a PNG.

Pure: values and already written labels in, bytes out. No database, no Telegram.
"""

from __future__ import annotations

import io
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

# Headless server: no GUI backend may ever be picked, even if something imports pyplot later.
matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

MAX_CHART_PEOPLE = 30


@dataclass(frozen=True)
class ChartBar:
    label: str  # person name
    planned_h: float
    logged_h: float
    lag_h: float


_DPI = 120
_WIDTH_PX = 1000
_BASE_HEIGHT_IN = 1.6
_PERSON_HEIGHT_IN = 0.42
_MIN_HEIGHT_IN = 3.0
_LABEL_MAX = 24
_FONT_SIZE = 11
_PLANNED_COLOR = "#9db4d0"
_LOGGED_COLOR = "#2f6db5"
_LAG_COLOR = "#d62728"

# Matplotlib documents itself as not thread-safe (shared font caches, text layout), so renders
# from worker threads take turns; one chart takes a fraction of a second.
_RENDER_LOCK = threading.Lock()


def _short(label: str) -> str:
    label = " ".join(label.split()) or "—"
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


def _finite(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value}")
    return number


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

    People with a lag get a red logged bar and the lag written next to it. Only the first
    MAX_CHART_PEOPLE bars are drawn (callers put the worst first); the title then ends with
    "(+N)" for the people left out.
    """
    shown = list(bars[:MAX_CHART_PEOPLE])
    hidden = len(bars) - len(shown)
    heading = f"{title} (+{hidden})" if hidden else title
    planned = [_finite(bar.planned_h, "planned_h") for bar in shown]
    logged = [_finite(bar.logged_h, "logged_h") for bar in shown]
    lags = [_finite(bar.lag_h, "lag_h") for bar in shown]

    height_in = max(_MIN_HEIGHT_IN, _BASE_HEIGHT_IN + _PERSON_HEIGHT_IN * len(shown))
    with _RENDER_LOCK:
        figure = Figure(figsize=(_WIDTH_PX / _DPI, height_in), dpi=_DPI, layout="constrained")
        canvas = FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        axes.set_title(heading, fontsize=_FONT_SIZE + 2, fontweight="bold", loc="left")

        if shown:
            positions = list(range(len(shown)))
            thickness = 0.4
            axes.barh(
                [p - thickness / 2 for p in positions],
                planned,
                height=thickness,
                color=_PLANNED_COLOR,
            )
            axes.barh(
                [p + thickness / 2 for p in positions],
                logged,
                height=thickness,
                color=[_LAG_COLOR if lag > 0 else _LOGGED_COLOR for lag in lags],
            )
            longest = max([*planned, *logged, 0.0])
            for position, lag, plan, done in zip(positions, lags, planned, logged, strict=True):
                if lag > 0:
                    axes.annotate(
                        f"{lag_label}: {lag:.1f}",
                        xy=(max(plan, done, 0.0), position),
                        xytext=(6, 0),
                        textcoords="offset points",
                        va="center",
                        color=_LAG_COLOR,
                        fontsize=_FONT_SIZE - 1,
                        fontweight="bold",
                    )
            # Room on the right for the lag labels.
            axes.set_xlim(0, longest * 1.35 if longest > 0 else 1)
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

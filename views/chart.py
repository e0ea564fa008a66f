"""The /plan chart: planned against logged hours per person, as a PNG.

Pure: values and already written labels in, bytes out. No database, no Telegram.
"""

from __future__ import annotations

import io
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib

# Headless server: no GUI backend may ever be picked, even if something imports pyplot later.
matplotlib.use("Agg")

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.transforms import Transform, blended_transform_factory, offset_copy

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
_LABEL_MAX = 30
_FONT_SIZE = 11
# Fixed margins instead of a layout engine (which measured every text twice more): the left one
# from the widest name as the font draws it, the others for the title above and the hour axis,
# its label and the legend below.
_TOP_IN = 0.36
_BOTTOM_IN = 0.74
_BOTTOM_EMPTY_IN = 0.55
_RIGHT_PX = 16
_EDGE_PX = 10  # between the image's edge and the longest name
_TICK_PX = 14  # the tick and its gap before a name
_MAX_LEFT = 0.5  # of the width, whatever the names
# zlib level of the PNG: Telegram recompresses photos, so the smallest file is not worth the
# time (level 6, the default, took a fifth of the whole chart).
_PNG = {"compress_level": 1}
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


_CODE = re.compile(r" \([^()\s]{1,12}\)$")


def _short(label: str) -> str:
    """At most _LABEL_MAX characters; a long name is cut before its "(e12)" code, which stays,
    so two long names that begin alike remain two people."""
    label = " ".join(label.split()) or "—"
    if len(label) <= _LABEL_MAX:
        return label
    code = _CODE.search(label)
    tail = code.group(0) if code else ""
    return label[: _LABEL_MAX - 1 - len(tail)].rstrip() + "…" + tail


def _finite(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value}")
    return number


def _text(text: str, value: float) -> str:
    return text or f"{value:g}"


class _Notes:
    """Values written just right of a bar's end (after another note there, if any)."""

    def __init__(self, axes: Axes, figure: Figure) -> None:
        self.axes = axes
        self.figure = figure
        self._shifts: dict[float, Transform] = {}  # one transform per distance, shared

    def _shifted(self, points: float) -> Transform:
        if points not in self._shifts:
            self._shifts[points] = offset_copy(
                self.axes.transData, fig=self.figure, x=points, units="points"
            )
        return self._shifts[points]

    def add(self, text: str, x: float, y: float, color: str = _TEXT_COLOR, after: str = "") -> None:
        self.axes.text(
            x,
            y,
            text,
            transform=self._shifted(5 + 6.5 * len(after) + (8 if after else 0)),
            va="center",
            color=color,
            fontsize=_FONT_SIZE - 2,
            fontweight="normal" if color == _TEXT_COLOR else "bold",
        )


def _bars(
    axes: Axes,
    at: Sequence[float],
    start: Sequence[float],
    length: Sequence[float],
    thickness: float,
    color: str,
) -> None:
    half = thickness / 2
    boxes = [
        [(x, y - half), (x + w, y - half), (x + w, y + half), (x, y + half)]
        for y, x, w in zip(at, start, length, strict=True)
        if w > 0
    ]
    axes.add_collection(PolyCollection(boxes, facecolors=color, edgecolors="none"))


def _axes_height(figure: Figure) -> float:
    params = figure.subplotpars
    return float(params.top - params.bottom)


def _left_margin(canvas: FigureCanvasAgg, labels: Sequence[str]) -> float:
    """The share of the width left of the axes: the widest name as the font draws it."""
    renderer = canvas.get_renderer()
    font = FontProperties(size=_FONT_SIZE)
    widest = max(
        (renderer.get_text_width_height_descent(label, font, ismath=False)[0] for label in labels),
        default=0.0,
    )
    return min(_MAX_LEFT, (widest + _TICK_PX + _EDGE_PX) / _WIDTH_PX)


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
    labels = [_short(bar.label) for bar in shown]
    with _RENDER_LOCK, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=(_WIDTH_PX / _DPI, height_in), dpi=_DPI)
        canvas = FigureCanvasAgg(figure)
        bottom = _BOTTOM_IN if shown else _BOTTOM_EMPTY_IN
        figure.subplots_adjust(
            left=max(_left_margin(canvas, labels), 0.03),
            right=1 - _RIGHT_PX / _WIDTH_PX,
            top=1 - _TOP_IN / height_in,
            bottom=bottom / height_in,
        )
        axes = figure.add_subplot()
        # A fixed title position: matplotlib would otherwise measure the tick labels to place it.
        axes.set_title(
            heading, fontsize=_FONT_SIZE + 2, fontweight="bold", loc="left", y=1.0, pad=6
        )

        if shown:
            positions = list(range(len(shown)))
            thickness = 0.38
            planned_at = [p - thickness / 2 for p in positions]
            logged_at = [p + thickness / 2 for p in positions]
            # One collection per colour rather than a patch per bar: fewer artists to draw.
            _bars(axes, planned_at, [0.0] * len(shown), planned, thickness, _PLANNED_COLOR)
            _bars(axes, logged_at, [0.0] * len(shown), logged, thickness, _LOGGED_COLOR)
            _bars(axes, logged_at, logged, lags, thickness, _LAG_COLOR)
            longest = max([*planned, *(d + lag for d, lag in zip(logged, lags, strict=True)), 0.0])
            notes = _Notes(axes, figure)
            for i, bar in enumerate(shown):
                notes.add(_text(bar.planned_text, planned[i]), planned[i], planned_at[i])
                end = logged[i] + lags[i]
                done = _text(bar.logged_text, logged[i])
                notes.add(done, end, logged_at[i], color=_LOGGED_COLOR)
                if lags[i] > 0:
                    lag = _text(bar.lag_text, lags[i])
                    notes.add(lag, end, logged_at[i], color=_LAG_COLOR, after=done)
            # Room on the right for the value labels.
            axes.set_xlim(0, longest * 1.6 if longest > 0 else 1)
            axes.set_ylim(len(shown) - 0.5, -0.5)  # worst first, at the top
            # The names as plain texts at the axis: what tick labels would draw, without a
            # tick object (two lines and two texts) for each.
            axes.set_yticks([])
            at_axis = blended_transform_factory(axes.transAxes, axes.transData)
            names = offset_copy(at_axis, fig=figure, x=-_TICK_PX * 72 / _DPI, units="points")
            for position, label in zip(positions, labels, strict=True):
                axes.text(
                    0,
                    position,
                    label,
                    transform=names,
                    ha="right",
                    va="center",
                    fontsize=_FONT_SIZE,
                    color="black",
                )
            axes.grid(axis="x", alpha=0.3)
            axes.set_axisbelow(True)
            handles = [
                Patch(color=_PLANNED_COLOR, label=planned_label),
                Patch(color=_LOGGED_COLOR, label=logged_label),
                Patch(color=_LAG_COLOR, label=lag_label),
            ]
            figure.legend(
                handles=handles,
                loc="lower center",
                bbox_to_anchor=(0.5, 0.0),
                ncols=3,
                frameon=False,
                fontsize=_FONT_SIZE - 1,
            )
        else:
            axes.set_yticks([])
            axes.set_xlim(0, 1)
        axes.set_xlabel(hours_label, fontsize=_FONT_SIZE)
        # Placed, not measured from the tick labels: 0.3 in below the axis.
        axes.xaxis.set_label_coords(0.5, -0.3 / (height_in * _axes_height(figure)))
        axes.tick_params(axis="x", labelsize=_FONT_SIZE - 1)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)

        buffer = io.BytesIO()
        canvas.print_png(buffer, pil_kwargs=_PNG)
    return buffer.getvalue()

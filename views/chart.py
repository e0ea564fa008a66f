"""The /plan chart: planned against logged hours per person, as a PNG.

Pure: values and already written labels in, bytes out. No database, no Telegram. The fonts'
glyphs, once rasterised, are kept for the next chart.
"""

from __future__ import annotations

import math
import re
import struct
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import matplotlib

# Headless server: no GUI backend may ever be picked, even if something imports pyplot later.
matplotlib.use("Agg")

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg, get_hinting_flag
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.ft2font import Kerning
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Transform, blended_transform_factory
from matplotlib.typing import ColorType

if TYPE_CHECKING:
    from matplotlib.ft2font import GlyphIndexType

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
_PNG_LEVEL = 1
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


class _Glyph(NamedTuple):
    coverage: np.ndarray  # rows of 0..255, as FreeType rasterises the glyph at a whole pixel
    left: int  # from the pen to the coverage's first column, pixels
    top: int  # from the baseline up to the coverage's first row, pixels
    ascent: float  # the ink above the baseline, pixels
    descent: float  # and below it
    advance: float
    glyph_index: GlyphIndexType  # in the font, for kerning


class _Face:
    """One font at one size, its glyphs rasterised once and kept for every later chart.

    A Text lays out its string and rasterises every glyph again on each draw (three to four
    FreeType loads a glyph, most of the chart's time); the chart's texts are drawn from the
    kept glyphs instead, where a Text would put them: the same advances, kerning and vertical
    centring, at whole pixels instead of 64ths (half a pixel at most)."""

    def __init__(self, prop: FontProperties) -> None:
        self.prop = prop
        self._glyphs: dict[tuple[str, int], _Glyph] = {}
        self._kerning: dict[tuple[GlyphIndexType, GlyphIndexType], float] = {}
        self._least_metrics: tuple[float, float] | None = None

    def _glyph(self, char: str, flags: Any) -> _Glyph:
        glyph = self._glyphs.get((char, flags))
        if glyph is not None:
            return glyph
        font = get_font(findfont(self.prop))
        font.set_size(self.prop.get_size_in_points(), _DPI)
        index = font.get_char_index(ord(char))
        # A character the font lacks: FreeType draws its box and warns, each time, as a Text
        # would; it is not kept, so that the warning is not lost for later charts.
        font.set_text(char, 0.0, flags=flags)
        font.draw_glyphs_to_bitmap(antialiased=True)
        width, height = font.get_width_height()
        descent = font.get_descent() / 64
        glyph = _Glyph(
            coverage=font.get_image().copy(),
            left=math.floor(font.get_bitmap_offset()[0] / 64),
            top=round(height / 64 - descent) + 1,  # the bitmap has a blank row above the ink
            ascent=height / 64 - descent,
            descent=descent,
            advance=width / 64,
            glyph_index=index,
        )
        if index and len(self._glyphs) < _GLYPHS_KEPT:
            self._glyphs[(char, flags)] = glyph
        return glyph

    def _kern(self, left: GlyphIndexType, right: GlyphIndexType) -> float:
        pair = (left, right)
        if pair not in self._kerning:
            font = get_font(findfont(self.prop))
            font.set_size(self.prop.get_size_in_points(), _DPI)
            self._kerning[pair] = font.get_kerning(left, right, Kerning.UNFITTED) / 64
        return self._kerning[pair]

    def line(self, text: str) -> tuple[list[_Glyph], list[float], float, float, float]:
        """Each glyph and its pen position, then the width, height and descent of the text's
        ink, as FreeType measures a string."""
        flags = get_hinting_flag()
        glyphs = [self._glyph(char, flags) for char in text]
        pens = []
        pen = 0.0
        for before, glyph in zip([None, *glyphs], glyphs, strict=False):
            if before and before.glyph_index and glyph.glyph_index:
                pen += self._kern(before.glyph_index, glyph.glyph_index)
            pens.append(pen)
            pen += glyph.advance
        descent = max([glyph.descent for glyph in glyphs], default=0.0)
        height = max([glyph.ascent for glyph in glyphs], default=0.0) + descent
        return glyphs, pens, pen, height, descent

    def _least(self) -> tuple[float, float]:
        """The ascent and descent a Text gives a line at least: the font's typographic ones
        (OS/2, else hhea), scaled to the size."""
        font = get_font(findfont(self.prop))
        scale = self.prop.get_size_in_points() * _DPI / 72 / font.units_per_EM
        for table, ascent, descent in (
            ("OS/2", "sTypoAscender", "sTypoDescender"),
            ("hhea", "ascent", "descent"),
        ):
            metrics = font.get_sfnt_table(table)  # type: ignore[call-overload]
            if metrics is not None:
                return metrics[ascent] * scale, -metrics[descent] * scale
        return font.ascender * scale, -font.descender * scale

    def layout(self, text: str) -> tuple[list[_Glyph], list[float], float, float, float]:
        """Each glyph and its pen position, then the width, height and descent of the line
        as a Text lays it out: at least the font's ascent and descent."""
        if self._least_metrics is None:
            self._least_metrics = self._least()
        least_ascent, least_descent = self._least_metrics
        glyphs, pens, width, height, descent = self.line(text)
        ascent = max(height - descent, least_ascent)
        descent = max(descent, least_descent)
        return glyphs, pens, width, ascent + descent, descent

    def width(self, text: str) -> float:
        return self.layout(text)[2]

    def image(
        self, text: str, color: ColorType
    ) -> tuple[np.ndarray, int, int, float, float, float]:
        """The text as an RGBA image, bottom row first; how far its first column is right of
        the pen's start and its top above the baseline; the width, height and descent of
        layout()."""
        glyphs, pens, width, height, descent = self.layout(text)
        lefts = [round(pen) + glyph.left for pen, glyph in zip(pens, glyphs, strict=True)]
        first = min(lefts, default=0)
        top = max([glyph.top for glyph in glyphs], default=1)
        columns = max(
            [x + g.coverage.shape[1] for x, g in zip(lefts, glyphs, strict=True)], default=1
        )
        rows = max([top - g.top + g.coverage.shape[0] for g in glyphs], default=1)
        alpha = np.zeros((rows, max(1, columns - first)), np.uint8)
        for x, glyph in zip(lefts, glyphs, strict=True):
            ink = glyph.coverage
            row = top - glyph.top
            box = alpha[row : row + ink.shape[0], x - first : x - first + ink.shape[1]]
            np.maximum(box, ink, out=box)
        rgba = np.empty((*alpha.shape, 4), np.uint8)
        rgba[..., :3] = [round(255 * part) for part in to_rgb(color)]
        rgba[..., 3] = alpha
        return rgba[::-1], first, top, width, height, descent


_GLYPHS_KEPT = 4096  # per face: the alphabets of the names and numbers, far under this
_FACES: dict[tuple[str, float], _Face] = {}


def _face(prop: FontProperties) -> _Face:
    key = (findfont(prop), prop.get_size_in_points())
    if key not in _FACES:
        _FACES[key] = _Face(prop.copy())
    return _FACES[key]


_NAME_FACE = _face(FontProperties(size=_FONT_SIZE))
_NOTE_FACE = _face(FontProperties(size=_FONT_SIZE - 2))
_NOTE_BOLD_FACE = _face(FontProperties(size=_FONT_SIZE - 2, weight="bold"))


class _Renderer(RendererAgg):
    """Agg, with the plain texts matplotlib lays out itself (the title, the hour axis, the
    legend) measured and drawn from the kept glyphs too: FreeType measures a string as the
    sum of its glyphs, so the layout is the same."""

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: bool | Literal["TeX"]
    ) -> tuple[float, float, float]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        _, _, width, height, descent = _face(prop).line(s)
        return width, height, descent

    def draw_text(
        self,
        gc: GraphicsContextBase,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: bool | Literal["TeX"] = False,
        mtext: Text | None = None,
    ) -> None:
        if ismath or angle:
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        rgba, first, top = _face(prop).image(s, gc.get_rgb())[:3]
        # x, y: where the baseline starts, y from the top.
        self.draw_image(gc, round(x) + first, round(self.height - y) + top - rgba.shape[0], rgba)


class _Canvas(FigureCanvasAgg):
    """Agg drawing with _Renderer (a figure of _DPI, as the faces' glyphs are)."""

    def get_renderer(self) -> RendererAgg:
        width, height = self.figure.bbox.size
        renderer = getattr(self, "renderer", None)
        if not isinstance(renderer, _Renderer) or renderer.get_canvas_width_height() != (
            width,
            height,
        ):
            self.renderer = renderer = _Renderer(width, height, self.figure.dpi)
        return renderer


class _Texts(Artist):
    """Single-line texts drawn from their faces' kept glyphs, each centred vertically on its
    point like a Text with va="center" and starting a number of pixels right of it (or ending
    there, like ha="right"). Above the bars and the grid, and not clipped, as a Text is."""

    zorder = 3

    def __init__(self, transform: Transform) -> None:
        super().__init__()
        self.set_transform(transform)
        self.set_clip_on(False)
        self._texts: list[tuple[float, float, str, _Face, str, float, bool]] = []

    def add(
        self,
        x: float,
        y: float,
        text: str,
        face: _Face,
        color: str,
        *,
        shift_px: float = 0.0,
        right: bool = False,
    ) -> None:
        self._texts.append((x, y, text, face, color, shift_px, right))

    def draw(self, renderer: RendererBase) -> None:
        if not self._texts or not self.get_visible():
            return
        points = self.get_transform().transform([(x, y) for x, y, *_ in self._texts])
        gc = renderer.new_gc()
        for (px, py), (_, _, text, face, color, shift, right) in zip(
            points, self._texts, strict=True
        ):
            rgba, first, top, width, height, descent = face.image(text, color)
            start = px + shift - (width if right else 0.0)
            baseline = py - height / 2 + descent
            # draw_image takes the image's lower left corner.
            renderer.draw_image(
                gc, round(start) + first, round(baseline) + top - rgba.shape[0], rgba
            )
        gc.restore()


def _note(
    notes: _Texts, text: str, x: float, y: float, color: str = _TEXT_COLOR, after: str = ""
) -> None:
    """A value written just right of a bar's end (after another value there, if any)."""
    points = 5 + 6.5 * len(after) + (8 if after else 0)
    face = _NOTE_FACE if color == _TEXT_COLOR else _NOTE_BOLD_FACE
    notes.add(x, y, text, face, color, shift_px=points * _DPI / 72)


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


def _left_margin(labels: Sequence[str]) -> float:
    """The share of the width left of the axes: the widest name as the font draws it."""
    widest = max((_NAME_FACE.width(label) for label in labels), default=0.0)
    return min(_MAX_LEFT, (widest + _TICK_PX + _EDGE_PX) / _WIDTH_PX)


def _png(pixels: np.ndarray) -> bytes:
    """The canvas's RGBA pixels as a PNG, rows unfiltered, at zlib level 1: Pillow (through
    print_png) tried its five row filters on every row and took twice as long for a file of
    about the same size."""
    height, width, _ = pixels.shape
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0  # filter type "none"
    rows[:, 1:] = pixels.reshape(height, -1)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8 bits a channel, RGBA
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(rows.data, _PNG_LEVEL)),
            chunk(b"IEND", b""),
        )
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
    labels = [_short(bar.label) for bar in shown]
    with _RENDER_LOCK, matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        figure = Figure(figsize=(_WIDTH_PX / _DPI, height_in), dpi=_DPI)
        canvas = _Canvas(figure)
        bottom = _BOTTOM_IN if shown else _BOTTOM_EMPTY_IN
        figure.subplots_adjust(
            left=max(_left_margin(labels), 0.03),
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
            notes = _Texts(axes.transData)
            for i, bar in enumerate(shown):
                _note(notes, _text(bar.planned_text, planned[i]), planned[i], planned_at[i])
                end = logged[i] + lags[i]
                done = _text(bar.logged_text, logged[i])
                _note(notes, done, end, logged_at[i], color=_LOGGED_COLOR)
                if lags[i] > 0:
                    lag = _text(bar.lag_text, lags[i])
                    _note(notes, lag, end, logged_at[i], color=_LAG_COLOR, after=done)
            axes.add_artist(notes)
            # Room on the right for the value labels.
            axes.set_xlim(0, longest * 1.6 if longest > 0 else 1)
            axes.set_ylim(len(shown) - 0.5, -0.5)  # worst first, at the top
            # The names as plain texts at the axis: what tick labels would draw, without a
            # tick object (two lines and two texts) for each.
            axes.set_yticks([])
            names = _Texts(blended_transform_factory(axes.transAxes, axes.transData))
            for position, label in zip(positions, labels, strict=True):
                names.add(0, position, label, _NAME_FACE, "black", shift_px=-_TICK_PX, right=True)
            axes.add_artist(names)
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

        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())
    return _png(pixels)

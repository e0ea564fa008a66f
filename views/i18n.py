"""Locale texts: every user-facing string lives in locales/<lang>/*.ftl (Fluent).

Keys are kebab-case; fields are Fluent variables (`{ $field }`), and a count that changes the
words is given as an int so the message can select the language's plural form. Numbers and dates
reach the texts already written by views.formats, so the texts never format them themselves.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import fluent_number
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from services.language import LANGUAGES, from_telegram
from views import formats

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


@cache
def _resources(lang: str) -> tuple[ast.Resource, ...]:
    resources = []
    seen: dict[str, Path] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        resource = FluentResource(path.read_text("utf-8"))
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                raise ValueError(f"{path}: cannot parse {(entry.content or '')[:60]!r}")
            if isinstance(entry, ast.Message):
                key = entry.id.name
                if key in seen:
                    raise ValueError(f"duplicate locale key {key!r} in {path} and {seen[key]}")
                seen[key] = path
        resources.append(resource)
    return tuple(resources)


@cache
def _bundle(lang: str) -> FluentBundle:
    # No bidi isolation marks: Telegram shows them as stray characters in some clients.
    bundle = FluentBundle([lang], use_isolating=False)
    for resource in _resources(lang):
        bundle.add_resource(resource)
    return bundle


@cache
def keys(lang: str) -> frozenset[str]:
    """Every message key of a language."""
    return frozenset(
        entry.id.name
        for resource in _resources(lang)
        for entry in resource.body
        if isinstance(entry, ast.Message)
    )


class _Variables(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.found.add(node.id.name)


@cache
def fields(lang: str, key: str) -> frozenset[str]:
    """The variables a message uses (`{ $name }`), selectors included."""
    for resource in _resources(lang):
        for entry in resource.body:
            if isinstance(entry, ast.Message) and entry.id.name == key:
                visitor = _Variables()
                visitor.visit(entry)
                return frozenset(visitor.found)
    raise KeyError(key)


def pick_language(saved: str | None, telegram_code: str | None, default: str) -> str:
    """A person's language: their stored one, else Telegram's, else the default."""
    if saved in LANGUAGES:
        return saved
    return from_telegram(telegram_code, default)


def _argument(value: object, lang: str) -> object:
    """A field as the language writes it; numbers stay numbers so plural selectors work."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        # Counts, task numbers and ids: no grouping, "#1234" stays whole.
        return fluent_number(value, useGrouping=False)
    if isinstance(value, Decimal | Fraction | float):
        # Fluent selects plural forms only for int and float: 1.00 is the int 1 ("1 день").
        shown = formats.plain(value)
        if shown == shown.to_integral_value():
            return fluent_number(int(shown))
        return fluent_number(float(shown), maximumFractionDigits=2)
    if isinstance(value, datetime):
        raise TypeError("a moment is shown through views.formats.moment, in the company zone")
    if isinstance(value, date):
        return formats.day(value, lang)
    return str(value)


def _format(lang: str, key: str, values: dict[str, object]) -> str:
    bundle = _bundle(lang)
    if not bundle.has_message(key):
        return key
    pattern = bundle.get_message(key).value
    if pattern is None:
        return key
    args = {name: _argument(value, lang) for name, value in values.items()}
    text, _errors = bundle.format_pattern(pattern, args)
    return str(text)


# Values that never change and read the same whenever they are shown.
_PLAIN = frozenset({str, int, bool, float, Decimal, Fraction, date, type(None)})


@lru_cache(maxsize=16384)  # a large plan's texts repeat ("8 ч", "0 дней")
def _text(lang: str, key: str, values: tuple[tuple[str, type, object], ...]) -> str:
    return _format(lang, key, {name: value for name, _kind, value in values})


class Translator:
    """The texts of one language, called as `tr("key", field=value)`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else LANGUAGES[0]
        self._bundle = _bundle(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        # The same few texts are written again and again (durations, days, buttons): with
        # plain values, each is formatted once per distinct set of them. The type is part of
        # the key, since 1 == 1.0 == True but each reads differently.
        if all(type(value) in _PLAIN for value in values.values()):
            return _text(self.lang, key, tuple((n, type(v), v) for n, v in values.items()))
        return _format(self.lang, key, values)

    def has(self, key: str) -> bool:
        return self._bundle.has_message(key)


def reader(language: str | None, default: str) -> Translator:
    """The translator of a message's recipient: their language, else the company's default."""
    return Translator(language or default)

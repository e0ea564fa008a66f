"""The front end's words: every key its scripts use exists in both languages, with no
placeholder the browser would show raw."""

from __future__ import annotations

import re
import string
from pathlib import Path

from webapp.texts import webapp_texts

STATIC = Path(__file__).resolve().parents[2] / "webapp" / "static"
KEY = re.compile(r"""["'](webapp-[a-z0-9-]+)["']""")


def test_scripts_use_only_existing_keys() -> None:
    used = {key for path in STATIC.glob("*.js") for key in KEY.findall(path.read_text())}
    assert "webapp-cell-hint" in used and len(used) > 40
    for lang in ("ru", "en"):
        texts = webapp_texts(lang)
        assert used <= set(texts), (lang, used - set(texts))


def test_texts_have_no_placeholders() -> None:
    for lang in ("ru", "en"):
        for key, text in webapp_texts(lang).items():
            fields = [name for _, name, _, _ in string.Formatter().parse(text) if name]
            assert fields == [], (lang, key)

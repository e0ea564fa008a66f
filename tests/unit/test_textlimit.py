"""Every outgoing text is measured in UTF-16 units, as Telegram counts, and cut to fit."""

from __future__ import annotations

import random

from aiogram import Bot
from aiogram.methods import SendMessage, SendPhoto
from aiogram.types import BufferedInputFile

from bot.textlimit import TextLimitMiddleware
from services.textsplit import CAPTION_LIMIT, MESSAGE_LIMIT, fit, utf16_len
from tests.tg import BOT_TOKEN, FakeSession


def test_utf16_length_counts_emoji_twice() -> None:
    assert utf16_len("abc") == 3
    assert utf16_len("жёлтый") == 6
    assert utf16_len("😀😀") == 4
    assert fit("😀" * 10, 5) == "😀😀…"  # never half an emoji
    assert fit("short", 10) == "short"


def test_utf16_length_of_any_text_is_its_code_units() -> None:
    # A lone surrogate (JSON may carry one) is one unit; every other character above U+FFFF two.
    assert utf16_len("\ud83dx") == 2
    rng = random.Random(5)
    alphabet = ["a", "ё", "·", "€", "😀", "\U0010ffff", "\ud800", "\udfff", "\n"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert utf16_len(text) == sum(2 if ord(char) > 0xFFFF else 1 for char in text)


async def test_a_message_or_caption_over_the_limit_is_cut_on_the_way_out() -> None:
    session = FakeSession()
    bot = Bot(BOT_TOKEN, session=session)
    bot.session.middleware(TextLimitMiddleware())
    await bot.send_message(1, "😀" * 3000)
    await bot.send_photo(1, BufferedInputFile(b"png", "a.png"), caption="🎉" * 600)
    await bot.send_message(1, "fine")
    [long, photo, short] = session.requests
    assert isinstance(long, SendMessage) and isinstance(photo, SendPhoto)
    assert utf16_len(long.text) <= MESSAGE_LIMIT and long.text.endswith("…")
    assert photo.caption is not None and utf16_len(photo.caption) <= CAPTION_LIMIT
    assert isinstance(short, SendMessage) and short.text == "fine"
    await bot.session.close()

"""Bulk writing: Core executemany of dicts, in chunks, so a million rows never sit in memory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from models import Base

CHUNK = 20_000


def table(name: str) -> Table:
    return Base.metadata.tables[name]


async def insert_rows(conn: AsyncConnection, name: str, rows: Iterable[dict[str, Any]]) -> int:
    """Insert `rows` into table `name`, one executemany per chunk; returns how many."""
    chunk: list[dict[str, Any]] = []
    total = 0
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            await conn.execute(insert(table(name)), chunk)
            total += len(chunk)
            chunk = []
    if chunk:
        await conn.execute(insert(table(name)), chunk)
        total += len(chunk)
    return total

"""Bulk writing: Core executemany of dicts, in chunks, so a million rows never sit in memory."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection

CHUNK = 20_000


async def insert_rows(conn: AsyncConnection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    """Insert `rows` with one executemany per chunk; returns how many were written."""
    chunk: list[dict[str, Any]] = []
    total = 0
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            await conn.execute(insert(table), chunk)
            total += len(chunk)
            chunk = []
    if chunk:
        await conn.execute(insert(table), chunk)
        total += len(chunk)
    return total

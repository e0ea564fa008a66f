"""Plain (non-async) filters run on the event loop instead of aiogram's worker threads.

aiogram runs a filter that is not a coroutine function through `asyncio.to_thread`: a bare FSM
`State`, a magic filter (`F.text`) or a plain predicate each cost two thread hand-overs every
time a message is checked against them, and a command like /log passes about six of them
on its way through the routers. Ours are pure, microsecond checks, so they are called inline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import CallableObject


def _inline(check: Callable[..., Any]) -> Callable[..., Any]:
    async def call(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return call


def _filters(router: Router) -> Iterator[CallableObject]:
    for sub in router.chain_tail:
        for observer in sub.observers.values():
            yield from observer._handler.filters or ()  # the router-level filters
            for handler in observer.handlers:
                yield from handler.filters or ()


def run_filters_inline(router: Router) -> int:
    """Make every synchronous filter of `router` and its sub-routers awaitable; returns how
    many were changed (the keyword arguments each accepts are kept as aiogram computed them)."""
    changed = 0
    for check in _filters(router):
        if not check.awaitable:
            check.callback = _inline(check.callback)
            check.awaitable = True
            changed += 1
    return changed

"""Feature routers in a fixed order; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    calendar,
    fallback,
    groups,
    jobs,
    leave,
    payroll,
    people,
    plan,
    start,
    tasks,
    timelog,
)
from handlers.common import CommandAllowed
from handlers.routing import Blueprint

_FEATURES: list[Router | Blueprint] = [
    start.router,
    people.router,
    groups.router,
    tasks.router,
    calendar.router,
    plan.router,
    payroll.router,
    jobs.router,
    leave.router,
    # timelog last: it also reads plain messages that start with a duration
    timelog.router,
]
for _router in _FEATURES:
    if isinstance(_router, Router):
        _router.message.filter(CommandAllowed())


def _ready(feature: Router | Blueprint) -> Router:
    """A blueprint builds a new router for each dispatcher."""
    if isinstance(feature, Router):
        return feature
    router = feature.build()
    router.message.filter(CommandAllowed())
    return router


def feature_routers() -> list[Router]:
    """The routers, detached from any earlier dispatcher so that each new one
    (tests, benchmarks, a restart in the same process) can include them."""
    shared = [f for f in _FEATURES if isinstance(f, Router)] + [fallback.router]
    for router in shared:
        parent = router.parent_router
        if parent is not None:
            parent.sub_routers.remove(router)
            router._parent_router = None
    return [_ready(feature) for feature in _FEATURES] + [fallback.router]

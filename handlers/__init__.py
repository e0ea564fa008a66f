"""Feature routers in a fixed order; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    calendar,
    fallback,
    groups,
    jobs,
    payroll,
    people,
    plan,
    start,
    tasks,
    timelog,
)
from handlers.common import CommandAllowed

_FEATURES: list[Router] = [
    start.router,
    people.router,
    groups.router,
    tasks.router,
    calendar.router,
    plan.router,
    payroll.router,
    jobs.router,
    # timelog last: it also reads plain messages that start with a duration
    timelog.router,
]
# One parent holds the permission filter, so a message is checked once rather than once per
# feature router; a refused command skips them all and reaches the fallback, as before.
_features = Router(name="features")
_features.message.filter(CommandAllowed())
_features.include_routers(*_FEATURES)
_ALL: list[Router] = [_features, fallback.router]


def feature_routers() -> list[Router]:
    """The routers, detached from any earlier dispatcher so that each new one
    (tests, benchmarks, a restart in the same process) can include them."""
    for router in _ALL:
        parent = router.parent_router
        if parent is not None:
            parent.sub_routers.remove(router)
            router._parent_router = None
    return list(_ALL)

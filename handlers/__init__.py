"""Feature routers in a fixed order; the catch-all comes last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    calendar,
    escape,
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
from handlers.common import CommandAllowed, CommandAsTyped
from handlers.routing import Blueprint

FEATURES: list[Blueprint] = [
    # the commands sent most come first: no other router's filters to pass
    timelog.commands,
    tasks.commands,
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


def setup() -> Router:
    """A new tree of routers for one dispatcher: the root hands on every message in its typed
    form (see `CommandAsTyped`); the feature routers get only the commands the sender's role
    may use; the catch-all answers everything else."""
    root = Router(name=__name__)
    root.message.outer_middleware(CommandAsTyped())
    # One parent holds the permission filter, so a message is checked once rather than once per
    # feature router; a refused command skips them all and reaches the catch-all.
    features = Router(name="features")
    features.message.filter(CommandAllowed())
    features.include_routers(*(blueprint.build() for blueprint in FEATURES))
    # Leaving a dialog comes before the permission filter: every role may leave every dialog.
    root.include_routers(escape.router.build(), features, fallback.router.build())
    return root

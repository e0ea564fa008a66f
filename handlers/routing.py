"""Router factories that keep aiogram's decorator style.

A `Router` can belong to one parent only, so module-level routers shared by every dispatcher
(tests, benchmarks, a restart in the same process) had to be torn out of the previous one. A
`Blueprint` instead records the module's handlers at import, and `build()` registers them on a
fresh `Router` each time it is called:

    router = Blueprint(__name__)

    @router.message(Command("team"))
    async def cmd_team(...): ...

    handlers.setup() -> one new tree of routers per dispatcher
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiogram import Router

Handler = TypeVar("Handler", bound=Callable[..., Any])


@dataclass(frozen=True)
class _Registration:
    observer: str  # "message", "edited_message", "callback_query"
    callback: Callable[..., Any]
    filters: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class Blueprint:
    """The handlers of one feature module, and the blueprints it includes, in order."""

    name: str
    _registrations: list[_Registration] = field(default_factory=list)
    _children: list[Blueprint] = field(default_factory=list)

    def _recorder(self, observer: str) -> Callable[..., Callable[[Handler], Handler]]:
        def register(*filters: Any, **kwargs: Any) -> Callable[[Handler], Handler]:
            def decorator(callback: Handler) -> Handler:
                self._registrations.append(_Registration(observer, callback, filters, kwargs))
                return callback

            return decorator

        return register

    @property
    def message(self) -> Callable[..., Callable[[Handler], Handler]]:
        return self._recorder("message")

    @property
    def edited_message(self) -> Callable[..., Callable[[Handler], Handler]]:
        return self._recorder("edited_message")

    @property
    def callback_query(self) -> Callable[..., Callable[[Handler], Handler]]:
        return self._recorder("callback_query")

    def include_router(self, child: Blueprint) -> None:
        self._children.append(child)

    def include_routers(self, *children: Blueprint) -> None:
        self._children.extend(children)

    def build(self) -> Router:
        """A new Router with every recorded handler and a new router for each included
        blueprint; nothing is shared with routers built before."""
        router = Router(name=self.name)
        for reg in self._registrations:
            router.observers[reg.observer].register(reg.callback, *reg.filters, **reg.kwargs)
        for child in self._children:
            router.include_router(child.build())
        return router

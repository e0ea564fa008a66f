"""The bot as a separate process against the fake Bot API: the fixtures of the end-to-end
tests (`fake`, `start_bot`)."""

from tests.e2e.conftest import fake, start_bot  # noqa: F401

"""The one exception the business rules raise for bad input or a forbidden action.

`code` names a locale key (`err-<code>`); `fields` fill its placeholders. The update's
changes are rolled back and the person gets that text.
"""

from __future__ import annotations


class DomainError(Exception):
    def __init__(self, code: str, **fields: object) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields

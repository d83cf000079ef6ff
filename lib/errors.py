"""The base of every domain error: a message for people, a `code` for code and tests."""


class DomainError(Exception):
    """An action the domain refuses; `code` says which (tests assert on it)."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code

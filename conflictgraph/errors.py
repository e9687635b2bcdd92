"""Every error the library raises. Each message says what went wrong and what to do next."""

from __future__ import annotations


class ConflictGraphError(Exception):
    """Base class; the CLI turns these into a clean message and exit status."""

    status: int = 500


class ConfigError(ConflictGraphError):
    status = 400


class IngestError(ConflictGraphError):
    """A source file could not become a Document; the batch goes on."""

    status = 400

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class KnowledgeError(ConflictGraphError):
    """Shipped knowledge data is missing or malformed."""


class ExtractError(ConflictGraphError):
    """The NLP pipeline could not be built or run."""


class StoreError(ConflictGraphError):
    """The database could not be opened, migrated or written."""


class NotFound(ConflictGraphError):
    status = 404


class EvalError(ConflictGraphError):
    """An evaluation data set is missing or has an unexpected shape."""

    status = 400

"""Schema versions. Each migration is a function run once, in order, inside a transaction.

Version 1 creates every table of ``schema``. Later versions append functions
here; ``meta.schema_version`` records the last one applied.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, insert, select, update

from conflictgraph.errors import StoreError
from conflictgraph.store import schema


def _v1_create_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1_create_tables,)
LATEST = len(MIGRATIONS)


def current_version(connection: Connection) -> int:
    if not connection.dialect.has_table(connection, "meta"):
        return 0
    value = connection.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
    return int(value or 0)


def migrate(connection: Connection) -> int:
    """Bring the database to the latest schema; returns the version reached."""
    version = current_version(connection)
    if version > LATEST:
        raise StoreError(f"The database has schema version {version}, newer than this conflictgraph ({LATEST}); upgrade conflictgraph.")
    for number in range(version + 1, LATEST + 1):
        MIGRATIONS[number - 1](connection)
        _set_version(connection, number)
    return LATEST


def _set_version(connection: Connection, number: int) -> None:
    table = schema.meta
    if connection.execute(select(table.c.key).where(table.c.key == "schema_version")).first():
        connection.execute(update(table).where(table.c.key == "schema_version").values(value=str(number)))
    else:
        connection.execute(insert(table).values(key="schema_version", value=str(number)))

"""CSV exports: actors (one row per actor) and events (ACLED-like and GTD-like columns)."""

from __future__ import annotations

import csv
import io

from conflictgraph.errors import ConfigError
from conflictgraph.query.views import event_views, names_by_id
from conflictgraph.store import Store

ACTOR_COLUMNS = ("id", "name", "kind", "country", "parent", "mention_count", "document_count", "aliases", "external_ids")


def actors_csv(store: Store) -> str:
    rows = store.actor_rows()
    aliases = store.aliases_of([row["id"] for row in rows])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACTOR_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({
            "id": row["id"], "name": row["name"], "kind": row["kind"], "country": row["country"] or "",
            "parent": row["parent_id"] or "", "mention_count": row["mention_count"], "document_count": row["document_count"],
            "aliases": "; ".join(sorted({a["alias"] for a in aliases[row["id"]]} - {row["name"]})),
            "external_ids": "; ".join(f"{k}={v}" for k, v in sorted((row["external_ids"] or {}).items())),
        })
    return out.getvalue()


def events_csv(store: Store) -> str:
    try:
        from conflictgraph.export.mappings import event_csv_row
    except ImportError as e:
        raise ConfigError("The events CSV needs conflictgraph.export.mappings, which is missing from this install.") from e
    names = names_by_id(store)
    kinds = {row["id"]: row["kind"] for row in store.actor_rows()}
    rows = [event_csv_row(view, actor_names=names, actor_kinds=kinds) for view in event_views(store, names=names)]
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def export_csv(store: Store, what: str = "actors") -> str:
    if what == "actors":
        return actors_csv(store)
    if what == "events":
        return events_csv(store)
    raise ConfigError(f"Cannot export {what!r} as CSV; choose actors or events.")

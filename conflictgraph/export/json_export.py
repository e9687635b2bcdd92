"""The JSON export (``format: conflictgraph/1``), valid against shared/contract/export.schema.json."""

from __future__ import annotations

from conflictgraph.query.views import event_views, names_by_id, payload_views, relation_views
from conflictgraph.store import Store

FORMAT = "conflictgraph/1"
_EVENT_FIELDS = ("id", "type", "subtype", "date", "location", "perpetrators", "targets", "claimed_by", "killed",
                 "wounded", "suicide", "sources", "reports", "certainty", "attributed_to", "evidence")
_CLAIM_FIELDS = ("id", "certainty", "attributed_to", "evidence", "text", "subject", "quantity", "place")
_MOVEMENT_FIELDS = ("id", "certainty", "attributed_to", "evidence", "who", "who_text", "origin", "destination", "via", "count", "date")


def _documents(store: Store) -> list[dict]:
    keys = ("id", "title", "author", "site", "url", "published", "source_path", "chars")
    return [{k: row[k] for k in keys} for row in store.document_rows()]


def _actors(store: Store) -> list[dict]:
    rows = store.actor_rows()
    aliases = store.aliases_of([row["id"] for row in rows])
    return [{
        "id": row["id"], "name": row["name"], "kind": row["kind"],
        "aliases": sorted({a["alias"] for a in aliases[row["id"]]} - {row["name"]}),
        "country": row["country"], "external_ids": row["external_ids"] or {},
        "mention_count": row["mention_count"], "parent": row["parent_id"], "role": row["role"],
    } for row in rows]


def _relations(store: Store, names: dict[str, str]) -> list[dict]:
    return [{
        "id": r["id"], "type": r["type"], "source": r["source_id"], "target": r["target_id"], "certainty": r["certainty"],
        "attributed_to": r["attributed_to"], "start": r["start"], "end": r["end"], "evidence": r["evidence"],
    } for r in relation_views(store, names=names) if r["evidence"]]


def _pick(view: dict, keys: tuple[str, ...]) -> dict:
    return {k: view.get(k) for k in keys}


def export_json(store: Store) -> dict:
    """The whole graph as one JSON-ready object."""
    names = names_by_id(store)
    events = [_pick(v, _EVENT_FIELDS) for v in event_views(store, names=names) if v["evidence"]]
    for event in events:
        for key in ("perpetrators", "targets", "claimed_by", "sources"):
            event[key] = list(event.get(key) or [])
    return {
        "format": FORMAT,
        "documents": _documents(store),
        "actors": _actors(store),
        "relations": _relations(store, names),
        "events": events,
        "claims": [_pick(v, _CLAIM_FIELDS) for v in payload_views(store, "claims", names=names) if v["evidence"]],
        "movements": [{**_pick(v, _MOVEMENT_FIELDS), "via": list(v.get("via") or [])} for v in payload_views(store, "movements", names=names) if v["evidence"]],
    }

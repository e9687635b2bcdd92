"""Read the store into the shapes the CLI, the API and the exports show.

One query API: every reader (cli, export, serve) goes through these functions.
"""

from __future__ import annotations

from conflictgraph.errors import NotFound
from conflictgraph.store import Store


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding [start, end): from the previous sentence end to the next."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + (1 if text[left] == "\n" else 2)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = text[left:right].strip()
    return sentence if len(sentence) <= limit else sentence[:limit].rstrip() + "…"


def resolve_actor_name(store: Store, name: str) -> str:
    """The id of the one actor called ``name``; NotFound with suggestions otherwise."""
    ids = store.find_actor_ids(name)
    if not ids:
        raise NotFound(f"No actor called {name!r}. List actors with `conflictgraph actors` (any alias works).")
    return ids[0]


def actor_detail(store: Store, name: str) -> dict:
    """Everything about one actor: names, kind, mentions, documents, sentences, facts."""
    actor_id = resolve_actor_name(store, name)
    actor = store.actor(actor_id) or {}
    mentions = store.mentions_of(actor_id)
    documents: dict[str, dict] = {}
    for mention in mentions:
        doc = documents.setdefault(mention["document_id"], {"id": mention["document_id"], "title": mention["title"], "sentences": []})
        sentence = sentence_around(mention["document_text"], mention["start"], mention["end"])
        if sentence not in doc["sentences"]:
            doc["sentences"].append(sentence)
    names = names_by_id(store)
    return {
        **{k: actor.get(k) for k in ("id", "name", "kind", "country", "parent_id", "role", "external_ids", "origin")},
        "aliases": store.aliases_of([actor_id])[actor_id],
        "mention_count": len(mentions),
        "documents": list(documents.values()),
        "relations": relation_views(store, actor_id=actor_id, names=names),
        "events": event_views(store, actor_id=actor_id, names=names),
        "claims": payload_views(store, "claims", actor_id, names),
        "movements": payload_views(store, "movements", actor_id, names),
    }


def names_by_id(store: Store) -> dict[str, str]:
    return {row["id"]: row["name"] for row in store.actor_rows()}


def relation_views(store: Store, actor_id: str | None = None, type: str | None = None, certainty: str | None = None,
                   names: dict[str, str] | None = None) -> list[dict]:
    names = names if names is not None else names_by_id(store)
    rows = store.relation_rows(actor_id=actor_id, type=type, certainty=certainty)
    evidence = store.evidence_for([row["id"] for row in rows])
    return [{**row, "source_name": names.get(row["source_id"], row["source_id"]),
             "target_name": names.get(row["target_id"], row["target_id"]),
             "attributed_name": names.get(row["attributed_to"]) if row["attributed_to"] else None,
             "evidence": evidence[row["id"]]} for row in rows]


def event_views(store: Store, names: dict[str, str] | None = None, **filters: str | None) -> list[dict]:
    """Events with their evidence (all reports') and actor names."""
    names = names if names is not None else names_by_id(store)
    rows = store.event_rows(**filters)
    reports = store.event_report_rows()
    by_event: dict[str, list[str]] = {}
    # An event holds at most one report per document (the store never merges two of one document).
    report_of: dict[tuple[str, str], dict] = {}
    for report in reports:
        by_event.setdefault(report["event_id"], []).append(report["id"])
        report_of[(report["event_id"], report["document_id"])] = report
    evidence = store.evidence_for([r["id"] for r in reports])
    views = []
    for row in rows:
        payload = dict(row["payload"])
        payload["id"] = row["id"]
        payload["evidence"] = [e for rid in by_event.get(row["id"], []) for e in evidence[rid]]
        payload["report_ids"] = by_event.get(row["id"], [])
        # The analyst sees which report to `unmerge-event` and why it was merged.
        for source in payload.get("reports") or []:
            stored = report_of.get((row["id"], source.get("document")), {})
            source["id"], source["merge_reason"] = stored.get("id"), stored.get("reason")
        payload["actor_names"] = {a: names.get(a, a) for f in ("perpetrators", "targets", "claimed_by", "denied_by") for a in payload.get(f) or []}
        views.append(payload)
    # Chronological, undated last: an analyst reads a timeline; "?" rows first hid the dated ones.
    views.sort(key=lambda view: (view.get("date") is None, view.get("date") or "", view["id"]))
    return views


def payload_views(store: Store, kind: str, actor_id: str | None = None, names: dict[str, str] | None = None) -> list[dict]:
    names = names if names is not None else names_by_id(store)
    rows = store.fact_rows(kind, actor_id=actor_id)
    evidence = store.evidence_for([row["id"] for row in rows])
    views = []
    for row in rows:
        payload = dict(row["payload"])
        payload.update(id=row["id"], document=row["document_id"], evidence=[{**e} for e in evidence[row["id"]]])
        payload["attributed_name"] = names.get(payload.get("attributed_to") or "", None)
        views.append(payload)
    return views


def summary(store: Store, top: int = 10) -> dict:
    return {"counts": store.counts(), "actors_by_kind": store.actors_by_kind(), "top_actors": store.actor_rows(limit=top)}

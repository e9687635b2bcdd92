"""Writing one document's actors, mentions and facts inside its transaction."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, update

from conflictgraph.knowledge.actors import KnowledgeBase
from conflictgraph.knowledge.names import norm
from conflictgraph.models import SYMMETRIC_RELATIONS, ActorInfo, Bounds, Document, Event, Evidence, Findings, Mention
from conflictgraph.resolve.actors import Resolution, actor_id_for_key, resolve_actor
from conflictgraph.resolve.events import toll_range
from conflictgraph.serialize import event_from_dict, to_dict
from conflictgraph.store import schema as t

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

EVENT_WINDOW_DAYS = 7  # block merge candidates by date: reports of one attack rarely differ by more than a week
_ACTOR_FIELDS = ("perpetrators", "targets", "claimed_by", "denied_by")
# built once: SQLAlchemy then reuses the compiled statement instead of rebuilding it per event
_SAME_EVENT_CANDIDATES = select(t.events).where(
    t.events.c.type == bindparam("type"),
    or_(and_(t.events.c.date >= bindparam("low"), t.events.c.date <= bindparam("high")), t.events.c.date == bindparam("month")))


def fact_id(prefix: str, *parts: object) -> str:
    digest = hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _date_window(value: str | None) -> tuple[str, str] | None:
    """Days around a date of day or month precision ("2024-07": all of July); a year is too coarse to block on."""
    if not value or len(value) < 7:
        return None
    try:
        first = date.fromisoformat(value[:10] if len(value) >= 10 else f"{value[:7]}-01")
    except ValueError:
        return None
    last = first if len(value) >= 10 else (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return (first - timedelta(days=EVENT_WINDOW_DAYS)).isoformat(), (last + timedelta(days=EVENT_WINDOW_DAYS)).isoformat()


class FactWriter:
    """Resolves actor keys to ids and writes rows for one document."""

    def __init__(self, connection: Connection, kb: KnowledgeBase, document: Document | None) -> None:
        self.connection = connection
        self.kb = kb
        self.document = document
        self.ids: dict[str, str] = {}
        self.known_ids: set[str] = set()
        self.aliases_of: dict[str, set[str]] = {}

    # --- actors and mentions -----------------------------------------------------
    def _existing_by_norm(self, norms: list[str]) -> dict[str, str]:
        rows = self.connection.execute(select(t.aliases.c.norm, t.aliases.c.actor_id).where(t.aliases.c.norm.in_(norms)))
        found: dict[str, str] = {}
        for value, actor_id in rows:
            found.setdefault(value, actor_id)
        return found

    def _known(self, actor_id: str) -> bool:
        if actor_id in self.known_ids:
            return True
        found = self.connection.execute(select(t.actors.c.id).where(t.actors.c.id == actor_id)).first() is not None
        if found:
            self.known_ids.add(actor_id)
        return found

    def _prefetch(self, actor_ids: list[str]) -> None:
        """Which of the document's own actor ids exist, and their aliases: two queries instead of two per actor."""
        if not actor_ids:
            return
        self.known_ids.update(self.connection.execute(select(t.actors.c.id).where(t.actors.c.id.in_(actor_ids))).scalars())
        for actor_id in actor_ids:
            self.aliases_of[actor_id] = set()
        rows = self.connection.execute(select(t.aliases.c.actor_id, t.aliases.c.alias).where(t.aliases.c.actor_id.in_(actor_ids)))
        for actor_id, alias in rows:
            self.aliases_of[actor_id].add(alias)

    def write_actors(self, infos: tuple[ActorInfo, ...]) -> int:
        new = 0
        self._prefetch(sorted({actor_id_for_key(info.key) for info in infos}))
        for info in infos:
            resolution = resolve_actor(info, self._existing_by_norm, self._known)
            self.ids[info.key] = resolution.actor_id
            if resolution.is_new:
                self._insert_actor(info, resolution)
                new += 1
            elif resolution.reason:
                self.connection.execute(insert(t.actor_merges).values(
                    actor_id=resolution.actor_id, key=info.key, document_id=self.document.id, reason=resolution.reason, undone=0))
            self._add_aliases(resolution.actor_id, [(alias, "seen in text") for alias in info.aliases])
        return new

    def _insert_actor(self, info: ActorInfo, resolution: Resolution) -> None:
        entry = self.kb.get(info.key) if info.key.startswith("kb:") else None
        role = entry.roles[0].get("title") if entry and entry.roles else None
        self.known_ids.add(resolution.actor_id)
        self.connection.execute(insert(t.actors).values(
            id=resolution.actor_id, key=info.key, name=info.name, kind=info.kind, country=info.country,
            parent_id=entry.parent if entry else None, role=role, external_ids=info.external_ids,
            origin="knowledge base" if entry else "text",
        ))
        if entry:
            self._add_aliases(resolution.actor_id, [(name, entry.alias_source(name)) for name in entry.names()])

    def _add_aliases(self, actor_id: str, names: list[tuple[str, str]]) -> None:
        have = self.aliases_of.get(actor_id)
        if have is None:
            have = self.aliases_of[actor_id] = set(
                self.connection.execute(select(t.aliases.c.alias).where(t.aliases.c.actor_id == actor_id)).scalars())
        rows = [{"actor_id": actor_id, "alias": name, "norm": norm(name), "source": source}
                for name, source in dict(names).items() if name not in have and norm(name)]
        if rows:
            self.connection.execute(insert(t.aliases), rows)
            have.update(row["alias"] for row in rows)

    def write_mentions(self, mentions: tuple[Mention, ...]) -> int:
        rows = [{"document_id": self.document.id, "actor_id": self.ids[m.actor_key], "start": m.start, "end": m.end,
                 "text": m.text, "source": m.source, "role": m.role} for m in mentions if m.actor_key in self.ids]
        if rows:
            self.connection.execute(insert(t.mentions), rows)
        return len(rows)

    def actor_id(self, key: str | None) -> str | None:
        if key is None:
            return None
        return self.ids.get(key) or (key[3:] if key.startswith("kb:") else None)

    # --- facts ---------------------------------------------------------------------
    # The document is new inside this transaction, so rows keyed by it can only repeat
    # within its own findings: those are de-duplicated in memory and written in bulk.
    def write_facts(self, findings: Findings) -> None:
        self.evidence_rows: dict[tuple, dict] = {}
        self.seen: set[str] = set()
        for relation in findings.relations:
            self._write_relation(relation)
        self._write_events(findings.events)
        self.fact_rows: list[dict] = []
        for claim in findings.claims:
            self._write_payload_fact(t.claims, "c", claim, subject=self.actor_id(claim.subject))
        self._flush_fact_rows(t.claims)
        for movement in findings.movements:
            self._write_payload_fact(t.movements, "m", movement, who=self.actor_id(movement.who))
        self._flush_fact_rows(t.movements)
        if self.evidence_rows:
            self.connection.execute(insert(t.evidence), list(self.evidence_rows.values()))

    def _write_evidence(self, fact: str, evidence: tuple[Evidence, ...]) -> None:
        for e in evidence:
            if e.text:
                self.evidence_rows.setdefault((fact, e.start, e.end), {
                    "fact_id": fact, "document_id": self.document.id, "start": e.start, "end": e.end, "text": e.text})

    def _write_relation(self, relation) -> None:  # noqa: ANN001 - models.Relation
        source, target = self.actor_id(relation.source), self.actor_id(relation.target)
        if not source or not target or source == target:
            return
        if relation.type in SYMMETRIC_RELATIONS:
            source, target = sorted((source, target))
        attributed = self.actor_id(relation.attributed_to)
        rid = fact_id("r", relation.type, source, target, relation.certainty, attributed)
        if rid not in self.seen and not self.connection.execute(select(t.relations.c.id).where(t.relations.c.id == rid)).first():
            self.connection.execute(insert(t.relations).values(
                id=rid, type=relation.type, source_id=source, target_id=target, certainty=relation.certainty,
                attributed_to=attributed, start=relation.start, end=relation.end, extractor=relation.extractor))
        self.seen.add(rid)
        self._write_evidence(rid, relation.evidence)

    def _write_payload_fact(self, table, prefix: str, fact, **columns: str | None) -> None:  # noqa: ANN001
        payload = to_dict(fact)
        payload["attributed_to"] = self.actor_id(fact.attributed_to)
        payload.update(columns)
        first = fact.evidence[0]
        fid = fact_id(prefix, self.document.id, first.start, first.end, payload.get("text") or payload.get("who_text"))
        if fid in self.seen:
            return
        self.seen.add(fid)
        self.fact_rows.append(dict(id=fid, document_id=self.document.id, certainty=fact.certainty,
                                   attributed_to=payload["attributed_to"], payload=payload, **columns))
        self._write_evidence(fid, fact.evidence)

    def _flush_fact_rows(self, table) -> None:  # noqa: ANN001 - a schema Table
        """One bulk insert per table, rows in the order they were found."""
        if self.fact_rows:
            self.connection.execute(insert(table), self.fact_rows)
        self.fact_rows = []

    # --- events and cross-document merging ----------------------------------------
    def _event_with_ids(self, event: Event) -> Event:
        mapped = {name: tuple(i for i in (self.actor_id(k) for k in getattr(event, name)) if i) for name in _ACTOR_FIELDS}
        return replace(event, attributed_to=self.actor_id(event.attributed_to), **mapped)

    def _write_events(self, events: tuple[Event, ...]) -> None:
        """Each report joins an event of another document or starts its own; events are rebuilt once at the end."""
        reports: list[dict] = []
        merged: set[str] = set()
        for event in events:
            event = self._event_with_ids(event)
            first = event.evidence[0]
            report_id = fact_id("er", self.document.id, first.start, first.end, event.type)
            if report_id in self.seen:
                continue
            self.seen.add(report_id)
            match = self._find_same_event(event)
            payload = {**to_dict(event), "document": self.document.id}
            event_id, reason = match if match else (fact_id("e", report_id), None)
            reports.append({"id": report_id, "event_id": event_id, "document_id": self.document.id, "payload": payload, "reason": reason})
            if match:
                merged.add(event_id)
            self._write_evidence(report_id, event.evidence)
        if not reports:
            return
        self.connection.execute(insert(t.event_reports), reports)
        self._insert_events([(r["event_id"], [r["payload"]]) for r in reports if r["event_id"] not in merged])
        for event_id in merged:
            self.refresh_event(event_id)

    def _find_same_event(self, event: Event) -> tuple[str, str] | None:
        try:
            from conflictgraph.resolve.events import match_reason
        except ImportError:
            return None
        window = _date_window(event.date)
        if window is None:
            return None  # without a day or a month we cannot block candidates safely; keep the report on its own
        bounds = {"type": event.type, "low": window[0], "high": window[1], "month": (event.date or "")[:7]}
        for row in self.connection.execute(_SAME_EVENT_CANDIDATES, bounds):
            existing = event_from_dict(row.payload)
            reason = match_reason(event, existing)
            if reason and self.document.id not in row.payload.get("sources", []):
                return row.id, reason
        return None

    def refresh_event(self, event_id: str) -> None:
        """Recompute an event from its reports: sources, toll range, actors."""
        reports = [r.payload for r in self.connection.execute(
            select(t.event_reports.c.payload).where(t.event_reports.c.event_id == event_id).order_by(t.event_reports.c.id))]
        self.connection.execute(delete(t.events).where(t.events.c.id == event_id))
        self.connection.execute(delete(t.event_actors).where(t.event_actors.c.event_id == event_id))
        if reports:
            self._insert_event(event_id, reports)

    def _insert_event(self, event_id: str, reports: list[dict]) -> None:
        self._insert_events([(event_id, reports)])

    def _insert_events(self, items: list[tuple[str, list[dict]]]) -> None:
        """Events from their reports, in bulk: all event rows, then all their actors, each in the given order."""
        events: list[dict] = []
        actors: list[dict] = []
        for event_id, reports in items:
            summary = summarize_reports(reports)
            location = summary.get("location") or {}
            events.append({"id": event_id, "type": summary["type"], "subtype": summary.get("subtype"), "date": summary.get("date"),
                           "country": location.get("country"), "payload": summary})
            roles = {(actor, field) for field in _ACTOR_FIELDS for actor in summary.get(field, [])}
            actors.extend({"event_id": event_id, "actor_id": a, "role": r} for a, r in sorted(roles))
        if events:
            self.connection.execute(insert(t.events), events)
        if actors:
            self.connection.execute(insert(t.event_actors), actors)

    def split_report(self, report_id: str) -> str:
        row = self.connection.execute(select(t.event_reports).where(t.event_reports.c.id == report_id)).first()
        if row is None:
            from conflictgraph.errors import NotFound
            raise NotFound(f"No event report {report_id!r}; list reports with `conflictgraph events --reports`.")
        new_id = fact_id("e", report_id)
        self.connection.execute(update(t.event_reports).where(t.event_reports.c.id == report_id).values(event_id=new_id, reason=None))
        self.refresh_event(row.event_id)
        self.refresh_event(new_id)
        return new_id


def _bounds_range(values: list[dict | None]) -> dict | None:
    present = [Bounds(v.get("min"), v.get("max")) for v in values if v]
    if not present:
        return None
    toll = toll_range(present)
    return {"min": toll.min, "max": toll.max}


def summarize_reports(reports: list[dict]) -> dict:
    """One event from its reports: the first report's fields, every source, the range of tolls."""
    first = reports[0]
    summary = {k: v for k, v in first.items() if k != "document"}
    summary["sources"] = list(dict.fromkeys(r["document"] for r in reports))
    for field in _ACTOR_FIELDS:
        summary[field] = list(dict.fromkeys(a for r in reports for a in r.get(field) or []))
    summary["killed"] = _bounds_range([r.get("killed") for r in reports])
    summary["wounded"] = _bounds_range([r.get("wounded") for r in reports])
    summary["reports"] = [{"document": r["document"], "killed": r.get("killed"), "wounded": r.get("wounded"),
                           "certainty": r.get("certainty"), "date": r.get("date")} for r in reports]
    for field in ("date", "location", "subtype", "suicide"):
        summary[field] = next((r.get(field) for r in reports if r.get(field) is not None), None)
    return summary

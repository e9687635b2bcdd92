"""Records to JSON-ready dicts and back (for the store's JSON columns and worker pipes)."""

from __future__ import annotations

from dataclasses import asdict, fields, is_dataclass
from typing import Any

from conflictgraph.models import Bounds, Event, Evidence, Place


def to_dict(record: Any) -> dict:
    if not is_dataclass(record):
        raise TypeError(f"{record!r} is not a record")
    return asdict(record)


def _place(raw: dict | None) -> Place | None:
    return Place(**{k: raw.get(k) for k in (f.name for f in fields(Place))}) if raw else None


def _bounds(raw: dict | None) -> Bounds | None:
    return Bounds(raw.get("min"), raw.get("max")) if raw else None


def _evidence(raw: list | None) -> tuple[Evidence, ...]:
    return tuple(Evidence(e["start"], e["end"], e["text"]) for e in raw or ())


def event_from_dict(raw: dict) -> Event:
    """Inverse of ``to_dict`` for events; unknown keys are ignored."""
    known = {f.name for f in fields(Event)}
    values = {k: v for k, v in raw.items() if k in known}
    values["evidence"] = _evidence(raw.get("evidence"))
    values["location"] = _place(raw.get("location"))
    values["killed"] = _bounds(raw.get("killed"))
    values["wounded"] = _bounds(raw.get("wounded"))
    for key in ("perpetrators", "targets", "claimed_by", "denied_by"):
        values[key] = tuple(raw.get(key) or ())
    return Event(**values)



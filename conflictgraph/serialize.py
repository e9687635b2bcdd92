"""Records to JSON-ready dicts and back (for the store's JSON columns and worker pipes)."""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass

from conflictgraph.models import Bounds, Event, Evidence, Place

_PLAIN = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def to_dict(record: object) -> dict:
    """``dataclasses.asdict`` without its deep copy of every str and number (a third of the write time)."""
    if not is_dataclass(record):
        raise TypeError(f"{record!r} is not a record")
    return _plain(record)


def _plain(value: object) -> object:
    if isinstance(value, _PLAIN):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES.get(type(value))
        if names is None:
            names = _FIELD_NAMES[type(value)] = tuple(f.name for f in fields(value))
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)) and type(value) in (list, tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict) and type(value) is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)  # anything else: as asdict does


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



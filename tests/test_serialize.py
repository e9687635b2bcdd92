"""Records to dicts and back: the store's JSON payloads."""

from __future__ import annotations

from dataclasses import asdict

from conflictgraph.models import Bounds, Event, Evidence, Place
from conflictgraph.serialize import event_from_dict, to_dict


def _event() -> Event:
    return Event(
        type="attack", certainty="reported", evidence=(Evidence(0, 9, "A bomb hit"),), subtype="bombing",
        date="2024-05", location=Place(name="Djibo", admin1=None, country="BF", lat=14.1, lon=-1.6,
                                       precision="city", geonames_id=2361177),
        perpetrators=("kb:jnim",), killed=Bounds(30, None),
        details={"breakdown": {"killed": [{"min": 30.0, "unit": "soldier"}]}, "links": [("kb:jnim", "claimed")]})


def test_to_dict_equals_asdict_and_reads_back() -> None:
    event = _event()
    assert to_dict(event) == asdict(event)
    assert event_from_dict(to_dict(event)) == event


def test_to_dict_copies_containers_not_shares_them() -> None:
    event = _event()
    payload = to_dict(event)
    payload["details"]["breakdown"]["killed"].append({"min": 1.0})
    assert len(event.details["breakdown"]["killed"]) == 1

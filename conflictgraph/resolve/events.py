"""Is an event from one document the same as an event already stored? (issue 3)

``match_reason(new, existing)`` returns a human-readable reason when two events
are the same, else ``None``. The store calls it only on candidates blocked by
type, country and date window, so it compares two events and nothing more.
Rules, all required:

- same ``type``; subtypes equal, or one of them unknown, or both in one
  compatible group (bombing ~ suicide_bombing; airstrike ~ drone_strike ~
  shelling when one side is unsure of the weapon);
- dates within ``MAX_DAYS`` (2) days, compared at the coarser precision; an
  event with no date matches only when both share a place *and* a perpetrator,
  and one dated only to the month only when both share a town *and* a perpetrator;
- same place: same GeoNames id or name (accents and case ignored), or both
  within ``MAX_KM`` (25 km) (a place the gazetteer lacks, kept at the point of
  the town the text puts it in, counts as that town), or one's admin1/country contains the other when
  it is only known at that precision; events in different countries never match;
- actors: if both name perpetrators (stated, claimed or blamed), they share at
  least one; an event naming none does not block a match.

The reason names each test passed, e.g. ``"same type attack/bombing, dates
2024-03-02 and 2024-03-03 within 2 days, same place Djibo (BF), shared
perpetrator kb:jnim"``; the store keeps it with the merge so it can be shown
and undone. ``toll_range`` gives the range of differing tolls across sources.
"""

from __future__ import annotations

import datetime as dt
import logging
import math

from conflictgraph.knowledge.places import normalize
from conflictgraph.models import Bounds, Event, Place

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MAX_DAYS = 2
MAX_KM = 25.0
COMPATIBLE: tuple[frozenset[str], ...] = (
    frozenset({"bombing", "suicide_bombing"}),
    frozenset({"airstrike", "drone_strike", "shelling"}),
    frozenset({"armed_assault", "assassination"}),
)


def _subtypes_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return any(a in group and b in group for group in COMPATIBLE)


def _as_date(value: str) -> tuple[dt.date, int]:
    """First day of the period and its length in days (day 1, month 31, year 366)."""
    parts = value.split("-")
    if len(parts) == 3:
        return dt.date.fromisoformat(value), 1
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1), 31
    return dt.date(int(parts[0]), 1, 1), 366


def dates_close(a: str | None, b: str | None, max_days: int = MAX_DAYS) -> bool | None:
    """Within ``max_days`` (periods overlap counts as close); ``None`` when a date is missing."""
    if not a or not b:
        return None
    try:
        (start_a, len_a), (start_b, len_b) = _as_date(a), _as_date(b)
    except ValueError:
        return None
    end_a = start_a + dt.timedelta(days=len_a - 1)
    end_b = start_b + dt.timedelta(days=len_b - 1)
    gap = max((start_b - end_a).days, (start_a - end_b).days, 0)
    return gap <= max_days


def distance_km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_place(a: Place | None, b: Place | None) -> str | None:
    """Why two places are the same for matching purposes, or ``None``."""
    return _town(a, b) or _contained(a, b) if _comparable(a, b) else None


def same_town(a: Place | None, b: Place | None) -> str | None:
    """Why two places are one town (same id, same name, or a few km apart), or ``None``."""
    return _town(a, b) if _comparable(a, b) else None


def _comparable(a: Place | None, b: Place | None) -> bool:
    """Both known and not in two different countries (events in different countries never match)."""
    return a is not None and b is not None and not (a.country and b.country and a.country != b.country)


def _town(a: Place, b: Place) -> str | None:
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return f"same place {a.name} ({a.country})"
    if a.name and b.name and normalize(a.name) == normalize(b.name):
        return f"same place {a.name} ({a.country})"
    km = distance_km(a, b)
    fine = {"point", "city", "unknown"}  # an unlisted place with coordinates has its container town's point
    if km is not None and a.precision in fine and b.precision in fine and km <= MAX_KM:
        return f"places {a.name} and {b.name} {km:.0f} km apart"
    return None


def _contained(a: Place, b: Place) -> str | None:
    """Why one place lies in the other, known only at admin1 or country precision, or ``None``."""
    for coarse, fine_place in ((a, b), (b, a)):
        if coarse.precision == "admin1" and fine_place.admin1 and coarse.name and normalize(fine_place.admin1) == normalize(coarse.name):
            return f"{fine_place.name} lies in {coarse.name} ({coarse.country})"
        if coarse.precision == "country" and fine_place.country == coarse.country and coarse.country:
            return f"{fine_place.name} lies in {coarse.name}"
    return None


def _perpetrators(event: Event) -> set[str]:
    return set(event.perpetrators) | set(event.claimed_by)


def _month_only(a: str | None, b: str | None) -> bool:
    return any(value is not None and len(value) == 7 for value in (a, b))


def match_reason(new: Event, existing: Event) -> str | None:
    """Why ``new`` and ``existing`` are one event (see module docstring), or ``None``."""
    if new.type != existing.type or not _subtypes_agree(new.subtype, existing.subtype):
        return None
    place = same_place(new.location, existing.location)
    if place is None:
        return None
    close = dates_close(new.date, existing.date)
    if close is False:
        return None
    perps_new, perps_old = _perpetrators(new), _perpetrators(existing)
    shared = perps_new & perps_old
    if perps_new and perps_old and not shared:
        return None
    if close is None and not shared:
        return None
    if _month_only(new.date, existing.date) and not (shared and same_town(new.location, existing.location)):
        return None  # a month is a long window: the same town and the same doer must say it is one event
    subtype = new.subtype or existing.subtype
    parts = [f"same type {new.type}" + (f"/{subtype}" if subtype else "")]
    if close:
        parts.append(f"dates {existing.date} and {new.date} within {MAX_DAYS} days")
    else:
        parts.append("no date on one side")
    parts.append(place)
    if shared:
        parts.append("shared perpetrator " + ", ".join(sorted(shared)))
    return ", ".join(parts)


def toll_range(tolls: list[Bounds | None]) -> Bounds:
    """Range over the sources' tolls: the lowest lower bound and the highest upper bound.

    ``max`` is ``None`` when any source gives only a lower bound ("at least 30"); a source
    giving only an upper bound ("up to 30") widens the upper end but sets no lower one.
    """
    known = [b for b in tolls if b is not None and (b.min is not None or b.max is not None)]
    if not known:
        return Bounds()
    mins = [b.min for b in known if b.min is not None]
    open_ended = any(b.min is not None and b.max is None for b in known)
    maxes = [b.max if b.max is not None else b.min for b in known]
    upper = None if open_ended else max((m for m in maxes if m is not None), default=None)
    return Bounds(min(mins) if mins else None, upper)

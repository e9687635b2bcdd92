"""Our event types mapped to ACLED and GTD codes, and one CSV row per event (issue 3).

ACLED: event type and sub-event type from the ACLED Codebook (2023).
GTD: ``attacktype1_txt`` from the GTD Codebook (START, 2021); ``-`` where GTD
has no attack type (battles, arrests, agreements are outside its scope).

=====================  =============================  ==========================================  ==================================
ours                   ACLED event type               ACLED sub-event type                        GTD attack type
=====================  =============================  ==========================================  ==================================
attack/bombing         Explosions/Remote violence     Remote explosive/landmine/IED               Bombing/Explosion
attack/suicide_bombing Explosions/Remote violence     Suicide bomb                                Bombing/Explosion
attack/airstrike       Explosions/Remote violence     Air/drone strike                            Bombing/Explosion
attack/drone_strike    Explosions/Remote violence     Air/drone strike                            Bombing/Explosion
attack/shelling        Explosions/Remote violence     Shelling/artillery/missile attack           Bombing/Explosion
attack/armed_assault   Violence against civilians     Attack                                      Armed Assault
attack/assassination   Violence against civilians     Attack                                      Assassination
attack/kidnapping      Violence against civilians     Abduction/forced disappearance              Hostage Taking (Kidnapping)
attack/hijacking       Violence against civilians     Abduction/forced disappearance              Hijacking
attack/arson           Riots                          Violent demonstration                       Facility/Infrastructure Attack
attack/infrastructure  Strategic developments         Looting/property destruction                Facility/Infrastructure Attack
attack (no subtype)    Violence against civilians     Attack                                      Unknown
battle                 Battles                        Armed clash                                 -
takeover               Battles                        Non-state actor overtakes territory         -
                       (government side: Government regains territory)
withdrawal             Strategic developments         Non-violent transfer of territory           -
defeat                 Battles                        Armed clash                                 -
agreement              Strategic developments         Agreement                                   -
designation            Strategic developments         Other                                       -
arrest                 Strategic developments         Arrests                                     -
protest                Protests                       Peaceful protest                            -
statement              Strategic developments         Other                                       -
=====================  =============================  ==========================================  ==================================

Notes: ACLED codes an arson by a mob as a riot but an arson by an armed group as
"Violence against civilians / Attack" (or "Looting/property destruction"); we
pick by perpetrator kind when the row names one (armed group -> Violence
against civilians). An armed assault on a military target is a battle for
ACLED ("Armed clash"); we keep ACLED's default for attacks and leave the
distinction to the analyst. GTD ``suicide`` is our ``suicide`` flag.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_REMOTE = "Explosions/Remote violence"
_VAC = "Violence against civilians"
_STRATEGIC = "Strategic developments"

# (type, subtype) -> (ACLED event type, ACLED sub-event type, GTD attack type)
MAPPING: dict[tuple[str, str | None], tuple[str, str, str]] = {
    ("attack", "bombing"): (_REMOTE, "Remote explosive/landmine/IED", "Bombing/Explosion"),
    ("attack", "suicide_bombing"): (_REMOTE, "Suicide bomb", "Bombing/Explosion"),
    ("attack", "airstrike"): (_REMOTE, "Air/drone strike", "Bombing/Explosion"),
    ("attack", "drone_strike"): (_REMOTE, "Air/drone strike", "Bombing/Explosion"),
    ("attack", "shelling"): (_REMOTE, "Shelling/artillery/missile attack", "Bombing/Explosion"),
    ("attack", "armed_assault"): (_VAC, "Attack", "Armed Assault"),
    ("attack", "assassination"): (_VAC, "Attack", "Assassination"),
    ("attack", "kidnapping"): (_VAC, "Abduction/forced disappearance", "Hostage Taking (Kidnapping)"),
    ("attack", "hijacking"): (_VAC, "Abduction/forced disappearance", "Hijacking"),
    ("attack", "arson"): ("Riots", "Violent demonstration", "Facility/Infrastructure Attack"),
    ("attack", "infrastructure_attack"): (_STRATEGIC, "Looting/property destruction", "Facility/Infrastructure Attack"),
    ("attack", None): (_VAC, "Attack", "Unknown"),
    ("battle", None): ("Battles", "Armed clash", ""),
    ("takeover", None): ("Battles", "Non-state actor overtakes territory", ""),
    ("withdrawal", None): (_STRATEGIC, "Non-violent transfer of territory", ""),
    ("defeat", None): ("Battles", "Armed clash", ""),
    ("agreement", None): (_STRATEGIC, "Agreement", ""),
    ("designation", None): (_STRATEGIC, "Other", ""),
    ("arrest", None): (_STRATEGIC, "Arrests", ""),
    ("protest", None): ("Protests", "Peaceful protest", ""),
    ("statement", None): (_STRATEGIC, "Other", ""),
}
_STATE_KINDS = frozenset({"state", "government_body"})


def acled_gtd(event_type: str, subtype: str | None, perpetrator_kinds: tuple[str, ...] = ()) -> tuple[str, str, str]:
    """(ACLED event type, ACLED sub-event type, GTD attack type) for one of our types."""
    codes = MAPPING.get((event_type, subtype)) or MAPPING.get((event_type, None)) or (_STRATEGIC, "Other", "")
    if event_type == "takeover" and perpetrator_kinds and set(perpetrator_kinds) <= _STATE_KINDS:
        return ("Battles", "Government regains territory", "")
    if (event_type, subtype) == ("attack", "arson") and "armed_group" in perpetrator_kinds:
        return (_VAC, "Attack", codes[2])
    return codes


def _bound(bounds: dict | None, key: str) -> float | None:
    return (bounds or {}).get(key)


def _best(bounds: dict | None) -> float | str:
    """ACLED/GTD keep one number: the lower bound, else the upper bound, else blank."""
    low, high = _bound(bounds, "min"), _bound(bounds, "max")
    value = low if low is not None else high
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def _names(ids: list | tuple | None, actor_names: dict) -> str:
    return "; ".join(actor_names.get(i, str(i)) for i in ids or ())


# ACLED-like columns first, then GTD-like ones, then ours
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "year", "time_precision", "type", "subtype", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
    "fatalities_min", "fatalities_max", "iyear", "imonth", "iday", "attacktype1_txt", "suicide", "gname", "claimed",
    "claimed_by", "nkill", "nwound", "certainty", "sources", "notes",
)


def event_csv_row(event: dict, actor_names: dict | None = None, actor_kinds: dict | None = None) -> dict:
    """One CSV row with ACLED-like and GTD-like columns for a contract-shaped event dict."""
    names = actor_names or {}
    kinds = tuple((actor_kinds or {}).get(i, "") for i in event.get("perpetrators") or ())
    acled_type, acled_sub, gtd_type = acled_gtd(event.get("type", ""), event.get("subtype"), kinds)
    date = event.get("date") or ""
    evidence = event.get("evidence") or []
    row = {
        "event_id": event.get("id", ""),
        **_date_columns(date),
        "type": event.get("type", ""),
        "subtype": event.get("subtype") or "",
        "event_type": acled_type,
        "sub_event_type": acled_sub,
        "actor1": _names(event.get("perpetrators"), names),
        "actor2": _names(event.get("targets"), names),
        **_place_columns(event.get("location") or {}),
        **_toll_columns(event.get("killed"), event.get("wounded")),
        "attacktype1_txt": gtd_type,
        "suicide": {True: 1, False: 0}.get(event.get("suicide"), ""),
        "gname": _names(event.get("perpetrators"), names),
        "claimed": 1 if event.get("claimed_by") else 0,
        "claimed_by": _names(event.get("claimed_by"), names),
        "certainty": event.get("certainty", ""),
        "sources": "; ".join(str(s) for s in event.get("sources") or ()),
        "notes": " … ".join(e.get("text", "") for e in evidence)[:500],
    }
    return {column: row[column] for column in EVENT_COLUMNS}


def _date_columns(date: str) -> dict:
    return {
        "event_date": date,
        "year": date[:4],
        "time_precision": {10: 1, 7: 2, 4: 3}.get(len(date), ""),  # ACLED: 1 day, 2 week/month, 3 year
        "iyear": date[:4],
        "imonth": date[5:7] if len(date) >= 7 else "",
        "iday": date[8:10] if len(date) >= 10 else "",
    }


def _place_columns(place: dict) -> dict:
    return {
        "country": place.get("country") or "",
        "admin1": place.get("admin1") or "",
        "location": place.get("name") or "",
        "latitude": place.get("lat") if place.get("lat") is not None else "",
        "longitude": place.get("lon") if place.get("lon") is not None else "",
        "geo_precision": place.get("precision") or "",
    }


def _toll_columns(killed: dict | None, wounded: dict | None) -> dict:
    low, high = _bound(killed, "min"), _bound(killed, "max")
    return {
        "fatalities": _best(killed),
        "fatalities_min": low if low is not None else "",
        "fatalities_max": high if high is not None else "",
        "nkill": _best(killed),
        "nwound": _best(wounded),
    }

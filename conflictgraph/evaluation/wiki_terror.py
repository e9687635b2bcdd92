"""Per-field accuracy of event extraction on Wikipedia terrorist-incident rows (issue 3).

Data: ``wiki_terror_incidents/wikipedia_terrorist_incidents_1970_2019.csv``
(one incident per row: ``details`` text plus gold ``type``, ``dead``,
``injured``, ``location`` "City, Country", ``date`` and ``perpetrator``).

Method: every row (or the first ``limit`` rows, in file order) becomes a
document of its ``details`` text with footnote markers ``[12]`` removed. Its
published date is the row's **year only**: the rows come from the pages "List
of terrorist incidents in <year>", so the year is the page's own context, while
the day and month must come from the text ("on 3 June" -> that year's 3 June;
weekdays stay unresolved). The full
pipeline runs (actor mentions + ``conflict.EventRules.v1``); the row's event is
the first attack (else battle, else any) event; its killed and injured counts
are those of the first attack (else battle) event that reports a toll (a row is
one incident whose toll may stand in a sentence the extractor split off; see
``toll_event``). Each field is scored only on
rows where the text states the gold value:

- ``subtype``: rows whose gold type maps to our subtypes (bombing ->
  bombing/suicide_bombing and the other subtypes GTD files under
  "Bombing/Explosion" (airstrike, drone strike, shelling: rockets and mortars
  are projectile explosives in the GTD codebook; see ``export/mappings.py``), shooting/melee/stabbing/massacre -> armed_assault,
  arson, assassination, hijacking, hostage -> kidnapping/hijacking), on rows
  whose description is not empty;
- ``killed`` / ``injured``: gold > 0 and some number phrase of the text
  parses to that value; correct when the event's bounds equal or contain it;
- ``country``: the gold country or city name occurs in the text; correct when
  the event's place is in that country;
- ``city``: the gold city name occurs in the text; correct when the event's
  place (or its admin1) has that name;
- ``date``: the text names the gold day and month; correct when the event's
  date equals the gold date;
- ``perpetrator``: a gold perpetrator name ("(suspected)" dropped) occurs in
  the text as a name, i.e. with some capital letter (a gold "Militants" that the
  text only has as "militants" describes, not names, and is not counted); correct when a linked perpetrator or claimant has that name
  (mention text or knowledge-base key, compared after normalising).

Scores are accuracies (correct / counted); ``counts`` gives both numbers.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.extract.numbers import parse_count
from conflictgraph.knowledge.places import country_code, normalize
from conflictgraph.models import Bounds, Document, Event, Findings

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

FILE = "wikipedia_terrorist_incidents_1970_2019.csv"
GOLD_SUBTYPES: dict[str, frozenset[str]] = {
    # GTD "Bombing/Explosion" covers projectile explosives too (rockets, mortars, air-dropped bombs)
    "bombing": frozenset({"bombing", "suicide_bombing", "shelling", "airstrike", "drone_strike"}),
    "shooting": frozenset({"armed_assault"}),
    "melee": frozenset({"armed_assault"}),
    "stabbing": frozenset({"armed_assault"}),
    "massacre": frozenset({"armed_assault"}),
    "arson": frozenset({"arson"}),
    "assassination": frozenset({"assassination"}),
    "hijacking": frozenset({"hijacking"}),
    "hostage": frozenset({"kidnapping", "hijacking"}),
}
FIELDS = ("subtype", "killed", "injured", "country", "city", "date", "perpetrator")
_FOOTNOTE = re.compile(r"\[\d+\]|\[citation needed\]")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_NUMBERISH = re.compile(r"(?:\b(?:at least|more than|over|nearly|about|around|some|up to)\s+)?\b(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\b")


def load_rows(data_dir: Path, limit: int | None = None) -> list[dict]:
    path = data_dir / FILE
    if not path.exists():
        raise EvalError(f"{path} not found; point --data at the wiki_terror_incidents folder.")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def clean_text(details: str) -> str:
    return re.sub(r"\s+", " ", _FOOTNOTE.sub("", details)).strip()


def main_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    for wanted in ("attack", "battle"):
        for event in events:
            if event.type == wanted:
                return event
    return events[0] if events else None


def toll_event(events: tuple[Event, ...] | list[Event]) -> Event | None:
    """The event whose toll is the row's: a row tells of one incident, but its narrative may be split into
    several events ("Gunmen stormed a hotel. Two bombs then went off, killing five."), and the toll often
    stands in a later sentence. The first attack (else battle) event that reports any toll; without one,
    ``main_event``. The pick never looks at the gold values."""
    for wanted in ("attack", "battle"):
        for event in events:
            if event.type == wanted and (event.killed is not None or event.wounded is not None):
                return event
    return main_event(events)


def states_number(text: str, value: int) -> bool:
    """Does some number phrase of ``text`` parse to ``value``?"""
    for match in _NUMBERISH.finditer(text.lower()):
        bounds = parse_count(match.group(0))
        if bounds is not None and value in (bounds.min, bounds.max):
            return True
    return False


def bounds_match(bounds: Bounds | None, value: int) -> bool:
    if bounds is None:
        return False
    if value in (bounds.min, bounds.max):
        return True
    return bounds.min is not None and bounds.max is not None and bounds.min <= value <= bounds.max


def _norm_name(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name)
    return normalize(name).replace("the ", "").strip()


def gold_perpetrators(field: str) -> list[str]:
    parts = re.split(r";|/|\band\b|,", re.sub(r"\(suspected\)|\(alleged\)", "", field, flags=re.I))
    return [p.strip() for p in parts if p.strip() and p.strip().lower() not in ("unknown", "unknown perpetrators")]


def names_actor(text: str, gold: str) -> bool:
    """Does ``text`` name the gold perpetrator? Some occurrence must carry a capital letter: "Al-Shabaab",
    "al-Shabaab", "ISIL" name a group; "militants", "jihadists", "right-wing extremists" in lower case only
    describe the attackers, which no actor link can match."""
    pattern = re.compile(re.escape(gold), re.I)
    return any(any(ch.isupper() for ch in m.group(0)) for m in pattern.finditer(text))


def names_match(a: str, b: str) -> bool:
    x, y = _norm_name(a), _norm_name(b)
    if not x or not y:
        return False
    if x == y or (len(x) > 3 and x in y) or (len(y) > 3 and y in x):
        return True
    wx, wy = set(x.split()), set(y.split())
    return len(wx & wy) / max(len(wx | wy), 1) >= 0.5


def predicted_names(event: Event) -> list[str]:
    names: list[str] = []
    for link in event.details.get("links", []):
        if link["link"] in ("claimed", "stated", "blamed", "suspected", "context"):
            names.append(link["evidence"]["text"])
            names.append(link["actor"].split(":", 1)[-1].replace("-", " "))
    return names


def _date_stated(text: str, gold: str) -> bool:
    try:
        month = int(gold[5:7])
        day = int(gold[8:10])
    except ValueError:
        return False
    lower = text.lower()
    name = _MONTHS[month - 1]
    return bool(re.search(rf"\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{name[:3]}\w*|\b{name[:3]}\w*\.?\s+{day}\b", lower))


def _place_names(event: Event | None) -> list[str]:
    if event is None or event.location is None:
        return []
    surface = event.details.get("evidence", {}).get("location", {}).get("text")
    return [n for n in (event.location.name, event.location.admin1, surface) if n]


def score_row(row: dict, text: str, event: Event | None, tally: dict[str, list[int]],
              toll: Event | None = None) -> None:
    """Add this row's counted/correct marks to ``tally`` (field -> [counted, correct]); killed and injured
    are read from ``toll`` (the row's toll event) when given, else from ``event``."""
    toll = toll if toll is not None else event
    def mark(field: str, ok: bool) -> None:
        tally[field][0] += 1
        tally[field][1] += int(ok)

    gold_type = row["type"]
    if gold_type in GOLD_SUBTYPES and text:  # an empty description states no type
        mark("subtype", event is not None and event.subtype in GOLD_SUBTYPES[gold_type])
    for field, column, attr in (("killed", "dead", "killed"), ("injured", "injured", "wounded")):
        value = int(row[column] or 0)
        if value > 0 and states_number(text, value):
            mark(field, toll is not None and bounds_match(getattr(toll, attr), value))
    parts = [p.strip() for p in row["location"].split(",") if p.strip()]
    city = parts[0] if len(parts) > 1 else None
    gold_country = country_code(parts[-1]) if parts else None
    lower = text.lower()
    if gold_country and (parts[-1].lower() in lower or (city and city.lower() in lower)):
        mark("country", event is not None and event.location is not None and event.location.country == gold_country)
    if city and city.lower() in lower:
        mark("city", any(names_match(n, city) for n in _place_names(event)))
    if row["date"] and _date_stated(text, row["date"]):
        mark("date", event is not None and event.date == row["date"])
    golds = [g for g in gold_perpetrators(row["perpetrator"]) if names_actor(text, g)]
    if golds:
        names = predicted_names(event) if event is not None else []
        mark("perpetrator", any(names_match(n, g) for n in names for g in golds))


def page_year(row: dict) -> str | None:
    """The year of the list page a row comes from (its date's year), the only context besides the text."""
    year = (row.get("date") or "")[:4]
    return year if year.isdigit() else None


def _findings(rows: list[dict]) -> Iterator[tuple[dict, str, Findings]]:
    from conflictgraph.extract.pipeline import get_extractor

    documents = [Document(id=f"wiki-{i}", text=clean_text(row["details"]), published=page_year(row))
                 for i, row in enumerate(rows)]
    for row, document, findings in zip(rows, documents, get_extractor().extract_stream(documents, batch_size=64), strict=True):
        if isinstance(findings, Exception):
            logger.warning("row %s failed: %s", document.id, findings)
            continue
        yield row, document.text, findings


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    """Score every row (or the first ``limit``); see the module docstring for the method."""
    if data_dir is None:
        raise EvalError("wiki-terror needs --data pointing at the wiki_terror_incidents folder.")
    rows = load_rows(Path(data_dir), limit)
    tally: dict[str, list[int]] = {field: [0, 0] for field in FIELDS}
    for row, text, findings in _findings(rows):
        score_row(row, text, main_event(findings.events), tally, toll_event(findings.events))
    return {
        "dataset": "wiki_terror_incidents",
        "method": "per-field accuracy of the first attack event per row (tolls: the first attack event with a toll), counted only where the text states the gold value (see conflictgraph/evaluation/wiki_terror.py)",
        "scores": {field: round(correct / counted, 4) if counted else 0.0 for field, (counted, correct) in tally.items()},
        "counts": {"rows": len(rows), **{f"{field}_counted": counted for field, (counted, _) in tally.items()},
                   **{f"{field}_correct": correct for field, (_, correct) in tally.items()}},
    }

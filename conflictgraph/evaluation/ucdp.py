"""Country and coordinates from UCDP GED location descriptions and headlines (issue 3).

Data: ``ucdp_ged_sample/ucdp_ged_23_1_sample1000.csv`` (UCDP GED 23.1 sample).

Method, for every row with a ``where_description`` (or the first ``limit``):

1. The place picker (``conflictgraph.extract.events.location``, the event
   extractor's own) runs over the parsed headlines; its country (if any) is
   the hint for step 2. No gold country is given to the system.
2. The description is cut at commas and place prepositions, generic words
   ("village", "district", "15km northwest") are dropped, and each piece is
   geocoded with the hint; the most specific place wins. If none resolves,
   the picker runs over the parsed description, then the headline place is used.
3. Scores: ``country`` accuracy against the gold country (ISO alpha-2), and
   the share of rows within 50 km of the gold point, over all rows
   (``coords``) and over rows whose gold ``where_prec`` is 1-2
   (``coords_prec12``: a named village or town; 3+ are district, province or
   country centroids UCDP chose itself).

Gold countries are UCDP's Gleditsch-Ward state names: a former name in
brackets ("Yemen (North Yemen)", "DR Congo (Zaire)") or ", FYR" is dropped
before the ISO lookup (otherwise those rows could never be scored correct),
and events UCDP codes under "Israel" may lie in the Palestinian territories,
which GeoNames (and so the gazetteer) gives the code PS: both count.
"""

from __future__ import annotations

import csv
import logging
import re
from pathlib import Path

from conflictgraph.errors import EvalError
from conflictgraph.extract.events.location import pick_location
from conflictgraph.knowledge.places import country_code, geocode
from conflictgraph.models import Place
from conflictgraph.resolve.events import distance_km

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

FILE = "ucdp_ged_23_1_sample1000.csv"
MAX_KM = 50.0


def load_rows(data_dir: Path, limit: int | None = None) -> list[dict]:
    path = data_dir / FILE
    if not path.exists():
        raise EvalError(f"{path} not found; point --data at the ucdp_ged_sample folder.")
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("where_description", "").strip()]
    return rows[:limit] if limit else rows


_SPLIT = re.compile(r"[,;\t()]|\b(?:in|of|near|between|and|outside|at|from|to|towards|vicinity)\b", re.I)
_NOISE = re.compile(r"\b(?:the|a|an|village|villages|town|city|district|sub-district|province|provinces|area|areas|region|"
                    r"governorate|lga|territory|county|municipality|department|state|road|neighbourhood|neighborhood|"
                    r"rural|locality|camp|\d+\s*km|km|north|south|east|west|northern|southern|eastern|western|"
                    r"northeast|northwest|southeast|southwest|central)\b", re.I)
SPECIFIC = {"point": 5, "city": 4, "admin1": 3, "region": 2, "country": 1}


_FORMER_NAME = re.compile(r"\s*\(.*?\)|,\s*FYR$")
# UCDP files events in Gaza and the West Bank under Israel (Palestine is not a Gleditsch-Ward state).
_ALSO_ACCEPTED: dict[str, frozenset[str]] = {"IL": frozenset({"IL", "PS"})}


def gold_countries(name: str) -> frozenset[str]:
    """ISO codes that count as UCDP's country ``name`` (see the module docstring)."""
    iso = country_code(name) or country_code(_FORMER_NAME.sub("", name).strip())
    if iso is None:
        return frozenset()
    return _ALSO_ACCEPTED.get(iso, frozenset({iso}))


def _pick(doc) -> Place | None:
    sents = list(doc.sents)
    located = pick_location(sents, sents[0].root if sents else None)
    return located.place if located is not None else None


_ADMIN_KIND = re.compile(r"\b(province|governorate|state|region|department)\b", re.I)


def _admin_piece(piece: str, name: str, hint: str | None) -> Place | None:
    """"Zabol province" is the province, not a homonym city elsewhere: keep the kind word for the lookup."""
    kind = _ADMIN_KIND.search(piece)
    if kind is None:
        return None
    place = geocode(f"{name} {kind.group(1).lower()}", hint)
    return place if place is not None and place.precision == "admin1" else None


def _segments_place(description: str, hint: str | None) -> Place | None:
    """Geocode the pieces of a description ("Gobara, 15km Northwest of Gwoza, Gwoza LGA"); most specific wins."""
    best: Place | None = None
    for piece in _SPLIT.split(description):
        name = re.sub(r"\s+", " ", _NOISE.sub(" ", piece or "")).strip(" .-")
        if len(name) < 3:
            continue
        place = _admin_piece(piece, name, hint) or (geocode(name, hint) if hint else geocode(name))
        if place is not None and (best is None or SPECIFIC.get(place.precision or "", 0) > SPECIFIC.get(best.precision or "", 0)):
            best = place
    return best


def evaluate(data_dir: Path | None, limit: int | None = None) -> dict:
    """Score country and 50 km coordinate accuracy (see module docstring)."""
    from conflictgraph.extract.pipeline import load_nlp

    if data_dir is None:
        raise EvalError("ucdp needs --data pointing at the ucdp_ged_sample folder.")
    rows = load_rows(Path(data_dir), limit)
    nlp = load_nlp()
    descriptions = nlp.pipe((r["where_description"].replace("\t", ", ") for r in rows), batch_size=64)
    headlines = nlp.pipe((r.get("source_headline", "").replace(";", ". ") for r in rows), batch_size=64)
    tally = {"country": [0, 0], "coords": [0, 0], "coords_prec12": [0, 0]}
    for row, desc_doc, head_doc in zip(rows, descriptions, headlines, strict=True):
        context = _pick(head_doc)
        hint = context.country if context is not None else None
        place = _segments_place(row["where_description"], hint) or _pick(desc_doc) or context
        if place is not None and place.country is None and hint:
            place = context
        tally["country"][0] += 1
        tally["country"][1] += int(place is not None and place.country in gold_countries(row["country"]))
        try:
            gold = Place(lat=float(row["latitude"]), lon=float(row["longitude"]))
        except ValueError:
            continue
        km = distance_km(place, gold) if place is not None else None
        ok = km is not None and km <= MAX_KM
        tally["coords"][0] += 1
        tally["coords"][1] += int(ok)
        if row.get("where_prec") in ("1", "2"):
            tally["coords_prec12"][0] += 1
            tally["coords_prec12"][1] += int(ok)
    return {
        "dataset": "ucdp_ged_sample",
        "method": "place picker over where_description then headlines; country accuracy and share within 50 km of the gold point",
        "scores": {k: round(c / n, 4) if n else 0.0 for k, (n, c) in tally.items()},
        "counts": {"rows": len(rows), **{f"{k}_counted": n for k, (n, _) in tally.items()},
                   **{f"{k}_correct": c for k, (_, c) in tally.items()}},
    }

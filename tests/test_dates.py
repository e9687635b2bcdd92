"""Dates resolved against a published date, with precision (issue 3)."""

import pytest

from conflictgraph.extract.dates import resolve_date

PUBLISHED = "2024-03-06"  # a Wednesday


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-05-14", ("2023-05-14", "day")),
    ("14 May 2023", ("2023-05-14", "day")),
    ("May 14, 2023", ("2023-05-14", "day")),
    ("23 AUG 88", ("1988-08-23", "day")),
    ("May 2023", ("2023-05", "month")),
    ("in 2019", ("2019", "year")),
    ("on Tuesday", ("2024-03-05", "day")),
    ("on Wednesday", ("2024-03-06", "day")),
    ("last Wednesday", ("2024-02-28", "day")),
    ("Sunday night", ("2024-03-03", "day")),
    ("yesterday", ("2024-03-05", "day")),
    ("three days ago", ("2024-03-03", "day")),
    ("last week", ("2024-02-28", "week")),
    ("last month", ("2024-02", "month")),
    ("earlier this month", ("2024-03", "month")),
    ("last year", ("2023", "year")),
    ("August 26th", ("2023-08-26", "day")),  # later than publication in 2024: the year before
    ("26 February", ("2024-02-26", "day")),
    ("in December", ("2023-12", "month")),
])
def test_resolve_with_published(text, expected):
    assert resolve_date(text, PUBLISHED) == expected


@pytest.mark.parametrize("text", ["on Tuesday", "last week", "August 26th", "yesterday", "in March"])
def test_relative_dates_unresolved_without_published(text):
    assert resolve_date(text, None) == (None, "unresolved")


def test_absolute_dates_need_no_published():
    assert resolve_date("14 May 2023", None) == ("2023-05-14", "day")


def test_nonsense_is_unresolved():
    assert resolve_date("the coming months", PUBLISHED) == (None, "unresolved")


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("on 3 June", "2011", ("2011-06-03", "day")),
    ("October 12th", "1998-10", ("1998-10-12", "day")),
    ("14 May 2023", "2011", ("2023-05-14", "day")),
    ("on Friday", "2011", (None, "unresolved")),
    ("yesterday", "2011-06", (None, "unresolved")),
])
def test_year_only_published_gives_the_year(text, published, expected):
    assert resolve_date(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("from June 2 to June 9, 2014", ("2014-06-02", "day")),
    ("4 to 7 October 2015", ("2015-10-04", "day")),
    ("11-13 March 2009", ("2009-03-11", "day")),
    ("between 8 and 10 May 2001", ("2001-05-08", "day")),
    ("December 29, 2012 to January 3, 2013", ("2012-12-29", "day")),
])
def test_a_range_gives_its_first_day(text, expected):
    assert resolve_date(text, None) == expected


def test_a_month_alone_is_the_last_such_month():
    # the model's date entity leaves the preposition out: "In March JNIM fighters ambushed ..."
    assert resolve_date("March", "2024-04-10") == ("2024-03", "month")
    assert resolve_date("November", "2024-04-10") == ("2023-11", "month")
    assert resolve_date("May", "2024-04-10") == (None, "unresolved")  # three letters: too often the modal verb

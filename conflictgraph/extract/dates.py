"""Resolve date expressions against a document's published date, keeping their precision.

``resolve_date(text, published)`` returns ``(value, precision)``:

- ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (or ``None``);
- ``precision`` is ``"day"``, ``"week"``, ``"month"``, ``"year"`` or ``"unresolved"``
  (``week``: a day that may be off by up to six days, from "last week").

Rules (issue 3; DESIGN.md "Dates keep their precision"):

- Absolute dates need no published date: ``2023-05-14``, ``14 May 2023``,
  ``May 14, 2023``, ``14 MAY 23`` (two-digit years: 00-39 -> 20xx, else 19xx),
  ``May 2023`` (month), ``2023`` / ``in 2023`` (year).
- Relative dates are resolved only when ``published`` is known (else
  ``(None, "unresolved")`` and the caller keeps the surface text):
  ``today``, ``this morning``, ``tonight`` -> published day; ``yesterday``,
  ``last night`` -> the day before; ``N days ago``; a weekday ("on Tuesday")
  -> the most recent such day on or before the published day (news uses the
  weekday for the same day too); ``last week`` / ``N weeks ago`` -> the day
  seven days (N weeks) earlier, precision ``week``; ``this month`` / ``last month`` /
  ``earlier this month`` -> month; ``this year`` / ``last year`` -> year.
- A day and month without a year ("August 26th", "26 Aug") take the published
  year, or the year before when that would put the date more than 31 days
  after publication. A month alone ("in March") likewise, with precision month.
- A published date known only to the year or month (``2017``, ``2017-05``:
  a yearly list, an annual report, an archive page) still gives the year to a
  day and month without one ("26 Aug" -> ``2017-08-26``); relative dates
  ("on Tuesday", "yesterday") stay unresolved, since they need the day.
- A range gives its first day ("from July 15 to July 20, 1997" -> ``1997-07-15``, "15-20 March 2016"
  -> ``2016-03-15``): the first part takes the month and year it lacks from the second.
- Anything else: ``(None, "unresolved")``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2}(?!\d))"
PATTERNS: tuple[re.Pattern, ...] = tuple(re.compile(p) for p in (
    r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b",
    rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b",
    rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?![a-z])",
    rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)",
    rf"\b{_MONTH},?\s+(?P<year>\d{{4}})\b",
    r"\b(?:in|since|during|of|early|late|mid-?)\s*(?P<year>(?:19|20)\d{2})\b",
    r"^(?P<year>(?:19|20)\d{2})$",
))
_AGO = re.compile(r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier|before)\b")


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _published_year(published: str | None) -> int | None:
    """The year of a published date given at any precision ("2017", "2017-05", "2017-05-20")."""
    match = re.match(r"^((?:1[89]|20)\d{2})(?:-\d{2})?(?:-\d{2})?$", (published or "").strip())
    return int(match.group(1)) if match else None


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 40 else 1900 + value
    return value


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _absolute(text: str, pub: dt.date | None, pub_year: int | None = None) -> tuple[str | None, str] | None:
    for pattern in PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        year = _year(groups["year"]) if groups.get("year") else None
        day = int(groups["day"]) if groups.get("day") else None
        if year is None:
            if pub is not None:
                year = _infer_year(pub, month or 1, day or 1)
            elif pub_year is not None and month is not None:
                year = pub_year  # a year-only publication date: no later day to compare with
            else:
                return None, "unresolved"
        if month is None:
            return f"{year:04d}", "year"
        if day is None:
            return f"{year:04d}-{month:02d}", "month"
        date = _safe_date(year, month, day)
        if date is None:
            continue
        return date.isoformat(), "day"
    return None


def _infer_year(pub: dt.date, month: int, day: int) -> int:
    candidate = _safe_date(pub.year, month, min(day, 28))
    if candidate and (candidate - pub).days > 31:
        return pub.year - 1
    return pub.year


def _month_shift(date: dt.date, months: int) -> str:
    index = date.year * 12 + date.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative(text: str, pub: dt.date) -> tuple[str | None, str] | None:
    """A relative date resolved against the published date, with its precision; the first reading that fits."""
    for reading in (_near_day, _ago, _weekday, _this_or_last, _bare_month):
        found = reading(text, pub)
        if found is not None:
            return found
    return None


def _near_day(text: str, pub: dt.date) -> tuple[str, str] | None:
    if re.search(r"\bday before yesterday\b", text):
        return (pub - dt.timedelta(days=2)).isoformat(), "day"
    if re.search(r"\b(yesterday|last night|overnight)\b", text):
        return (pub - dt.timedelta(days=1)).isoformat(), "day"
    if re.search(r"\b(today|this morning|this afternoon|this evening|tonight|earlier today)\b", text):
        return pub.isoformat(), "day"
    return None


def _ago(text: str, pub: dt.date) -> tuple[str, str] | None:
    """"three days ago", "2 weeks ago", "five years ago"."""
    match = _AGO.search(text)
    if not match:
        return None
    raw = match.group("n")
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    unit = match.group("unit")
    if unit == "day":
        return (pub - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (pub - dt.timedelta(weeks=n)).isoformat(), "week"
    if unit == "month":
        return _month_shift(pub, n), "month"
    return f"{pub.year - n:04d}", "year"


def _weekday(text: str, pub: dt.date) -> tuple[str, str] | None:
    """"on Tuesday" is the last Tuesday up to the published day; "last Tuesday" a week back when it is today."""
    for name, weekday in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", text):
            back = (pub.weekday() - weekday) % 7
            if re.search(rf"\blast\s+{name}\b", text) and back == 0:
                back = 7
            return (pub - dt.timedelta(days=back)).isoformat(), "day"
    return None


def _this_or_last(text: str, pub: dt.date) -> tuple[str, str] | None:
    """"last week", "this month", "earlier this year"."""
    if re.search(r"\blast week\b", text):
        return (pub - dt.timedelta(days=7)).isoformat(), "week"
    if re.search(r"\b(this|earlier this|later this)\s+week\b", text):
        return pub.isoformat(), "week"
    if re.search(r"\blast month\b", text):
        return _month_shift(pub, 1), "month"
    if re.search(r"\b(this|earlier this) month\b", text):
        return _month_shift(pub, 0), "month"
    if re.search(r"\blast year\b", text):
        return f"{pub.year - 1:04d}", "year"
    if re.search(r"\b(this|earlier this) year\b", text):
        return f"{pub.year:04d}", "year"
    return None


def _bare_month(text: str, pub: dt.date) -> tuple[str, str] | None:
    """"in March" without a year (or "March" alone: a date entity leaves the preposition outside, "In March
    JNIM fighters ..."): the last March up to the published month."""
    match = re.fullmatch(r"(?P<month>" + "|".join(m for m in MONTHS if len(m) > 3) + r")", text) or re.search(r"\b(?:in|early|late|mid-?|since|during|last)\s*(?P<month>" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b", text)
    if not match:
        return None
    month = MONTHS[match.group("month")]
    year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}", "month"


# "from July 15 to July 20, 1997", "15 to 20 July 1997", "between 3 and 5 May", "15-20 March 2016"
_RANGE = re.compile(r"^(?:from|between)?\s*(?P<first>.+?)\s*(?:\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b|[-–—])\s*(?P<second>.+)$")


def _range_start(norm: str, pub: dt.date | None, pub_year: int | None) -> tuple[str | None, str] | None:
    """The first day of a range whose second part is a full day: the first part is read in the second's
    month and year when it lacks them (an event told as a span starts on its first day)."""
    match = _RANGE.match(norm)
    if not match:
        return None
    end = _absolute(match.group("second"), pub, pub_year)
    if end is None or end[1] != "day" or end[0] is None:
        return None
    end_date = dt.date.fromisoformat(end[0])
    first = match.group("first")
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", first):
        start = _safe_date(end_date.year, end_date.month, int(re.sub(r"\D", "", first)))
    else:
        found = _absolute(first, None, end_date.year)
        start = dt.date.fromisoformat(found[0]) if found and found[1] == "day" and found[0] else None
    if start is None or not (0 <= (end_date - start).days <= 366):
        return None
    return start.isoformat(), "day"


@lru_cache(maxsize=4096)
def resolve_date(text: str, published: str | None) -> tuple[str | None, str]:
    """The date an expression denotes and its precision ("day", "week", "month", "year" or "unresolved").

    ``published`` is the document date (``YYYY-MM-DD``; ``YYYY-MM`` or ``YYYY`` resolve only absolute
    dates). Precision ``week`` gives a day that may be off by up to six days ("last week").
    """
    norm = re.sub(r"\s+", " ", text.lower().strip())
    pub = _parse_published(published)
    found = _range_start(norm, pub, _published_year(published)) or _absolute(norm, pub, _published_year(published))
    if found is not None:
        return found
    if pub is None:
        return None, "unresolved"
    found = _relative(norm, pub)
    return found if found is not None else (None, "unresolved")


def contract_date(value: str | None, precision: str) -> str | None:
    """A value fit for the export contract (``YYYY[-MM[-DD]]``); a ``week`` day is kept as the day."""
    if value is None or precision == "unresolved":
        return None
    return value

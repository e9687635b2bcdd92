"""Clean plain text scraped from web pages: drop site chrome line by line.

Scraped text keeps what the page showed around the article: menus run
together ("HomeAbout UsContact Us"), the site name repeated, "Written By:"
lines, share prompts, credits and copyright lines. Each rule below is about
the *shape* of a line, never about a particular site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_BYLINE = re.compile(r"^\s*(?:written\s+by|posted\s+by|by|author)\s*[:\-–]?\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*$", re.IGNORECASE)
_CHROME = re.compile(
    r"^\s*(?:share(?:\s+(?:this|on\s+\w+|article))?\s*:?|tweet|print|email|whatsapp|facebook|twitter|linkedin|"
    r"(?:skip\s+to\s+(?:main\s+)?content)|menu|search|subscribe(?:\s+now)?|sign\s+up.*newsletter.*|"
    r"(?:read|see)\s+(?:more|also)\s*:?.*|related(?:\s+(?:stories|articles|posts|news))?\s*:?|"
    r"(?:site\s+)?design(?:ed)?\s+by\b.*|powered\s+by\b.*|theme\s+by\b.*|"
    r".*\ball\s+rights\s+reserved\b.*|(?:©|\(c\)|copyright)\s*\d{0,4}.*|"
    r"we\s+use\s+cookies.*|accept(?:\s+all)?\s+cookies?|advertisement|sponsored|loading\.*|"
    r"previous\s+(?:post|article)\b.*|next\s+(?:post|article)\b.*|tags?\s*:.*|filed\s+under\s*:?.*|"
    r"follow\s+us.*|leave\s+a\s+(?:comment|reply).*|\d+\s+comments?|photo\s*:.*|image\s*:.*)\s*$",
    re.IGNORECASE,
)
_RUN_TOGETHER = re.compile(r"[a-z][A-Z]")
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


_DATE_LINE = re.compile(
    r"^\s*(?:(?P<label>published|posted|updated|last\s+updated|date)\s*(?:on|:)?\s*)?"
    r"(?P<date>(?:\w+,?\s+)?(?:\d{1,2}\s+\w+\.?,?\s+\d{4}|\w+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}))"
    r"(?:[,\s]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?.*)?\s*$",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^\s*\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\s*$", re.IGNORECASE)
_FORM_FIELD = re.compile(r"^.{0,40}\*\s*$")
_FORM_TEXT = re.compile(r"(?:email address will not be published|required fields are marked|save my name|post comment|"
                        r"enter your email|click to share|opens in new window|log\s*in\b|sign\s*in\b|search\s+for\s*:)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    author: str | None
    dropped: tuple[str, ...]
    title: str | None = None
    published: str | None = None


def is_menu(line: str) -> bool:
    """Menu items run together lose their spaces: many lower→Upper joins, no sentence end."""
    joins = len(_RUN_TOGETHER.findall(line))
    return joins >= 2 and not _SENTENCE_END.search(line) and joins * 6 >= len(line.split())


def _repeated_short_lines(lines: list[str]) -> set[str]:
    counts = Counter(line.strip() for line in lines if 0 < len(line.split()) <= 8)
    return {line for line, n in counts.items() if n >= 2}


def is_paragraph(line: str) -> bool:
    """Body text: a long line, or a sentence of some length."""
    words = len(line.split())
    # Headlines run to 20 words but rarely end with a full stop; body sentences do.
    return words >= 25 or (words >= 8 and bool(_SENTENCE_END.search(line)) and not line.endswith("?"))


def _date_of(line: str) -> tuple[str | None, str | None]:
    """(label, date text) when the line is only a date, e.g. "Posted on 13 May 2024"."""
    match = _DATE_LINE.match(line) if len(line.split()) <= 9 else None
    return (match.group("label"), match.group("date")) if match else (None, None)


def _is_chrome(line: str, repeated: set[str], shouting_ok: bool) -> bool:
    if line in repeated or _CHROME.match(line) or is_menu(line) or _READ_TIME.match(line):
        return True
    if _FORM_TEXT.search(line) or (_FORM_FIELD.match(line) and len(line.split()) <= 6):
        return True
    # Short all-capital lines are section labels and logos ("BREAKING", "SECURITY"), unless the
    # whole document is in capitals (old wire copy).
    return not shouting_ok and line.isupper() and len(line.split()) <= 4


def _block_edges(lines: list[str], repeated: set[str], shouting_ok: bool) -> tuple[int, int]:
    """Index of the first and one past the last body paragraph."""
    body = [i for i, line in enumerate(lines) if is_paragraph(line) and not _is_chrome(line, repeated, shouting_ok)]
    return (body[0], body[-1] + 1) if body else (0, len(lines))


def _pick_title(head: list[str], markers: set[int]) -> str | None:
    """The headline: a head line followed by a byline or date line, else the longest real line."""
    candidates = [i for i, line in enumerate(head) if len(line.split()) >= 4 and not line.isupper()
                  and not line.endswith(":") and i not in markers]
    near_marker = [i for i in candidates if any(i < m <= i + 3 for m in markers)]
    if near_marker:
        return head[near_marker[0]]
    return max((head[i] for i in candidates), key=len, default=None)


_PARTS = re.compile(r"\s+[-–—|•·]\s+")


def _head_markers(head: list[str]) -> tuple[str | None, str | None, set[int]]:
    """Author, published date text and the indexes of byline/date lines ("By X - 14 May 2024" has both)."""
    author = published = None
    markers: set[int] = set()
    for i, line in enumerate(head):
        for part in _PARTS.split(line) if len(line.split()) <= 12 else [line]:
            byline = _BYLINE.match(part) if len(part.split()) <= 6 else None
            label, date_text = _date_of(part)
            if byline:
                author = author or byline.group("name")
                markers.add(i)
            elif date_text:
                published = published or (date_text if (label or "").lower() != "updated" else None)
                markers.add(i)
    return author, published, markers


def clean_scraped_text(raw: str, title_hint: str | None = None) -> CleanText:
    """Drop chrome lines; take the byline as the author and a dateline as the date; keep what was dropped."""
    lines = [line.strip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    shouting_ok = _mostly_capitals(raw)
    repeated = _repeated_short_lines(lines)
    first, last = _block_edges(lines, repeated, shouting_ok)
    author, published, markers = _head_markers(lines[:first])
    if title_hint and title_hint.strip() in lines[:first]:
        title = title_hint.strip()
    else:
        title = _pick_title(lines[:first], markers) if first > 0 else None
    kept, dropped = _filter_body(lines, first, last, repeated, shouting_ok, title)
    return CleanText(text=normalize_paragraphs("\n".join(kept)), author=author, dropped=tuple(dropped), title=title, published=published)


def _filter_body(lines: list[str], first: int, last: int, repeated: set[str], shouting_ok: bool, title: str | None) -> tuple[list[str], list[str]]:
    kept: list[str] = [title] if title else []
    dropped: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
            continue
        outside = i < first or i >= last
        byline = _BYLINE.match(line) if len(line.split()) <= 6 else None
        if outside and not (is_paragraph(line) and not _is_chrome(line, repeated, shouting_ok)):
            if line != title:
                dropped.append(line)
        elif byline or _is_chrome(line, repeated, shouting_ok):
            dropped.append(line)
        else:
            kept.append(line)
    return kept, dropped


def _mostly_capitals(text: str) -> bool:
    letters = [ch for ch in text[:5000] if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


def normalize_paragraphs(text: str) -> str:
    """One blank line between paragraphs, single spaces inside lines."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"(^#{1,6}\s*|^\s*>\s?|^\s*[-*+]\s+|\*\*|__|(?<!\w)[*_](?!\s)|`)", re.MULTILINE)


_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.DOTALL)


def front_matter(markdown: str) -> tuple[dict, str]:
    """YAML front matter (title, author, published, url, site) and the rest of the text."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    meta = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in {"title", "author", "published", "date", "url", "site"}:
            meta["published" if key.strip().lower() == "date" else key.strip().lower()] = value.strip().strip("\"'")
    return meta, markdown[match.end():]


def markdown_to_text(markdown: str) -> str:
    """Markdown without its markup: headings, emphasis, links and quotes become plain text."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_MARKUP.sub("", text)
    return text

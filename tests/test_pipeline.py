"""The parallel path (workers forked after a warm-up in the parent) finds exactly what the serial path finds."""

from __future__ import annotations

from conflictgraph.extract import pipeline
from conflictgraph.ingest import document_from_text
from tests.conftest import ARTICLE

# Written for this test: a second article so each of the two workers gets a batch.
SECOND = (
    "Al-Shabaab fighters stormed a hotel in Mogadishu, Somalia on Friday, killing at least 9 people, police said.\n\n"
    "The group, an affiliate of al-Qaeda, claimed the attack in a statement and threatened Kenya."
)


def _facts(findings) -> tuple:  # noqa: ANN001 - models.Findings
    return (findings.document.id, findings.mentions, findings.actors, findings.events, findings.relations,
            findings.claims, findings.movements, findings.extractors)


def test_parallel_extraction_matches_serial() -> None:
    documents = [document_from_text(text, published="2024-03-05", source_path=f"t{i}") for i, text in enumerate((ARTICLE, SECOND))]
    serial = [_facts(f) for f in pipeline.extract_many(documents, n_process=1)]
    parallel = [_facts(f) for f in pipeline.extract_many(documents, n_process=2, batch_size=1)]
    assert serial == parallel
    assert any(facts[3] for facts in serial)  # events were found, so the comparison covers the event rules


def test_warm_up_loads_the_extractor_once() -> None:
    pipeline.warm_up()
    assert pipeline.get_extractor.cache_info().currsize == 1
    assert pipeline.get_extractor() is pipeline.get_extractor()


def test_warm_up_builds_the_spelling_index_before_workers_fork() -> None:
    from conflictgraph.knowledge import places

    places._loose_index.cache_clear()
    pipeline.warm_up()
    assert places._loose_index.cache_info().currsize == 1


def test_cached_entities_and_text_match_spacy() -> None:
    from conflictgraph.extract.doccache import doc_ents, doc_text, span_ents

    doc = pipeline.load_nlp()(ARTICLE + "\n\n" + SECOND)
    pipeline.cache_sentences(doc)
    assert doc_text(doc) == doc.text
    assert list(doc_ents(doc)) == list(doc.ents) and doc.ents
    spans = [*doc.sents, doc[:], doc[3:40], doc[10:11]] + [doc[ent.start:ent.end + 1] for ent in doc.ents]
    spans += [doc[ent.start + 1:ent.end + 5] for ent in doc.ents]  # spans that cut an entity
    for span in spans:
        assert span_ents(span) == list(span.ents), span.text

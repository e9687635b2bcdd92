"""MUC-4 template scoring (GTT's CEAF-REE) and the learned role-filler model (extract/rolefill)."""

from __future__ import annotations

import numpy as np
import pytest

from conflictgraph.evaluation.muc4 import _normalize_templates, normalize_mention, score_document
from conflictgraph.extract.rolefill import load_model, predict_templates
from conflictgraph.extract.rolefill.candidates import candidates
from conflictgraph.extract.rolefill.cues import cue_positions, document_cue_features
from conflictgraph.extract.rolefill.features import tokenize
from conflictgraph.extract.rolefill.model import MODEL_PATH, ROLES, Filler
from conflictgraph.extract.rolefill.naive_bayes import fit_naive_bayes, lead_features
from conflictgraph.extract.rolefill.templates import Thresholds, build_templates, load_thresholds


def _template(kind: str, **roles: list[list[str]]) -> dict:
    return {"incident_type": kind, **{role: roles.get(role, []) for role in ROLES}}


def test_normalize_mention_drops_case_punctuation_and_articles():
    assert normalize_mention("The F.M.L.N.  guerrillas") == "fmln guerrillas"


def test_score_counts_an_entity_when_its_mention_is_among_the_gold_mentions():
    gold = _normalize_templates([_template("attack", PerpOrg=[["farabundo marti front", "fmln"]], Victim=[["mayor"]])])
    pred = _normalize_templates([_template("attack", PerpOrg=[["the fmln"]], Victim=[["peasants"]])])
    counts = score_document(pred, gold)
    assert counts["incident_type"] == [1, 1, 1, 1]
    assert counts["PerpOrg"] == [1, 1, 1, 1]
    assert counts["Victim"] == [0, 1, 0, 1]


def test_score_needs_a_matching_incident_type_and_maps_one_to_one():
    gold = _normalize_templates([_template("attack / bombing", Weapon=[["bomb"]]), _template("kidnapping")])
    pred = _normalize_templates([_template("bombing", Weapon=[["bomb"]]), _template("arson", Weapon=[["bomb"]])])
    counts = score_document(pred, gold)
    # the bombing maps to "attack / bombing"; the arson matches nothing and is all spurious
    assert counts["Weapon"] == [1, 2, 1, 1]
    assert counts["incident_type"] == [1, 2, 1, 2]


def test_candidates_stay_inside_a_sentence_and_skip_function_word_edges():
    texts = {c.text for c in candidates(tokenize("urban guerrillas attacked the mayor of the town. police came"))}
    assert {"urban guerrillas", "guerrillas", "mayor of the town", "mayor"} <= texts
    assert "the mayor" not in texts and "town. police" not in texts and "town police" not in texts


def test_build_templates_applies_relevance_and_role_thresholds():
    probs = {"relevant": 0.9, "attack": 0.8, "bombing": 0.6, "kidnapping": 0.1, "arson": 0.0, "robbery": 0.0,
             "forced work stoppage": 0.0, "multi": 0.2}
    fillers = [Filler("PerpOrg", "fmln", 0.9), Filler("Victim", "peasants", 0.4), Filler("PerpOrg", "army", 0.6)]
    thresholds = Thresholds(relevant=0.5, extra_type=0.5, role={role: 0.5 for role in ROLES}, max_per_role=1)
    templates = build_templates(probs, fillers, thresholds)
    assert [t["incident_type"] for t in templates] == ["attack", "bombing"]
    assert templates[0]["PerpOrg"] == [["fmln"]] and templates[0]["Victim"] == []
    assert build_templates({**probs, "relevant": 0.2}, fillers, thresholds) == []


def test_cue_positions_find_incident_words_by_stem():
    tokens = tokenize("a bomb exploded. later rebels kidnapped the mayor and robbed robert's shop.")
    found = cue_positions(tokens)
    assert [tokens[i].text for i in found["bombing"]] == ["bomb", "exploded"]
    assert [tokens[i].text for i in found["kidnapping"]] == ["kidnapped"]
    assert [tokens[i].text for i in found["robbery"]] == ["robbed"]  # not "robert's"
    features = document_cue_features(tokens)
    assert features[3] == 1.0 and features[6] == 0.0  # bombing cue in the lead sentence, kidnapping not


def test_assign_puts_each_filler_into_the_template_of_its_nearest_cue():
    text = "a bomb exploded at the bank . guerrillas kidnapped the mayor in the village ."
    tokens = tokenize(text)
    probs = {"relevant": 0.9, "attack": 0.0, "bombing": 0.8, "kidnapping": 0.7, "arson": 0.0, "robbery": 0.0,
             "forced work stoppage": 0.0, "multi": 0.0}
    words = [t.text for t in tokens]
    fillers = [Filler("Target", "bank", 0.9, (words.index("bank"),)),
               Filler("Victim", "mayor", 0.9, (words.index("mayor"),))]
    thresholds = Thresholds(relevant=0.5, extra_type=0.5, role={role: 0.5 for role in ROLES}, assign=True)
    bombing, kidnapping = build_templates(probs, fillers, thresholds, cue_positions(tokens))
    assert bombing["incident_type"] == "bombing" and bombing["Target"] == [["bank"]] and bombing["Victim"] == []
    assert kidnapping["incident_type"] == "kidnapping" and kidnapping["Victim"] == [["mayor"]]
    # Without assignment every filler stays in the main template.
    main, _ = build_templates(probs, fillers, Thresholds(**{**_fields(thresholds), "assign": False}))
    assert main["Victim"] == [["mayor"]]


def _fields(thresholds: Thresholds) -> dict:
    return {name: getattr(thresholds, name) for name in Thresholds.__dataclass_fields__}


def test_naive_bayes_scores_words_of_positive_documents_higher():
    texts = ["rebels kidnapped a mayor.", "rebels kidnapped a judge.", "the weather was fine.", "the market was fine."]
    views = [(_doc_ids(t), lead_features(tokenize(t))) for t in texts]
    model = fit_naive_bayes(views, np.array([[1.0], [1.0], [0.0], [0.0]]))
    positive, negative = (model.scores(tokenize(t)) for t in ("rebels kidnapped a priest.", "the harvest was fine."))
    assert positive[0] > 0 > negative[0] and positive[1] > 0 > negative[1]


def _doc_ids(text: str) -> list[int]:
    from conflictgraph.extract.rolefill.features import document_features

    return document_features(tokenize(text))


def test_shipped_weights_hold_numbers_only():
    with np.load(MODEL_PATH, allow_pickle=False) as data:
        assert all(data[name].dtype.kind in "fiu" for name in data.files)
    assert load_thresholds().relevant > 0


def test_predict_templates_shape():
    text = ("guerrillas of the farabundo marti national liberation front kidnapped the mayor of the town "
            "yesterday and set fire to two buses with dynamite, the police reported.")
    templates = predict_templates(text, load_model())
    assert templates, "a plain kidnapping-and-arson report should give a template"
    assert any(template[role] for template in templates for role in ROLES)
    for template in templates:
        assert set(template) == {"incident_type", *ROLES}
        for role in ROLES:
            assert all(len(entity) == 1 and entity[0] in text for entity in template[role])


@pytest.mark.parametrize("text", ["", "the weather was fine."])
def test_predict_templates_on_text_without_an_incident(text):
    assert predict_templates(text) == []


def test_parse_tags_give_each_word_its_relation_to_the_governing_verb():
    from conflictgraph.extract.rolefill.parse import parse

    text = "masked men abducted a shopkeeper in the market."
    tags = dict(zip((t.text for t in tokenize(text)), parse(text, tokenize(text)), strict=True))
    assert "gov=nsubj|abduct" in tags["men"]
    assert "gov=dobj|abduct" in tags["shopkeeper"]
    assert "gov=in|abduct" in tags["market"]


def test_candidate_features_pool_the_parse_tags_of_each_occurrence():
    from conflictgraph.extract.rolefill.candidates import candidate_features

    tokens = tokenize("masked men abducted a shopkeeper.")
    cands = candidates(tokens)
    tags = tuple(("gov=dobj|abduct",) if t.text == "shopkeeper" else () for t in tokens)
    plain, tagged = candidate_features(tokens, cands), candidate_features(tokens, cands, tags)
    shopkeeper = next(i for i, c in enumerate(cands) if c.text == "shopkeeper")
    assert len(tagged[shopkeeper]) == len(plain[shopkeeper]) + 1

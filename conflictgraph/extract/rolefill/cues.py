"""Incident-type cue words and place cues, for template decisions and document features.

MUC-4 relevance: a specific, recent terrorist act in one of nine Latin American countries. A bag of
words sees the words but not where they are; these cues add *where* (lead sentence or not) and
*which incident* a filler belongs to (the incident-type cue nearest to its occurrences).
Lexicons are general English cue words (stems, matched as word prefixes), not taken from the data.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from conflictgraph.extract.rolefill.features import Token, sentence_ids

# Word-prefix stems per MUC incident type (lower-case). "fire" is left out: "opened fire" is an attack.
CUE_STEMS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "kill", "murder", "assassin", "shot", "shoot", "ambush", "massacr", "wound", "machinegun",
               "slain", "slay", "executed", "execution", "stab", "strafe", "raid", "torture", "lynch"),
    "bombing": ("bomb", "explo", "dynamit", "blast", "grenade", "detonat", "car-bomb", "mortar", "rocket", "mine"),
    "kidnapping": ("kidnap", "abduct", "hostage", "captor", "ransom", "seiz"),
    "arson": ("arson", "burn", "torch", "incendiar", "blaze"),
    "robbery": ("robb", "stole", "steal", "theft", "loot", "hijack"),
    "forced work stoppage": ("strike", "stoppage", "shutdown", "paralyz"),
}
# The nine MUC-4 countries, with capitals and common demonyms (facts; the MUC-4 task definition).
MUC_COUNTRY_WORDS = frozenset("""salvador salvadoran guatemala guatemalan honduras honduran nicaragua nicaraguan
colombia colombian peru peruvian bolivia bolivian chile chilean ecuador ecuadorean ecuadorian bogota lima
managua tegucigalpa quito santiago medellin cali""".split())
# Countries often in the same news feed but outside the task (reports from them are irrelevant).
OTHER_COUNTRY_WORDS = frozenset("""cuba cuban panama panamanian mexico mexican venezuela venezuelan argentina
argentine brazil brazilian paraguay uruguay soviet ussr usa washington spain spanish france french israel
lebanon lebanese costa rica haiti grenada noriega havana""".split())
# Words of statements, trials, reports and history rather than a specific incident.
GENERAL_WORDS = frozenset("""trial court sentenced sentence judge accused charged investigation commission
report reported statistics annual year years decade anniversary history policy plan proposal talks dialogue
negotiations peace election elections campaign candidate vote interview communique denounced condemned
rejected warned threat threatened""".split())


def _cue_type(word: str) -> str | None:
    for kind, stems in CUE_STEMS.items():
        if any(word.startswith(stem) for stem in stems):
            return kind
    return None


def cue_positions(tokens: list[Token]) -> dict[str, list[int]]:
    """Token indices of each incident type's cue words."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, token in enumerate(tokens):
        if token.text[:1].isalpha() and (kind := _cue_type(token.text)):
            out[kind].append(i)
    return dict(out)


CUE_FEATURES = 6 * 3 + 8


def document_cue_features(tokens: list[Token]) -> np.ndarray:
    """Per incident type: cue in the lead sentence, in the first three, log count overall; then
    task-country / other-country words in the lead and overall, general-statement words, length."""
    sent = sentence_ids(tokens)
    values: list[float] = []
    positions = cue_positions(tokens)
    for kind in CUE_STEMS:
        found = positions.get(kind, [])
        values += [float(any(sent[i] == 0 for i in found)), float(any(sent[i] < 3 for i in found)),
                   float(np.log1p(len(found)))]
    lead = [t.text for t, s in zip(tokens, sent, strict=True) if s < 2]
    words = [t.text for t in tokens]
    values += [float(any(w in MUC_COUNTRY_WORDS for w in lead)), float(any(w in OTHER_COUNTRY_WORDS for w in lead)),
               float(np.log1p(sum(w in MUC_COUNTRY_WORDS for w in words))),
               float(np.log1p(sum(w in OTHER_COUNTRY_WORDS for w in words))),
               float(sum(w in GENERAL_WORDS for w in lead)), float(np.log1p(sum(w in GENERAL_WORDS for w in words))),
               float(np.log1p(len(words))), float(np.log1p(max(sent, default=0)))]
    return np.array(values, dtype=np.float64)


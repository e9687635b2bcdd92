"""Real-data floors for event extraction (issue 3).

Each floor sits a little below the figure measured when it was pinned (see
docs/events.md for the full-set figures and the commands). Only an explicit
change with a reason may lower a floor. Samples are the first N rows/documents
of each file (deterministic) so this file runs in well under four minutes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def data_dir(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"shared data set {name!r} not found at {path}; it lives in ../shared/data beside the project")
    return path

pytestmark = pytest.mark.data

# measured on the samples below when pinned; floor = measured - ~0.02
# wiki subtype/killed/injured/perpetrator measured 2026-12-03 (second round): 0.890 / 0.911 / 0.912 / 0.743
# wiki perpetrator measured 2026-12-03 (third round, linking.py): 0.800
# wiki subtype/killed/injured/perpetrator measured 2026-12-03 (fourth round): 0.891 / 0.921 / 0.912 / 0.807
# wiki country/city measured 2026-12-03 (fourth round, location.py): 0.807 / 0.798; halterman P/R 0.661 / 0.786
# wiki country/city measured 2026-12-03 (sixth round, places.py and location.py, first 600 rows): 0.810 / 0.801
# wiki country/city measured 2026-12-03 (seventh round, places.py and location.py, first 600 rows): 0.832 / 0.824;
# ucdp country/coords/coords_prec12 0.658 / 0.516 / 0.532; halterman P/R 0.668 / 0.799
# wiki first 600 rows measured 2026-12-04 (tenth round): subtype 0.906, killed 0.921, injured 0.912, country 0.852,
# city 0.824, perpetrator 0.814; ucdp 0.665 / 0.516 / 0.529; halterman P/R 0.674 / 0.805
# wiki first 600 rows measured 2026-12-04 (eleventh round, subtypes): subtype 0.908 (485 of 534), others unchanged
# wiki first 600 rows measured 2026-12-04 (thirteenth round, subtypes, tolls and places): subtype 0.912, killed 0.925,
# injured 0.912, country 0.858, city 0.830, perpetrator 0.818
# wiki first 600 rows measured 2026-12-04 (fourteenth round, places): country 0.864, city 0.833; ucdp 0.669 / 0.518 / 0.532
WIKI_FLOORS = {"subtype": 0.91, "killed": 0.92, "injured": 0.905, "country": 0.86, "city": 0.835, "perpetrator": 0.81}
UCDP_FLOORS = {"country": 0.655, "coords": 0.505, "coords_prec12": 0.52}
HALTERMAN_FLOORS = {"precision": 0.655, "recall": 0.785}
MUC4_FLOOR_F1 = 0.33  # learned role-filler model (extract/rolefill): 0.349 on the first 60 dev documents (2026-12-04, + parse tags)


def test_wiki_terror_fields():
    from conflictgraph.evaluation.wiki_terror import evaluate

    report = evaluate(data_dir("wiki_terror_incidents"), limit=600)
    for field, floor in WIKI_FLOORS.items():
        assert report["scores"][field] >= floor, (field, report["scores"], report["counts"])
        assert report["counts"][f"{field}_counted"] > 30


def test_ucdp_geocoding():
    from conflictgraph.evaluation.ucdp import evaluate

    report = evaluate(data_dir("ucdp_ged_sample"))
    for field, floor in UCDP_FLOORS.items():
        assert report["scores"][field] >= floor, (field, report["scores"])


def test_halterman_event_location():
    from conflictgraph.evaluation.halterman import evaluate

    report = evaluate(data_dir("event_location_halterman"))
    for field, floor in HALTERMAN_FLOORS.items():
        assert report["scores"][field] >= floor, (field, report["scores"])


def test_muc4_template_f1():
    from conflictgraph.evaluation.muc4 import evaluate

    report = evaluate(data_dir("muc4"), limit=60)
    assert report["scores"]["f1"] >= MUC4_FLOOR_F1, report["scores"]

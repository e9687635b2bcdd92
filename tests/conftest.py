"""Shared fixtures: paths to ../shared, a fresh graph on a temporary SQLite file, article texts written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SAMPLES = ROOT / "samples"
SCHEMA = SHARED / "contract" / "export.schema.json"

# Written for these tests (project's own words), about real groups and places.
ARTICLE = """Militants kill soldiers in northern Burkina Faso

Fighters of Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's branch in the Sahel, attacked an army post outside Djibo on Sunday, killing at least 30 soldiers, the army said in a statement.

The Islamic State West Africa Province, a rival jihadist faction, has expanded its operations around Lake Chad. ISWAP fighters also raided a village in Borno state, according to local officials.

President Bola Tinubu of Nigeria condemned the raids. Tinubu said the government would not negotiate with Boko Haram, also known as Jama'atu Ahlis Sunna Lidda'awati wal-Jihad.

Analysts fear that hundreds of fighters may move from Mali into Burkina Faso in the coming months.
"""


def data_dir(name: str) -> Path:
    """The shared data set folder, or skip the test with a clear reason."""
    path = DATA / name
    if not path.exists():
        pytest.skip(f"shared data set {name!r} not found at {path}; it lives in ../shared/data beside the project")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "graph.db")


@pytest.fixture
def graph(db_path: str):
    from conflictgraph import Graph

    with Graph(db_path) as g:
        yield g


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "sahel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path

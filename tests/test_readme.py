"""The README is tested against the code: its Python example runs, its commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conflictgraph.cli import cli
from conflictgraph.evaluation import DATASETS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _python_example() -> str:
    section = README.split("## Python", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "README's Python section has no ```python block"
    return match.group(1)


def test_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code = _python_example().replace('"demo.db"', repr(str(tmp_path / "readme.db")))
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["report"].stored and not namespace["report"].failed
    assert namespace["jnim"]["kind"] == "armed_group"
    assert namespace["graph_json"]["format"] == "conflictgraph/1"


def test_every_command_in_the_readme_exists() -> None:
    shell = "\n".join(re.findall(r"```sh\n(.*?)```", README, re.S))
    commands = set(re.findall(r"^conflictgraph ([a-z-]+)", shell, re.M))
    commands |= set(re.findall(r"`conflictgraph ([a-z-]+)", README))
    assert {"ingest", "show", "export", "eval"} <= commands
    assert commands <= set(cli.commands), commands - set(cli.commands)
    evals = set(re.findall(r"conflictgraph eval ([a-z0-9-]+)", README))
    assert evals and evals <= set(DATASETS), evals - set(DATASETS)

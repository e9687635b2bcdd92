"""Every setting in one place, with its default and help text.

Precedence: command-line flag > environment variable > user file > default.
A user file is TOML (``CONFLICTGRAPH_CONFIG`` or ``./conflictgraph.toml``)
with keys from ``SETTINGS`` below; unknown keys are an error.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from conflictgraph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self) -> str:
        return f"CONFLICTGRAPH_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "conflictgraph.db", "SQLite file (or SQLAlchemy URL such as postgresql://...) holding the graph."),
    Setting("max_bytes", 5_000_000, "Source files larger than this many bytes are skipped."),
    Setting("min_chars", 200, "Documents with less clean text than this are skipped as having no article."),
    Setting("min_english", 0.12, "Share of English function words below which a text counts as not English."),
    Setting("n_process", 1, "Worker processes for extraction (each loads the spaCy model once)."),
    Setting("batch_size", 8, "Documents handed to a worker at a time."),
)


@dataclass(frozen=True, slots=True)
class Config:
    db: str = "conflictgraph.db"
    max_bytes: int = 5_000_000
    min_chars: int = 200
    min_english: float = 0.12
    n_process: int = 1
    batch_size: int = 8

    def with_overrides(self, **values: object) -> Config:
        """Return a copy with every non-None value applied."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _coerce(setting: Setting, raw: object) -> object:
    kind = type(setting.default)
    try:
        return kind(raw)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"Setting {setting.name!r} must be a {kind.__name__}, got {raw!r}.") from e


def _user_file() -> dict:
    path = Path(os.environ.get("CONFLICTGRAPH_CONFIG", "conflictgraph.toml"))
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"Cannot read settings file {path}: {e}. Fix the TOML or unset CONFLICTGRAPH_CONFIG.") from e


def load_config() -> Config:
    """Defaults, then the user file, then environment variables."""
    known = {s.name: s for s in SETTINGS}
    values: dict[str, object] = {}
    for key, raw in _user_file().items():
        if key not in known:
            raise ConfigError(f"Unknown setting {key!r} in settings file; known settings: {', '.join(known)}.")
        values[key] = _coerce(known[key], raw)
    for setting in SETTINGS:
        if setting.env in os.environ:
            values[setting.name] = _coerce(setting, os.environ[setting.env])
    return Config(**values)

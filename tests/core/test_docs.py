"""The README stays true: every setting is documented, and the two commands are there."""

from __future__ import annotations

from api.config import ROOT, Settings

README = (ROOT / "README.md").read_text()


def _env_names(field: str) -> list[str]:
    info = Settings.model_fields[field]
    alias = info.validation_alias
    choices = getattr(alias, "choices", None)
    if choices:
        return [str(c) for c in choices]
    return [f"FICHA_{field.upper()}"]


def test_every_setting_is_in_the_readme():
    missing = [field for field in Settings.model_fields if not any(f"`{n}`" in README for n in _env_names(field))]
    assert not missing, f"document these settings in README.md: {missing}"


def test_the_two_commands_are_documented():
    assert "make dev" in README and "make test" in README

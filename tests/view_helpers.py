"""Projects for the view tests: the mini project built, and a copy with hostile names in it."""

from __future__ import annotations

from pathlib import Path

from .conftest import run_kg

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_ALIAS = "</script><script>window.__pwned = 1</script>"
HOSTILE_TITLE = "<b onmouseover=alert(2)>Nordcell delays</b>"


def built(home: Path, *extra: str) -> Path:
    """Build the project at `home` and return it."""
    result = run_kg("build", *extra, home=home)
    assert result.exit_code == 0, result.output
    return home


def make_hostile(mini: Path) -> Path:
    """Add a battery maker whose name and alias are markup, partnering with Voltara, and give an
    article a title that is markup; return the project, built."""
    entities = mini / "data" / "entities.yaml"
    entry = f"{{id: evil-corp, name: '{HOSTILE_NAME}', types: [BatteryMaker], aliases: ['{HOSTILE_ALIAS}']}}"
    entities.write_text(entities.read_text() + f"- {entry}\n")
    alpha = mini / "data" / "claims" / "alpha.yaml"
    anchor = "  - {s: voltara-motors, p: partnersWith, o: nordcell-energy}\n"
    text = alpha.read_text()
    assert anchor in text
    alpha.write_text(
        text.replace(anchor, anchor + "  - {s: evil-corp, p: partnersWith, o: voltara-motors}\n")
    )
    sources = mini / "data" / "sources.yaml"
    text = sources.read_text()
    assert "title: Nordcell delays its line" in text
    sources.write_text(text.replace("title: Nordcell delays its line", f"title: '{HOSTILE_TITLE}'"))
    return built(mini)

"""Projects for the view tests: the mini project built, and a copy with hostile names in it."""

from __future__ import annotations

from pathlib import Path

from kg import browser as kg_browser

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


# --- in the browser


def page_of(chromium, home, *args, name="view.html", size=(1600, 1000)):
    """Write a view of `home` and load it in a window of `size`; fail if it asked for anything
    but its own file."""
    target = home / name
    result = run_kg("view", "-o", target, *args, home=home)
    assert result.exit_code == 0, result.output
    loaded = kg_browser.open_page(chromium, target, *size)
    loaded.wait_ready(timeout_ms=120_000)
    assert loaded.blocked == []
    assert all(url.startswith("file://") for url in loaded.requests), loaded.requests
    assert loaded.errors == []
    return loaded


def hidden_edges(page):
    """(from, to, hidden) of every edge, as the network itself holds them."""
    return page.evaluate(
        """Object.values(network.body.edges).map(e => [e.fromId, e.toId, Boolean(e.options.hidden)])"""
    )


def hidden_nodes(page):
    return page.evaluate("""Object.fromEntries(Object.values(network.body.nodes)
        .filter(n => !n.isCluster && network.body.data.nodes.get(n.id))
        .map(n => [n.id, Boolean(n.options.hidden)]))""")


def dom_point(page, canvas_point):
    """Page coordinates of a point on the network's canvas."""
    return page.evaluate(
        """([x, y]) => { const p = network.canvasToDOM({x: x, y: y});
            const box = document.getElementById('network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        canvas_point,
    )


def distance_after_redraws(page, node):
    """How far the centre of the view is from `node` after the network has drawn three more times."""
    return page.evaluate(
        """async (node) => {
            for (let i = 0; i < 3; i++) {
                network.redraw();
                await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
            }
            const center = network.getViewPosition(), at = network.getPositions([node])[node];
            return Math.hypot(center.x - at.x, center.y - at.y);
        }""",
        node,
    )

"""The view page in a real headless Chromium, with every network request aborted.

Skips, saying why, when Playwright or Chromium is missing. Expected values come from the two
test articles (tests/fixtures/mini) and, for the real graph, from reading the five articles.
"""

import pytest

from kg import browser as kg_browser
from kg.projection import load_projection
from kg.selection import Selection, select

from .view_helpers import (
    HOSTILE_NAME,
    HOSTILE_TITLE,
    built,
    dom_point,
    hidden_edges,
    hidden_nodes,
    make_hostile,
    page_of,
)

pytestmark = pytest.mark.skipif(bool(kg_browser.missing()), reason=f"no browser: {kg_browser.missing()}")


def test_page_draws_every_node_and_edge_of_the_projection_offline(chromium, mini):
    loaded = page_of(chromium, built(mini))
    graph = load_projection(mini / "exports" / "ssb-kg.ttl")
    counts = loaded.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()] == [10, 10]
    assert loaded.page.evaluate("document.getElementById('counts').textContent") == (
        "showing 10 of 10 nodes, 10 of 10 edges"
    )


def test_physics_stops_once_the_layout_settles_and_the_layout_is_seeded(chromium, mini):
    built(mini)
    first = page_of(chromium, mini).page
    positions = first.evaluate("network.getPositions()")
    first.wait_for_timeout(600)
    assert first.evaluate("network.getPositions()") == positions  # nothing moves any more
    again = page_of(chromium, mini).page.evaluate("network.getPositions()")
    assert again == positions  # the same layout on every load


def test_legend_names_the_kinds_and_relations_shown(chromium, mini):
    page = page_of(chromium, built(mini)).page
    assert page.is_visible("#legend")
    assert page.inner_text('#legend li[data-kind="battery-maker"]').strip() == "battery maker"
    assert page.inner_text('#legend li[data-kind="vehicle"]').strip() == "vehicle"
    assert "supplies to" in page.inner_text('#legend li[data-relation="suppliesTo"]')
    assert "supplier → customer" in page.inner_text('#legend li[data-relation="suppliesTo"]')
    assert page.locator('#legend li[data-relation="develops"]').count() == 0  # none in this graph


def test_relation_filter_hides_those_edges_and_reset_shows_them_again(chromium, mini):
    page = page_of(chromium, built(mini)).page
    positions = page.evaluate("network.getPositions()")
    page.uncheck('input[data-facet="relation"][value="suppliesTo"]')
    hidden = {(f, t) for f, t, h in hidden_edges(page) if h}
    assert hidden == {("id:nordcell-energy", "id:voltara-motors")}

    page.uncheck('input[data-group="policy"]')  # the whole policy group
    hidden = {(f, t) for f, t, h in hidden_edges(page) if h}
    assert hidden == {
        ("id:nordcell-energy", "id:voltara-motors"),
        ("id:lyon-line-pledge", "id:french-government"),
        ("id:lyon-line-pledge", "id:france"),
        ("id:lyon-line-pledge", "id:nordcell-energy"),
    }
    # nodes left without a visible relation go too: the pledge, the government, France
    gone = {n for n, h in hidden_nodes(page).items() if h}
    assert gone == {"id:lyon-line-pledge", "id:french-government", "id:france"}

    page.click("#reset")
    assert not any(h for _, _, h in hidden_edges(page))
    assert not any(hidden_nodes(page).values())
    assert page.evaluate("network.getPositions()") == positions  # filtering moved nothing


def test_role_and_year_filters(chromium, mini):
    page = page_of(chromium, built(mini)).page
    page.uncheck('input[data-facet="role"][value="vehicle"]')
    assert {n for n, h in hidden_nodes(page).items() if h} == {"id:voltara-aurora", "id:nordcell-cell"}
    page.click("#reset")
    # alpha is dated 2026, beta undated: without undated articles only alpha's relations stay
    page.uncheck("#year-undated")
    shown = {(f, t) for f, t, h in hidden_edges(page) if not h}
    assert ("id:voltara-motors", "id:nordcell-energy") in shown
    assert ("id:lyon-line-pledge", "id:nordcell-energy") not in shown
    assert len(shown) == 7


def test_an_empty_view_loads_and_shows_its_message(chromium, mini):
    page = page_of(chromium, built(mini), "--relations", "develops").page
    assert page.is_visible("#empty")
    assert page.inner_text("#counts") == "showing 0 of 0 nodes, 0 of 0 edges"


def test_hovering_an_edge_shows_its_source(chromium, mini):
    page = page_of(chromium, built(mini)).page
    # the middle of the drawn partnership line (it is curved: a supply edge joins the same two nodes)
    middle = page.evaluate(
        """(() => { const id = kgView.edges.get().find(e => e.from === 'id:voltara-motors' &&
            e.to === 'id:nordcell-energy').id; const p = network.body.edges[id].edgeType.getPoint(0.5);
            return [p.x, p.y]; })()"""
    )
    x, y = dom_point(page, middle)
    page.mouse.move(5, 5)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    text = page.inner_text("#tooltip")
    assert "partners with" in text
    assert "Test Wire" in text and "Voltara Motors picks sulfide cells" in text
    assert "2026-03-02" in text and "sentence 1" in text
    page.mouse.click(x, y)
    assert "stated in 1 sentence" in page.inner_text("#details").lower()


def test_hovering_a_node_shows_its_facts(chromium, mini):
    page = page_of(chromium, built(mini)).page
    spot = page.evaluate("network.getPositions(['id:voltara-aurora'])['id:voltara-aurora']")
    x, y = dom_point(page, [spot["x"], spot["y"]])
    page.mouse.move(5, 5)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    text = page.inner_text("#tooltip")
    assert "Voltara Aurora" in text and "vehicle" in text and "driving range: 900 km" in text


def test_an_injected_name_is_text_and_runs_nothing(chromium, mini):
    loaded = page_of(chromium, make_hostile(mini))
    page = loaded.page
    page.fill("#search", "<img")
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["id:evil-corp"]
    assert page.inner_text("#details h3") == HOSTILE_NAME
    page.wait_for_timeout(700)  # the focus animation
    spot = page.evaluate("network.getPositions(['id:evil-corp'])['id:evil-corp']")
    x, y = dom_point(page, [spot["x"], spot["y"]])
    page.mouse.move(5, 5)
    page.mouse.move(x, y, steps=4)
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    assert HOSTILE_NAME in page.inner_text("#tooltip")
    pledge = page.evaluate(
        "kgView.edges.get().find(e => e.from === 'id:lyon-line-pledge' && e.to === 'id:nordcell-energy').id"
    )
    page.evaluate(f"kgView.showEdge('{pledge}')")
    assert HOSTILE_TITLE in page.inner_text("#details")
    page.wait_for_timeout(300)
    assert loaded.dialogs == []
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, #details b, #tooltip b').length") == 0
    assert loaded.errors == [] and loaded.blocked == []


@pytest.fixture(scope="module")
def real(seed_project):
    return seed_project  # shared: the views below are written beside it, its graph is only read


@pytest.mark.parametrize("preset", ["full", "partnerships", "supply-chain"])
def test_real_graph_views_draw_their_projection(chromium, real, preset):
    loaded = page_of(chromium, real, "--preset", preset, name=f"{preset}.html")
    graph = select(load_projection(real / "exports" / "ssb-kg.ttl"), Selection(preset))
    counts = loaded.page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()]


def test_real_partnership_of_mercedes_and_factorial_is_traced_to_nenpower(chromium, real):
    # Article 003 (NenPower): Mercedes-Benz has teamed up with Factorial Energy.
    page = page_of(chromium, real, "--preset", "partnerships", name="partners.html").page
    edge = page.evaluate(
        """kgView.edges.get().find(e => [e.from, e.to].sort().join() ===
            ['id:factorial-energy', 'id:mercedes-benz'].sort().join()).id"""
    )
    page.evaluate(f"kgView.showEdge('{edge}')")
    text = page.inner_text("#details")
    assert "NenPower" in text and "article 003" in text


def test_real_supply_chain_has_the_e70_on_ganfeng_cells(chromium, real):
    # Article 003: the Dongfeng E70 runs on Ganfeng Lithium's solid-state battery.
    page = page_of(chromium, real, "--preset", "supply-chain", name="chain.html").page
    pairs = {(f, t) for f, t, _ in hidden_edges(page)}
    assert ("id:dongfeng-e70", "id:ganfeng-solid-state-battery") in pairs
    levels = page.evaluate("Object.fromEntries(kgView.nodes.get().map(n => [n.id, n.level]))")
    assert (
        levels["id:ganfeng-lithium"]
        < levels["chem:lithium"]
        < levels["id:dongfeng-motor"]
        < levels["id:dongfeng-e70"]
    )

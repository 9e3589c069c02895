"""`kg view` end to end, without a browser: one offline file, escaped data, stable output.

What the page does when a browser runs it is in test_view_browser.py.
"""

import json
import re
from html.parser import HTMLParser

import pytest

from kg.projection import load_projection
from kg.selection import Selection, select

from .conftest import run_kg
from .view_helpers import HOSTILE_ALIAS, HOSTILE_NAME, HOSTILE_TITLE, built, make_hostile

# A reference to a remote resource, in HTML or CSS: what an offline page must not hold.
REMOTE = re.compile(
    r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
    re.I,
)


def view(home, *args):
    result = run_kg("view", *args, home=home)
    assert result.exit_code == 0, result.output
    return result


def start_tags(html):
    tags = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

    Collector().feed(html)
    return tags


def script_json(html, element_id):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, element_id
    return json.loads(match.group(1))


def test_view_writes_one_self_contained_page(mini):
    result = view(built(mini))
    page = mini / "exports" / "view.html"
    assert f"wrote {page}: 10 nodes, 10 edges (full)" in result.output
    html = page.read_text(encoding="utf-8")
    assert not REMOTE.search(html), REMOTE.search(html)
    assert "<link" not in html and "bootstrap" not in html.lower()
    assert "vis-network" in html and "new vis.Network(" in html  # vis-network itself is inlined
    assert sorted(p.name for p in (mini / "exports").iterdir()) == ["ssb-kg.ttl", "view.html"]


def test_the_page_holds_the_projection(mini):
    view(built(mini))
    html = (mini / "exports" / "view.html").read_text(encoding="utf-8")
    graph = load_projection(mini / "exports" / "ssb-kg.ttl")
    nodes, edges = script_json(html, "kg-nodes"), script_json(html, "kg-edges")
    assert {n["id"] for n in nodes} == set(graph.nodes)
    assert {(e["from"], e["to"]) for e in edges} == {(s, o) for s, o in graph.edges()}
    details = script_json(html, "kg-details")
    partner = next(e for e in details["edges"].values() if e["relation"] == "partnersWith")
    assert [(c["article"], c["sentence"]) for c in partner["claims"]] == [("alpha", 1)]
    assert details["articles"]["alpha"]["publisher"] == "Test Wire"
    options = script_json(html, "kg-options")
    assert options["layout"]["randomSeed"] == 20250418
    assert options["physics"]["solver"] == "forceAtlas2Based"


def test_two_views_of_the_same_graph_are_byte_identical(mini):
    built(mini)
    view(mini)
    first = (mini / "exports" / "view.html").read_bytes()
    view(mini)
    assert (mini / "exports" / "view.html").read_bytes() == first


def test_markup_in_the_data_is_escaped(mini):
    view(make_hostile(mini))
    html = (mini / "exports" / "view.html").read_text(encoding="utf-8")
    for raw in (HOSTILE_NAME, HOSTILE_ALIAS, HOSTILE_TITLE, "<img", "<b onmouseover"):
        assert raw not in html
    tags = start_tags(html)  # as a browser's parser sees them: markup in data would add tags
    assert "img" not in tags and "b" not in tags
    assert tags.count("script") == 7  # four data blocks, vis-network, the page's two scripts
    names = {n["label"] for n in script_json(html, "kg-nodes")}
    assert HOSTILE_NAME in names  # the name is still there, as data
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # and as escaped text in the search list


def test_presets_and_options_reach_the_page(mini):
    built(mini)
    result = view(mini, "--preset", "supply-chain", "-o", mini / "chain.html")
    assert "4 nodes, 3 edges (supply-chain)" in result.output
    html = (mini / "chain.html").read_text(encoding="utf-8")
    assert "Supply chain from raw material to vehicle" in html
    levels = {n["id"]: n["level"] for n in script_json(html, "kg-nodes")}
    # left to right: battery maker, cell, automaker, vehicle
    assert levels["id:nordcell-energy"] < levels["id:nordcell-cell"] < levels["id:voltara-motors"]
    assert levels["id:voltara-motors"] < levels["id:voltara-aurora"]
    focus = view(
        mini,
        "--focus",
        "Voltara",
        "--depth",
        "1",
        "--relations",
        "partnership,vehicle",
        "-o",
        mini / "f.html",
    )
    assert "3 nodes, 2 edges (full)" in focus.output


def test_view_with_a_selection_matches_select(mini):
    built(mini)
    view(mini, "--since", "2027", "-o", mini / "late.html")
    html = (mini / "late.html").read_text(encoding="utf-8")
    graph = select(load_projection(mini / "exports" / "ssb-kg.ttl"), Selection(since=2027))
    assert len(script_json(html, "kg-edges")) == graph.number_of_edges() == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--focus", "Acme"], "no entity or concept named 'Acme'"),
        (["--relations", "gossip"], "unknown relation or group 'gossip'"),
        (["-o", "view.txt"], "ending in .html"),
        (["--depth", "-1"], "-1 is not in the range"),
    ],
)
def test_bad_options_give_one_line_and_no_file(mini, args, message):
    built(mini)
    result = run_kg("view", *args, home=mini)
    assert result.exit_code != 0
    assert message in result.output
    assert not (mini / "exports" / "view.html").exists()


def test_view_needs_a_built_graph(mini):
    result = run_kg("view", home=mini)
    assert result.exit_code == 1
    assert "run `kg build` first" in result.output


def test_open_opens_the_written_page(mini, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    view(built(mini), "--open")
    assert opened == [(mini / "exports" / "view.html").resolve().as_uri()]


def test_a_selection_with_no_node_says_so_on_the_page(mini):
    built(mini)
    result = view(mini, "--relations", "develops", "-o", mini / "empty.html")  # no one develops here
    assert "0 nodes, 0 edges" in result.output
    page = (mini / "empty.html").read_text(encoding="utf-8")
    assert "Nothing to show: no node matches this selection" in page and "relations: develops" in page
    view(mini)
    assert 'id="empty"' not in (mini / "exports" / "view.html").read_text(encoding="utf-8")

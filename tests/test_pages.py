"""Listing questions answer a page at a time (kg/pages.py): pages read one after another give
the whole listing, in its order, and a page is cut from what the bound parameters select.

On the mini project (two test articles), with pages of one and two, so that every listing has
several pages; the same on the five articles' graph where they are present.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.engine import LocalGraph
from kg.errors import KGError
from kg.pages import EVERY_ROW, Page
from kg.project import Project
from kg.questions import (
    bind_parameters,
    load_questions,
    page_for,
    parse_question,
    resolve_lookup,
    run_question,
)
from kg.store import open_store

from .conftest import FIXTURES, REPO, run_kg

LISTINGS = [q for q in load_questions().values() if q.paging is not None]
# parameters that select part of the mini project (the questions' own examples name the articles')
MINI_EXAMPLES = {
    "companies-by-role": (
        {"role": "Automaker"},
        {"country": "france"},
        {"role": "Company", "country": "france"},
    ),
    "energy-density-claims": ({"kind": "GravimetricEnergyDensity"},),
    "most-connected": ({"role": "BatteryMaker"},),
}


@pytest.fixture(scope="module")
def mini_graph(tmp_path_factory) -> LocalGraph:
    root = tmp_path_factory.mktemp("pages") / "project"
    shutil.copytree(FIXTURES / "mini" / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    assert run_kg("build", home=root).exit_code == 0
    return LocalGraph(open_store(Project(root)))


def _cases():
    for question in LISTINGS:
        for n, example in enumerate(({},) + MINI_EXAMPLES.get(question.name, ())):
            yield pytest.param(question.name, example, id=f"{question.name}-{n}")


def walk(graph, question, bindings, size: int) -> tuple[list, int]:
    """Every page of `size`, from the first until one says there is no next: its rows, and pages."""
    rows, offset, pages = [], 0, 0
    while True:
        answer = run_question(graph, question, bindings, Page(size, offset))
        key = answer.columns.index(question.paging.key)
        assert len({row[key] for row in answer.rows}) <= size, "a page holds at most its size"
        rows += answer.rows
        pages += 1
        assert pages < 1000, "the pages never end"
        if answer.next_offset is None:
            return rows, pages
        assert answer.next_offset == offset + size and answer.rows, "a next page follows a full one"
        offset = answer.next_offset


def test_there_are_listing_questions():
    # the biggest listings of the corpus; their whole answers grow with it
    assert {"articles", "most-connected"} <= {q.name for q in LISTINGS}


@pytest.mark.parametrize("size", [1, 2])
@pytest.mark.parametrize(("name", "example"), list(_cases()))
def test_pages_one_after_another_are_the_whole_listing(mini_graph, name, example, size):
    question = load_questions()[name]
    bindings = bind_parameters(question, example, resolve_lookup(mini_graph))
    whole = run_question(mini_graph, question, bindings, EVERY_ROW)
    rows, pages = walk(mini_graph, question, bindings, size)
    assert rows == whole.rows  # the same rows, in the same order: the order is total
    units = len({row[whole.columns.index(question.paging.key)] for row in whole.rows})
    assert pages == max(1, -(-units // size))  # a full last page already says there is no next


def test_a_page_is_cut_from_what_the_parameters_select(mini_graph):
    # The mini project's three companies, one of each role: ordered by role, the first rows of
    # every company are its ssb:Company ones, so a page cut before the role was joined would
    # hold none of that role
    question = load_questions()["companies-by-role"]
    for role, company in [
        ("Automaker", "voltara-motors"),
        ("BatteryMaker", "nordcell-energy"),
        ("GovernmentBody", "french-government"),
    ]:
        bindings = bind_parameters(question, {"role": role})
        first = run_question(mini_graph, question, bindings, Page(1))
        assert [row[2].value.rsplit("/", 1)[1] for row in first.rows] == [company]
        assert first.next_offset is None


def test_the_default_page_is_the_questions_own(mini_graph):
    question = load_questions()["articles"]
    assert question.paging.size >= 10 and question.paging.unit == "articles"
    answer = run_question(mini_graph, question, {})
    assert len(answer.rows) == 2 and answer.next_offset is None  # the mini project's two articles


def test_page_for_refuses_a_page_of_a_question_that_answers_in_full():
    timeline = load_questions()["timeline"]
    assert page_for(timeline) is None
    with pytest.raises(KGError, match="timeline answers in full.*articles"):
        page_for(timeline, 10)
    with pytest.raises(KGError, match="answers in full"):
        page_for(timeline, None, 5)
    articles = load_questions()["articles"]
    assert page_for(articles, "all") == EVERY_ROW
    assert page_for(articles, None, 50) == Page(articles.paging.size, 50)
    with pytest.raises(KGError):
        page_for(articles, 0)
    with pytest.raises(KGError, match="offset is a whole number from 0 to 1,000,000,000"):
        page_for(articles, None, 10**20)  # a slip of the keyboard, not a page


QUERY = """# title: Some things
{header}
SELECT ?thing WHERE {{
  {{
    SELECT ?thing WHERE {{ ?thing a ssb:Thing }}
    ORDER BY ?thing {mark}
  }}
}}
"""


@pytest.mark.parametrize(
    ("header", "mark", "error"),
    [
        ("# page: 10 things (?thing)", "", "marks one sub-select"),
        ("# page: 10 things (?thing)", "# (page) # (page)", "marks one sub-select"),
        ("", "# (page)", "no '# page:' header"),
        ("# page: 10 things (?other)", "# (page)", r"key \?other is not a column"),
        ("# page: 0 things (?thing)", "# (page)", "at least one"),
        # a parameter the sub-select does not use would filter the page after it is cut
        ("# page: 10 things (?thing)\n# param colour (term): a colour", "# (page)", "does not use parameter"),
    ],
)
def test_a_paged_question_that_cannot_be_cut_is_refused(tmp_path: Path, header, mark, error):
    path = tmp_path / "things.rq"
    path.write_text(QUERY.format(header=header, mark=mark), encoding="utf-8")
    with pytest.raises(KGError, match=error):
        parse_question(path)


def test_the_key_must_be_a_column_of_the_answer_not_only_of_the_sub_select(tmp_path: Path):
    path = tmp_path / "things.rq"
    text = QUERY.format(header="# page: 10 things (?thing)", mark="# (page)")
    outer = text.replace("SELECT ?thing WHERE {\n  {", "SELECT ?name WHERE {\n  {", 1)
    assert outer != text
    path.write_text(outer, encoding="utf-8")
    with pytest.raises(KGError, match=r"key \?thing is not a column"):
        parse_question(path)


def test_a_trailing_comment_with_a_brace_does_not_move_the_cut(mini_graph, tmp_path: Path):
    path = tmp_path / "articles.rq"
    text = (REPO / "kg" / "queries" / "articles.rq").read_text(encoding="utf-8")
    path.write_text(text.replace("?article a ssb:Article .", "?article a ssb:Article .  # not a } brace"))
    question = parse_question(path)
    first = run_question(mini_graph, question, {}, Page(1))
    assert len(first.rows) == 1 and first.next_offset == 1


def test_a_well_marked_question_parses(tmp_path: Path):
    path = tmp_path / "things.rq"
    path.write_text(QUERY.format(header="# page: 10 things (?thing)", mark="# (page)"), encoding="utf-8")
    paging = parse_question(path).paging
    assert (paging.size, paging.unit, paging.key) == (10, "things", "thing")


def test_pages_of_the_five_articles_graph(seed_project):
    graph = LocalGraph(open_store(Project(seed_project)))
    for question in LISTINGS:
        for example in ({},) + question.examples:
            bindings = bind_parameters(question, example, resolve_lookup(graph))
            whole = run_question(graph, question, bindings, EVERY_ROW)
            rows, _ = walk(graph, question, bindings, 3)
            assert rows == whole.rows, (question.name, example)

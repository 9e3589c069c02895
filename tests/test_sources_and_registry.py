"""The sources manifest, the corpus, and the entity registry."""

import pytest

from kg.errors import DataError
from kg.registry import load_registry
from kg.sources import load_sources, read_article, resolve_corpus


def test_the_manifest_gives_citations_and_hashes(mini):
    sources = load_sources(mini / "data" / "sources.yaml")
    assert sorted(sources) == ["alpha", "beta"]
    assert sources["alpha"].publisher == "Test Wire"
    assert sources["alpha"].date.isoformat() == "2026-03-02"
    assert sources["beta"].date is None and sources["beta"].date_note


def test_an_article_must_still_match_its_hash(mini, mini_corpus, tmp_path):
    sources = load_sources(mini / "data" / "sources.yaml")
    assert read_article(mini_corpus, sources["alpha"]).startswith("Voltara Motors")
    changed = tmp_path / "corpus"
    changed.mkdir()
    (changed / "alpha.txt").write_text("Voltara Motors rewrote this article.")
    with pytest.raises(DataError, match="alpha.txt has changed"):
        read_article(changed, sources["alpha"])
    with pytest.raises(DataError, match="beta.txt is not in"):
        read_article(changed, sources["beta"])


def test_the_corpus_comes_from_the_argument_or_the_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("SSB_KG_CORPUS", raising=False)
    assert resolve_corpus(None) is None
    monkeypatch.setenv("SSB_KG_CORPUS", str(tmp_path))
    assert resolve_corpus(None) == tmp_path
    other = tmp_path / "other"
    other.mkdir()
    assert resolve_corpus(other) == other  # the argument wins over the setting
    with pytest.raises(DataError, match="corpus folder not found"):
        resolve_corpus(tmp_path / "missing")


def test_registry_entries_are_checked(tmp_path):
    path = tmp_path / "entities.yaml"
    path.write_text("- {id: acme, name: Acme, types: [Automaker], country: mars}\n")
    with pytest.raises(DataError, match="'mars' is not a Place"):
        load_registry(path)
    path.write_text("- {id: acme, name: Acme, types: [Carmaker]}\n")
    with pytest.raises(DataError, match="types must be among"):
        load_registry(path)
    path.write_text("- {id: Acme Inc, name: Acme, types: [Automaker]}\n")
    with pytest.raises(DataError, match="lower-case"):
        load_registry(path)
    path.write_text(
        "- {id: acme, name: Acme, types: [Automaker]}\n- {id: acme, name: A, types: [Automaker]}\n"
    )
    with pytest.raises(DataError, match="appears twice"):
        load_registry(path)


@pytest.mark.parametrize(
    ("places", "circle"),
    [
        ("- {id: lyon, name: Lyon, types: [Place], part_of: lyon}\n", "lyon -> lyon"),
        (
            "- {id: france, name: France, types: [Place], part_of: lyon}\n"
            "- {id: lyon, name: Lyon, types: [Place], part_of: france}\n",
            "france -> lyon -> france",
        ),
        (  # a place that leads into the circle is not blamed for it
            "- {id: croix-rousse, name: Croix-Rousse, types: [Place], part_of: lyon}\n"
            "- {id: lyon, name: Lyon, types: [Place], part_of: france}\n"
            "- {id: france, name: France, types: [Place], part_of: lyon}\n",
            "lyon -> france -> lyon",
        ),
    ],
)
def test_a_place_inside_itself_is_refused(tmp_path, places, circle):
    path = tmp_path / "entities.yaml"
    path.write_text(places)
    first = circle.split(" ")[0]
    with pytest.raises(DataError, match=f": {first}: part_of goes round in a circle: {circle}$"):
        load_registry(path)

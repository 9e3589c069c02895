"""Stage 3b, discovery: players the registry does not know become candidates, with the cue."""

from kg.extraction.discovery import discover, facilities

from .extraction_helpers import extractor, lexicon, matcher


def candidates(text: str) -> dict[str, tuple[tuple[str, ...], str]]:
    mentions = matcher().find(text)
    return {c.name: (c.types, c.cue) for c in discover(text, mentions, lexicon().entities)}


def test_company_suffixes_and_industry_words_make_candidates():
    found = candidates("Brightwell Anode Co.,Ltd. will ship to Korvath Motor and Ostrel Lithium this year.")
    assert found["Brightwell Anode Co., Ltd."][1] == "company-suffix"
    assert found["Korvath Motor"] == (("Automaker",), "industry-word")
    assert found["Ostrel Lithium"] == (("MiningCompany", "MaterialSupplier"), "industry-word")


def test_descriptors_and_modifiers_name_a_company():
    found = candidates("The Honda-backed startup Pellucid will work with the Oslo fund Tarnvik Capital.")
    assert "Pellucid" in found
    assert found["Tarnvik Capital"][0] == ("Company",)


def test_known_names_and_ordinary_capitalised_words_are_not_candidates():
    found = candidates("Nevertheless, Honda and Skarven Cells said on Monday that The Company grew.")
    assert found == {}


def test_a_headline_in_title_case_does_not_turn_every_word_into_a_company():
    assert candidates("Cheaper Cells Set To Revolutionize Electric Trucks") == {}


def test_a_model_name_after_its_maker_is_a_vehicle_candidate():
    text = "Qiantang Motor will fit the cells to its Qiantang Breeze hatchback."
    found = discover(text, matcher().find(text), lexicon().entities)
    vehicles = [c for c in found if c.types == ("Vehicle",)]
    assert [c.name for c in vehicles] == ["Qiantang Breeze"] and vehicles[0].owner == "qiantang-motor"


def test_a_plant_named_by_its_place_is_a_line_candidate():
    text = "Skarven Cells will open a pilot plant in Trondheim next year."
    found = facilities(text, matcher().find(text), lexicon().entities)
    assert [(c.name, c.place) for c in found] == [("Trondheim pilot plant", "trondheim")]


def test_an_article_of_new_players_yields_candidates_and_their_relations():
    article = (
        "Vindral Energy licenses its sulfide cell design to Korvath Motor\n\n"
        "Oslo-based Vindral Energy has agreed to license its sulfide cell design to Korvath Motor. "
        "Korvath will source electrolyte from Brightwell Materials under a three-year contract.\n"
    )
    result = extractor().extract(article, "new.txt")
    names = {c.name: c for c in result.candidates}
    assert {"Vindral Energy", "Korvath Motor", "Brightwell Materials"} <= set(names)
    ids = {name: c.id for name, c in names.items()}
    relations = {(c["s"], c["p"], c["o"]) for s in result.sentences for c in s.claims if "p" in c}
    assert (ids["Vindral Energy"], "licensesTo", ids["Korvath Motor"]) in relations
    assert (ids["Brightwell Materials"], "suppliesTo", ids["Korvath Motor"]) in relations
    assert (ids["Vindral Energy"], "pursuesRoute", "sulfide") in relations

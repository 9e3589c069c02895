"""Stage 3, entities: registry names, aliases and chemistry labels, whatever their spelling."""

from .extraction_helpers import matcher


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entity) for m in matcher().find(text)]


def test_names_and_aliases_match_ignoring_case_and_punctuation():
    assert found("SOLID POWER and sk on, with Hanul Energy's partner Mitsuya.") == [
        ("SOLID POWER", "solid-power"),
        ("sk on", "sk-on"),
        ("Hanul Energy", "hanul-energy"),
        ("Mitsuya", "mitsuya-chemical"),
    ]


def test_chemistry_labels_match_with_british_spelling_and_plurals():
    assert found("Sulphide electrolytes beat polymer electrolyte cells.") == [
        ("Sulphide electrolytes", "sulfide"),
        ("polymer electrolyte", "polymer"),
    ]


def test_the_longest_name_wins():
    assert found("Sulfera GmbH opened in Leipzig; lithium-metal anodes and lithium.") == [
        ("Sulfera GmbH", "sulfera"),
        ("Leipzig", "leipzig"),
        ("lithium-metal anodes", "lithium-metal-anode"),
        ("lithium", "lithium"),
    ]


def test_short_acronyms_keep_their_case():
    assert ("US", "united-states") in found("Cells made in the US for us.")
    assert all(
        entity != "united-states" or text == "US" for text, entity in found("Cells made in the US for us.")
    )


def test_words_inside_longer_words_do_not_match():
    assert found("Hanulian Mitsuyama Arcadia") == []

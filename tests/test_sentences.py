"""Sentence splitting: spans point into the raw text, whatever markup or spacing it has."""

from kg.sentences import sha256_text, split_sentences


def texts(raw: str) -> list[str]:
    return [s.text(raw) for s in split_sentences(raw)]


def test_spans_point_into_the_raw_text():
    raw = "Acme builds cells. Beta buys them.\nGamma sells lithium."
    assert texts(raw) == ["Acme builds cells.", "Beta buys them.", "Gamma sells lithium."]
    assert [s.index for s in split_sentences(raw)] == [0, 1, 2]


def test_sentences_glued_without_a_space_are_split():
    raw = "The line runs in Hefei.It makes 60Ah cells,says the firm."
    assert texts(raw) == ["The line runs in Hefei.", "It makes 60Ah cells,says the firm."]


def test_a_sentence_glued_on_after_an_acronym_is_split_too():
    # syntok, the splitter before sentencex, kept these two as one sentence
    raw = "Next comes industrial output.ACME Group opened the plant."
    assert texts(raw) == ["Next comes industrial output.", "ACME Group opened the plant."]


def test_a_figure_in_brackets_ends_the_sentence_it_closes():
    # syntok began the next sentence with "(<b>10⁻²S/cm</b>).", so a figure's claim
    # pointed at a sentence that does not state it
    raw = "Sulfides conduct ions almost as well as liquids (<b>10⁻²S/cm</b>). That speeds charging."
    assert texts(raw) == [
        "Sulfides conduct ions almost as well as liquids (<b>10⁻²S/cm</b>).",
        "That speeds charging.",
    ]


def test_abbreviations_and_decimals_end_no_sentence():
    raw = "Idemitsu Kosan Co., Ltd. and Mr. Chen of the U.S. unit said 3.5 Wh/g, i.e. a lot. Fine."
    assert texts(raw) == [
        "Idemitsu Kosan Co., Ltd. and Mr. Chen of the U.S. unit said 3.5 Wh/g, i.e. a lot.",
        "Fine.",
    ]


def test_markup_is_skipped_but_offsets_are_kept():
    raw = "<h3>1.2 Costs</h3>\nCells reach <b>400Wh/kg</b> in tests. Prices fall."
    found = split_sentences(raw)
    assert [s.text(raw) for s in found] == [
        "1.2 Costs",
        "Cells reach <b>400Wh/kg</b> in tests.",
        "Prices fall.",
    ]
    assert raw[found[1].start : found[1].end] == found[1].text(raw)


def test_a_line_break_ends_a_sentence():
    raw = "A headline without a stop\nThe body starts here."
    assert texts(raw) == ["A headline without a stop", "The body starts here."]


def test_the_hash_is_of_the_sentence_text():
    raw = "One. Two."
    second = split_sentences(raw)[1]
    assert second.sha256(raw) == sha256_text("Two.")
    assert second.sha256(raw) != sha256_text("One.")

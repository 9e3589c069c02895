"""Stage 1, normalise: clean text from plain text, HTML and Markdown, with offsets into the raw file."""

from kg.extraction.normalise import detect_format, normalise


def test_missing_spaces_after_punctuation_are_repaired_and_mapped_back():
    raw = "The plant opened in Ulsan,making cells.It runs today. Output is 1,200 tonnes at 7:30."
    clean = normalise(raw)
    assert (
        clean.text
        == "The plant opened in Ulsan, making cells. It runs today. Output is 1,200 tonnes at 7:30."
    )
    start = clean.text.index("making")
    assert raw[clean.offsets[start] : clean.offsets[start] + 6] == "making"
    assert clean.raw_span(start, start + 6) == (raw.index("making"), raw.index("making") + 6)


def test_typographic_characters_become_plain_and_spaces_collapse():
    clean = normalise("\u201cAcme\u2019s\u201d  cells\u00a0\u2013 20\u201340 Ah\u200b")
    assert clean.text == '"Acme\'s" cells - 20-40 Ah'


def test_html_loses_tags_scripts_furniture_and_entities_but_keeps_offsets():
    raw = (
        "<html><head><title>T</title><script>var x = 'Hidden. Text.';</script></head><body>"
        "<nav>Home | Login</nav><article><h1>Acme &amp; Beta sign</h1>"
        "<p>Acme will <b>supply</b> cells.</p></article>"
        "<aside class='newsletter'>Subscribe now</aside><footer>&copy; 2025</footer></body></html>"
    )
    clean = normalise(raw, "html")
    assert "Hidden" not in clean.text and "Home" not in clean.text and "Subscribe" not in clean.text
    assert "2025" not in clean.text
    assert "Acme & Beta sign" in clean.text and "Acme will supply cells." in clean.text
    at = clean.text.index("supply")
    assert raw[clean.offsets[at] : clean.offsets[at] + 6] == "supply"
    sentence = raw.index("<p>Acme"), raw.index("</p>")
    assert clean.slice(*sentence) == "Acme will supply cells."


def test_markdown_syntax_is_removed_in_place():
    raw = (
        "---\ntitle: X\n---\n# Big *news*\n\n- **Acme** signs with [Beta](https://x.org/b).\n\n"
        "```\ncode here\n```\n"
    )
    clean = normalise(raw, "markdown")
    assert "title" not in clean.text and "code here" not in clean.text and "https" not in clean.text
    assert "Big news" in clean.text and "Acme signs with Beta." in clean.text
    at = clean.text.index("Beta")
    assert raw[clean.offsets[at] : clean.offsets[at] + 4] == "Beta"


def test_the_format_comes_from_the_name_then_the_content():
    assert detect_format("a.md", "") == "markdown"
    assert detect_format("a.htm", "") == "html"
    assert detect_format("a.txt", "<!DOCTYPE html><p>x</p>") == "html"
    assert detect_format("a.txt", "Plain words.") == "text"

"""Extraction: from article text to proposed claims, one stage per module.

    normalise   raw text, HTML or Markdown -> clean text with a map back to raw offsets
    sentences   the article's sentences (kg/sentences.py spans) with their clean text
    lexicon     the names the extractor knows, and how names and text are compared
    entities    registry names, aliases and chemistry labels found in a sentence
    discovery   organisations, vehicles, lines and programmes the registry does not know yet
    references  descriptions ("its plant in Leipzig") and anaphors ("the company") resolved
    relations   sentence-level patterns (relation_rules) -> relations between the mentioned entities
    implied     relations that follow from names and from the sentence's other relations
    quantities  figures with units (units), normalised, attached to what they describe
    dates       years, days and relative expressions, resolved against the article's date
    milestones  dated milestones with a status
    claim_form  the facts as claims-file dicts
    pipeline    runs the stages on one article and returns plain data (claims, candidates)

Around the pipeline: `articles` reads input files, `ingest` keeps the project's data (manifest,
pending claims, candidates) through `store`, `review` accepts or rejects, `evaluation` compares
extraction with the curated claims, and `report` prints what the commands did.
"""

"""Extraction: from article text to proposed claims, one stage per module.

    normalise   raw text, HTML or Markdown -> clean text with a map back to raw offsets
    sentences   the article's sentences (kg/sentences.py spans) with their clean text
    entities    registry names, aliases and chemistry labels found in a sentence
    discovery   organisations, vehicles, lines and programmes the registry does not know yet
    relations   sentence-level patterns -> relations between the mentioned entities
    quantities  figures with units, normalised, attached to what they describe
    dates       years, dates and relative expressions -> dated milestones with a status
    pipeline    runs the stages on one article and returns plain data (claims, candidates)

Around the pipeline: `articles` reads input files, `ingest` keeps the project's data
(manifest, pending claims, candidates), `review` accepts or rejects, `evaluation` compares
extraction with the curated claims.
"""

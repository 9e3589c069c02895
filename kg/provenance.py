"""`--with-sources`: the articles and sentences behind each row of an answer.

A row's sources are the claims whose subject and object both appear in the row: the fact the
row reports, whichever way round it was stated (so an inferred inverse or symmetric fact is
traced to the stated one). A figure or milestone row names its node, which is a claim's object.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.engine import Backend, Table

CLAIM_INDEX = Path(__file__).parent / "queries" / "internal" / "claim-index.rq"


def add_sources(backend: Backend, table: Table) -> Table:
    """The table with a last column `sources`: 'source:003#6 (NenPower, 2025-04-18); ...' per row."""
    import pyoxigraph as ox

    index = backend.run(CLAIM_INDEX.read_text(encoding="utf-8"))
    assert isinstance(index, Table)
    by_end: dict[Any, set[tuple[Any, ...]]] = defaultdict(set)
    for subject, obj, article, publisher, date, sentence in index.rows:
        cited = (article.value, int(sentence.value), _text(publisher), _text(date))
        by_end[subject].add((obj, cited))
    rows = []
    for row in table.rows:
        terms = {t for t in row if isinstance(t, ox.NamedNode)}
        cited = sorted({c for t in terms for obj, c in by_end.get(t, ()) if obj in terms})
        rows.append([*row, ox.Literal("; ".join(_cite(c) for c in cited)) if cited else None])
    return Table([*table.columns, "sources"], rows, table.next_offset)


def _cite(cited: tuple[str, int, str, str]) -> str:
    article, sentence, publisher, date = cited
    where = ", ".join(x for x in (publisher, date) if x)
    short = article.rsplit("/", 1)[-1]
    return f"article {short} sentence {sentence}" + (f" ({where})" if where else "")


def _text(term: Any) -> str:
    return term.value if term is not None else ""

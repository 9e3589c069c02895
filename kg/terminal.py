"""Printing to the terminal: query answers as rich tables or serialised results, on a wide console.

The commands import it when they print, so rich is never loaded by `kg --help`.
"""

from __future__ import annotations

from typing import Any

import click


def console(min_width: int = 160, highlight: bool = True) -> Any:
    """A rich console at least `min_width` columns wide, so that tables are not folded."""
    from rich.console import Console

    return Console(width=max(Console().width, min_width), highlight=highlight)


def print_answer(answer: Any, format_name: str, title: str) -> None:
    """An answer of `kg query` / `kg sparql`: a table, yes or no, or the results in `format_name`."""
    from kg.engine import Table, Triples

    if format_name != "table":
        from kg.results import serialize

        text = serialize(answer, format_name).decode("utf-8")
        # JSON and XML end without a line break, and the shell's prompt would follow on
        click.echo(text, nl=not text.endswith("\n"))
    elif isinstance(answer, bool):
        click.echo("yes" if answer else "no")
    elif isinstance(answer, Triples):
        rows = [[t.subject, t.predicate, t.object] for t in answer.triples]
        print_table(title, Table(["subject", "predicate", "object"], rows))
    else:
        print_table(title, answer)


def literal(*cells: str) -> tuple[Any, ...]:
    """Cells that rich shows as written: a string cell is read as markup, so a name or a title
    holding "[sic]" or "[b]" would lose it, and one holding "[/b]" would stop the table."""
    from rich.text import Text

    return tuple(Text(cell) for cell in cells)


def print_table(title: str, table: Any) -> None:
    """A result table (kg.engine.Table) with its title and row count."""
    from rich.table import Table as RichTable

    from kg.engine import term_text

    rich_table = RichTable(title=title, title_justify="left")
    for column in table.columns:
        rich_table.add_column(column)
    for row in table.rows:
        rich_table.add_row(*literal(*(term_text(v) for v in row)))
    out = console()
    out.print(rich_table)
    out.print(f"{len(table.rows)} row(s)")


def print_page_note(answer: Any, paging: Any, offset: int, format_name: str) -> None:
    """Where a page of a listing question sits, and how to get the next one (on standard error
    for a results format, so that its output stays a valid document)."""
    from kg.engine import Table

    if not isinstance(answer, Table):
        return
    if answer.next_offset is not None:
        # "the next page", not "the next 50": how many follow is not counted (that costs the
        # whole listing), and the last page may hold fewer
        note = (
            f"{paging.unit} {offset + 1}-{answer.next_offset}; the next page: --offset "
            f"{answer.next_offset}; every one: --limit all"
        )
    elif offset and not answer.rows:
        note = f"no {paging.unit} from {offset + 1}: the listing is shorter"
    elif offset:
        note = f"{paging.unit} from {offset + 1}: the last page"
    else:
        return
    click.echo(note, err=format_name != "table")

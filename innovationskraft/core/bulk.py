"""Inserting and updating many rows with one prepared statement each, or on PostgreSQL
inserting them with COPY.

Model instances cost more to build than the rows cost to write: through-table rows of 100,000
cases are close to a million objects. And Django's `bulk_update` writes a CASE expression
with a branch per row, which SQLite evaluates for every row of the batch. One statement run
with `executemany` has neither cost, on SQLite and PostgreSQL alike; on PostgreSQL, COPY
streams the rows without a statement per row at all."""

import itertools
from collections.abc import Iterable, Iterator, Sequence

from django.db import connection
from django.db.models import Model

ROWS_PER_CALL = 5000


def _columns(model: type[Model], names: Sequence[str]) -> list:
    return [model._meta.get_field(name) for name in names]


# Values of these types reach the database as Python gives them; others (times above all,
# which SQLite stores as text in UTC) go through the field's own conversion.
PASSED_AS_THEY_ARE = {
    "AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "EmailField",
    "ForeignKey", "IntegerField", "PositiveIntegerField", "PositiveSmallIntegerField",
    "SlugField", "SmallIntegerField", "TextField", "URLField",
}  # fmt: skip


def _converters(fields) -> list:
    return [
        None
        if field.get_internal_type() in PASSED_AS_THEY_ARE
        else (lambda value, field=field: field.get_db_prep_save(value, connection))
        for field in fields
    ]


def _prepared(converters, rows: Iterable[Sequence]) -> Iterator[Sequence]:
    """The rows with the values that need it converted; as they are when none does (the
    through tables: a million rows of ids for 100,000 cases)."""
    converting = [(i, convert) for i, convert in enumerate(converters) if convert is not None]
    if not converting:
        yield from rows
        return
    for row in rows:
        values = list(row)
        if len(values) != len(converters):
            raise ValueError(f"{len(values)} values for {len(converters)} columns")
        for i, convert in converting:
            values[i] = convert(values[i])
        yield values


def _run(sql: str, fields, rows: Iterable[Sequence]) -> None:
    prepared = _prepared(_converters(fields), rows)
    with connection.cursor() as cursor:
        while batch := list(itertools.islice(prepared, ROWS_PER_CALL)):
            cursor.executemany(sql, batch)


def _copy(table: str, columns: Sequence[str], fields, rows: Iterable[Sequence]) -> None:
    converters = _converters(fields)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in _prepared(converters, rows):
            copy.write_row(row)


def insert_rows(model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> None:
    """INSERT one row per tuple of values, in the order of `names` (field names)."""
    fields = _columns(model, names)
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        columns = [quote(field.column) for field in fields]
        _copy(quote(model._meta.db_table), columns, fields, rows)
        return
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    _run(sql, fields, rows)


def update_rows(model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> None:
    """UPDATE by primary key: each tuple holds the values of `names`, then the key."""
    fields = _columns(model, names)
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(model._meta.pk.column),
    )
    _run(sql, [*fields, model._meta.pk], rows)

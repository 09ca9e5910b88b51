"""Inserting and updating many rows with one prepared statement each, or on PostgreSQL
inserting and updating them with COPY.

Model instances cost more to build than the rows cost to write: through-table rows of 100,000
cases are close to a million objects. And Django's `bulk_update` writes a CASE expression
with a branch per row, which SQLite evaluates for every row of the batch. One statement run
with `executemany` has neither cost, on SQLite and PostgreSQL alike; on PostgreSQL, COPY
streams the rows without a statement per row at all."""

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from django.db import connection, transaction
from django.db.models import Model

ROWS_PER_CALL = 5000


def _columns(model: type[Model], names: Iterable[str]) -> list:
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


def update_rows(
    model: type[Model],
    names: Sequence[str],
    rows: Iterable[Sequence],
    *,
    kept_when_none: Collection[str] = (),
    incremented: Collection[str] = (),
) -> None:
    """UPDATE by primary key: each tuple holds the values of `names`, then the key. A field of
    `kept_when_none` keeps its stored value where the row gives None; each of `incremented`
    is raised by one. Each key is given once. One statement does it all: on PostgreSQL each
    UPDATE writes a new version of every row, with an entry in each index."""
    fields = _columns(model, names)
    quote = connection.ops.quote_name
    kept = {field.column for field in _columns(model, kept_when_none)}
    raised = [quote(field.column) for field in _columns(model, incremented)]

    def assigned(column: str, value: str, stored: str) -> str:
        return f"COALESCE({value}, {stored})" if column in kept else value

    if connection.vendor == "postgresql":
        _update_from_copy(model, fields, rows, assigned, raised)
        return
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(model._meta.db_table),
        ", ".join(
            [f"{quote(f.column)} = {assigned(f.column, '%s', quote(f.column))}" for f in fields]
            + [f"{column} = {column} + 1" for column in raised]
        ),
        quote(model._meta.pk.column),
    )
    _run(sql, [*fields, model._meta.pk], rows)


def _update_from_copy(
    model: type[Model],
    fields: list,
    rows: Iterable[Sequence],
    assigned: Callable[[str, str, str], str],
    raised: list[str],
) -> None:
    """On PostgreSQL: the rows copied into a temporary table of the same column types, then
    one UPDATE joined with it, where a statement per row cost 35 s for three updates of
    100,000 cases."""
    quote = connection.ops.quote_name
    table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = [quote(field.column) for field in fields]
    changes = quote(f"{model._meta.db_table}_changes")
    settings = [
        f"{column} = {assigned(field.column, f'changes.{column}', f'{table}.{column}')}"
        for field, column in zip(fields, columns, strict=True)
    ]
    settings += [f"{column} = {table}.{column} + 1" for column in raised]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {changes} AS "
            f"SELECT {', '.join([*columns, key])} FROM {table} WITH NO DATA"
        )
        _copy(changes, [*columns, key], [*fields, model._meta.pk], rows)
        cursor.execute(
            f"UPDATE {table} SET {', '.join(settings)} "
            f"FROM {changes} AS changes WHERE {table}.{key} = changes.{key}"
        )
        cursor.execute(f"DROP TABLE {changes}")

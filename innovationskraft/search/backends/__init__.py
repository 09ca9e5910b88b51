"""The search index behind one small interface; the database in use chooses the backend."""

from functools import cache

from django.db import connection

from innovationskraft.search.backends.base import Mode, SearchBackend


@cache
def _backend_for(vendor: str) -> SearchBackend:
    if vendor == "postgresql":
        from innovationskraft.search.backends.postgresql import PostgresBackend

        return PostgresBackend()
    from innovationskraft.search.backends.sqlite import SqliteBackend

    return SqliteBackend()


def get_backend() -> SearchBackend:
    return _backend_for(connection.vendor)


__all__ = ["Mode", "SearchBackend", "get_backend"]

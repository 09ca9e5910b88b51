from django.db import migrations


def create_index(apps, schema_editor):
    from innovationskraft.search.backends import get_backend
    from innovationskraft.search.indexing import index_rebuilt

    get_backend().create_index()
    # A library that existed before search: its published cases become findable at once.
    index_rebuilt()


def drop_index(apps, schema_editor):
    from innovationskraft.search.backends import get_backend

    get_backend().drop_index()


class Migration(migrations.Migration):
    """The index tables differ by database (an FTS5 table or a tsvector table), so the
    backend creates its own. `rebuild_search_index` fills them."""

    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]

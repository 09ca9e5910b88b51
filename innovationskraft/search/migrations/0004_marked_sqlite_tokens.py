from django.db import migrations


def index_recreated(apps, schema_editor):
    """SQLite's index marks the tokens of compound parts and folded words (see
    backends/sqlite.py) with a tokenizer of its own: the table is made again and filled."""
    if schema_editor.connection.vendor != "sqlite":
        return
    from innovationskraft.search.backends import get_backend
    from innovationskraft.search.indexing import index_rebuilt

    backend = get_backend()
    backend.drop_index()
    backend.create_index()
    index_rebuilt()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_vector_language"),
        ("cases", "0011_national_organisations"),
    ]

    operations = [migrations.RunPython(index_recreated, migrations.RunPython.noop)]

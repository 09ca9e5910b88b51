"""The national organisations (agencies, universities, a few national bodies) with the other
names they go by, as organisations_seed_swedish_registry() makes them (a test holds the two
equal): an import that names "Statistics Sweden" or "SCB" then finds Statistiska centralbyrån
instead of creating it again.

An organisation the database already has under one of the names keeps its own and gains the
others. Search finds its cases by them once they are indexed again (`manage.py
rebuild_search_index`, or their next change); a migration sends no signals."""

from django.db import migrations

from innovationskraft.cases import registry
from innovationskraft.cases.names import unique_slugs


def seed_national_organisations(apps, schema_editor):
    Organisation = apps.get_model("cases", "Organisation")
    organisations = Organisation.objects.using(schema_editor.connection.alias)
    new, changed = registry.national_organisations_to_seed(
        organisations.values_list("pk", "name", "aliases")
    )
    taken = set(organisations.values_list("slug", flat=True))
    slugs = unique_slugs([("", national.name) for national in new], taken)
    organisations.bulk_create(
        Organisation(
            name=national.name,
            slug=slug,
            kind=national.kind,
            country="SE",
            aliases=list(national.aliases),
        )
        for national, slug in zip(new, slugs, strict=True)
    )
    for pk, aliases in changed.items():
        organisations.filter(pk=pk).update(aliases=aliases)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_pending_revisions_and_trust"),
    ]

    operations = [
        # Reversed, they stay: by then cases and members may point at them.
        migrations.RunPython(
            seed_national_organisations, migrations.RunPython.noop, elidable=False
        ),
    ]

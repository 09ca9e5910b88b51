"""A new database starts with the Swedish registry: 290 municipalities and 21 regions, as
organisations_seed_swedish_registry() would make them (a test holds the two equal)."""

from django.db import migrations

from innovationskraft.cases import registry
from innovationskraft.cases.names import unique_slugs


def seed_swedish_registry(apps, schema_editor):
    Organisation = apps.get_model("cases", "Organisation")
    organisations = Organisation.objects.using(schema_editor.connection.alias)
    # A database that already has the registry (from load_demo) gets only what it lacks.
    existing = set(
        organisations.filter(country="SE")
        .exclude(official_code="")
        .values_list("kind", "official_code")
    )
    missing = [row for row in registry.swedish_organisations() if row[:2] not in existing]
    taken = set(organisations.values_list("slug", flat=True))
    slugs = unique_slugs([("", name) for _kind, _code, name, _county in missing], taken)
    organisations.bulk_create(
        Organisation(
            name=name,
            slug=slug,
            kind=kind,
            country="SE",
            official_code=code,
            county_code=county_code,
        )
        for (kind, code, name, county_code), slug in zip(missing, slugs, strict=True)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_case_identifier"),
    ]

    operations = [
        # Reversed, the registry stays: by then cases and members may point at it.
        migrations.RunPython(seed_swedish_registry, migrations.RunPython.noop, elidable=False),
    ]

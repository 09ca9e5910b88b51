"""Organisations and the addresses (slugs) of organisations and cases."""

from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from innovationskraft.accounts.types import Actor
from innovationskraft.cases import registry
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.names import unique_slugs
from innovationskraft.cases.signals import cases_changed

NAMES_CHANGED = gettext_noop("The organisation's names changed")


def unique_slug(model: type[models.Model], text: str) -> str:
    base = slugify(text)[:200] or "x"
    manager = model._default_manager
    taken = set(manager.filter(slug__startswith=base).values_list("slug", flat=True))
    [slug] = unique_slugs([("", text)], taken)
    return slug


def organisation_upsert(
    *,
    name: str,
    kind: str,
    official_code: str = "",
    county_code: str = "",
    country: str = "SE",
) -> Organisation:
    """Create an organisation, or update the one with the same official code or name."""
    lookup = {"country": country, "kind": kind}
    if official_code:
        lookup["official_code"] = official_code
    else:
        lookup["name"] = name
    organisation = Organisation.objects.filter(**lookup).first()
    if organisation is None:
        return Organisation.objects.create(
            name=name,
            slug=unique_slug(Organisation, name),
            kind=kind,
            official_code=official_code,
            county_code=county_code,
            country=country,
        )
    if (organisation.name, organisation.county_code) != (name, county_code):
        organisation.name, organisation.county_code = name, county_code
        organisation.save(update_fields=["name", "county_code"])
    return organisation


@transaction.atomic
def organisation_names_changed(*, actor: Actor, organisation: Organisation) -> None:
    """After a change of the organisation's name or other names: its cases, as lead or
    partner, are signalled changed (without a new version), so that search finds them by the
    names it now has."""
    case_ids = Case.objects.filter(
        models.Q(lead_organisation=organisation) | models.Q(partners=organisation)
    ).values_list("pk", flat=True)
    cases_changed(
        case_ids=sorted(set(case_ids)),
        actor=actor,
        action=NAMES_CHANGED,
        versioned=False,
    )


@transaction.atomic
def organisations_seed_swedish_registry() -> int:
    """Make sure every Swedish municipality and region exists, and every national
    organisation with its other names; safe to run again. Gives how many Swedish
    organisations there are.

    Done in bulk: it runs on every demo load and in many tests."""
    _seed_municipalities_and_regions()
    _seed_national_organisations()
    return Organisation.objects.filter(country="SE").count()


def _seed_national_organisations() -> None:
    new, changed = registry.national_organisations_to_seed(
        Organisation.objects.values_list("pk", "name", "aliases")
    )
    taken = set(Organisation.objects.values_list("slug", flat=True))
    slugs = unique_slugs([("", national.name) for national in new], taken)
    Organisation.objects.bulk_create(
        Organisation(
            name=national.name, slug=slug, kind=national.kind, aliases=list(national.aliases)
        )
        for national, slug in zip(new, slugs, strict=True)
    )
    for organisation in Organisation.objects.filter(pk__in=changed):
        organisation.aliases = changed[organisation.pk]
        organisation.save(update_fields=["aliases"])
        # Its cases are found by the names it now has too.
        organisation_names_changed(actor=None, organisation=organisation)


def _seed_municipalities_and_regions() -> None:
    wanted = [
        (
            Organisation.Kind.MUNICIPALITY,
            row["code"],
            registry.municipality_name(row["code"], row["municipality"]),
            row["code"][:2],
        )
        for row in registry.swedish_municipalities()
    ]
    wanted += [
        (Organisation.Kind.REGION, code, name, code)
        for code, name in registry.REGIONS_BY_COUNTY_CODE.items()
    ]
    existing = {
        (o.kind, o.official_code): o
        for o in Organisation.objects.filter(country="SE").exclude(official_code="")
    }
    new, changed = [], []
    for kind, code, name, county_code in wanted:
        organisation = existing.get((kind, code))
        if organisation is None:
            new.append(
                Organisation(name=name, kind=kind, official_code=code, county_code=county_code)
            )
        elif (organisation.name, organisation.county_code) != (name, county_code):
            organisation.name, organisation.county_code = name, county_code
            changed.append(organisation)
    taken = set(Organisation.objects.values_list("slug", flat=True))
    for organisation, slug in zip(
        new, unique_slugs([("", o.name) for o in new], taken), strict=True
    ):
        organisation.slug = slug
    Organisation.objects.bulk_create(new)
    Organisation.objects.bulk_update(changed, ["name", "county_code"])

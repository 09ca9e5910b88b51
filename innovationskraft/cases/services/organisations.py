"""Organisations and the addresses (slugs) of organisations and cases."""

from django.db import models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from innovationskraft.accounts.types import Actor
from innovationskraft.cases import registry
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.signals import cases_changed

NAMES_CHANGED = gettext_noop("The organisation's names changed")
# Words that name pages beside the case pages in the same URL space.
RESERVED_SLUGS = {"ny"}


def unique_slugs(wanted: list[tuple[str, str]], taken: set[str]) -> list[str]:
    """A slug per (wished slug, text): the wish when it is free, else one made from the text
    and numbered past the slugs in `taken`, which grows with each. Words that name other pages
    in the same address space are never free."""
    taken |= RESERVED_SLUGS
    slugs = []
    for wish, text in wanted:
        base = wish or slugify(text)[:200] or "x"
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


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
    """Make sure every Swedish municipality and region exists; safe to run again.

    Done in bulk: it runs on every demo load and in many tests."""
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
    return Organisation.objects.filter(country="SE").count()

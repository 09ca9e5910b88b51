from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from innovationskraft.cases import registry
from innovationskraft.cases.models import Case, Organisation


def _unique_slug(model, text: str) -> str:
    base = slugify(text)[:200] or "x"
    slug, number = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def organisation_upsert(
    *, name: str, kind: str, official_code: str = "", county_code: str = "", country: str = "SE"
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
            slug=_unique_slug(Organisation, name),
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
def organisations_seed_swedish_registry() -> int:
    """Make sure every Swedish municipality and region exists; safe to run again."""
    for row in registry.swedish_municipalities():
        organisation_upsert(
            name=registry.municipality_name(row["code"], row["municipality"]),
            kind=Organisation.Kind.MUNICIPALITY,
            official_code=row["code"],
            county_code=row["code"][:2],
        )
    for county_code, name in registry.REGIONS_BY_COUNTY_CODE.items():
        organisation_upsert(
            name=name,
            kind=Organisation.Kind.REGION,
            official_code=county_code,
            county_code=county_code,
        )
    return Organisation.objects.filter(country="SE").count()


def case_create(
    *,
    title: str,
    summary: str,
    lead_organisation: Organisation,
    stage: str,
    description: str = "",
    start_year: int | None = None,
    language: str = "sv",
    slug: str = "",
) -> Case:
    return Case.objects.create(
        title=title,
        slug=slug or _unique_slug(Case, title),
        summary=summary,
        description=description,
        lead_organisation=lead_organisation,
        stage=stage,
        start_year=start_year,
        language=language,
    )


def case_publish(*, case: Case) -> Case:
    case.status = Case.Status.PUBLISHED
    case.published_at = case.published_at or timezone.now()
    case.save(update_fields=["status", "published_at", "updated_at"])
    return case

"""Demo content for a new installation: the registry plus published cases and their spread."""

import json

from django.db import transaction

from innovationskraft.cases import services
from innovationskraft.cases.inputs import CaseInput
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.cases.registry import DATA_DIR


def _organisation(reference: dict) -> Organisation:
    if reference.get("code"):
        return Organisation.objects.get(
            country="SE", kind=reference["kind"], official_code=reference["code"]
        )
    return services.organisation_upsert(
        name=reference["name"], kind=reference["kind"], country=reference.get("country", "SE")
    )


def _terms(vocabulary: str, codes: list[str]) -> list[Term]:
    return list(Term.objects.filter(vocabulary=vocabulary, code__in=codes))


def _case_input(item: dict) -> CaseInput:
    sector = item.get("sector")
    return CaseInput(
        title=item["title"],
        summary=item["summary"],
        description=item["description"],
        language=item.get("language", "sv"),
        stage=item["stage"],
        start_year=item.get("start_year"),
        sector=Term.objects.get(vocabulary="sector", code=sector) if sector else None,
        facet=item.get("facet", ""),
        partners=[_organisation(ref) for ref in item.get("partners", [])],
        innovation_types=_terms("innovation_type", item.get("innovation_types", [])),
        target_groups=_terms("target_group", item.get("target_groups", [])),
        user_involvement=item.get("user_involvement", ""),
        barriers=_terms("barrier", item.get("barriers", [])),
        barriers_text=item.get("barriers_text", ""),
        enablers=_terms("enabler", item.get("enablers", [])),
        enablers_text=item.get("enablers_text", ""),
        effects=_terms("effect", item.get("effects", [])),
        effects_evaluated=item.get("effects_evaluated", False),
        sdgs=_terms("sdg", item.get("sdgs", [])),
        tags=item.get("tags", []),
        links=[(link["title"], link["url"]) for link in item.get("links", [])],
        contact_name=item.get("contact_name", ""),
        contact_email=item.get("contact_email", ""),
    )


@transaction.atomic
def demo_load() -> dict[str, int]:
    """Load the demo set; running it again adds nothing that is already there."""
    services.organisations_seed_swedish_registry()
    with open(DATA_DIR / "demo_cases.json", encoding="utf-8") as handle:
        items = json.load(handle)["cases"]
    new_items = [item for item in items if not Case.objects.filter(slug=item["slug"]).exists()]
    for item in new_items:
        case = services.case_create(
            actor=None,
            slug=item["slug"],
            lead_organisation=_organisation(item["lead"]),
            data=_case_input(item),
        )
        services.case_publish(actor=None, case=case)
    for item in new_items:
        case = Case.objects.get(slug=item["slug"])
        case.inspired_by.set(Case.objects.filter(slug__in=item.get("inspired_by", [])))
        for adoption in item.get("adopted_by", []):
            services.adoption_record(
                actor=None,
                case=case,
                organisation=_organisation(adoption["org"]),
                year=adoption.get("year"),
                how=adoption.get("how", "adapted"),
                note=adoption.get("note", ""),
            )
    return {"organisations": Organisation.objects.count(), "cases_created": len(new_items)}

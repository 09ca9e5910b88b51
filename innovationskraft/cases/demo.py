"""Demo content for a new installation: the registry plus a set of published cases."""

import json

from django.db import transaction

from innovationskraft.cases import services
from innovationskraft.cases.models import Case, Organisation
from innovationskraft.cases.registry import DATA_DIR


def _organisation_for(reference: dict) -> Organisation:
    if reference.get("code"):
        return Organisation.objects.get(
            country="SE", kind=reference["kind"], official_code=reference["code"]
        )
    return services.organisation_upsert(name=reference["name"], kind=reference["kind"])


@transaction.atomic
def demo_load() -> dict[str, int]:
    """Load the demo set; running it again adds nothing that is already there."""
    services.organisations_seed_swedish_registry()
    with open(DATA_DIR / "demo_cases.json", encoding="utf-8") as handle:
        demo = json.load(handle)
    created = 0
    for item in demo["cases"]:
        if Case.objects.filter(slug=item["slug"]).exists():
            continue
        case = services.case_create(
            slug=item["slug"],
            title=item["title"],
            summary=item["summary"],
            description=item["description"],
            lead_organisation=_organisation_for(item["lead"]),
            stage=item["stage"],
            start_year=item.get("start_year"),
        )
        services.case_publish(case=case)
        created += 1
    return {"organisations": Organisation.objects.count(), "cases_created": created}

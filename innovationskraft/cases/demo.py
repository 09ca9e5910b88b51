"""Demo content for a new installation: the registry plus published cases and their spread."""

import json

from django.db import transaction

from innovationskraft.cases import services
from innovationskraft.cases.contract import CaseInput
from innovationskraft.cases.models import Case, Organisation, Term
from innovationskraft.cases.registry import DATA_DIR


class _Lookups:
    """Organisations and terms by their references in the demo file, each fetched once."""

    def __init__(self) -> None:
        self.terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
        self.organisations: dict[tuple, Organisation] = {}

    def organisation(self, reference: dict) -> Organisation:
        key = tuple(sorted(reference.items()))
        if key not in self.organisations:
            self.organisations[key] = self._fetch(reference)
        return self.organisations[key]

    @staticmethod
    def _fetch(reference: dict) -> Organisation:
        if reference.get("code"):
            return Organisation.objects.get(
                country="SE", kind=reference["kind"], official_code=reference["code"]
            )
        return services.organisation_upsert(
            name=reference["name"], kind=reference["kind"], country=reference.get("country", "SE")
        )

    def terms_of(self, vocabulary: str, codes: list[str]) -> list[Term]:
        return [self.terms[(vocabulary, code)] for code in codes]


def _case_input(item: dict, lookups: _Lookups) -> CaseInput:
    sector = item.get("sector")
    _terms = lookups.terms_of
    _organisation = lookups.organisation
    return CaseInput(
        title=item["title"],
        summary=item["summary"],
        description=item["description"],
        language=item.get("language", "sv"),
        stage=item["stage"],
        start_year=item.get("start_year"),
        sector=lookups.terms[("sector", sector)] if sector else None,
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
    existing = set(
        Case.objects.filter(slug__in=[i["slug"] for i in items]).values_list("slug", flat=True)
    )
    new_items = [item for item in items if item["slug"] not in existing]
    lookups = _Lookups()
    for item in new_items:
        case = services.case_create(
            actor=None,
            slug=item["slug"],
            lead_organisation=lookups.organisation(item["lead"]),
            data=_case_input(item, lookups),
        )
        services.case_publish(actor=None, case=case)
    for item in new_items:
        case = Case.objects.get(slug=item["slug"])
        case.inspired_by.set(Case.objects.filter(slug__in=item.get("inspired_by", [])))
        for adoption in item.get("adopted_by", []):
            services.adoption_record(
                actor=None,
                case=case,
                organisation=lookups.organisation(adoption["org"]),
                year=adoption.get("year"),
                how=adoption.get("how", "adapted"),
                note=adoption.get("note", ""),
            )
    return {"organisations": Organisation.objects.count(), "cases_created": len(new_items)}


DEMO_PASSWORD = "demo-innovationskraft"
DEMO_USERS = [
    # (e-mail, first name, organisation code or None, site role)
    ("redaktor@eskilstuna.example", "Redaktör Eskilstuna", "0484", ""),
    ("redaktor@umea.example", "Redaktör Umeå", "2480", ""),
    ("moderator@innovationskraft.example", "Moderator", None, "moderator"),
]


@transaction.atomic
def demo_users_load() -> list[str]:
    """Accounts with a known password for trying the site; only for development machines."""
    from innovationskraft.accounts.models import User
    from innovationskraft.accounts.services import membership_grant

    emails = []
    for email, name, code, site_role in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=DEMO_PASSWORD, first_name=name, site_role=site_role
            )
        if code:
            organisation = Organisation.objects.get(kind="municipality", official_code=code)
            membership_grant(user=user, organisation=organisation)
        emails.append(email)
    return emails

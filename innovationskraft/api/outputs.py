"""Model objects as the API's output. Never a contact person, an e-mail address or a
participant's name: what is not listed here is not sent."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from innovationskraft.cases.models import HIERARCHICAL, Adoption, Case, Organisation, Vocabulary
from innovationskraft.workshops.models import Workshop


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def site_url(request: HttpRequest, name: str, *args) -> str:
    # The site's own language in the address, whatever language the client asked for.
    with translation.override(settings.LANGUAGE_CODE):
        return base_url(request) + reverse(name, args=args)


def case_out(request: HttpRequest, case: Case) -> dict:
    """Expects a case from selectors.cases_for_output."""
    lead = case.lead_organisation
    return {
        "identifier": case.identifier,
        "url": site_url(request, "cases:detail", case.slug),
        "slug": case.slug,
        "title": case.title,
        "summary": case.summary,
        "description": case.description,
        "language": case.language,
        "lead_organisation": lead.slug,
        "lead_organisation_name": lead.name,
        # By slug, as the export orders them.
        "partners": sorted(o.slug for o in case.partners.all()),
        "stage": case.stage,
        "start_year": case.start_year,
        "sector": case.sector.code if case.sector_id else None,
        "facet": case.facet,
        "innovation_types": [t.code for t in case.innovation_types.all()],
        "target_groups": [t.code for t in case.target_groups.all()],
        "barriers": [t.code for t in case.barriers.all()],
        "enablers": [t.code for t in case.enablers.all()],
        "effects": [t.code for t in case.effects.all()],
        "sdgs": [t.code for t in case.sdgs.all()],
        "user_involvement": case.user_involvement,
        "barriers_text": case.barriers_text,
        "enablers_text": case.enablers_text,
        "effects_evaluated": case.effects_evaluated,
        "tags": [tag.name for tag in case.tags.all()],
        "links": [{"title": link.title, "url": link.url} for link in case.links.all()],
        "inspired_by": sorted(c.identifier for c in case.published_inspirations),
        "adoption_count": case.adoption_count,
        "published_at": case.published_at,
        "updated_at": case.updated_at,
    }


def organisation_out(request: HttpRequest, organisation: Organisation) -> dict:
    """Expects an organisation from selectors.organisations (with its counts)."""
    out = {
        "slug": organisation.slug,
        "name": organisation.name,
        "type": organisation.kind,
        "country": organisation.country,
        "official_code": organisation.official_code,
        "county_code": organisation.county_code,
        "website": organisation.website,
        "parent": organisation.parent.slug if organisation.parent_id else None,
        "url": site_url(request, "cases:organisation", organisation.slug),
        "case_count": organisation.case_count,
        "adopted_count": organisation.adopted_count,
    }
    if hasattr(organisation, "partner_case_count"):
        out["partner_case_count"] = organisation.partner_case_count
    return out


def vocabulary_out(vocabulary: str, term_count: int) -> dict:
    label = Vocabulary(vocabulary).label
    with translation.override("sv"):
        label_sv = str(label)
    with translation.override("en"):
        label_en = str(label)
    return {
        "code": vocabulary,
        "label_sv": label_sv,
        "label_en": label_en,
        "hierarchical": vocabulary in HIERARCHICAL,
        "term_count": term_count,
    }


def term_out(term) -> dict:
    return {
        "code": term.code,
        "parent": term.parent.code if term.parent_id else None,
        "label_sv": term.label_sv,
        "label_en": term.label_en,
        "definition_sv": term.definition_sv,
        "definition_en": term.definition_en,
    }


def adoption_out(adoption: Adoption) -> dict:
    return {
        "case": adoption.case.identifier,
        "case_title": adoption.case.title,
        "organisation": adoption.organisation.slug,
        "organisation_name": adoption.organisation.name,
        "year": adoption.year,
        "how": adoption.how,
        "note": adoption.note,
        "created_at": adoption.created_at,
    }


def report_out(request: HttpRequest, workshop: Workshop) -> dict:
    return {
        "slug": workshop.slug,
        "title": workshop.title,
        "organiser": workshop.organiser.slug,
        "organiser_name": workshop.organiser.name,
        "date": workshop.date,
        "language": workshop.language,
        "url": site_url(request, "workshops:report", workshop.slug),
        "published_at": workshop.published_at,
    }

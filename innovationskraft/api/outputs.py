"""Model objects as the API's output. Never a contact person, an e-mail address or a
participant's name: what is not listed here is not sent."""

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.http import quote_etag

from innovationskraft.cases import contract
from innovationskraft.cases.contract import Kind
from innovationskraft.cases.models import HIERARCHICAL, Adoption, Case, Term, Vocabulary
from innovationskraft.core.addresses import site_root
from innovationskraft.opendata.serialise import records_of
from innovationskraft.workshops.models import Workshop

if TYPE_CHECKING:
    from innovationskraft.cases.selectors import CountedOrganisation


def site_url(request: HttpRequest, name: str, *args: Any) -> str:
    # The site's own language in the address, whatever language the client asked for.
    with translation.override(settings.LANGUAGE_CODE):
        return site_root(request) + reverse(name, args=args)


# The export's names: a case read here can be imported there.
CASE_FIELDS = (
    "identifier",
    "url",
    "slug",
    *(f.name for f in contract.PUBLIC if f.kind is not Kind.LINKS),
    "lead_organisation_name",
    "adoption_count",
    "published_at",
    "updated_at",
)


def case_outputs(request: HttpRequest, cases: list[Case]) -> list[dict]:
    """The cases as the export's records (one chunk of queries for the lot), with links as
    objects of title and address."""
    # Labels and addresses in the site's own language, whatever the client asked for.
    with translation.override(settings.LANGUAGE_CODE):
        records = records_of(cases, base_url=site_root(request))
    return [
        {name: record[name] for name in CASE_FIELDS}
        | {
            "links": [
                {"title": title, "url": url}
                for title, url in zip(record["links_titles"], record["links"], strict=True)
            ]
        }
        for record in records
    ]


def case_out(request: HttpRequest, case: Case) -> dict:
    [output] = case_outputs(request, [case])
    return output


def case_etag(output: dict) -> str:
    """The ETag of a case as the API shows it: what If-Match on a write is checked against."""
    body = json.dumps(output, sort_keys=True, default=str, ensure_ascii=False)
    return quote_etag(hashlib.sha256(body.encode()).hexdigest()[:40])


def organisation_out(request: HttpRequest, organisation: "CountedOrganisation") -> dict:
    """Expects an organisation from selectors.organisations (with its counts)."""
    out = {
        "slug": organisation.slug,
        "name": organisation.name,
        "type": organisation.kind,
        "country": organisation.country,
        "official_code": organisation.official_code,
        "county_code": organisation.county_code,
        "website": organisation.website,
        "parent": organisation.parent.slug if organisation.parent else None,
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


def term_out(term: Term) -> dict:
    return {
        "code": term.code,
        "parent": term.parent.code if term.parent else None,
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

"""schema.org JSON-LD for a case page, so search engines understand what the page is about."""

import json

from django.utils.safestring import SafeString, mark_safe

from innovationskraft.cases.models import Case
from innovationskraft.cases.relations import tags_in_order

JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def case_json_ld(*, case: Case, url: str) -> SafeString:
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": case.title,
        "description": case.summary,
        "url": url,
        "inLanguage": case.language,
        "creator": {"@type": "GovernmentOrganization", "name": case.lead_organisation.name},
        "keywords": [tag.name for tag in tags_in_order(case)],
    }
    if case.published_at:
        data["datePublished"] = case.published_at.date().isoformat()
    data["dateModified"] = case.updated_at.date().isoformat()
    if case.start_year:
        data["temporalCoverage"] = f"{case.start_year}/.."
    if case.sector:
        data["about"] = case.sector.label
    # Escaped so that no text in a case can close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES))

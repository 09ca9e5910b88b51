"""The library as linked data: each case as a schema.org CreativeWork, and a DCAT-AP style
description of the whole dataset that national data portals harvest."""

import json
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from innovationskraft.cases.selectors import published_cases

EU = "http://publications.europa.eu/resource/authority"
MEDIA_TYPES = {
    "csv": ("text/csv", f"{EU}/file-type/CSV"),
    "jsonl": ("application/jsonl", f"{EU}/file-type/JSON"),
    "jsonld": ("application/ld+json", f"{EU}/file-type/JSON_LD"),
}


def case_creative_work(record: dict) -> dict:
    work = {
        "@type": "CreativeWork",
        "@id": record["url"],
        "url": record["url"],
        "identifier": record["identifier"],
        "name": record["title"],
        "abstract": record["summary"],
        "text": record["description"],
        "inLanguage": record["language"],
        "creator": {"@type": "Organization", "name": record["lead_organisation_name"]},
        "contributor": [
            {"@type": "Organization", "name": name} for name in record["partners_names"]
        ],
        "keywords": record["tags"],
        "about": [
            label
            for label in [record["sector_label"], *record["barriers_labels"]]
            + record["enablers_labels"]
            if label
        ],
        "audience": [
            {"@type": "Audience", "audienceType": label} for label in record["target_groups_labels"]
        ],
        "isBasedOn": [{"@type": "CreativeWork", "identifier": i} for i in record["inspired_by"]],
        "datePublished": record["published_at"],
        "dateModified": record["updated_at"],
    }
    if record["start_year"]:
        work["temporalCoverage"] = f"{record['start_year']}/.."
    return work


def json_ld_lines(records: Iterable[dict]) -> Iterator[str]:
    """One JSON-LD document whose graph holds every case, written a case at a time."""
    yield '{"@context": "https://schema.org", "@graph": [\n'
    separator = ""
    for record in records:
        yield separator + json.dumps(case_creative_work(record), ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def _both_languages(text_of) -> list[dict]:
    values = []
    for language in ("sv", "en"):
        with override(language):
            values.append({"@language": language, "@value": str(text_of())})
    return values


def catalogue(*, base_url: str) -> dict:
    """The DCAT-AP catalogue: one dataset, its three downloads and the API."""
    published = published_cases()
    modified = published.aggregate(latest=Max("updated_at"))["latest"]
    dataset_id = base_url + reverse("opendata:index") + "#innovationer"
    distributions = []
    for extension, (media_type, file_type) in MEDIA_TYPES.items():
        url = base_url + reverse("opendata:export", args=[extension])
        distributions.append(
            {
                "@type": "dcat:Distribution",
                "@id": url,
                "dct:title": f"innovationer.{extension}",
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": {
                    "@id": f"https://www.iana.org/assignments/media-types/{media_type}"
                },
                "dct:format": {"@id": file_type},
                "dct:license": {"@id": settings.OPEN_DATA_LICENSE},
            }
        )
    api_url = base_url + "/api/v1/"
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": base_url + reverse("opendata:catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": _both_languages(lambda: settings.SITE_NAME),
        "dct:description": _both_languages(
            lambda: _("Innovations in the public sector, shared by the organisations behind them.")
        ),
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": settings.SITE_NAME},
        "foaf:homepage": {"@id": base_url + "/"},
        "dct:language": [{"@id": f"{EU}/language/SWE"}, {"@id": f"{EU}/language/ENG"}],
        "dct:license": {"@id": settings.OPEN_DATA_LICENSE},
        "dcat:dataset": [
            {
                "@type": "dcat:Dataset",
                "@id": dataset_id,
                "dct:identifier": dataset_id,
                "dct:title": _both_languages(lambda: _("Innovation cases")),
                "dct:description": _both_languages(
                    lambda: _(
                        "Every published innovation case: organisations, stage, sector, OPSI "
                        "facet, target groups, barriers, enablers, effects and who was "
                        "inspired by whom. Updated as cases are published."
                    )
                ),
                "dcat:keyword": _both_languages(lambda: _("public sector innovation")),
                "dcat:theme": {"@id": f"{EU}/data-theme/GOVE"},
                "dct:spatial": {"@id": f"{EU}/country/SWE"},
                "dct:modified": {
                    "@type": "xsd:dateTime",
                    "@value": modified.isoformat() if modified else None,
                },
                "dct:accrualPeriodicity": {"@id": f"{EU}/frequency/CONT"},
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": settings.SITE_NAME},
                "dcat:contactPoint": {
                    "@type": "vcard:Organization",
                    "vcard:fn": settings.SITE_NAME,
                    "vcard:hasURL": {"@id": base_url + "/"},
                },
                "dcat:landingPage": {"@id": base_url + reverse("opendata:index")},
                "dcat:distribution": distributions,
            }
        ],
        "dcat:service": [
            {
                "@type": "dcat:DataService",
                "@id": api_url,
                "dct:title": _both_languages(lambda: _("Innovationskraft API")),
                "dcat:endpointURL": {"@id": api_url},
                "dcat:endpointDescription": {"@id": api_url + "openapi.json"},
                "dcat:servesDataset": {"@id": dataset_id},
                "dct:license": {"@id": settings.OPEN_DATA_LICENSE},
            }
        ],
    }

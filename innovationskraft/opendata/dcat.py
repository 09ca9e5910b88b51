"""The open-data catalogue in DCAT-AP-SE (the Swedish profile of DCAT-AP, version 3.0, which
dataportal.se harvests): one catalogue, one dataset of the published cases, a distribution per
download and the API as a data service, with the properties the profile makes mandatory and
those it recommends that the site knows. docs/opendata.md."""

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils.translation import gettext as _

from innovationskraft.cases.selectors import published_cases
from innovationskraft.opendata.dcat_terms import (
    CONTEXT,
    EU,
    FORMATS,
    PUBLISHER_TYPES,
    date_time,
    eu,
    in_both_languages,
    media_type,
    ref,
)

LANGUAGES = [eu("language", "SWE"), eu("language", "ENG")]
PUBLIC = eu("access-right", "PUBLIC")


def _publisher(base_url: str) -> dict:
    # The same node wherever it is named: JSON-LD merges the copies into one agent.
    return {
        "@id": base_url + "/#utgivare",
        "@type": "foaf:Agent",
        "foaf:name": settings.SITE_OPERATOR_NAME or settings.SITE_NAME,
        "dct:type": ref(f"{PUBLISHER_TYPES}/{settings.OPEN_DATA_PUBLISHER_TYPE}"),
    }


def _contact_point(base_url: str) -> dict:
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": settings.SITE_OPERATOR_NAME or settings.SITE_NAME,
        "vcard:hasURL": ref(base_url + "/"),
    }
    if settings.SITE_CONTACT_EMAIL:
        contact["vcard:hasEmail"] = ref(f"mailto:{settings.SITE_CONTACT_EMAIL}")
    return contact


def _distribution(base_url: str, extension: str) -> dict:
    name, file_type = FORMATS[extension]
    url = base_url + reverse("opendata:export", args=[extension])
    return {
        "@type": "dcat:Distribution",
        "@id": url,
        "dct:title": f"innovationer.{extension}",
        "dct:description": in_both_languages(
            lambda: _("Every published innovation case as %(format)s.") % {"format": file_type}
        ),
        "dcat:accessURL": ref(url),
        "dcat:downloadURL": ref(url),
        "dcat:mediaType": media_type(name),
        "dct:format": eu("file-type", file_type),
        "dct:license": ref(settings.OPEN_DATA_LICENSE),
        "dcatap:availability": eu("planned-availability", "STABLE"),
    }


def _dataset(base_url: str, dataset_id: str, dates: dict) -> dict:
    return {
        "@type": "dcat:Dataset",
        "@id": dataset_id,
        "dct:identifier": dataset_id,
        "dct:title": in_both_languages(lambda: _("Innovation cases")),
        "dct:description": in_both_languages(
            lambda: _(
                "Every published innovation case: organisations, stage, sector, OPSI "
                "facet, target groups, barriers, enablers, effects and who was "
                "inspired by whom. Updated as cases are published."
            )
        ),
        "dct:publisher": _publisher(base_url),
        "dcat:contactPoint": _contact_point(base_url),
        "dcat:keyword": [
            *in_both_languages(lambda: _("public sector innovation")),
            *in_both_languages(lambda: _("public sector")),
            *in_both_languages(lambda: _("innovation")),
        ],
        "dcat:theme": eu("data-theme", "GOVE"),
        "dct:accessRights": PUBLIC,
        "dct:language": LANGUAGES,
        "dct:spatial": eu("country", "SWE"),
        **dates,
        "dct:accrualPeriodicity": eu("frequency", "CONT"),
        "dcat:landingPage": ref(base_url + reverse("opendata:index")),
        "dcat:distribution": [_distribution(base_url, extension) for extension in FORMATS],
    }


def _dates() -> dict:
    """When the first case was published and when one last changed; none for an empty library."""
    span = published_cases().aggregate(first=Min("published_at"), latest=Max("updated_at"))
    dates = {}
    if span["first"]:
        dates["dct:issued"] = date_time(span["first"])
    if span["latest"]:
        dates["dct:modified"] = date_time(span["latest"])
    return dates


def catalogue(*, base_url: str) -> dict:
    dataset_id = base_url + reverse("opendata:index") + "#innovationer"
    api_url = base_url + "/api/v1/"
    dates = _dates()
    return {
        "@context": CONTEXT,
        "@id": base_url + reverse("opendata:catalogue"),
        "@type": "dcat:Catalog",
        "dct:title": in_both_languages(lambda: settings.SITE_NAME),
        "dct:description": in_both_languages(
            lambda: _("Innovations in the public sector, shared by the organisations behind them.")
        ),
        "dct:publisher": _publisher(base_url),
        "foaf:homepage": ref(base_url + "/"),
        "dct:language": LANGUAGES,
        "dct:license": ref(settings.OPEN_DATA_LICENSE),
        "dct:spatial": eu("country", "SWE"),
        "dcat:themeTaxonomy": ref(f"{EU}/data-theme"),
        **dates,
        "dcat:dataset": [_dataset(base_url, dataset_id, dates)],
        "dcat:service": [
            {
                "@type": "dcat:DataService",
                "@id": api_url,
                "dct:title": in_both_languages(lambda: _("Innovationskraft API")),
                "dct:publisher": _publisher(base_url),
                "dcat:contactPoint": _contact_point(base_url),
                "dcat:endpointURL": ref(api_url),
                "dcat:endpointDescription": ref(api_url + "openapi.json"),
                "dcat:servesDataset": ref(dataset_id),
                "dct:license": ref(settings.OPEN_DATA_LICENSE),
                "dct:accessRights": PUBLIC,
            }
        ],
    }

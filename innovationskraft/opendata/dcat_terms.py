"""The vocabularies the catalogue (dcat.py) draws on, as DCAT-AP-SE 3.0 and DCAT-AP 3 ask: the
EU Publications Office's authority tables (languages, data themes, file types, access rights,
frequencies, availability), IANA's media types and ADMS's publisher types."""

from django.utils.translation import override

EU = "http://publications.europa.eu/resource/authority"
IANA = "http://www.iana.org/assignments/media-types"
PUBLISHER_TYPES = "http://purl.org/adms/publishertype"
# The kinds of publisher ADMS names (OPEN_DATA_PUBLISHER_TYPE picks one).
PUBLISHER_TYPE_CODES = {
    "Academia-ScientificOrganisation",
    "Company",
    "IndustryConsortium",
    "LocalAuthority",
    "NationalAuthority",
    "NonGovernmentalOrganisation",
    "NonProfitOrganisation",
    "PrivateIndividual(s)",
    "RegionalAuthority",
    "StandardisationBody",
    "SupraNationalAuthority",
}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatap": "http://data.europa.eu/r5r/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# Per download: its IANA media type and its type in the EU's file-type table. JSON Lines has
# no code of its own there: each line is JSON.
FORMATS = {
    "csv": ("text/csv", "CSV"),
    "jsonl": ("application/jsonl", "JSON"),
    "jsonld": ("application/ld+json", "JSON_LD"),
}


def ref(url: str) -> dict:
    return {"@id": url}


def eu(table: str, code: str) -> dict:
    return ref(f"{EU}/{table}/{code}")


def media_type(name: str) -> dict:
    return {"@id": f"{IANA}/{name}", "@type": "dct:MediaType"}


def in_both_languages(text_of) -> list[dict]:
    """A text as Swedish and English literals, `text_of` called once in each language."""
    values = []
    for language in ("sv", "en"):
        with override(language):
            values.append({"@language": language, "@value": str(text_of())})
    return values


def date_time(moment) -> dict:
    return {"@type": "xsd:dateTime", "@value": moment.isoformat()}

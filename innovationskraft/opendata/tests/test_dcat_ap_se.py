"""The served catalogue, read as RDF, against DCAT-AP-SE 3.0 (the Swedish profile of DCAT-AP
that dataportal.se harvests): every node of each class has each property the profile makes
mandatory (and the few recommended ones the site has), of the right kind, with values from the
controlled vocabularies.

The JSON-LD is read with the standard library: compact names are expanded with the document's
own context, and nodes that share an @id are merged, as a JSON-LD processor does."""

import json
from collections import defaultdict
from dataclasses import dataclass

import pytest

from innovationskraft.opendata.dcat_terms import PUBLISHER_TYPE_CODES

pytestmark = pytest.mark.django_db

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
EU = "http://publications.europa.eu/resource/authority/"
TYPE = "@type"


@dataclass(frozen=True)
class Rule:
    """A property's values: literals (with these languages, if any), or nodes of a class, or
    IRIs starting with `vocabulary`."""

    kind: str  # "literal", "node" or "iri"
    of: str = ""
    languages: frozenset = frozenset()


LITERAL = Rule("literal")
IN_SWEDISH_AND_ENGLISH = Rule("literal", languages=frozenset({"sv", "en"}))
IRI = Rule("iri", "http")

PROFILE = {
    DCAT + "Catalog": {
        DCT + "title": IN_SWEDISH_AND_ENGLISH,
        DCT + "description": IN_SWEDISH_AND_ENGLISH,
        DCT + "publisher": Rule("node", FOAF + "Agent"),
        DCAT + "dataset": Rule("node", DCAT + "Dataset"),
        DCT + "license": IRI,
        DCT + "language": Rule("iri", EU + "language/"),
        DCT + "issued": LITERAL,
        DCT + "modified": LITERAL,
        FOAF + "homepage": IRI,
    },
    DCAT + "Dataset": {
        DCT + "title": IN_SWEDISH_AND_ENGLISH,
        DCT + "description": IN_SWEDISH_AND_ENGLISH,
        DCT + "publisher": Rule("node", FOAF + "Agent"),
        DCAT + "contactPoint": Rule("node", VCARD + "Organization"),
        DCAT + "distribution": Rule("node", DCAT + "Distribution"),
        DCAT + "theme": Rule("iri", EU + "data-theme/"),
        DCT + "accessRights": Rule("iri", EU + "access-right/"),
        DCAT + "keyword": IN_SWEDISH_AND_ENGLISH,
    },
    DCAT + "Distribution": {
        DCAT + "accessURL": IRI,
        DCT + "format": Rule("iri", EU + "file-type/"),
        DCAT + "mediaType": Rule("iri", "http://www.iana.org/assignments/media-types/"),
        DCT + "license": IRI,
        DCT + "title": LITERAL,
    },
    DCAT + "DataService": {
        DCT + "title": IN_SWEDISH_AND_ENGLISH,
        DCAT + "endpointURL": IRI,
    },
    FOAF + "Agent": {
        FOAF + "name": LITERAL,
        DCT + "type": Rule("iri", "http://purl.org/adms/publishertype/"),
    },
    VCARD + "Organization": {
        VCARD + "fn": LITERAL,
        VCARD + "hasEmail": Rule("iri", "mailto:"),
    },
}


def graph_of(document: dict) -> dict[str, dict[str, list]]:
    """Nodes by @id (blank nodes numbered), each property's values in full IRIs."""
    context = document["@context"]
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))

    def expand(name: str) -> str:
        prefix, _colon, local = name.partition(":")
        assert prefix in context, f"{name} is not defined by the context"
        return context[prefix] + local

    def value(item):
        if isinstance(item, dict) and "@value" not in item:
            return {"@id": visit(item)}
        return item

    def visit(node: dict) -> str:
        key = node.get("@id") or f"_:b{len(nodes)}"
        merged = nodes[key]
        for name, values in node.items():
            if name in ("@context", "@id"):
                continue
            items = values if isinstance(values, list) else [values]
            found = [expand(t) for t in items] if name == TYPE else [value(i) for i in items]
            known = merged[TYPE if name == TYPE else expand(name)]
            # A graph is a set of triples: a node named twice says each thing once.
            known += [item for item in found if item not in known]
        return key

    visit(document)
    return nodes


def problems_with(nodes: dict) -> list[str]:
    problems = []
    for key, node in nodes.items():
        for cls in node.get(TYPE, []):
            for prop, rule in PROFILE.get(cls, {}).items():
                values = node.get(prop, [])
                if not values:
                    problems.append(f"{key} ({cls}) has no {prop}")
                problems += [f"{key} {prop}: {p}" for p in _checked(nodes, values, rule)]
    return problems


def _checked(nodes: dict, values: list, rule: Rule) -> list[str]:
    problems = []
    for item in values:
        if rule.kind == "literal":
            text = item if isinstance(item, str) else item.get("@value")
            if not text:
                problems.append(f"{item} is not a literal")
        elif rule.kind == "node":
            if rule.of not in nodes.get(item.get("@id"), {}).get(TYPE, []):
                problems.append(f"{item} is not a {rule.of}")
        elif not str(item.get("@id", "")).startswith(rule.of):
            problems.append(f"{item} is not in {rule.of}")
    if rule.languages:
        found = {item.get("@language") for item in values if isinstance(item, dict)}
        if not rule.languages <= found:
            problems.append(f"not in {sorted(rule.languages - found)}")
    return problems


@pytest.fixture
def operator(settings):
    settings.SITE_OPERATOR_NAME = "Myndigheten för offentlig innovation"
    settings.SITE_CONTACT_EMAIL = "oppnadata@innovation.example"


def served(client) -> dict[str, dict[str, list]]:
    response = client.get("/oppna-data/katalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    return graph_of(json.loads(response.content))


def of_class(nodes: dict, cls: str) -> list[dict]:
    return [node for node in nodes.values() if cls in node.get(TYPE, [])]


def test_the_catalogue_has_every_property_the_profile_makes_mandatory(client, published, operator):
    nodes = served(client)
    assert problems_with(nodes) == []
    assert len(of_class(nodes, DCAT + "Catalog")) == 1
    assert len(of_class(nodes, DCAT + "Distribution")) == 3


def test_the_catalogue_names_its_operator_as_publisher_and_contact(client, published, operator):
    nodes = served(client)
    [publisher] = of_class(nodes, FOAF + "Agent")
    assert publisher[FOAF + "name"] == ["Myndigheten för offentlig innovation"]
    [kind] = publisher[DCT + "type"]
    assert kind["@id"].rsplit("/", 1)[1] in PUBLISHER_TYPE_CODES
    contacts = of_class(nodes, VCARD + "Organization")
    emails = {email["@id"] for contact in contacts for email in contact[VCARD + "hasEmail"]}
    assert emails == {"mailto:oppnadata@innovation.example"}


def test_the_downloads_have_their_types_from_the_eu_and_iana_lists(client, published, operator):
    types = {
        (d[DCT + "format"][0]["@id"], d[DCAT + "mediaType"][0]["@id"])
        for d in of_class(served(client), DCAT + "Distribution")
    }
    iana = "http://www.iana.org/assignments/media-types/"
    assert types == {
        (EU + "file-type/CSV", iana + "text/csv"),
        (EU + "file-type/JSON", iana + "application/jsonl"),
        (EU + "file-type/JSON_LD", iana + "application/ld+json"),
    }


def test_the_dataset_is_open_to_all_and_about_government(client, published, operator):
    [dataset] = of_class(served(client), DCAT + "Dataset")
    assert dataset[DCT + "accessRights"] == [{"@id": EU + "access-right/PUBLIC"}]
    assert dataset[DCAT + "theme"] == [{"@id": EU + "data-theme/GOVE"}]
    keywords = {(k["@language"], k["@value"]) for k in dataset[DCAT + "keyword"]}
    assert ("sv", "innovation i offentlig sektor") in keywords
    assert ("en", "public sector innovation") in keywords


def test_the_check_finds_a_missing_property_and_a_value_outside_its_vocabulary():
    document = {
        "@context": {"dcat": DCAT, "dct": DCT},
        "@id": "https://example.se/d",
        "@type": "dcat:Distribution",
        "dcat:accessURL": {"@id": "https://example.se/d.csv"},
        "dct:format": {"@id": "https://example.se/formats/csv"},
    }
    problems = problems_with(graph_of(document))
    assert any("has no http://www.w3.org/ns/dcat#mediaType" in p for p in problems)
    assert any("is not in " + EU + "file-type/" in p for p in problems)

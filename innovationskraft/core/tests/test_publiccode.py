"""publiccode.yml at the repository's root describes the software as public-sector software
catalogues read it (the standard's version 0.4): its mandatory keys, the description in Swedish
and English, and the same licence and version as the package."""

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
MANDATORY = (
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
)


def _documents() -> tuple[dict, dict]:
    publiccode = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return publiccode, project


def test_it_has_every_mandatory_key_and_the_package_s_licence_and_version():
    publiccode, project = _documents()
    assert [key for key in MANDATORY if key not in publiccode] == []
    assert publiccode["publiccodeYmlVersion"] == "0.4"
    assert publiccode["legal"]["license"] == project["license"]["text"]
    assert publiccode["softwareVersion"] == project["version"]
    assert publiccode["developmentStatus"] in {
        "concept",
        "development",
        "beta",
        "stable",
        "obsolete",
    }
    assert publiccode["maintenance"]["type"] in {"internal", "contract", "community", "none"}


def test_it_describes_the_software_in_swedish_and_english_within_the_standard_s_limits():
    publiccode, _project = _documents()
    assert set(publiccode["description"]) == {"sv", "en"}
    assert set(publiccode["localisation"]["availableLanguages"]) == {"sv", "en"}
    for description in publiccode["description"].values():
        assert len(description["shortDescription"]) <= 150
        assert 150 <= len(description["longDescription"]) <= 10_000
        assert all(len(feature) <= 100 for feature in description["features"])

"""The library as linked data: each case as a schema.org CreativeWork. The description of the
whole dataset that data portals harvest is in dcat.py."""

import json
from collections.abc import Iterable, Iterator


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

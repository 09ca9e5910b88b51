"""The Swedish public-sector registry: municipalities and regions with official codes."""

import json
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_noop

DATA_DIR = Path(__file__).parent / "data"

# The county (län) codes and the region that carries regional responsibility in each: the 21
# regions SKR counts. In Gotland the municipality itself carries it, so Region Gotland is in
# the registry twice, as municipality 0980 and as region 09.
REGIONS_BY_COUNTY_CODE = {
    "01": "Region Stockholm",
    "03": "Region Uppsala",
    "04": "Region Sörmland",
    "05": "Region Östergötland",
    "06": "Region Jönköpings län",
    "07": "Region Kronoberg",
    "08": "Region Kalmar län",
    "09": "Region Gotland",
    "10": "Region Blekinge",
    "12": "Region Skåne",
    "13": "Region Halland",
    "14": "Västra Götalandsregionen",
    "17": "Region Värmland",
    "18": "Region Örebro län",
    "19": "Region Västmanland",
    "20": "Region Dalarna",
    "21": "Region Gävleborg",
    "22": "Region Västernorrland",
    "23": "Region Jämtland Härjedalen",
    "24": "Region Västerbotten",
    "25": "Region Norrbotten",
}

# Municipalities that call themselves "stad" (city) or carry another name than "X kommun".
OWN_NAMES = {
    "0180": "Stockholms stad",
    "1480": "Göteborgs Stad",
    "1280": "Malmö stad",
    "1283": "Helsingborgs stad",
    "1980": "Västerås stad",
    "0184": "Solna stad",
    "0183": "Sundbybergs stad",
    "0186": "Lidingö stad",
    "0187": "Vaxholms stad",
    "1282": "Landskrona stad",
    "1481": "Mölndals stad",
    "1488": "Trollhättans stad",
    "1490": "Borås Stad",
    "0880": "Kalmar kommun",
    "0980": "Region Gotland",
}

GENITIVE_FREE_ENDINGS = tuple("aeiouyåäösxz")

# So that makemessages keeps the county label translatable where it is shown.
COUNTY_LABEL = gettext_noop("County")


def municipality_name(code: str, plain_name: str) -> str:
    if code in OWN_NAMES:
        return OWN_NAMES[code]
    if plain_name.lower().endswith(GENITIVE_FREE_ENDINGS):
        return f"{plain_name} kommun"
    return f"{plain_name}s kommun"


def swedish_municipalities() -> list[dict]:
    with open(DATA_DIR / "swedish-municipalities.json", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def county_names() -> dict[str, str]:
    return {row["code"][:2]: row["county"] for row in swedish_municipalities()}


def swedish_organisations() -> list[tuple[str, str, str, str]]:
    """(kind, official code, name, county code) of every municipality and region, in the
    order they are seeded: the order decides which of two equal names gets a numbered slug.
    Plain data, so that a migration can read it."""
    rows = [
        ("municipality", row["code"], municipality_name(row["code"], row["municipality"]))
        for row in swedish_municipalities()
    ]
    rows += [("region", code, name) for code, name in REGIONS_BY_COUNTY_CODE.items()]
    return [(kind, code, name, code[:2]) for kind, code, name in rows]

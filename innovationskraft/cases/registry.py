"""The Swedish public-sector registry: municipalities and regions with official codes, and
the national organisations (agencies, universities, a few national bodies) with the other names
they go by."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_noop

from innovationskraft.cases.names import other_names, plain

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


@dataclass(frozen=True)
class NationalOrganisation:
    kind: str
    name: str
    # An acronym, the name in English, the long official name or an earlier one.
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@cache
def national_organisations() -> tuple[NationalOrganisation, ...]:
    with open(DATA_DIR / "swedish-national-organisations.json", encoding="utf-8") as handle:
        rows = json.load(handle)
    return tuple(
        NationalOrganisation(row["kind"], row["name"], tuple(row["aliases"])) for row in rows
    )


def national_organisations_to_seed(
    existing: Iterable[tuple[int, str, object]],
) -> tuple[list[NationalOrganisation], dict[int, list[str]]]:
    """What seeding the national organisations takes, given the organisations there are as
    (pk, name, other names): those no organisation goes by any of their names (in any case,
    without accents), to create; and for each organisation that is one of them, its other
    names with the missing ones added. Of two organisations with one of its names, the older
    is taken. Plain data, so that a migration can run it."""
    names: dict[int, tuple[str, list[str]]] = {}
    owner: dict[str, int] = {}
    for row_pk, row_name, row_aliases in sorted(existing, key=lambda row: row[0]):
        names[row_pk] = (row_name, other_names(row_aliases))
        for given in (row_name, *other_names(row_aliases)):
            owner.setdefault(plain(given), row_pk)
    new: list[NationalOrganisation] = []
    changed: dict[int, list[str]] = {}
    for national in national_organisations():
        pk = next((owner[key] for key in map(plain, national.names) if key in owner), None)
        if pk is None:
            new.append(national)
            continue
        name, aliases = names[pk]
        aliases = changed.get(pk, aliases)
        held = {plain(name), *map(plain, aliases)}
        added = [n for n in national.names if plain(n) not in held]
        if added:
            changed[pk] = [*aliases, *added]
    return new, changed

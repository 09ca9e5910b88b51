"""Organisations a catalogue names by name alone: a slug, a name of the model's length, and the
type the name makes evident: "University of Oslo", "UNICEF", "Ministry of Health", "Akvo
Foundation", "OpenMRS, Inc.". Anything else is "other". The rules are tried in order, so
"Department of Global Health, University of Washington" is a university and "Apperta
Foundation CIC" a non-profit."""

import hashlib
import re
from dataclasses import dataclass
from typing import cast

from django.utils.text import slugify

from innovationskraft.cases.models import Organisation

Kind = Organisation.Kind
NAME_LENGTH = cast(int, Organisation._meta.get_field("name").max_length)

RULES: tuple[tuple[Organisation.Kind, re.Pattern[str]], ...] = (
    (
        Kind.INTERNATIONAL,
        re.compile(
            r"\bUnited Nations\b|\bUN[A-Z]{2,}\b|\bWorld Bank\b|\bWorld Food Programme\b"
            r"|\bWorld Health Organi[sz]ation\b|\bDevelopment Bank\b|\bEuropean Commission\b"
        ),
    ),
    (
        Kind.UNIVERSITY,
        re.compile(
            r"\b(universit(y|ies|é|e|ät|at|à)|universidad|universidade|universiteit)\b", re.I
        ),
    ),
    (
        Kind.AGENCY,
        re.compile(r"\b(government|ministry|ministère|ministerio|ministerium)\b", re.I),
    ),
    (
        Kind.NON_PROFIT,
        re.compile(
            r"\b(foundation|fundación|fundação|fondation|stiftung|stichting|association"
            r"|non-?profit|gGmbH|e\.\s?V\.)(?=\W|$)",
            re.I,
        ),
    ),
    (
        Kind.COMPANY,
        re.compile(
            r"\b(inc|ltd|llc|gmbh|pvt|pty|limited|corp|corporation|plc|s\.?a\.?s?|b\.v)\.?(?=\W|$)",
            re.I,
        ),
    ),
)


def kind_of(name: str) -> str:
    """The type the name makes evident, else "other"."""
    kind = next((kind for kind, pattern in RULES if pattern.search(name)), Kind.OTHER)
    return kind.value


@dataclass(frozen=True)
class Named:
    slug: str
    name: str
    kind: str


def named(name: str) -> Named:
    name = " ".join(name.split())[:NAME_LENGTH]
    slug = slugify(name)[:200].strip("-_")
    # A name of letters slugify drops (Chinese, Arabic) still needs a slug of its own.
    slug = slug or "organisation-" + hashlib.sha256(name.encode()).hexdigest()[:12]
    return Named(slug=slug, name=name, kind=kind_of(name))

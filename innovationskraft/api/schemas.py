"""What the API reads and writes. Case fields carry the names of the open-data export, so a
record read here can be imported there and the other way round."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ninja import Field, Schema
from pydantic import ConfigDict

from innovationskraft.cases.models import Adoption, Case, Organisation

if TYPE_CHECKING:
    # The choices of the models, read at import: to a type checker, strings.
    Stage: TypeAlias = str
    Facet: TypeAlias = str
    OrganisationType: TypeAlias = str
    How: TypeAlias = str
else:
    Stage = Literal[tuple(Case.Stage.values)]
    Facet = Literal[tuple(Case.Facet.values)]
    OrganisationType = Literal[tuple(Organisation.Kind.values)]
    How = Literal[tuple(Adoption.How.values)]


class FieldErrorOut(Schema):
    field: str
    code: str
    message: str


class ErrorOut(Schema):
    code: str = Field(description="A machine-readable code, such as not_found or invalid.")
    message: str
    errors: list[FieldErrorOut] | None = Field(
        None, description="Every bad field at once; left out when the error is not about fields."
    )


class PageOut(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None


class LinkOut(Schema):
    title: str
    url: str


class CaseOut(Schema):
    identifier: str
    url: str = Field(description="The case's page on the site.")
    slug: str
    title: str
    summary: str
    description: str = Field(description="Markdown.")
    language: str
    lead_organisation: str = Field(description="The lead organisation's slug.")
    lead_organisation_name: str
    partners: list[str] = Field(description="Slugs of the partner organisations.")
    stage: str
    start_year: int | None
    sector: str | None = Field(description="A term code of the sector vocabulary.")
    facet: str
    innovation_types: list[str]
    target_groups: list[str]
    barriers: list[str]
    enablers: list[str]
    effects: list[str]
    sdgs: list[str]
    user_involvement: str
    barriers_text: str
    enablers_text: str
    effects_evaluated: bool
    tags: list[str]
    links: list[LinkOut]
    inspired_by: list[str] = Field(description="Identifiers of published cases.")
    adoption_count: int
    published_at: datetime | None
    updated_at: datetime


class CasePage(PageOut):
    results: list[CaseOut]


class LinkIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = ""
    url: str


def _read_only(description: str) -> Any:
    return Field(None, description=description, json_schema_extra={"readOnly": True})


def _choice(values: Iterable[str], description: str = "") -> Any:
    return Field(None, description=description, json_schema_extra={"enum": [*values, None]})


READ_ONLY = (
    "url",
    "slug",
    "lead_organisation_name",
    "adoption_count",
    "published_at",
    "updated_at",
)
IGNORED = "Read-only: ignored when sent, so that a case read here can be sent back."


class CaseIn(Schema):
    """A case as written. Fields left out keep their value on PATCH; on PUT they are cleared,
    except the write-only contact fields, which keep theirs unless sent."""

    model_config = ConfigDict(extra="forbid")

    identifier: str | None = Field(
        None,
        description="On POST, a stable identifier of your own (a UUID is made otherwise); "
        "on PUT and PATCH it must be the case's own.",
    )
    title: str | None = Field(None, json_schema_extra={"maxLength": 200})
    summary: str | None = Field(None, json_schema_extra={"maxLength": 600})
    description: str | None = Field(None, description="Markdown.")
    language: str | None = _choice(Case.Language.values)
    lead_organisation: str | None = Field(
        None, description="The slug of one of your organisations; cannot be changed later."
    )
    partners: list[str] | None = Field(None, description="Organisation slugs.")
    stage: str | None = _choice(Case.Stage.values)
    start_year: int | None = None
    sector: str | None = Field(None, description="A term code of the sector vocabulary.")
    facet: str | None = _choice(["", *Case.Facet.values])
    innovation_types: list[str] | None = None
    target_groups: list[str] | None = None
    barriers: list[str] | None = None
    enablers: list[str] | None = None
    effects: list[str] | None = None
    sdgs: list[str] | None = None
    user_involvement: str | None = None
    barriers_text: str | None = None
    enablers_text: str | None = None
    effects_evaluated: bool | None = None
    tags: list[str] | None = None
    links: list[LinkIn] | None = None
    inspired_by: list[str] | None = Field(None, description="Identifiers of published cases.")
    contact_name: str | None = Field(None, description="Write-only: never shown or returned.")
    contact_email: str | None = Field(None, description="Write-only: never shown or returned.")
    url: Any = _read_only(IGNORED)
    slug: Any = _read_only(IGNORED)
    lead_organisation_name: Any = _read_only(IGNORED)
    adoption_count: Any = _read_only(IGNORED)
    published_at: Any = _read_only(IGNORED)
    updated_at: Any = _read_only(IGNORED)

    def record(self) -> dict:
        """The fields sent, as an open-data record."""
        return self.model_dump(exclude_unset=True, exclude=set(READ_ONLY))


class CaseCreateIn(CaseIn):
    model_config = ConfigDict(
        json_schema_extra={"required": ["title", "summary", "stage", "lead_organisation"]}
    )


class CaseReplaceIn(CaseIn):
    model_config = ConfigDict(json_schema_extra={"required": ["title", "summary", "stage"]})


class OrganisationOut(Schema):
    slug: str
    name: str
    type: str
    country: str
    official_code: str
    county_code: str
    website: str
    parent: str | None = Field(description="The slug of the organisation this one is part of.")
    url: str
    case_count: int = Field(description="Published cases it leads.")
    adopted_count: int = Field(description="Published cases it adopted.")


class OrganisationDetailOut(OrganisationOut):
    partner_case_count: int = Field(description="Published cases it is a partner in.")


class OrganisationPage(PageOut):
    results: list[OrganisationOut]


class VocabularyOut(Schema):
    code: str
    label_sv: str
    label_en: str
    hierarchical: bool
    term_count: int


class TermOut(Schema):
    code: str
    parent: str | None
    label_sv: str
    label_en: str
    definition_sv: str
    definition_en: str


class VocabularyDetailOut(VocabularyOut):
    terms: list[TermOut]


class AdoptionOut(Schema):
    case: str = Field(description="The adopted case's identifier.")
    case_title: str
    organisation: str = Field(description="The adopting organisation's slug.")
    organisation_name: str
    year: int | None
    how: str
    note: str
    created_at: datetime


class AdoptionPage(PageOut):
    results: list[AdoptionOut]


class AdoptionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    organisation: str = Field(description="The slug of one of your organisations.")
    year: int | None = None
    how: How = Adoption.How.ADAPTED.value
    note: str = ""


class ReportOut(Schema):
    slug: str
    title: str
    organiser: str = Field(description="The organiser's slug.")
    organiser_name: str
    date: date
    language: str
    url: str
    published_at: datetime | None


class ReportPage(PageOut):
    results: list[ReportOut]


class FiguresOut(Schema):
    participants: int
    organisations: int
    contributions: int
    examples: int


class ExampleOut(Schema):
    text: str
    case: str | None = Field(description="The identifier of the published case it names.")


class ThemeOut(Schema):
    name: str
    prompt_kind: str
    prompt: str
    contributions: int
    votes: int
    terms: list[str] = Field(description="Barrier and enabler codes the theme is tagged with.")


class PromptOut(Schema):
    kind: str
    text: str
    count: int


class TermCountLeafOut(Schema):
    code: str
    label_sv: str
    label_en: str
    count: int


class TermCountOut(TermCountLeafOut):
    children: list[TermCountLeafOut]


class ReportDetailOut(ReportOut):
    description: str
    conclusions: str = Field(description="Markdown.")
    figures: FiguresOut
    examples: list[ExampleOut]
    themes: list[ThemeOut]
    prompts: list[PromptOut]
    barriers: list[TermCountOut]
    enablers: list[TermCountOut]

"""What the API reads and writes. Case fields carry the names of the open-data export, so a
record read here can be imported there and the other way round."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Literal, TypeAlias

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


class ChangeAwaitingReviewOut(Schema):
    """The answer to an editor's change to a published case: held until a moderator approves
    it, while every read keeps giving the reviewed case."""

    code: Literal["awaiting_review"] = "awaiting_review"
    message: str
    identifier: str = Field(description="The case's identifier.")
    submitted_at: datetime = Field(description="When the change was stored for review.")


class PageOut(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None


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

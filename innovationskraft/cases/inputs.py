from dataclasses import dataclass, field

from innovationskraft.cases.models import Case, Organisation, Term


@dataclass(kw_only=True)
class CaseInput:
    """Everything a case owner writes about a case, as the web form and the API deliver it."""

    title: str
    summary: str
    stage: str
    description: str = ""
    language: str = "sv"
    start_year: int | None = None
    sector: Term | None = None
    facet: str = ""
    partners: list[Organisation] = field(default_factory=list)
    innovation_types: list[Term] = field(default_factory=list)
    target_groups: list[Term] = field(default_factory=list)
    user_involvement: str = ""
    barriers: list[Term] = field(default_factory=list)
    barriers_text: str = ""
    enablers: list[Term] = field(default_factory=list)
    enablers_text: str = ""
    effects: list[Term] = field(default_factory=list)
    effects_evaluated: bool = False
    sdgs: list[Term] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    inspired_by: list[Case] = field(default_factory=list)
    contact_name: str = ""
    contact_email: str = ""

    SCALAR_FIELDS = (
        "title", "summary", "stage", "description", "language", "start_year", "sector", "facet",
        "user_involvement", "barriers_text", "enablers_text", "effects_evaluated",
        "contact_name", "contact_email",
    )  # fmt: skip
    RELATION_FIELDS = (
        "partners", "innovation_types", "target_groups", "barriers", "enablers", "effects", "sdgs",
        "inspired_by",
    )  # fmt: skip

    @classmethod
    def from_case(cls, case: Case) -> "CaseInput":
        values = {name: getattr(case, name) for name in cls.SCALAR_FIELDS}
        values |= {name: list(getattr(case, name).all()) for name in cls.RELATION_FIELDS}
        values["tags"] = [tag.name for tag in case.tags.all()]
        values["links"] = [(link.title, link.url) for link in case.links.all()]
        return cls(**values)

from innovationskraft.cases.models.cases import Case, CaseLink, ReviewDecision, Tag
from innovationskraft.cases.models.organisations import Organisation
from innovationskraft.cases.models.spread import Adoption
from innovationskraft.cases.models.vocabularies import HIERARCHICAL, Term, Vocabulary

__all__ = [
    "HIERARCHICAL",
    "Adoption",
    "Case",
    "CaseLink",
    "Organisation",
    "ReviewDecision",
    "Tag",
    "Term",
    "Vocabulary",
]

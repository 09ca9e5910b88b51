from innovationskraft.cases.models.cases import Case, CaseLink, ReviewDecision, Tag
from innovationskraft.cases.models.library import LibraryVersion
from innovationskraft.cases.models.moderation import PendingRevision
from innovationskraft.cases.models.organisations import Organisation
from innovationskraft.cases.models.partners import CasePartner
from innovationskraft.cases.models.spread import Adoption
from innovationskraft.cases.models.vocabularies import (
    CASE_FIELD_OF_VOCABULARY,
    HIERARCHICAL,
    Term,
    Vocabulary,
)

__all__ = [
    "CASE_FIELD_OF_VOCABULARY",
    "HIERARCHICAL",
    "Adoption",
    "Case",
    "CaseLink",
    "CasePartner",
    "LibraryVersion",
    "Organisation",
    "PendingRevision",
    "ReviewDecision",
    "Tag",
    "Term",
    "Vocabulary",
]

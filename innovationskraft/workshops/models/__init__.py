from innovationskraft.workshops.models.contributions import (
    MAX_CONTRIBUTION_LENGTH,
    TAG_VOCABULARIES,
    THEME_NAME_LENGTH,
    Contribution,
    Theme,
)
from innovationskraft.workshops.models.voting import Vote, VotingRound
from innovationskraft.workshops.models.workshops import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Participant,
    Prompt,
    Workshop,
)

__all__ = [
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "MAX_CONTRIBUTION_LENGTH",
    "TAG_VOCABULARIES",
    "THEME_NAME_LENGTH",
    "Contribution",
    "Participant",
    "Prompt",
    "Theme",
    "Vote",
    "VotingRound",
    "Workshop",
]

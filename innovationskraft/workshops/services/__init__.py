"""Every change to workshops goes through these functions, one transaction each."""

from innovationskraft.workshops.services.common import RateLimited
from innovationskraft.workshops.services.curation import (
    contribution_link_case,
    contribution_to_case,
)
from innovationskraft.workshops.services.joining import participant_join
from innovationskraft.workshops.services.moderation import (
    contribution_correct,
    contribution_merge,
    contribution_set_flags,
    contribution_set_status,
    contribution_unmerge,
)
from innovationskraft.workshops.services.participation import (
    contribution_edit_own,
    contribution_send,
    contribution_withdraw,
)
from innovationskraft.workshops.services.retention import participants_forget
from innovationskraft.workshops.services.themes import (
    ClusterOutcome,
    contribution_move,
    contribution_set_terms,
    theme_dissolve,
    theme_rename,
    theme_set_terms,
    theme_split,
    themes_cluster,
)
from innovationskraft.workshops.services.voting import (
    VoteRefused,
    round_close,
    round_open,
    vote_cast,
    vote_withdraw,
)
from innovationskraft.workshops.services.workshops import (
    TEMPLATE_CHOICES,
    TEMPLATES,
    prompt_add,
    prompt_remove,
    workshop_close,
    workshop_create,
    workshop_open,
    workshop_publish,
    workshop_save_conclusions,
    workshop_set_locked,
    workshop_unpublish,
    workshop_update,
)

__all__ = [
    "TEMPLATES",
    "TEMPLATE_CHOICES",
    "ClusterOutcome",
    "RateLimited",
    "VoteRefused",
    "contribution_correct",
    "contribution_edit_own",
    "contribution_link_case",
    "contribution_merge",
    "contribution_move",
    "contribution_send",
    "contribution_set_flags",
    "contribution_set_status",
    "contribution_set_terms",
    "contribution_to_case",
    "contribution_unmerge",
    "contribution_withdraw",
    "participant_join",
    "participants_forget",
    "prompt_add",
    "prompt_remove",
    "round_close",
    "round_open",
    "theme_dissolve",
    "theme_rename",
    "theme_set_terms",
    "theme_split",
    "themes_cluster",
    "vote_cast",
    "vote_withdraw",
    "workshop_close",
    "workshop_create",
    "workshop_open",
    "workshop_publish",
    "workshop_save_conclusions",
    "workshop_set_locked",
    "workshop_unpublish",
    "workshop_update",
]

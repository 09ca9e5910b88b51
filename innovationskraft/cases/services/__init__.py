"""Every change to organisations, cases and adoptions goes through these functions."""

from innovationskraft.cases.services.adoptions import (
    adoption_record,
    adoption_remove,
    case_recount_adoptions,
)
from innovationskraft.cases.services.cases import (
    EditConflict,
    case_archive,
    case_create,
    case_lock,
    case_publish,
    case_return_to_owner,
    case_saved_elsewhere,
    case_submit_for_review,
    case_update,
)
from innovationskraft.cases.services.moderation import (
    Edit,
    case_edit,
    organisation_set_trusted,
    pending_revision_approve,
    pending_revision_return,
    pending_revision_submit,
)
from innovationskraft.cases.services.organisations import (
    organisation_names_changed,
    organisation_upsert,
    organisations_seed_swedish_registry,
    unique_slug,
    unique_slugs,
)
from innovationskraft.cases.services.partners import partnership_confirm, partnership_decline
from innovationskraft.cases.services.vocabularies import (
    tag_renamed,
    tags_delete,
    term_labels_changed,
    terms_delete,
)

__all__ = [
    "Edit",
    "EditConflict",
    "adoption_record",
    "adoption_remove",
    "case_archive",
    "case_create",
    "case_edit",
    "case_lock",
    "case_publish",
    "case_recount_adoptions",
    "case_return_to_owner",
    "case_saved_elsewhere",
    "case_submit_for_review",
    "case_update",
    "organisation_names_changed",
    "organisation_set_trusted",
    "organisation_upsert",
    "organisations_seed_swedish_registry",
    "partnership_confirm",
    "partnership_decline",
    "pending_revision_approve",
    "pending_revision_return",
    "pending_revision_submit",
    "tag_renamed",
    "tags_delete",
    "term_labels_changed",
    "terms_delete",
    "unique_slug",
    "unique_slugs",
]

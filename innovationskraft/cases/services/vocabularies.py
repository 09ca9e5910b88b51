"""Terms of the vocabularies and tags, as renamed in the admin."""

from django.db import transaction
from django.utils.translation import gettext_noop

from innovationskraft.accounts.types import Actor
from innovationskraft.cases.models import Case, Tag, Term
from innovationskraft.cases.signals import cases_changed

TERM_RELABELLED = gettext_noop("A term of the case was given another label")
TAG_RENAMED = gettext_noop("A tag of the case was renamed")
# The fields by which a case has a term: its sector, and its lists of terms.
TERM_FIELDS = ("sector", "barriers", "enablers", "target_groups")


@transaction.atomic
def term_labels_changed(*, actor: Actor, term: Term) -> None:
    """After a change of a term's Swedish or English label: the cases that have it are
    signalled changed (without a new version), so that search finds them by the new label."""
    case_ids: set[int] = set()
    for field in TERM_FIELDS:
        case_ids.update(Case.objects.filter(**{field: term}).values_list("pk", flat=True))
    cases_changed(case_ids=sorted(case_ids), actor=actor, action=TERM_RELABELLED, versioned=False)


@transaction.atomic
def tag_renamed(*, actor: Actor, tag: Tag) -> None:
    """After a tag was renamed: its cases are signalled changed, as for a term's label."""
    case_ids = Case.objects.filter(tags=tag).values_list("pk", flat=True)
    cases_changed(case_ids=sorted(case_ids), actor=actor, action=TAG_RENAMED, versioned=False)

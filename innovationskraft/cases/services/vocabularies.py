"""Terms of the vocabularies and tags, as renamed or deleted in the admin (and a term as a
release relabels it): the cases that have them are signalled changed without a new version,
so that search finds them by the names they have now."""

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext_noop

from innovationskraft.accounts.types import Actor
from innovationskraft.cases.models import Case, Tag, Term
from innovationskraft.cases.signals import cases_changed

TERM_RELABELLED = gettext_noop("A term of the case was given another label")
TERM_DELETED = gettext_noop("A term of the case was deleted")
TAG_RENAMED = gettext_noop("A tag of the case was renamed")
TAG_DELETED = gettext_noop("A tag of the case was deleted")
# The fields by which a case has a term: its sector, and its lists of terms.
TERM_FIELDS = ("sector", "barriers", "enablers", "target_groups")


def _cases_with_terms(terms: Iterable[Term]) -> list[int]:
    case_ids: set[int] = set()
    for field in TERM_FIELDS:
        having = Case.objects.filter(**{f"{field}__in": list(terms)})
        case_ids.update(having.values_list("pk", flat=True))
    return sorted(case_ids)


def _cases_with_tags(tags: Iterable[Tag]) -> list[int]:
    return sorted(set(Case.objects.filter(tags__in=list(tags)).values_list("pk", flat=True)))


@transaction.atomic
def term_labels_changed(*, actor: Actor, term: Term) -> None:
    """After a change of a term's Swedish or English label."""
    case_ids = _cases_with_terms([term])
    cases_changed(case_ids=case_ids, actor=actor, action=TERM_RELABELLED, versioned=False)


@transaction.atomic
def terms_delete(*, actor: Actor, terms: Iterable[Term]) -> None:
    """Deletes the terms (a case's sector protects its term: the deletion then raises)."""
    terms = list(terms)
    case_ids = _cases_with_terms(terms)
    for term in terms:
        term.delete()
    cases_changed(case_ids=case_ids, actor=actor, action=TERM_DELETED, versioned=False)


@transaction.atomic
def tag_renamed(*, actor: Actor, tag: Tag) -> None:
    """After a tag was renamed."""
    case_ids = _cases_with_tags([tag])
    cases_changed(case_ids=case_ids, actor=actor, action=TAG_RENAMED, versioned=False)


@transaction.atomic
def tags_delete(*, actor: Actor, tags: Iterable[Tag]) -> None:
    tags = list(tags)
    case_ids = _cases_with_tags(tags)
    for tag in tags:
        tag.delete()
    cases_changed(case_ids=case_ids, actor=actor, action=TAG_DELETED, versioned=False)
